"""The figures that cross apps, for a period in Japan time: each KPI by month, the persona
breakdowns, partners and categories, consultation channels and topics, campaigns and the
funnel. Every count is a grouped query in the database (GROUP BY month, code or partner), a
fixed number of queries whatever the number of rows; Python only folds the grouped rows.

The dashboard, the report and the figures pages all read these functions, so a figure is
computed in one place. Persona counts of fewer than SMALL_CELL people are shown as "<5": a
report may be published under the information disclosure ordinance (情報公開)."""

from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.db.models import Case, CharField, Count, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import japan_time
from reports import periods
from reports.models import KPI, LEVEL_KPIS, KPITarget

SMALL_CELL = 5
SECONDARY = "x"

# Regions of residence, by JIS prefecture code (01 北海道 … 47 沖縄県, 99 overseas).
REGIONS = [
    ("hokkaido", gettext_lazy("Hokkaido"), ["01"]),
    ("tohoku", gettext_lazy("Tohoku"), ["02", "03", "04", "05", "06", "07"]),
    ("kanto", gettext_lazy("Kanto"), ["08", "09", "10", "11", "12", "13", "14"]),
    ("chubu", gettext_lazy("Chubu"), ["15", "16", "17", "18", "19", "20", "21", "22", "23"]),
    ("kinki", gettext_lazy("Kinki"), ["24", "25", "26", "27", "28", "29", "30"]),
    ("chugoku", gettext_lazy("Chugoku"), ["31", "32", "33", "34", "35"]),
    ("shikoku", gettext_lazy("Shikoku"), ["36", "37", "38", "39"]),
    (
        "kyushu",
        gettext_lazy("Kyushu and Okinawa"),
        ["40", "41", "42", "43", "44", "45", "46", "47"],
    ),
    ("overseas", gettext_lazy("Overseas"), ["99"]),
]


def model(label):
    return apps.get_model(label)


def suppressed(count):
    """A count of people as shown in a report: 1 to 4 become "<5"."""
    return "<5" if 0 < count < SMALL_CELL else count


def _in(period, field):
    start, end = period.bounds()
    return {f"{field}__gte": start, f"{field}__lt": end}


def _by_month(queryset, field, period, count="pk", distinct=False):
    """{(year, month): n} for every month of the period (0 where nothing happened)."""
    rows = (
        queryset.filter(**_in(period, field))
        .annotate(month=TruncMonth(field, tzinfo=japan_time.JST))
        .values("month")
        .annotate(n=Count(count, distinct=distinct))
        .order_by()
    )
    counts = dict.fromkeys(period.months(), 0)
    for row in rows:
        month = periods.month_key(row["month"])
        counts[month] = counts.get(month, 0) + row["n"]
    return counts


def _memberships():
    Membership = model("members.Membership")
    return Membership.objects.filter(activated_at__isnull=False)


def _members_ever_active():
    """Memberships that were active at some time and whose leaving, if any, is dated (a
    withdrawal recorded before withdrawn_at existed has no date: it is left out)."""
    Membership = model("members.Membership")
    return Membership.objects.filter(activated_at__isnull=False).exclude(
        status=Membership.Status.WITHDRAWN, withdrawn_at__isnull=True
    )


def _active_members(at=None):
    """Members active at the time `at` (now when None): activated before it, not withdrawn
    by then."""
    members = _members_ever_active()
    if at is None:
        Membership = model("members.Membership")
        return members.filter(status=Membership.Status.ACTIVE)
    return members.filter(activated_at__lt=at).filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=at)
    )


def _designated_attendances():
    return model("members.ActivitySignup").objects.filter(
        attended_at__isnull=False, activity__counts_toward_premium=True
    )


def _premium_reached_by_month(period):
    """Members whose third designated attendance of a fiscal year falls in each month: the
    premium tier asks for three a year, so a member can reach it again the next year."""
    counts = dict.fromkeys(period.months(), 0)
    User = model(settings.AUTH_USER_MODEL)
    years = sorted(
        {japan_time.fiscal_year_of(periods.Period.month(*m).start) for m in period.months()}
    )
    for year in years:
        start, end = periods.Period.fiscal_year(year).bounds()
        in_year = _designated_attendances().filter(attended_at__gte=start, attended_at__lt=end)
        three = in_year.values("user").annotate(n=Count("pk")).filter(n__gte=3).values("user")
        third = (
            in_year.filter(user=OuterRef("pk")).order_by("attended_at").values("attended_at")[2:3]
        )
        users = User.objects.filter(pk__in=three).annotate(third_attendance=Subquery(third))
        for month, n in _by_month(users, "third_attendance", period).items():
            counts[month] += n
    return counts


