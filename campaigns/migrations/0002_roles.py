"""City and contractor editors run campaigns: creators, tracking links, fees and budgets,
and the dashboard; translators translate the creators' names and profiles, as they do the
other translatable snippets. Created by a migration, so the rights exist on every install."""

from django.db import migrations

GROUPS = ("City editors", "Contractor editors")
MODEL_PERMISSIONS = {
    "creator": ("add", "change", "delete", "view"),
    "trackinglink": ("add", "change", "delete", "view"),
    "campaigncost": ("add", "change", "delete", "view"),
}
EXTRA = [("click", "view_campaign_dashboard", "Can view the campaign dashboard")]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    wanted = [
        (model, f"{action}_{model}", f"Can {action} {model}")
        for model, actions in MODEL_PERMISSIONS.items()
        for action in actions
    ] + EXTRA
    permissions = []
    for model, codename, name in wanted:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="campaigns", model=model
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
    translators, _created = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(
        *[p for p in permissions if p.codename in ("change_creator", "view_creator")]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("home", "0002_roles_and_city_approval_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
