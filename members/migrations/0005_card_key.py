import secrets

from django.db import migrations, models

import members.models.membership


def give_each_card_its_own_key(apps, schema_editor):
    # AddField gives every existing row the same default: draw one per membership.
    Membership = apps.get_model("members", "Membership")
    for pk in Membership.objects.values_list("pk", flat=True):
        Membership.objects.filter(pk=pk).update(card_key=secrets.token_urlsafe(16))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_furusato_resident_page"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="card_key",
            field=models.CharField(
                db_index=True,
                default=members.models.membership.new_card_key,
                editable=False,
                max_length=32,
            ),
        ),
        migrations.RunPython(give_each_card_its_own_key, migrations.RunPython.noop),
    ]
