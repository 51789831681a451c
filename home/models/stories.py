"""Stories: people and places that show how to connect with the city."""

import math
import re

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.locales import locale_by_id, original_subquery, translations_or_originals
from home.blocks import BaseStreamBlock
from home.models.base import BasePage, IndexPage, listing_vary, paginate
from home.models.images import IMAGE_MODEL

STORIES_PER_PAGE = 12
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


class StoryTheme(TranslatableMixin, models.Model):
    """A theme such as 食 (food), 自然 (nature), 子育て (childcare); translated per language.

    The slug is the same in every language, so /stories/?theme=food filters alike."""

    name = models.CharField(_("name"), max_length=40)
    slug = models.SlugField(_("slug"), max_length=40, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("story theme")
        verbose_name_plural = _("story themes")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class StoryIndexPage(IndexPage):
    subpage_types = ["home.StoryPage"]
    template = "home/story_index_page.html"

    class Meta:
        verbose_name = _("story index")
        verbose_name_plural = _("story indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Evaluated only when the cached listing fragment (one per language) is rebuilt.
        themes = SimpleLazyObject(lambda: list(themes_in_locale()))
        theme_slug = request.GET.get("theme", "")[:40]

        def selected():
            return next((t for t in themes if t.slug == theme_slug), None)

        def page_of_stories():
            stories = story_listing(self.locale).descendant_of(self)
            theme = selected()
            if theme is not None:
                stories = stories.filter(themes__translation_key=theme.translation_key)
            page = paginate(request, stories, STORIES_PER_PAGE)
            attach_theme_labels(page.object_list)
            return page

        context.update(
            themes=themes,
            selected_theme=SimpleLazyObject(selected),
            stories=SimpleLazyObject(page_of_stories),
            cache_vary=listing_vary(request, theme_slug),
        )
        return context


class StoryPage(BasePage):
    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=200, blank=True)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interviewee = models.CharField(_("interviewee"), max_length=120, blank=True)
    author = models.CharField(_("author"), max_length=120, blank=True)
    area = models.CharField(
        _("area"), max_length=80, blank=True, help_text=_("District or place, e.g. 錦町")
    )
    themes = ParentalManyToManyField(StoryTheme, verbose_name=_("themes"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("interviewee"), FieldPanel("author")]),
                FieldRowPanel([FieldPanel("area"), FieldPanel("date")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About this story"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("interviewee"),
        index.FilterField("date"),
    ]
    text_fields = ("summary", "interviewee", "author", "area", "body")

    parent_page_types = ["home.StoryIndexPage"]
    subpage_types = []
    template = "home/story_page.html"
    search_result_label = pgettext_lazy("search result kind", "Story")

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_schema_type(self):
        return "Article"

    @property
    def reading_minutes(self):
        """About 500 characters a minute in Japanese, Chinese and Korean; 200 words otherwise."""
        text = self.get_plain_text()
        if _CJK.search(text):
            return max(1, math.ceil(len(text) / 500))
        return max(1, math.ceil(len(text.split()) / 200))

    @cached_property
    def theme_labels(self):
        """[(name, slug, lang)] of this story's themes (see attach_theme_labels)."""
        return attach_theme_labels([self])[0].theme_labels

    @cached_property
    def related_stories(self):
        """Up to three live stories of the same language sharing a theme, newest first."""
        keys = [t.translation_key for t in self.themes.all()]
        if not keys:
            return []
        related = (
            story_listing(self.locale)
            .exclude(pk=self.pk)
            .filter(themes__translation_key__in=keys)
            .distinct()[:3]
        )
        return attach_theme_labels(list(related))


def themes_in_locale(locale=None, **filters):
    """Story themes in the visitor's language, else their Japanese originals (annotated
    is_original_language and lang, see core.locales.translations_or_originals), in the
    order of the originals."""
    themes = translations_or_originals(StoryTheme.objects.filter(**filters), locale)
    return themes.annotate(original_pk=original_subquery(StoryTheme)).order_by("original_pk", "pk")


def attach_theme_labels(stories, locale=None):
    """Set story.theme_labels = [(name, slug, lang)]: each theme's name in the visitor's
    language, else the Japanese original's, and the language of that name, which the
    templates put in a lang attribute (a story card may be in another language than its
    theme names). One query.

    A story may point at the theme objects of any language; the name is looked up by the
    theme's translation key, so English visitors read "Food", not 食."""
    if not stories:
        return stories
    keys = {t.translation_key for story in stories for t in story.themes.all()}
    names = {
        t.translation_key: (t.name, t.lang)
        for t in themes_in_locale(locale, translation_key__in=keys)
    }
    for story in stories:
        labels = []
        for theme in story.themes.all():
            own_language = getattr(locale_by_id(theme.locale_id), "language_code", "")
            name, lang = names.get(theme.translation_key) or (theme.name, own_language)
            labels.append((name, theme.slug, lang))
        story.theme_labels = labels
    return stories


def story_listing(locale):
    """Live stories of a language, newest first, with what a story card shows prefetched."""
    return (
        StoryPage.objects.live_public_in(locale)
        .select_related("hero_image")
        .prefetch_related(
            Prefetch("themes", queryset=StoryTheme.objects.all()),
            "hero_image__renditions",
        )
        .order_by("-date", "-pk")
    )
