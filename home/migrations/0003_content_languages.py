"""Every install has a Wagtail locale for each content language (Japanese first)."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_roles_and_city_approval_workflow")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
