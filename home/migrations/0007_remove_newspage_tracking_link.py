"""The news page's tracking link is now TrackingLink.press_release (campaigns 0003 copied the
links given): the portal no longer refers to campaigns."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_news_tracking_link"),
        ("campaigns", "0003_trackinglink_press_release"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="newspage",
            name="tracking_link",
        ),
    ]
