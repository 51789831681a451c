"""The consultation desk's figures for a fiscal year: counts by month × channel × topic ×
desk/event, first-response times, open and overdue now, and the 総務省 survey CSV (one row per
desk/event and channel, one column per month). Counts by month and by desk or event come from
reports.figures, as in the report."""

import csv
import io
import statistics

from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import services
from consultations.models import OPEN_STATUSES, Channel, Consultation, PlaceKind, Topic
from home.csv_export import safe_cell
from reports import figures as cross_app
from reports import periods


def _received_in(period):
    start, end = period.bounds()
    return Consultation.objects.filter(created_at__gte=start, created_at__lt=end)


def figures(fiscal_year):
    """Counts by month × channel × topic × desk/event, first-response time, open, overdue."""
    period = periods.Period.fiscal_year(fiscal_year)
    channels = list(Channel)
    by_month = cross_app.consultations_by_month(period)
    by_place = {place: {c: 0 for c in channels} for place in PlaceKind}
    # consultations_by_channel gives one row per channel, in Channel's order.
    rows_by_channel = cross_app.consultations_by_channel(period)
    for channel, (_label, desk, event, _total) in zip(channels, rows_by_channel, strict=True):
        by_place[PlaceKind.DESK][channel] = desk
        by_place[PlaceKind.EVENT][channel] = event
    rows = list(
        _received_in(period).values_list(
            "created_at", "channel", "topics", "place_kind", "first_response_at"
        )
    )
    by_topic = {t: {c: 0 for c in channels} for t in Topic}
    detailed = {}
    hours = []
    for created, channel, topics, place, first in rows:
        local = timezone.localtime(created, periods.JST)
        key = (local.year, local.month)
        for code in [c for c in topics.split("|") if c]:
            if code in by_topic:
                by_topic[code][channel] += 1
            dkey = (key, channel, code, place)
            detailed[dkey] = detailed.get(dkey, 0) + 1
        if first and channel in services.RESPONSE_CHANNELS:
            hours.append((first - created).total_seconds() / 3600)
    return {
        "fiscal_year": fiscal_year,
        "period": period,
        "channels": channels,
        "months": periods.fiscal_year_months(fiscal_year),
        "by_month": by_month,
        "by_topic": by_topic,
        "by_place": by_place,
        "detailed": sorted(detailed.items()),
        "total": len(rows),
        "median_hours": statistics.median(hours) if hours else None,
        "p90_hours": percentile(hours, 90),
        "open": Consultation.objects.filter(status__in=OPEN_STATUSES).count(),
        "overdue": Consultation.objects.filter(services.overdue_q()).count(),
    }


def percentile(values, pct):
    """Nearest-rank percentile (the value below which pct % of the responses fall)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def survey_csv(fiscal_year):
    """The 総務省 survey's shape: one row per channel (and desk/event), one column per month."""
    period = periods.Period.fiscal_year(fiscal_year)
    months = periods.fiscal_year_months(fiscal_year)
    out = io.StringIO()
    writer = csv.writer(out)
    header = [_("Desk or event"), _("Channel")]
    header += [_("%(year)s-%(month)02d") % {"year": y, "month": m} for y, m in months]
    header.append(_("Total"))
    writer.writerow([safe_cell(h) for h in header])
    counts = {}
    for created, channel, place in _received_in(period).values_list(
        "created_at", "channel", "place_kind"
    ):
        local = timezone.localtime(created, periods.JST)
        key = (place, channel, local.year, local.month)
        counts[key] = counts.get(key, 0) + 1
    for place in PlaceKind:
        for channel in Channel:
            cells = [counts.get((place, channel, y, m), 0) for y, m in months]
            writer.writerow([safe_cell(place.label), safe_cell(channel.label), *cells, sum(cells)])
    return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 Japanese correctly