def _page_views_by_month(period):
    from reports.pageviews import page_view_totals

    counts = dict.fromkeys(period.months(), 0)
    for row in page_view_totals(period.start, period.end, group_by=("day",)):
        key = (row["day"].year, row["day"].month)
        counts[key] = counts.get(key, 0) + row["views"]
    return counts


def _flow_sources():
    """KPI → (queryset, datetime field) for the KPIs that are counts of events."""
    Use = model("passes.Use")
    Pass = model("passes.Pass")
    Consultation = model("consultations.Consultation")
    Conversion = model("campaigns.Conversion")
    return {
        KPI.REGISTRATIONS_BASIC: (_memberships().filter(tier="basic"), "activated_at"),
        KPI.REGISTRATIONS_PREMIUM: (_memberships().filter(tier="premium"), "activated_at"),
        KPI.ATTENDANCES: (_designated_attendances(), "attended_at"),
        KPI.PASSES_ISSUED: (Pass.objects.filter(issued_at__isnull=False), "issued_at"),
        KPI.OFFER_USES: (Use.objects.all(), "used_at"),
        KPI.CONSULTATIONS: (Consultation.objects.all(), "created_at"),
        KPI.CONSULTATIONS_DESK: (Consultation.objects.filter(place_kind="desk"), "created_at"),
        KPI.CONSULTATIONS_EVENT: (Consultation.objects.filter(place_kind="event"), "created_at"),
        KPI.CONVERSIONS: (Conversion.objects.all(), "occurred_at"),
    }


def kpi_months(period):
    """{kpi: {(year, month): actual}} for every KPI and every month the period touches.
    Months are whole months clipped to the period (a custom period's first and last month
    count only its own days). Level KPIs: active members at the end of the month (or of the
    period), partners with at least one offer use in the month."""
    result = {}
    for kpi, (queryset, field) in _flow_sources().items():
        result[kpi] = _by_month(queryset, field, period)
    result[KPI.PREMIUM_REACHED] = _premium_reached_by_month(period)
    result[KPI.VISITS] = _page_views_by_month(period)
    result[KPI.ACTIVE_PARTNERS] = _by_month(
        model("passes.Use").objects.all(), "used_at", period, count="partner", distinct=True
    )
    start, _end = period.bounds()
    ever = _members_ever_active()
    running = _active_members(at=start).count()
    joined = _by_month(ever, "activated_at", period)
    left = _by_month(ever.filter(withdrawn_at__isnull=False), "withdrawn_at", period)
    levels = {}
    for month in period.months():
        running += joined[month] - left[month]
        levels[month] = running
    result[KPI.ACTIVE_MEMBERS] = levels
    # Months that have not begun have no figures yet (their targets are still shown).
    this_month = (japan_time.today().year, japan_time.today().month)
    for values in result.values():
        for month in values:
            if month > this_month:
                values[month] = None
    return result


def kpi_actuals(period, months=None):
    """{kpi: the period's figure}. Flows add up the months; active members is the level at
    the end (of the period, or now for a period still running); active partners counts each
    partner once for the whole period."""
    months = months or kpi_months(period)
    actuals = {
        kpi: sum(value for value in values.values() if value is not None)
        for kpi, values in months.items()
        if kpi not in LEVEL_KPIS
    }
    levels = [v for v in months[KPI.ACTIVE_MEMBERS].values() if v is not None]
    actuals[KPI.ACTIVE_MEMBERS] = levels[-1] if levels else 0
    actuals[KPI.ACTIVE_PARTNERS] = (
        model("passes.Use")
        .objects.filter(**_in(period, "used_at"))
        .values("partner")
        .distinct()
        .count()
    )
    return actuals


def _days_in_month(year, month):
    return (periods.first_day_after(year, month) - periods.Period.month(year, month).start).days


def _share_of_month(period, year, month):
    """The fraction of a month the period covers (1 for whole months)."""
    whole = periods.Period.month(year, month)
    start, end = max(whole.start, period.start), min(whole.end, period.end)
    return ((end - start).days + 1) / _days_in_month(year, month)


def kpi_targets(period):
    """({kpi: target or None}, {kpi: {(year, month): target}}) for the period. A month only
    partly in a custom period counts its share of the month's target (flows)."""
    fiscal_years = {
        japan_time.fiscal_year_of(periods.Period.month(y, m).start) for y, m in period.months()
    }
    monthly = defaultdict(dict)
    for target in KPITarget.objects.filter(fiscal_year__in=fiscal_years):
        for month, value in target.month_targets().items():
            if month in period.months():
                monthly[target.kpi][month] = value
    totals = {}
    for kpi in KPI.values:
        months = monthly.get(kpi)
        if not months or len(months) < len(period.months()):
            totals[kpi] = None
        elif kpi in LEVEL_KPIS:
            totals[kpi] = months[period.months()[-1]]
        else:
            totals[kpi] = round(
                sum(value * _share_of_month(period, *month) for month, value in months.items())
            )
    return totals, dict(monthly)


