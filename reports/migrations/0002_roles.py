"""City and contractor editors see the KPI dashboard, set targets and make results reports;
nobody else does (translators, consultation staff and partner staff reach none of it).
Created by a migration, so the rights exist on every install."""

from django.db import migrations

GROUPS = ("City editors", "Contractor editors")
MODEL_PERMISSIONS = {
    "kpitarget": ("add", "change", "delete", "view"),
    "report": ("add", "change", "delete", "view"),
}
EXTRA = [("kpitarget", "view_kpi_dashboard", "Can view the KPI dashboard")]


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
        content_type, _created = ContentType.objects.get_or_create(app_label="reports", model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("home", "0002_roles_and_city_approval_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
