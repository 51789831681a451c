"""The campaign dashboard, its CSV, and each tracking link's QR code for printed flyers.

Nothing here shows personal data: clicks hold a keyed hash and a device class, conversions
the kind and the time (campaigns.models)."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from campaigns import dashboard
from campaigns.forms import DashboardFilterForm
from campaigns.models import ConversionKind, TrackingLink
from core import qr
from core.csv_export import csv_response
from core.responses import make_private

DASHBOARD = "campaigns.view_campaign_dashboard"
LINK_PERMISSIONS = ("campaigns.view_trackinglink", "campaigns.change_trackinglink")


def short_url(link):
    """The absolute /go/ address printed on flyers: the public site's root, not the admin's."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + reverse("campaigns:go", args=[link.code])


def dashboard_view(request):
    if not request.user.has_perm(DASHBOARD):
        raise PermissionDenied
    form = DashboardFilterForm(request.GET)
    data = campaign = date_from = date_to = None
    if not form.is_bound or form.is_valid():
        date_from, date_to, campaign = form.values()
        data = dashboard.figures(date_from, date_to, campaign=campaign)
        if request.GET.get("format") == "csv":
            name = f"campaigns-{date_from.isoformat()}-{date_to.isoformat()}"
            if campaign is not None:
                name += f"-{campaign.code}"
            return csv_response(dashboard.csv_text(data), f"{name}.csv")
    labels = dashboard.dimension_labels()
    captions = {
        "campaign": _("By campaign"),
        "creator": _("By creator"),
        "channel": _("By channel"),
        "link": _("By tracking link"),
    }
    query = request.GET.copy()
    query["format"] = "csv"

    def drill_down(dimension, row):
        """A campaign's row opens the dashboard for that campaign alone (same period)."""
        if dimension != "campaign" or row.key is None or campaign is not None:
            return None
        return "?" + urlencode(
            {
                "date_from": date_from.isoformat(),
                "date_to": date_to.isoformat(),
                "campaign": row.key,
            }
        )

    tables = (
        [
            {
                "id": f"table-{dimension}",
                "caption": captions[dimension],
                "first": labels[dimension],
                "rows": [(row, drill_down(dimension, row)) for row in data[dimension]],
                "with_cost": dimension != "link",
            }
            for dimension in dashboard.DIMENSIONS
        ]
        if data is not None
        else []
    )
    return make_private(
        TemplateResponse(
            request,
            "campaigns/admin/dashboard.html",
            {
                "page_title": _("Campaign dashboard"),
                "header_icon": "table",
                "form": form,
                "tables": tables,
                "kinds": ConversionKind.choices,
                "csv_query": query.urlencode(),
                "attribution_days": settings.CAMPAIGN_ATTRIBUTION_DAYS,
            },
        )
    )


def qr_code(request, pk, kind):
    """The link's short address as a QR code: SVG for designers, PNG for office printers."""
    if not any(request.user.has_perm(p) for p in LINK_PERMISSIONS):
        raise PermissionDenied
    link = get_object_or_404(TrackingLink, pk=pk)
    image, content_type = qr.image_file(short_url(link), kind, title=link.code)
    response = HttpResponse(image, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="qr-{link.code}.{kind}"'
    return make_private(response)