def kpi_table(period):
    """[{code, label, actual, target, rate, months: [(month, actual, target)]}] for every KPI."""
    months = kpi_months(period)
    actuals = kpi_actuals(period, months)
    targets, monthly_targets = kpi_targets(period)
    rows = []
    for kpi in KPI:
        target = targets[kpi]
        actual = actuals[kpi]
        rows.append(
            {
                "code": kpi.value,
                "label": str(kpi.label),
                "actual": actual,
                "target": target,
                "rate": round(100 * actual / target, 1) if target else None,
                "months": [
                    (month, months[kpi][month], monthly_targets.get(kpi, {}).get(month))
                    for month in period.months()
                ],
            }
        )
    return rows


# Personas --------------------------------------------------------------------------------


def _region_case():
    return Case(
        *[When(residence_prefecture__in=codes, then=Value(key)) for key, _label, codes in REGIONS],
        default=Value(""),
        output_field=CharField(),
    )


def persona(period, suppress=True):
    """Furusato residents active at the end of the period and those new in it, by relationship
    type, interest, age band, region and prefecture of residence, and tier:
    {dimension: [(label, members, new)], "total": (members, new)}. With `suppress` (a report,
    the dashboard) cells under five people are shown as "<5"; the staff's figures page, whose
    readers may see each record, shows them exactly."""
    from members.choices import AgeBand, Interest, Relationship, Tier
    from members.residence import prefecture_choices

    start, end = period.bounds()
    members = _active_members(at=min(end, timezone.now()))
    new_q = Q(activated_at__gte=start)
    MembershipCode = model("members.MembershipCode")
    codes = MembershipCode.objects.filter(membership__in=members)

    def grouped(queryset, column):
        return {
            row[column]: (row["n"], row["new"])
            for row in queryset.values(column)
            .annotate(n=Count("pk"), new=Count("pk", filter=new_q))
            .order_by()
        }

    def rows(counts, choices):
        return [(str(label), *counts.get(code, (0, 0))) for code, label in choices]

    by_code = defaultdict(dict)
    for row in (
        codes.values("field", "code")
        .annotate(
            n=Count("membership", distinct=True),
            new=Count("membership", filter=Q(membership__activated_at__gte=start), distinct=True),
        )
        .order_by()
    ):
        by_code[row["field"]][row["code"]] = (row["n"], row["new"])
    regions = grouped(members.annotate(region=_region_case()), "region")
    prefectures = grouped(members, "residence_prefecture")
    names = dict(prefecture_choices())
    by_prefecture = sorted(prefectures.items(), key=lambda item: (-item[1][0], item[0] or ""))
    totals = members.aggregate(n=Count("pk"), new=Count("pk", filter=new_q))
    dimensions = {
        "relationship": rows(by_code["relationship"], Relationship.choices),
        "interest": rows(by_code["interest"], Interest.choices),
        "age": rows(grouped(members, "age_band"), AgeBand.choices),
        "region": rows(regions, [(key, label) for key, label, _codes in REGIONS]),
        "prefecture": [(names.get(code, code or "—"), n, new) for code, (n, new) in by_prefecture],
        "tier": rows(grouped(members, "tier"), Tier.choices),
    }
    if suppress:
        for key, table in dimensions.items():
            dimensions[key] = protect(table, partition=key not in ("relationship", "interest"))
    return {**dimensions, "total": (totals["n"], totals["new"])}


def protect(rows, partition):
    """Rows (label, count, count…) as published: counts of 1 to 4 people become "<5". In a
    partition (each person in one row) whose total is published, one hidden cell could be
    worked out by subtraction, so the next smallest cell of that column is hidden too, as "x"
    (as Japanese statistics mark a figure kept secret)."""
    columns = len(rows[0]) - 1 if rows else 0
    hidden = [[0 < row[1 + c] < SMALL_CELL for c in range(columns)] for row in rows]
    if partition:
        for c in range(columns):
            if sum(row[c] for row in hidden) == 1:
                others = [
                    (row[1 + c], index)
                    for index, row in enumerate(rows)
                    if row[1 + c] > 0 and not hidden[index][c]
                ]
                if others:
                    hidden[min(others)[1]][c] = True

    def shown(value, hide):
        if not hide:
            return value
        return "<5" if value < SMALL_CELL else SECONDARY

    return [
        (row[0], *(shown(row[1 + c], hidden[i][c]) for c in range(columns)))
        for i, row in enumerate(rows)
    ]


# Entry Pass ------------------------------------------------------------------------------


