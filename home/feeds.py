"""RSS and Atom feeds of news releases, one per language (outside the language prefix)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.japan_time import start_of_day
from home.chrome import chrome_for
from home.models import NewsPage

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, language):
        if language not in dict(settings.LANGUAGES):
            raise Http404
        translation.activate(language)
        self.request = request
        return Locale.objects.get(language_code=language)

    def title(self, locale):
        identity = chrome_for(self.request)["identity"]
        site_name = identity["site_name"] if identity else settings.WAGTAIL_SITE_NAME
        return _("%(site)s — news") % {"site": site_name}

    def link(self, locale):
        return chrome_for(self.request)["homes"].get(locale.language_code, "/")

    def description(self, locale):
        return _("News releases and notices")

    def get_feed(self, obj, request):
        # Django reads Feed.language as a plain attribute (a method would be written as
        # "<bound method …>" into <language> and xml:lang): the feed's language is set here.
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language_code
        return feed

    def items(self, locale):
        return NewsPage.objects.live_public_in(locale).order_by("-date", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_summary()

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        """The release's own date (the date editors give it, Japan time), not when its page was
        first published: imported or back-dated news keeps its date."""
        return start_of_day(item.date)

    def item_updateddate(self, item):
        return self.item_pubdate(item)

    def item_categories(self, item):
        return [item.get_category_display()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
