"""Campaigns in the Wagtail admin: one "Campaigns" menu with creators (translatable
snippets), tracking links (with their short address and QR code), fees and budgets, and the
dashboard. Each item shows only to those whose role grants it (campaigns.migrations.0002_roles:
City and Contractor editors)."""

import django_filters
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from campaigns import admin_views
from campaigns.forms import TrackingLinkForm
from campaigns.models import (
    CampaignCost,
    CampaignPage,
    Channel,
    Click,
    Creator,
    TrackingLink,
)
from core.admin_lists import SnippetListViewSet
from core.admin_views import menu_item_class_shown_to
from core.locales import in_default_locale


def _default_locale_campaigns(request=None):
    return CampaignPage.objects.originals().order_by("-starts_at")


def _default_locale_creators(request=None):
    return Creator.objects.filter(**in_default_locale())


class CreatorViewSet(SnippetListViewSet):
    model = Creator
    icon = "user"
    menu_label = _("Creators")
    menu_name = "creators"
    list_display = ["name", "handle", "platform", "locale"]
    list_filter = ["platform"]
    list_export = ["name", "handle", "platform", "profile_url"]


class ShortLinkPanel(Panel):
    """The link's short address and its QR code downloads (once the link is saved)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/short_link_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            link = self.instance
            if link is not None and link.pk:
                context["short_url"] = admin_views.short_url(link)
                context["qr_svg"] = reverse("campaigns_admin:qr_svg", args=[link.pk])
                context["qr_png"] = reverse("campaigns_admin:qr_png", args=[link.pk])
            return context


def _short_url(link):
    return admin_views.short_url(link)


def _qr_links(link):
    return format_html(
        '<a href="{}" download>SVG<span class="w-sr-only"> ({})</span></a> · '
        '<a href="{}" download>PNG<span class="w-sr-only"> ({})</span></a>',
        reverse("campaigns_admin:qr_svg", args=[link.pk]),
        link.code,
        reverse("campaigns_admin:qr_png", args=[link.pk]),
        link.code,
    )


class CampaignChannelFilterSet(WagtailFilterSet):
    """Filters by campaign (listed once, in the default language) and promotion channel."""

    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), queryset=_default_locale_campaigns
    )
    channel = django_filters.ChoiceFilter(label=_("Promotion channel"), choices=Channel.choices)


class TrackingLinkFilterSet(CampaignChannelFilterSet):
    creator = django_filters.ModelChoiceFilter(
        label=_("Creator"), queryset=_default_locale_creators
    )

    class Meta:
        model = TrackingLink
        fields = ["campaign", "channel", "creator"]


class TrackingLinkViewSet(SnippetListViewSet):
    model = TrackingLink
    icon = "link"
    menu_label = _("Tracking links")
    menu_name = "tracking-links"
    list_display = [
        "code",
        Column("short_url", label=_("Short address"), accessor=_short_url),
        "campaign",
        "channel",
        "creator",
        "target",
        Column("click_count", label=_("Clicks"), sort_key="click_count"),
        Column("qr", label=_("QR code"), accessor=_qr_links),
    ]
    filterset_class = TrackingLinkFilterSet
    search_fields = ["code", "note"]
    search_backend_name = None
    list_export = ["code", "campaign", "channel", "creator", "target", "note"]
    edit_handler = ObjectList(
        [
            FieldPanel("code"),
            ShortLinkPanel(heading=_("Short address and QR code")),
            FieldPanel("campaign"),
            FieldRowPanel([FieldPanel("channel"), FieldPanel("creator")]),
            MultiFieldPanel(
                [FieldPanel("target"), FieldPanel("target_page"), FieldPanel("target_url")],
                heading=_("Where the link opens"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("utm_source"), FieldPanel("utm_medium")]),
                    FieldRowPanel([FieldPanel("utm_campaign"), FieldPanel("utm_content")]),
                ],
                heading=_("UTM values"),
                help_text=_(
                    "Sent on to external targets and stored with each click. Leave them empty "
                    "to use the values given by the channel, campaign and creator."
                ),
            ),
            FieldPanel("press_release"),
            FieldPanel("note"),
        ],
        base_form_class=TrackingLinkForm,
    )

    def get_queryset(self, request):
        clicks = (
            Click.objects.filter(link=OuterRef("pk"))
            .order_by()
            .values("link")
            .annotate(n=Count("id"))
            .values("n")
        )
        return TrackingLink.objects.select_related("campaign", "creator").annotate(
            click_count=Coalesce(Subquery(clicks, output_field=IntegerField()), 0)
        )


class CampaignCostFilterSet(CampaignChannelFilterSet):
    class Meta:
        model = CampaignCost
        fields = ["campaign", "channel"]


def _yen(cost):
    return f"¥{cost.amount:,}"


class CampaignCostViewSet(SnippetListViewSet):
    model = CampaignCost
    icon = "table"
    menu_label = _("Fees and budgets")
    menu_name = "campaign-costs"
    list_display = [
        "campaign",
        "creator",
        "channel",
        Column("amount", label=_("Amount (yen, tax included)"), accessor=_yen, sort_key="amount"),
        "description",
    ]
    filterset_class = CampaignCostFilterSet
    list_export = ["campaign", "creator", "channel", "amount", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("campaign"),
            FieldRowPanel([FieldPanel("creator"), FieldPanel("channel")]),
            FieldPanel("amount"),
            FieldPanel("description"),
        ]
    )

    def get_queryset(self, request):
        return CampaignCost.objects.select_related("campaign", "creator")


class CampaignDashboardViewSet(ViewSet):
    name = "campaigns_admin"
    url_prefix = "campaigns"
    icon = "table"
    menu_icon = "table"
    menu_label = _("Campaign dashboard")
    menu_name = "campaign-dashboard"
    menu_item_class = menu_item_class_shown_to(admin_views.DASHBOARD)

    @property
    def menu_url(self):
        return reverse("campaigns_admin:dashboard")

    def get_urlpatterns(self):
        return [
            path("", admin_views.dashboard_view, name="dashboard"),
            path("links/<int:pk>/qr.svg", admin_views.qr_code, {"kind": "svg"}, name="qr_svg"),
            path("links/<int:pk>/qr.png", admin_views.qr_code, {"kind": "png"}, name="qr_png"),
        ]


class CampaignsViewSetGroup(SnippetViewSetGroup):
    items = (CampaignDashboardViewSet, TrackingLinkViewSet, CreatorViewSet, CampaignCostViewSet)
    menu_icon = "link"
    menu_label = _("Campaigns")
    menu_name = "campaigns"
    menu_order = 260


register_snippet(CampaignsViewSetGroup)
