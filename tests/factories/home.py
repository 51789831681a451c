"""Factories of the portal's pages: published, in Japanese, under their place in the test site.

Each factory adds its page under the Japanese parent the page type belongs to (the home page,
the story, news or event index) unless given ``parent=``, and publishes it, so that it is
listed, searchable and served like an editor's page. ``translate_into_english()`` makes the
English translation the way a translator does, through wagtail-localize.
"""

from datetime import timedelta

import factory
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale

from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SectionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    StoryTheme,
)
from home.services import translate_through_localize


def japanese(model):
    """The test site's Japanese page of this type (the home page or one of its indexes)."""
    return model.objects.get(locale=Locale.get_default())


class PublishedPageFactory(factory.Factory):
    """Adds the page under ``parent`` (else the type's Japanese parent) and publishes it."""

    class Meta:
        abstract = True

    _parent_model = HomePage

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or japanese(cls._parent_model)).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    @classmethod
    def _build(cls, model_class, *args, parent=None, **kwargs):
        return model_class(*args, **kwargs)


class SectionPageFactory(PublishedPageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"テーマ{n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    intro = "苫小牧との関わり方を、テーマごとにご紹介します。"


class StandardPageFactory(PublishedPageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"ご案内{n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    intro = "このサイトの使い方をご案内します。"


def story_themes(themes):
    """Japanese story themes from themes or their slugs ("food", "nature", ...)."""
    by_slug = {t.slug: t for t in StoryTheme.objects.filter(locale=Locale.get_default())}
    return [by_slug[t] if isinstance(t, str) else t for t in themes]


class StoryPageFactory(PublishedPageFactory):
    """A story; ``themes=["food", "nature"]`` (slugs or StoryTheme objects) tags it."""

    class Meta:
        model = StoryPage

    _parent_model = StoryIndexPage

    title = factory.Sequence(lambda n: f"苫小牧で暮らす人のストーリー{n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    summary = "苫小牧に移り住んだ人に、暮らしの今を聞きました。"
    interviewee = "苫小牧市民"
    date = factory.LazyFunction(timezone.localdate)

    @classmethod
    def _create(cls, model_class, *args, themes=(), **kwargs):
        return super()._create(model_class, *args, themes=story_themes(themes), **kwargs)


class NewsPageFactory(PublishedPageFactory):
    class Meta:
        model = NewsPage

    _parent_model = NewsIndexPage

    title = factory.Sequence(lambda n: f"お知らせ{n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    summary = "苫小牧市からのお知らせです。"
    category = "notice"
    date = factory.LazyFunction(timezone.localdate)


class EventPageFactory(PublishedPageFactory):
    """An event at a venue, starting in a week unless told otherwise."""

    class Meta:
        model = EventPage

    _parent_model = EventIndexPage

    title = factory.Sequence(lambda n: f"苫小牧の暮らし体験会{n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = "苫小牧の暮らしを体験できる催しです。"
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    venue = "苫小牧市民会館"
    fee = "無料"


def translate_into_english(instance, strings):
    """The published English translation of a page or snippet, made through wagtail-localize.

    ``strings`` maps each Japanese string (title, summary, ...) to its English; a slug stays
    the same unless mapped. A string left out raises home.services.MissingSegmentTranslation,
    as in the translation editor."""
    slug = getattr(instance, "slug", None)
    if slug:
        strings = {slug: slug, **strings}
    # wagtail-localize publishes the translation when the transaction commits; a test's
    # transaction never commits, so run those callbacks here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        english = translate_through_localize(instance, "en", strings)
    english.refresh_from_db()
    return english.specific if hasattr(english, "specific") else english
