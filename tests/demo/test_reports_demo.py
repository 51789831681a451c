"""seed_demo's reports: KPI targets for the current fiscal year (one KPI entered month by
month), months of history since April, and a finished quarterly report with text, photos,
highlights and its PDF, so the dashboard and the report show real-looking figures."""

import subprocess

import pytest
from django.contrib.auth import get_user_model

from core import japan_time
from members.models import Membership
from passes.models import Use
from reports import figures, periods
from reports.models import KPI, KPITarget, PageViewDay, Report

pytestmark = pytest.mark.django_db


def test_targets_for_the_current_fiscal_year(demo_site):
    year = japan_time.current_fiscal_year()
    targets = {t.kpi: t for t in KPITarget.objects.filter(fiscal_year=year)}
    assert set(targets) == set(KPI.values)
    assert len(targets[KPI.REGISTRATIONS_BASIC].monthly) == 12
    assert sum(targets[KPI.REGISTRATIONS_BASIC].monthly) == targets[KPI.REGISTRATIONS_BASIC].annual
    assert targets[KPI.CONSULTATIONS].monthly == []


def test_months_of_history_since_april(demo_site):
    period = periods.Period.fiscal_year(japan_time.current_fiscal_year())
    months = figures.kpi_months(period)
    past = [m for m in period.months() if m < (japan_time.today().year, japan_time.today().month)]
    assert len(past) >= 3
    for kpi in (KPI.REGISTRATIONS_BASIC, KPI.OFFER_USES, KPI.VISITS):
        assert all(months[kpi][m] > 0 for m in past), kpi
    assert sum(v for v in months[KPI.CONSULTATIONS].values() if v) >= 150
    assert Membership.objects.filter(member_number__startswith="L-").count() >= 1000
    assert Use.objects.count() >= 2000
    assert PageViewDay.objects.exists()


def test_a_finished_quarterly_report(demo_site):
    report = Report.objects.get(kind="quarter")
    assert "第2四半期" in report.title
    assert report.consultations_text and report.plan_text
    assert report.photos.exists() and report.highlights.exists()
    version = report.latest_version
    assert version.status == "done"
    words = subprocess.run(
        ["pdftotext", version.pdf.path, "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "相談窓口" in words
    assert "フェリー" in words  # the contractor's text
    quarter_kpis = version.snapshot["sections"][0]["blocks"][0]["rows"]
    assert quarter_kpis[0][1] > 0  # consultations in the quarter


def test_the_dashboard_shows_the_demo_figures(client, demo_site):
    client.force_login(get_user_model().objects.get(email="city@example.jp"))
    response = client.get("/admin/reports/dashboard/")
    assert response.status_code == 200
    assert response.context["kpis"][0]["target"] is not None
    assert response.context["kpis"][0]["actual"] > 0
