"""News releases: press releases, notices and event reports, with feeds and a yearly archive."""

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models.base import BasePage, IndexPage
from home.models.images import IMAGE_MODEL

NEWS_PER_PAGE = 10


class NewsCategory(models.TextChoices):
    PRESS_RELEASE = "press_release", _("Press release")
    NOTICE = "notice", _("Notice")
    EVENT_REPORT = "event_report", _("Event report")


class NewsIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["home.NewsPage"]
    template = "home/news_index_page.html"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        return self.listed(NewsPage).order_by("-date", "-pk")

    def years(self):
        return [d.year for d in self.news().dates("date", "year", order="DESC")]

    @path("")
    def all_news(self, request):
        return self._listing(request, self.news(), year=None)

    @path("<int:year>/")
    def year_archive(self, request, year):
        news = self.news().filter(date__year=year)
        if not news.exists():
            raise Http404
        return self._listing(request, news, year=year)

    def _listing(self, request, news, year):
        category = request.GET.get("category")
        if category in NewsCategory.values:
            news = news.filter(category=category)
        else:
            category = None
        return self.render_listing(
            request,
            "news_items",
            news,
            NEWS_PER_PAGE,
            [year, category],
            year=year,
            years=SimpleLazyObject(self.years),
            categories=NewsCategory.choices,
            selected_category=category,
        )


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.CharField(
        _("category"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.NOTICE
    )
    summary = models.TextField(_("summary"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("attachments"),
        blank=True,
        help_text=_("PDF files such as the press release itself."),
    )
    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.FilterField("date"),
    ]
    text_fields = ("summary", "body")

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    template = "home/news_page.html"
    search_result_label = pgettext_lazy("search result kind", "News")

    class Meta:
        verbose_name = _("news release")
        verbose_name_plural = _("news releases")

    def get_schema_type(self):
        return "NewsArticle"
