"""RSS and Atom feeds of news releases, one per language (outside the language prefix)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

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

    def language(self, locale):
        return locale.language_code

    def items(self, locale):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_summary()

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_category_display()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
