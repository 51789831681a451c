"""What every portal page shares: share image, listing fields, text for search, helpers."""

import re

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Window
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from core.locales import in_default_locale
from home.models.images import IMAGE_MODEL

_SPACES = re.compile(r"\s+")


class PortalPageForm(WagtailAdminPageForm):
    """Wagtail's page form without Django's hidden "initial" inputs.

    Fields with a callable default (a story's date) get show_hidden_initial, but Wagtail's
    panels do not render that input, so every POST looked like a change: approving a page
    from its editor saved a new revision and restarted the City approval workflow."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False


class PortalPageQuerySet(PageQuerySet):
    def live_public_in(self, locale):
        """The pages visitors of this language can open: live, outside any private section
        (a view restriction), in `locale` (a Locale or its id)."""
        return self.live().public().filter(locale=locale)

    def originals(self):
        """The Japanese originals (pages in the default language): what campaigns,
        attribution and figures key on, whichever translation a visitor saw."""
        return self.filter(**in_default_locale())


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


class BasePage(Page):
    """Abstract base of the portal's page types."""

    base_form_class = PortalPageForm
    objects = PortalPageManager()

    share_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media. 1200×630 works best."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("share_image")]

    # Field names whose text goes into search and the summary fallback, in order.
    text_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def get_share_image(self):
        return self.share_image or getattr(self, "hero_image", None)

    def get_summary(self):
        """One or two sentences for listings, search results and share cards."""
        for name in ("summary", "intro", "lead"):
            value = getattr(self, name, "")
            if value:
                return value
        return self.search_description or _truncate(self.get_plain_text(), 120)

    def get_plain_text(self):
        """The page's visible text, tags stripped, for search and excerpts."""
        parts = [self.title]
        for name in self.text_fields:
            value = getattr(self, name, None)
            if value is None:
                continue
            if hasattr(value, "raw_data"):  # StreamField: its text, without rendering
                value = " ".join(_stream_strings(list(value.raw_data)))
            parts.append(strip_tags(str(value)))
        return _SPACES.sub(" ", " ".join(parts)).strip()

    def get_schema_type(self):
        return "WebPage"

    def get_context(self, request, *args, **kwargs):
        from core.locales import locale_by_id

        # Templates read page.locale for lang attributes: take it from the cached table.
        locale = locale_by_id(self.locale_id)
        if locale is not None:
            self.locale = locale
        context = super().get_context(request, *args, **kwargs)
        from core.cache_version import version

        context["chrome_version"] = version()
        return context

    @property
    def body_links_ready(self):
        """Looks up, in one query, the translations that links in the body need (templates
        touch this inside their cached fragment, so it runs only when it is rebuilt)."""
        if hasattr(self, "body"):
            prefetch_link_translations(self.body)
        return True


_NOT_TEXT_KEYS = {"type", "id", "url", "level", "latitude", "longitude", "page", "image"}


def _stream_strings(data):
    """Human-readable strings in a StreamField's raw data (skips ids, URLs, choices)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _NOT_TEXT_KEYS:
                yield from _stream_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _stream_strings(value)
    elif isinstance(data, str) and not data.startswith(("http://", "https://")):
        yield data


class IndexPage(BasePage):
    """Abstract base of the listings (stories, news, events, local activities): one per home
    page. The pages it lists and one page of them shown in a cached fragment (stories have
    their own story_listing, shared with a story's related stories)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    text_fields = ("intro",)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def listed(self, model):
        """The live, public `model` pages below this index, in its language."""
        return model.objects.live_public_in(self.locale_id).descendant_of(self)

    def render_listing(self, request, name, pages, per_page, filters, **context):
        """Render this index with one page of `pages` as `name`: paginated only when the
        template reads it, i.e. when the cached listing fragment (varying on `filters` and
        the page number, see listing_vary) is rebuilt."""
        context_overrides = {
            name: SimpleLazyObject(lambda: paginate(request, pages, per_page)),
            "cache_vary": listing_vary(request, *filters),
            **context,
        }
        return self.render(request, context_overrides=context_overrides)


def paginate(request, queryset, per_page):
    """One page of results for ?page=, with the number of all results read in the same query
    (COUNT(*) OVER ()): a listing or a search scans its rows once, not once to count and again
    for the page. A bad ?page= shows the first page; one past the end (or below 1) costs a
    count and shows the last, as Paginator.get_page does."""
    paginator = Paginator(queryset, per_page)
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    if number >= 1:
        start = (number - 1) * per_page
        counted = queryset.annotate(total_rows=Window(Count("pk")))
        rows = list(counted[start : start + per_page])
        if rows or number == 1:
            paginator.__dict__["count"] = rows[0].total_rows if rows else 0  # a cached_property
            return PaginatorPage(rows, number, paginator)
    page = paginator.get_page(number)
    page.object_list = list(page.object_list)
    return page


def listing_vary(request, *filters):
    """What a listing's cached fragment varies on: its filters, then the ?page= asked for
    (cut short, so that a visitor cannot make cache keys of any length)."""
    return "|".join([*map(str, filters), request.GET.get("page", "")[:6]])


def _truncate(text, length):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def localized_live(pages):
    """Each page in the visitor's language, dropping those not translated (or not live).

    Pages chosen in the Japanese original point at Japanese pages; visitors of another
    language see only the pages that exist in their language (one query)."""
    from core.locales import live_pages_in

    pages = [p for p in pages if p is not None]
    if not pages:
        return []
    model = type(pages[0])
    queryset = model.objects.all()
    if hasattr(model, "hero_image"):
        queryset = queryset.select_related("hero_image")
    return [p for p in live_pages_in(pages, queryset=queryset) if p is not None]


def prefetch_link_translations(*stream_values):
    """Look up, in one query, the visitor-language translations of every page that the
    blocks of these StreamFields link to (cards, calls to action); the blocks then use them."""
    from wagtail.blocks import StructValue

    from core.locales import active_locale, live_pages_in

    locale = active_locale()
    pages = []

    def collect(value):
        if isinstance(value, StructValue):
            page = value.get("page")
            if isinstance(page, Page):
                pages.append(page)
            for child in value.values():
                collect(child)
        elif isinstance(value, (list, tuple)) or hasattr(value, "raw_data"):
            for child in value:
                collect(getattr(child, "value", child))

    for stream in stream_values:
        for block in stream or []:
            collect(block.value)
    foreign = [p for p in pages if locale is not None and p.locale_id != locale.pk]
    if not foreign:
        return
    for page, translation in zip(foreign, live_pages_in(foreign, locale), strict=True):
        page._translations_by_locale = {locale.pk: translation} if translation else {}
