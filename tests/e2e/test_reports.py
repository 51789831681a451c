"""The reports admin in a real browser as the demo City editor: axe (WCAG 2.0/2.1 A and AA)
finds nothing on the KPI dashboard, the targets, a report's form, versions and preview, in
Japanese and English, error states included; the dashboard's "Show" and the versions'
"Generate" are reached with Tab. Then the whole flow in the Japanese admin: a target set and
kept, a fiscal-year report written in Draftail, generated, and its PDF read back.

Every test leaves the shared demo as it found it: the targets are put back, the report made
here is deleted with its files, the editor's admin language is restored."""

import re
import subprocess

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.accounts import log_in_as_city_editor
from tests.e2e.conftest import assert_no_axe_violations

EDITOR = "city@example.jp"
# The report's generation (figures, charts, WeasyPrint) runs inside the POST in tests.
GENERATION_TIMEOUT = 120_000


def t(message, language):
    """What the admin shows for a msgid (or a lazy label) in a language: the catalogues decide,
    not the test."""
    with translation.override(language):
        return translation.gettext(message) if isinstance(message, str) else str(message)


def log_in(page, site_url, next_url):
    log_in_as_city_editor(page, site_url, next_url)


def editor_profile():
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(get_user_model().objects.get(email=EDITOR))


@pytest.fixture
def admin_language():
    """Sets the City editor's admin language; puts back the demo's own afterwards."""
    profile = editor_profile()
    original = profile.preferred_language

    def use(language):
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])

    yield use
    use(original)


@pytest.fixture
def kept_targets():
    """The demo's KPI targets of the current fiscal year, put back as they were after the test
    (saving the targets form rewrites every row, and its editor)."""
    from core import japan_time
    from reports.models import KPITarget

    fiscal_year = japan_time.current_fiscal_year()
    rows = list(
        KPITarget.objects.filter(fiscal_year=fiscal_year).values(
            "pk", "kpi", "annual", "monthly", "updated_at", "updated_by_id"
        )
    )
    yield fiscal_year
    KPITarget.objects.filter(fiscal_year=fiscal_year).exclude(
        pk__in=[row["pk"] for row in rows]
    ).delete()
    for row in rows:
        pk = row.pop("pk")
        KPITarget.objects.filter(pk=pk).update(**row)


def demo_quarterly_report():
    from reports.models import Report, ReportVersion

    report = Report.objects.get(title__startswith="関係人口創出・拡大事業 四半期業務報告書")
    assert report.versions.filter(status=ReportVersion.Status.DONE).exists()
    return report


def delete_report(report):
    """The report, its versions and their files in the private storage."""
    for version in report.versions.all():
        for file in (version.pdf, version.data_zip, version.docx):
            if file:
                file.delete(save=False)
    report.delete()


