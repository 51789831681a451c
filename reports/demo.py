"""Demo scenarios of the reports: months of plausible history since 1 April at a small scale
(reports.load_data), so that the dashboard and the report have figures to show, and the
city's KPI targets for the current fiscal year. Idempotent: the history is made once (the
load members are there afterwards) and targets an editor changed are left alone."""

import datetime as dt

from reports import periods
from reports.load_data import MONTH_WEIGHTS, apportion, generate, load_members
from reports.models import KPI, KPITarget

LOGINS = []

# The demo's scale: what the history below makes in a whole year, with some ambition.
ANNUAL_TARGETS = {
    KPI.REGISTRATIONS_BASIC: 1_600,
    KPI.REGISTRATIONS_PREMIUM: 280,
    KPI.ACTIVE_MEMBERS: 1_500,
    KPI.ATTENDANCES: 120,
    KPI.PREMIUM_REACHED: 20,
    KPI.PASSES_ISSUED: 1_300,
    KPI.OFFER_USES: 3_800,
    KPI.ACTIVE_PARTNERS: 12,
    KPI.CONSULTATIONS: 280,
    KPI.CONSULTATIONS_DESK: 250,
    KPI.CONSULTATIONS_EVENT: 30,
    KPI.CONVERSIONS: 150,
    KPI.VISITS: 95_000,
}
# Entered month by month by the city: registrations follow the summer and winter campaigns.
# The other targets are left to be spread evenly.
MONTHLY_KPIS = [KPI.REGISTRATIONS_BASIC]


def seed(home, stdout):
    today = periods.today()
    fiscal_year = periods.fiscal_year_of(today)
    start = dt.date(fiscal_year, 4, 1)
    end = today - dt.timedelta(days=1)
    if end >= start and not load_members().exists():
        generate(
            members=1_200,
            page_views=60_000,
            uses=2_500,
            consultations=180,
            start=start,
            end=end,
            stdout=stdout,
        )
    made = enter_targets(fiscal_year)
    if made:
        stdout.write(f"Reports: {made} KPI targets for FY{fiscal_year}.\n")


def enter_targets(fiscal_year):
    """What the city's editors enter on the targets screen; targets already there stay."""
    made = 0
    months = [month for _year, month in periods.fiscal_year_months(fiscal_year)]
    for kpi in KPI:
        annual = ANNUAL_TARGETS[kpi]
        monthly = []
        if kpi in MONTHLY_KPIS:
            monthly = apportion(annual, [MONTH_WEIGHTS[month] for month in months])
        _target, created = KPITarget.objects.get_or_create(
            fiscal_year=fiscal_year, kpi=kpi, defaults={"annual": annual, "monthly": monthly}
        )
        made += created
    return made
