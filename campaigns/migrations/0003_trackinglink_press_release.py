"""A press release's short link moves from the news page (home.NewsPage.tracking_link, a
reference from the portal to campaigns: against the direction imports run) to the link
(TrackingLink.press_release). The links already given are copied before home 0007 removes
the old field."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import campaigns.models


def copy_press_links(apps, schema_editor):
    """Each release's link now points at the release's original (the page in the default
    language), whichever translation it was chosen on; the original's own choice wins, and a
    link chosen on two releases keeps the first (by path)."""
    NewsPage = apps.get_model("home", "NewsPage")
    TrackingLink = apps.get_model("campaigns", "TrackingLink")
    pages = NewsPage.objects.filter(tracking_link__isnull=False).select_related("locale")
    # Originals first, then translations; in tree order within each.
    ordered = sorted(
        pages, key=lambda p: (p.locale.language_code != settings.LANGUAGE_CODE, p.path)
    )
    given_links, given_releases = set(), set()
    for page in ordered:
        original = NewsPage.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if (
            original is None
            or page.tracking_link_id in given_links
            or original.pk in given_releases
        ):
            continue
        TrackingLink.objects.filter(pk=page.tracking_link_id).update(press_release=original)
        given_links.add(page.tracking_link_id)
        given_releases.add(original.pk)


def copy_back(apps, schema_editor):
    NewsPage = apps.get_model("home", "NewsPage")
    TrackingLink = apps.get_model("campaigns", "TrackingLink")
    for link in TrackingLink.objects.filter(press_release__isnull=False):
        original = NewsPage.objects.get(pk=link.press_release_id)
        NewsPage.objects.filter(translation_key=original.translation_key).update(tracking_link=link)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_roles"),
        ("home", "0006_news_tracking_link"),
    ]

    operations = [
        migrations.AddField(
            model_name="trackinglink",
            name="press_release",
            field=models.OneToOneField(
                blank=True,
                help_text=(
                    "A news release that shows this short link for the media, so that visits "
                    "from copies of the release are counted."
                ),
                limit_choices_to=campaigns.models.campaigns_in_default_locale,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="press_link",
                to="home.newspage",
                verbose_name="press release",
            ),
        ),
        migrations.RunPython(copy_press_links, copy_back),
    ]