def tab_until_focused(page, target, presses=15):
    """Press Tab until the target has the focus (fails if it never gets it)."""
    for _press in range(presses):
        if target.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(target).to_be_focused()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_reports_admin_screens_are_accessible(page, site_url, admin_language, language):
    from core import japan_time
    from reports.models import KPITarget

    admin_language(language)
    report = demo_quarterly_report()
    fiscal_year = japan_time.current_fiscal_year()
    targets_before = list(KPITarget.objects.filter(fiscal_year=fiscal_year).values())

    # Signed in on a light page: the dashboard's first drawing of its charts takes seconds.
    log_in(page, site_url, f"/admin/reports/targets/{fiscal_year}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.goto(f"{site_url}/admin/reports/dashboard/")

    # The dashboard: the current fiscal year's figures against the demo's targets, and charts.
    overview = page.locator("#kpi-overview")
    expect(overview.locator("tbody tr")).to_have_count(13)
    expect(overview).to_contain_text("1,600")  # the demo's target of basic registrations
    expect(page.locator(".report-chart svg").first).to_be_visible()
    assert_no_axe_violations(page)

    # "Show" is reached with Tab from the period's first field, and Enter sends the form.
    page.locator("#id_kind").focus()
    show = page.get_by_role("button", name=t("Show", language), exact=True)
    tab_until_focused(page, show)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?kind=fiscal_year&year=\d{4}"))
    expect(overview.locator("tbody tr")).to_have_count(13)

    # The error state: the last day before the first.
    page.goto(f"{site_url}/admin/reports/dashboard/?kind=custom&start=2026-06-02&end=2026-06-01")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#id_end")).to_have_attribute("aria-invalid", "true")
    expect(overview).to_have_count(0)
    assert_no_axe_violations(page)

    # The targets, and a bad entry: one month of a KPI whose year is spread evenly.
    page.goto(f"{site_url}/admin/reports/targets/{fiscal_year}/")
    expect(page.locator("#id_conversions-annual")).to_have_value("150")
    assert_no_axe_violations(page)
    page.locator("#id_conversions-m5").fill("20")
    page.get_by_role("button", name=t("Save the targets", language)).click()
    expect(page.locator("#targets-errors")).to_be_visible()
    expect(page.locator("#id_conversions-annual")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_conversions-m5")).to_have_value("20")
    assert_no_axe_violations(page)
    assert list(KPITarget.objects.filter(fiscal_year=fiscal_year).values()) == targets_before

    # A new report's form, and the demo report's form with its text, photos and pages.
    page.goto(f"{site_url}/admin/reports/report/new/")
    expect(page.locator("#id_fiscal_year")).to_have_value(str(fiscal_year))
    assert_no_axe_violations(page)
    page.goto(f"{site_url}/admin/reports/report/edit/{report.pk}/")
    expect(page.locator("#id_title")).to_have_value(report.title)
    expect(page.locator(".Draftail-Editor").first).to_contain_text("お試し移住")
    assert_no_axe_violations(page)

    # The versions with their downloads; "Generate" is the next stop after "Preview".
    page.goto(f"{site_url}/admin/reports/report/{report.pk}/versions/")
    expect(page.locator("#report-versions")).to_contain_text("PDF")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=t("Preview", language), exact=True).focus()
    page.keyboard.press("Tab")
    expect(page.locator("form[action$='/generate/'] button[type=submit]")).to_be_focused()

    # The preview: the report document in a frame.
    page.goto(f"{site_url}/admin/reports/report/{report.pk}/preview/")
    document = page.frame_locator("iframe")
    expect(document.get_by_role("heading", level=1).first).to_contain_text("四半期業務報告書")
    assert_no_axe_violations(page)


def test_city_editor_sets_a_target_and_generates_a_report(
    page, site_url, admin_language, kept_targets, tmp_path
):
    """In the Japanese admin; the report is a Japanese one for the current fiscal year (the
    period has started, so it is not refused as future)."""
    from reports.models import Report

    language = "ja"
    fiscal_year = kept_targets
    title = f"e2e 実績報告書 {fiscal_year}年度"
    sentence = "週末の相談が増えました。"
    admin_language(language)
    for report in Report.objects.filter(title=title):  # a run that died half-way
        delete_report(report)
    try:
        _flow(page, site_url, language, fiscal_year, title, sentence, tmp_path)
    finally:
        for report in Report.objects.filter(title=title):
            delete_report(report)


def _flow(page, site_url, language, fiscal_year, title, sentence, tmp_path):
    from reports.models import KPITarget, Report, ReportVersion, Section

    # A year's target for the campaign conversions: saved, and shown again.
    log_in(page, site_url, f"/admin/reports/targets/{fiscal_year}/")
    page.locator("#id_conversions-annual").fill("175")
    page.get_by_role("button", name=t("Save the targets", language)).click()
    expect(page.locator(".messages")).to_contain_text(
        t("The targets for FY%(year)d are saved.", language) % {"year": fiscal_year}
    )
    expect(page.locator("#id_conversions-annual")).to_have_value("175")
    assert KPITarget.objects.get(fiscal_year=fiscal_year, kpi="conversions").annual == 175

    # A fiscal-year report, with the text of section (1) typed into Draftail.
    page.goto(f"{site_url}/admin/reports/report/new/")
    page.locator("#id_title").fill(title)
    page.locator("#id_kind").select_option("fiscal_year")
    expect(page.locator("#id_fiscal_year")).to_have_value(str(fiscal_year))
    editor = page.locator("[data-contentpath=consultations_text] [contenteditable=true]")
    editor.click()
    page.keyboard.type(sentence)
    expect(editor).to_contain_text(sentence)
    # Draftail writes its state into the hidden input a moment after the last keystroke.
    expect(page.locator("#id_consultations_text")).to_have_value(re.compile(sentence))
    page.locator("footer button.button-longrunning[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    report = Report.objects.get(title=title)
    assert sentence in report.consultations_text
    assert (report.kind, report.language) == ("fiscal_year", "ja")

    # Its versions: Generate (by keyboard), then the PDF.
    page.goto(f"{site_url}/admin/reports/report/{report.pk}/versions/")
    expect(page.locator("#report-versions")).to_contain_text(t("Not generated yet.", language))
    generate = page.locator("form[action$='/generate/'] button[type=submit]")
    generate.focus()
    page.keyboard.press("Enter")
    pdf_link = page.locator(f"a[href$='/report/{report.pk}/v1/pdf/']")
    expect(pdf_link).to_be_visible(timeout=GENERATION_TIMEOUT)
    assert report.versions.get().status == ReportVersion.Status.DONE
    with page.expect_download() as download:
        pdf_link.click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", sentence) in flat
    assert "(1)相談窓口" in flat  # a Japanese report has Japanese headings
    for section in Section:
        assert re.sub(r"\s+", "", t(section.label, report.language)) in flat, section.label
