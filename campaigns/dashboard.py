"""The campaign dashboard's figures: per campaign, creator, channel and tracking link.

Plain functions of a date range (Japan-time dates, both ends included) and an optional
campaign, so the admin view, the CSV and the tests read the same numbers. A fixed handful
of grouped queries whatever the number of rows: one per table for clicks and one for
conversions, three for costs and three for names.

Clicks are arrivals, not results: the figures that matter are the conversions that the
attribution (campaigns.attribution) stored when a visitor registered, got a pass, used an
offer, consulted or signed up for an activity."""

import csv
import io
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from campaigns.models import (
    CampaignCost,
    CampaignPage,
    Channel,
    Click,
    Conversion,
    ConversionKind,
    Creator,
    TrackingLink,
    campaigns_in_default_locale,
)
from core.csv_export import safe_cell
from core.japan_time import start_of_day

#: The four tables: the Touch field each groups by.
DIMENSIONS = ("campaign", "creator", "channel", "link")


@dataclass
class Row:
    """One line of a table. `key` is the campaign, creator or link id, or the channel value;
    None (or "" for channels) gathers the touches without one."""

    key: object
    name: str
    clicks: int = 0
    visitors: int = 0
    conversions: dict = field(default_factory=lambda: dict.fromkeys(ConversionKind.values, 0))
    cost: int | None = None

    @property
    def total(self):
        return sum(self.conversions.values())

    @property
    def rate(self):
        """Conversions per unique visitor (a fraction); None without visitors."""
        return self.total / self.visitors if self.visitors else None

    @property
    def cost_per_conversion(self):
        """Whole yen, rounded half up; None without cost or without conversions."""
        if not self.cost or not self.total:
            return None
        return (self.cost * 2 + self.total) // (self.total * 2)

    @property
    def rate_percent(self):
        return f"{self.rate * 100:.1f}%" if self.rate is not None else ""

    @property
    def cost_display(self):
        return f"{self.cost:,}" if self.cost is not None else ""

    @property
    def cost_per_conversion_display(self):
        value = self.cost_per_conversion
        return f"{value:,}" if value is not None else ""

    @property
    def conversion_counts(self):
        """The counts in the order of ConversionKind (for templates)."""
        return [self.conversions[kind] for kind in ConversionKind.values]


def period(date_from, date_to):
    """The aware datetimes [start, end) of Japan-time dates date_from … date_to inclusive."""
    return start_of_day(date_from), start_of_day(date_to + timedelta(days=1))


def figures(date_from, date_to, campaign=None):
    """{"campaign": [Row…], "creator": […], "channel": […], "link": […]}.

    Clicks and conversions count when they happened within the range. Costs have no date:
    a campaign's row shows all its fees and budgets; creator and channel rows add up the
    costs of the campaigns in view (the chosen one, or those running in the range or with
    clicks or conversions in it), so that a creator's fee for a campaign of another year
    does not weigh on this period."""
    start, end = period(date_from, date_to)
    clicks = Click.objects.filter(clicked_at__gte=start, clicked_at__lt=end)
    conversions = Conversion.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
    if campaign is not None:
        clicks = clicks.filter(campaign=campaign)
        conversions = conversions.filter(campaign=campaign)

    tables = {}
    for dimension in DIMENSIONS:
        column = "channel" if dimension == "channel" else f"{dimension}_id"
        rows = {}
        for item in clicks.values(column).annotate(
            n=Count("id"), visitors=Count("visitor", distinct=True)
        ):
            row = rows.setdefault(item[column], Row(item[column], ""))
            row.clicks, row.visitors = item["n"], item["visitors"]
        for item in conversions.values(column, "kind").annotate(n=Count("id")):
            row = rows.setdefault(item[column], Row(item[column], ""))
            if item["kind"] in row.conversions:
                row.conversions[item["kind"]] = item["n"]
        tables[dimension] = rows

    if campaign is not None:
        in_view = {campaign.pk}
    else:
        running = (
            CampaignPage.objects.running_during(start, end)
            .filter(**campaigns_in_default_locale())
            .values_list("pk", flat=True)
        )
        in_view = {key for key in tables["campaign"] if key is not None} | set(running)
    costs = CampaignCost.objects.filter(campaign_id__in=in_view)
    for dimension in ("campaign", "creator", "channel"):
        column = "channel" if dimension == "channel" else f"{dimension}_id"
        grouped = costs
        if dimension == "creator":
            grouped = costs.filter(creator__isnull=False)
        elif dimension == "channel":
            grouped = costs.exclude(channel="")
        rows = tables[dimension]
        for item in grouped.values(column).annotate(amount=Sum("amount")):
            row = rows.setdefault(item[column], Row(item[column], ""))
            row.cost = item["amount"]
    for key in in_view:
        tables["campaign"].setdefault(key, Row(key, ""))

    _name_rows(tables)
    return {dimension: _sorted(tables[dimension].values()) for dimension in DIMENSIONS}


def _name_rows(tables):
    names = {
        "campaign": dict(
            CampaignPage.objects.filter(pk__in=_keys(tables["campaign"])).values_list("pk", "title")
        ),
        "creator": dict(
            Creator.objects.filter(pk__in=_keys(tables["creator"])).values_list("pk", "name")
        ),
        "link": dict(
            TrackingLink.objects.filter(pk__in=_keys(tables["link"])).values_list("pk", "code")
        ),
        "channel": dict(Channel.choices),
    }
    missing = {
        "campaign": _("Not tied to a campaign"),
        "creator": _("No creator"),
        "channel": _("Unknown channel"),
        "link": _("Without a tracking link (UTM values only)"),
    }
    for dimension, rows in tables.items():
        for key, row in rows.items():
            if key in (None, ""):
                row.name = missing[dimension]
            else:
                # A deleted campaign, creator or link leaves its touches behind.
                row.name = str(names[dimension].get(key, _("Deleted (%(key)s)") % {"key": key}))


def _keys(rows):
    return [key for key in rows if key is not None]


def _sorted(rows):
    """Most conversions first, then most clicks; the rows without a campaign, creator,
    channel or link last."""
    return sorted(rows, key=lambda r: (r.key in (None, ""), -r.total, -r.clicks, r.name))


def csv_header():
    return [
        _("Breakdown"),
        _("Item"),
        _("Clicks"),
        _("Unique visitors"),
        *[label for _value, label in ConversionKind.choices],
        _("Conversions"),
        _("Conversion rate (%)"),
        _("Cost (yen)"),
        _("Cost per conversion (yen)"),
    ]


def dimension_labels():
    return {
        "campaign": _("Campaign"),
        "creator": _("Creator"),
        "channel": _("Promotion channel"),
        "link": _("Tracking link"),
    }


def write_csv(out, data):
    """The four tables in one sheet, one line per row; every cell through safe_cell."""
    labels = dimension_labels()
    writer = csv.writer(out)
    writer.writerow([safe_cell(cell) for cell in csv_header()])
    for dimension in DIMENSIONS:
        for row in data[dimension]:
            rate = f"{row.rate * 100:.1f}" if row.rate is not None else ""
            writer.writerow(
                [
                    safe_cell(cell)
                    for cell in [
                        labels[dimension],
                        row.name,
                        row.clicks,
                        row.visitors,
                        *row.conversion_counts,
                        row.total,
                        rate,
                        row.cost,
                        row.cost_per_conversion,
                    ]
                ]
            )


def csv_text(data):
    out = io.StringIO()
    write_csv(out, data)
    return out.getvalue()
