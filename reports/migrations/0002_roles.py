"""City and contractor editors see the KPI dashboard and write results reports. The targets
are the city's: contractor editors, whose work they measure, see them but do not set them,
and they cannot delete a report (its delivered versions go with it). Translators,
consultation staff and partner staff reach none of it. Created by a migration, so the rights
exist on every install."""

from django.db import migrations

MODEL_PERMISSIONS = {
    "kpitarget": ("add", "change", "delete", "view"),
    "report": ("add", "change", "delete", "view"),
}
EXTRA = [("kpitarget", "view_kpi_dashboard", "Can view the KPI dashboard")]
CONTRACTOR = {
    "view_kpitarget",
    "view_kpi_dashboard",
    "add_report",
    "change_report",
    "view_report",
}


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
    city, _created = Group.objects.get_or_create(name="City editors")
    city.permissions.add(*permissions)
    contractor, _created = Group.objects.get_or_create(name="Contractor editors")
    contractor.permissions.add(*[p for p in permissions if p.codename in CONTRACTOR])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("home", "0002_roles_and_city_approval_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
