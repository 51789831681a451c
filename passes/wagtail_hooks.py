"""The Entry Pass in the Wagtail admin: partners, offers and partner staff (snippets), each
partner's printable poster (the Entry Pass figures are in reports)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core import qr
from core.admin_lists import SnippetListViewSet
from core.locales import locale_for, translation_or_original
from home.models import SiteIdentity
from passes import services
from passes.models import Offer, Partner, PartnerStaff


def _poster_link(partner):
    return format_html(
        '<a class="button button-small button-secondary" href="{}" target="_blank">{}</a>',
        reverse("passes_admin:poster", args=[partner.pk]),
        _("Poster (A4)"),
    )


class PartnerViewSet(SnippetListViewSet):
    model = Partner
    icon = "site"
    menu_label = _("Partners")
    list_display = [
        "name",
        "category",
        "short_code",
        "active",
        "locale",
        Column("poster", label=_("Poster"), accessor=_poster_link),
    ]
    list_filter = ["category", "active"]
    search_fields = ["name"]
    list_export = ["name", "category", "address", "phone", "website", "short_code", "active"]


class OfferViewSet(SnippetListViewSet):
    model = Offer
    icon = "tag"
    menu_label = _("Offers")
    list_display = ["title", "partner", "limit_per_pass", "total_cap", "active", "locale"]
    list_filter = ["limit_per_pass", "active"]
    list_export = ["title", "partner", "benefit", "kind", "value", "limit_per_pass", "total_cap"]


class PartnerStaffViewSet(SnippetListViewSet):
    model = PartnerStaff
    icon = "user"
    menu_label = _("Partner staff")
    list_display = ["user", "partner"]


class EntryPassViewSetGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, OfferViewSet, PartnerStaffViewSet)
    menu_icon = "tag"
    menu_label = _("Entry Pass")
    menu_name = "entry-pass"


register_snippet(EntryPassViewSetGroup)


def poster(request, pk):
    """An A4 page to print (Japanese and English), with the partner's QR code and short code.
    Never cached: Wagtail marks every admin URL never_cache."""
    if not (
        request.user.has_perm("passes.change_partner")
        or request.user.has_perm("passes.view_partner")
    ):
        raise PermissionDenied
    partner = get_object_or_404(Partner, pk=pk).original()
    # The poster is bilingual whatever the editor's language: English, else the original.
    english_locale = locale_for("en")
    english = english_locale and translation_or_original(
        Partner.objects.filter(translation_key=partner.translation_key), english_locale
    )
    token = services.poster_token(partner)
    # A poster is printed and stays on the counter for months: its QR code opens the site's
    # public address (WAGTAILADMIN_BASE_URL), whatever host the editor printed it from.
    with translation.override("ja"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("passes:partner", args=[token])
    cities = {}
    for language in ("ja", "en"):
        with translation.override(language):
            identity = SiteIdentity.for_active_locale()
        cities[language] = identity.city_name if identity else ""
    return render(
        request,
        "passes/poster.html",
        {
            "partner": partner,
            "english": english or partner,
            "qr": qr.inline_svg(url, css_class="poster__qr", scale=8, border=2),
            "url": url,
            "short_code": partner.short_code,
            "city_ja": cities["ja"],
            "city_en": cities["en"],
        },
    )


class PosterViewSet(ViewSet):
    """Each partner's printable poster, opened from the partners list (no menu item of its
    own); the view checks the partner permissions."""

    name = "passes_admin"
    url_prefix = "entry-pass"

    def get_urlpatterns(self):
        return [path("poster/<int:pk>/", poster, name="poster")]


@hooks.register("register_admin_viewset")
def register_poster_viewset():
    return PosterViewSet()
