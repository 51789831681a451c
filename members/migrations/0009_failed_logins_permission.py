"""City editors see the failed-login log ("Failed logins"); nobody edits it. Contractor
editors, translators, consultation and partner staff do not see it: it shows who tried to
log in to which account, from where. Created by a migration, so it exists on every install."""

from django.db import migrations

GROUPS = ["City editors"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="members", model="loginevent"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_loginevent",
        defaults={"name": "Can view failed login"},
    )
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="members", codename="view_loginevent")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0008_login_events"),
        ("home", "0002_roles_and_city_approval_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
