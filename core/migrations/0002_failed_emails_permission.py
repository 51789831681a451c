"""City editors see the e-mails that could not be sent, with their recipients, and send them
again (core.admin_views). Superusers have every permission. Created by a migration, so the
right exists on every install."""

from django.db import migrations

CODENAME = "view_failed_emails"
NAME = "Can see and resend e-mails that could not be sent"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="core", model="outgoingemail"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    city, _created = Group.objects.get_or_create(name="City editors")
    city.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_outgoing_email"),
        ("home", "0002_roles_and_city_approval_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
