"""The home page, theme section pages and standard pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin, get_page_models
from wagtail.search import index

from home.blocks import BaseStreamBlock, CallToActionBlock, CardBlock
from home.models.base import BasePage, localized_live, prefetch_link_translations
from home.models.images import IMAGE_MODEL
from home.models.scheduled import not_past


class HomePage(BasePage):
    """The portal's front page, one per language (translations of the Japanese one)."""

    hero_catch_copy = models.CharField(
        _("catch copy"), max_length=120, help_text=_("The large line over the hero image.")
    )
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_video_url = models.URLField(
        _("hero video"),
        blank=True,
        help_text=_("Optional YouTube or Vimeo URL, shown as a link under the catch copy."),
    )
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences."))
    entrances = StreamField(
        [("entrance", CardBlock())],
        verbose_name=_("theme entrances"),
        blank=True,
        help_text=_("Cards leading to furusato nozei, moving here, workcation, two-region living."),
    )
    calls_to_action = StreamField(
        [("cta", CallToActionBlock())], verbose_name=_("calls to action"), blank=True
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_catch_copy"),
                FieldPanel("hero_image"),
                FieldPanel("hero_video_url"),
                FieldPanel("lead"),
            ],
            heading=_("Hero"),
        ),
        InlinePanel("featured_stories", label=_("Featured stories"), max_num=6),
        FieldPanel("entrances"),
        FieldPanel("calls_to_action"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_catch_copy"),
        index.SearchField("lead"),
    ]
    text_fields = ("hero_catch_copy", "lead", "body")

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def clean_subpage_models(cls):
        # Under the home page: every page type that names it as a parent, the portal's own
        # sections and listings as well as the other apps' entrances (registration, Entry
        # Pass, consultations, activities, campaigns), which home does not name: it imports
        # none of them. Not Wagtail's bare Page type.
        return [model for model in get_page_models() if model is not Page]

    def route(self, request, path_components):
        # One cached lookup by URL path instead of two queries per level of the tree; URLs
        # with a sub-route (a news year, past events) fall back to Wagtail's walk.
        if path_components:
            from home.routing import find_descendant

            page = find_descendant(self, path_components)
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    # The home page's sections are computed only when the cached fragment is rebuilt.
    @cached_property
    def featured_story_list(self):
        from home.models.stories import StoryPage, attach_theme_labels

        featured = [f.story for f in self.featured_stories.select_related("story__hero_image")]
        stories = localized_live(featured) or list(
            StoryPage.objects.live_public_in(self.locale_id)
            .select_related("hero_image")
            .order_by("-date")[:3]
        )
        return attach_theme_labels(stories)

    @cached_property
    def latest_news(self):
        from home.models.news import NewsPage

        return list(NewsPage.objects.live_public_in(self.locale_id).order_by("-date", "-pk")[:3])

    @cached_property
    def upcoming_events(self):
        from home.models.events import EventPage

        return list(
            not_past(EventPage.objects.live_public_in(self.locale_id))
            .select_related("hero_image")
            .order_by("start")[:3]
        )

    @cached_property
    def linked_streams(self):
        prefetch_link_translations(self.entrances, self.calls_to_action, self.body)
        return True


class HomePageFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "home.StoryPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured story")
        verbose_name_plural = _("featured stories")


class SectionPage(BasePage):
    """A theme's landing page: furusato nozei, moving here, workcation, two-region living."""

    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("external_links", label=_("External links")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    text_fields = ("intro", "body")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    template = "home/section_page.html"

    class Meta:
        verbose_name = _("section page")
        verbose_name_plural = _("section pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific()
        return context


class SectionExternalLink(TranslatableMixin, Orderable):
    """A curated link to another site, e.g. the city's page on a furusato nozei portal."""

    page = ParentalKey(SectionPage, on_delete=models.CASCADE, related_name="external_links")
    title = models.CharField(_("title"), max_length=120)
    url = models.URLField(_("URL"))
    description = models.CharField(_("description"), max_length=200, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("external link")
        verbose_name_plural = _("external links")

    def clean(self):
        super().clean()
        if self.url and not self.url.startswith("https://"):
            raise ValidationError({"url": _("Use an https:// address.")})


class StandardPage(BasePage):
    """About, privacy policy, terms, accessibility policy and other plain pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    text_fields = ("intro", "body")

    parent_page_types = ["home.HomePage", "home.SectionPage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
