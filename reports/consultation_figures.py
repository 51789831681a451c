"""The consultation desk's figures for a fiscal year: counts by month × channel × topic ×
desk/event, first-response times, open and overdue now, and the 総務省 survey CSV (one row per
desk/event and channel, one column per month). Counts by month and by desk or event come from
reports.figures, as in the report.

Every count is a grouped query (GROUP BY month, channel, topic, place), a fixed number of
queries whatever the number of consultations; Python only folds the grouped rows. Topics are
counted from the row table ConsultationTopic (one row per consultation and code)."""

import csv
import io
import statistics

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from consultations import services
from consultations.models import (
    OPEN_STATUSES,
    Channel,
    Consultation,
    ConsultationTopic,
    PlaceKind,
    Topic,
)
from core import japan_time
from core.csv_export import for_excel, safe_cell
from reports import figures as cross_app
from reports import periods


def _received_in(period):
    start, end = period.bounds()
    return Consultation.objects.filter(created_at__gte=start, created_at__lt=end)


def _topics_by_month(period):
    """{((year, month), channel, topic code, place): consultations}, one grouped query."""
    start, end = period.bounds()
    rows = (
        ConsultationTopic.objects.filter(
            consultation__created_at__gte=start, consultation__created_at__lt=end
        )
        .annotate(month=TruncMonth("consultation__created_at", tzinfo=japan_time.JST))
        .values("month", "consultation__channel", "code", "consultation__place_kind")
        .annotate(n=Count("consultation", distinct=True))
        .order_by()
    )
    detailed = {}
    for row in rows:
        key = (
            periods.month_key(row["month"]),
            row["consultation__channel"],
            row["code"],
            row["consultation__place_kind"],
        )
        detailed[key] = detailed.get(key, 0) + row["n"]
    return detailed


def _response_hours(period):
    """(median, 90th percentile) of the first-response times in hours, web form and e-mail
    only, or (None, None): the database sorts the durations and returns the one or two middle
    ones and the nearest-rank 90th (three queries, whatever the number of consultations)."""
    responded = _received_in(period).filter(
        channel__in=services.RESPONSE_CHANNELS, first_response_at__isnull=False
    )
    count = responded.count()
    if not count:
        return None, None
    durations = (
        responded.annotate(
            duration=ExpressionWrapper(
                F("first_response_at") - F("created_at"), output_field=DurationField()
            )
        )
        .order_by("duration")
        .values_list("duration", flat=True)
    )

    def hours(values):
        return [value.total_seconds() / 3600 for value in values]

    middle = hours(durations[(count - 1) // 2 : count // 2 + 1])
    rank = max(1, -(-count * 90 // 100))
    (p90,) = hours(durations[rank - 1 : rank])
    return statistics.median(middle), p90


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
    detailed = _topics_by_month(period)
    by_topic = {t: {c: 0 for c in channels} for t in Topic}
    for (_month, channel, code, _place), n in detailed.items():
        if code in by_topic:
            by_topic[code][channel] += n
    median_hours, p90_hours = _response_hours(period)
    now = Consultation.objects.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=services.overdue_q()),
    )
    return {
        "fiscal_year": fiscal_year,
        "period": period,
        "channels": channels,
        "months": japan_time.fiscal_year_months(fiscal_year),
        "by_month": by_month,
        "by_topic": by_topic,
        "by_place": by_place,
        "detailed": sorted(detailed.items()),
        # Every consultation of the year is in one month and one channel of by_month.
        "total": sum(sum(counts.values()) for counts in by_month.values()),
        "median_hours": median_hours,
        "p90_hours": p90_hours,
        "open": now["open"],
        "overdue": now["overdue"],
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
    months = japan_time.fiscal_year_months(fiscal_year)
    out = io.StringIO()
    writer = csv.writer(out)
    header = [_("Desk or event"), _("Channel")]
    header += [_("%(year)s-%(month)02d") % {"year": y, "month": m} for y, m in months]
    header.append(_("Total"))
    writer.writerow([safe_cell(h) for h in header])
    counts = {}
    for row in (
        _received_in(period)
        .annotate(month=TruncMonth("created_at", tzinfo=japan_time.JST))
        .values("place_kind", "channel", "month")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        key = (row["place_kind"], row["channel"], *periods.month_key(row["month"]))
        counts[key] = counts.get(key, 0) + row["n"]
    for place in PlaceKind:
        for channel in Channel:
            cells = [counts.get((place, channel, y, m), 0) for y, m in months]
            writer.writerow([safe_cell(place.label), safe_cell(channel.label), *cells, sum(cells)])
    return for_excel(out.getvalue())
