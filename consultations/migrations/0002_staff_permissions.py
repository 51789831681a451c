"""Consultation staff run the inbox (view, add, change); City editors may read it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF = "Consultation staff"
CITY_EDITORS = "City editors"
# Editing the consultation page goes through Wagtail's page permissions (the City approval
# workflow), not model permissions.
PERMISSIONS = {
    STAFF: ["view_consultation", "add_consultation", "change_consultation"],
    CITY_EDITORS: ["view_consultation"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="consultations", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="consultations", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("home", "0002_roles_and_city_approval_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
