"""Who may do what with the membership, on every install.

City editors own the members' data (list, figures, export, access log) and manage benefits;
contractor editors manage benefits and check members in at activities but see no member
data unless the city grants "view furusato residents" to them explicitly; translators
translate benefits.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

MEMBER_PERMISSIONS = {
    "City editors": [
        "members.view_membership",
        "members.export_membership",
        "members.view_personaldataaccesslog",
        "members.add_benefit",
        "members.change_benefit",
        "members.delete_benefit",
        "members.view_benefit",
        "members.checkin_activity",
    ],
    "Contractor editors": [
        "members.add_benefit",
        "members.change_benefit",
        "members.view_benefit",
        "members.checkin_activity",
    ],
    "Translators": ["members.change_benefit", "members.view_benefit"],
}


def grant_member_permissions(apps, schema_editor):
    app_config = apps.get_app_config("members")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, dotted_names in MEMBER_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke_member_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=MEMBER_PERMISSIONS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="members"))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_membership_benefits_activities"),
        ("home", "0002_roles_and_city_approval_workflow"),
    ]

    operations = [migrations.RunPython(grant_member_permissions, revoke_member_permissions)]
