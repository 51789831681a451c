"""The "Partner staff" group, and the City editors' rights over partners, offers and the
analytics: created by a migration, so they exist on every install, not only after seeding."""

from django.db import migrations

PARTNER_STAFF = "Partner staff"
CITY_EDITORS = "City editors"
MODEL_PERMISSIONS = {
    "partner": ("add", "change", "delete", "view"),
    "offer": ("add", "change", "delete", "view"),
    "partnerstaff": ("add", "change", "delete", "view"),
}
EXTRA = [("offer", "view_pass_analytics", "Can view Entry Pass analytics")]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group.objects.get_or_create(name=PARTNER_STAFF)
    editors, _created = Group.objects.get_or_create(name=CITY_EDITORS)
    wanted = [
        (model, f"{action}_{model}", f"Can {action} {model}")
        for model, actions in MODEL_PERMISSIONS.items()
        for action in actions
    ] + EXTRA
    for model, codename, name in wanted:
        content_type, _created = ContentType.objects.get_or_create(app_label="passes", model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        editors.permissions.add(permission)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PARTNER_STAFF).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("passes", "0001_initial"),
        ("home", "0002_roles_and_city_approval_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