def uses_by_partner(period):
    """[(partner name, category label, uses, passes)] of the period, most used first."""
    from passes.models import PartnerCategory

    categories = dict(PartnerCategory.choices)
    return [
        (
            row["partner__name"],
            str(categories.get(row["partner__category"], "")),
            row["n"],
            row["passes"],
        )
        for row in model("passes.Use")
        .objects.filter(**_in(period, "used_at"))
        .values("partner__name", "partner__category")
        .annotate(n=Count("pk"), passes=Count("entry_pass", distinct=True))
        .order_by("-n", "partner__name")
    ]


def uses_by_category(period):
    from passes.models import PartnerCategory

    counts = {
        row["partner__category"]: row["n"]
        for row in model("passes.Use")
        .objects.filter(**_in(period, "used_at"))
        .values("partner__category")
        .annotate(n=Count("pk"))
        .order_by()
    }
    return [(str(label), counts.get(code, 0)) for code, label in PartnerCategory.choices]


# Consultations ---------------------------------------------------------------------------


def consultations_by_channel(period):
    """[(channel label, at the desk, at events, total)] in the 総務省 channels."""
    from consultations.models import Channel

    counts = defaultdict(int)
    for row in (
        model("consultations.Consultation")
        .objects.filter(**_in(period, "created_at"))
        .values("channel", "place_kind")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[(row["channel"], row["place_kind"])] = row["n"]
    return [
        (
            str(label),
            counts[(code, "desk")],
            counts[(code, "event")],
            counts[(code, "desk")] + counts[(code, "event")],
        )
        for code, label in Channel.choices
    ]


def consultations_by_topic(period):
    from consultations.models import Topic

    counts = {
        row["code"]: row["n"]
        for row in model("consultations.ConsultationTopic")
        .objects.filter(**{f"consultation__{k}": v for k, v in _in(period, "created_at").items()})
        .values("code")
        .annotate(n=Count("consultation", distinct=True))
        .order_by()
    }
    return [(str(label), counts.get(code, 0)) for code, label in Topic.choices]


def consultations_by_month(period):
    """{(year, month): {channel: n}}."""
    from consultations.models import Channel

    result = {month: dict.fromkeys(Channel.values, 0) for month in period.months()}
    for row in (
        model("consultations.Consultation")
        .objects.filter(**_in(period, "created_at"))
        .annotate(month=TruncMonth("created_at", tzinfo=japan_time.JST))
        .values("month", "channel")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        result.setdefault(periods.month_key(row["month"]), {})[row["channel"]] = row["n"]
    return result


# Campaigns -------------------------------------------------------------------------------


def campaigns(period):
    """The campaign dashboard's rows for the period (campaigns.dashboard computes them)."""
    from campaigns import dashboard

    return dashboard.figures(period.start, period.end)


# Portal ----------------------------------------------------------------------------------


def page_views_by(period, dimension):
    """[(key, views)] by "section" or "language", most viewed first."""
    from reports.pageviews import page_view_totals

    rows = page_view_totals(period.start, period.end, group_by=(dimension,))
    return sorted(((row[dimension], row["views"]) for row in rows), key=lambda r: (-r[1], r[0]))


def top_pages(period, limit=10):
    from wagtail.models import Page

    from reports.pageviews import page_view_totals

    rows = sorted(
        page_view_totals(period.start, period.end, group_by=("page",)),
        key=lambda r: -r["views"],
    )[:limit]
    titles = dict(Page.objects.filter(pk__in=[r["page"] for r in rows]).values_list("pk", "title"))
    return [(titles.get(row["page"], _("(deleted page)")), row["views"]) for row in rows]


# The funnel ------------------------------------------------------------------------------


def funnel(period, actuals=None):
    """Visit → tracking-link click → pass → offer use → registration → activity sign-up →
    consultation: the number of each in the period (volumes, not the same people)."""
    actuals = actuals or kpi_actuals(period)
    clicks = model("campaigns.Click").objects.filter(**_in(period, "clicked_at")).count()
    signups = (
        model("members.ActivitySignup")
        .objects.filter(**_in(period, "created_at"))
        .exclude(status="cancelled")
        .count()
    )
    return [
        (_("Portal page views"), actuals[KPI.VISITS]),
        (_("Tracking-link clicks"), clicks),
        (_("Entry Passes issued"), actuals[KPI.PASSES_ISSUED]),
        (_("Offer uses"), actuals[KPI.OFFER_USES]),
        (
            _("Registrations"),
            actuals[KPI.REGISTRATIONS_BASIC] + actuals[KPI.REGISTRATIONS_PREMIUM],
        ),
        (_("Activity sign-ups"), signups),
        (_("Consultations"), actuals[KPI.CONSULTATIONS]),
    ]
