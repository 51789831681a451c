"""A results report from creation to delivery: the period chosen in the editor (with clear
errors), generation into a frozen version (PDF, data zip, Word), new data that do not change
a delivered version, regeneration that keeps the previous one, the preview, downloads only
for editors, no personal data in the report, and a failed generation recorded."""

import io
import json
import subprocess
import zipfile

import pytest
from django.utils import translation

from reports import render
from reports.models import Report, ReportVersion
from tests.factories.consultations import ConsultationFactory
from tests.reports.test_dashboard import editor, text
from tests.reports.test_kpis import FY, history, jst  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

REPORTS = "/admin/reports/report/"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def form_data(**fields):
    data = {
        "title": "苫小牧市 関係人口創出事業 業務実績報告書",
        "kind": "fiscal_year",
        "fiscal_year": str(FY),
        "month": "",
        "quarter": "",
        "language": "ja",
    }
    for prefix in ("photos", "highlights"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


@pytest.fixture
def report(history):  # noqa: F811
    return Report.objects.create(
        title="苫小牧市 関係人口創出事業 業務実績報告書（令和7年度）",
        kind="fiscal_year",
        start=jst(FY, 4, 1).date(),
        end=jst(FY + 1, 3, 31).date(),
        language="ja",
        consultations_text="<p>相談窓口では、移住と二地域居住の相談が増えました。</p>",
    )


def test_an_editor_creates_a_fiscal_year_report(client):
    editor(client)
    response = client.post(f"{REPORTS}new/", form_data())
    assert response.status_code == 302, text(response)[:2000]
    assert response["Location"] == REPORTS, response["Location"]
    report = Report.objects.get()
    assert (report.kind, report.start.isoformat(), report.end.isoformat()) == (
        "fiscal_year",
        "2025-04-01",
        "2026-03-31",
    )
    response = client.post(f"{REPORTS}new/", form_data(kind="quarter", quarter="4"))
    quarter = Report.objects.get(kind="quarter")
    assert (quarter.start.isoformat(), quarter.end.isoformat()) == ("2026-01-01", "2026-03-31")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "month"}, "Choose the month of a monthly report."),
        ({"kind": "quarter"}, "Choose the quarter of a quarterly report."),
        ({"fiscal_year": "2090"}, "The period has not started yet."),
        ({"fiscal_year": "2001"}, "The period ends before the site existed"),
    ],
)
def test_a_bad_period_is_refused_with_a_message(client, fields, message):
    editor(client)
    response = client.post(f"{REPORTS}new/", form_data(**fields))
    assert response.status_code == 200
    assert message in text(response)
    assert not Report.objects.exists()


def test_a_generated_version_is_complete_frozen_and_holds_no_personal_data(client, report):
    """One generation is slow (PDF, spreadsheet, Word): one test follows a report through
    two versions and checks everything a delivered version must be."""
    import openpyxl

    ConsultationFactory(
        created_at=jst(FY, 7, 7), name="個人 情報子", email="private-person@example.com"
    )
    report.language = "en"
    report.save()
    user = editor(client)
    response = client.post(f"/admin/reports/report/{report.pk}/generate/")
    assert response.status_code == 302
    first = ReportVersion.objects.get(report=report, number=1)
    assert (first.status, first.progress, first.requested_by) == ("done", 100, user)
    assert first.pdf and first.data_zip and first.docx
    consultations = first.snapshot["sections"][0]
    assert (consultations["key"], consultations["title"]) == (
        "consultations",
        "(1) Consultation desk",
    )
    assert "二地域居住" in consultations["narrative"]
    assert consultations["blocks"][0]["rows"][0][:2] == ["Consultations", 5]

    # No personal data in what is delivered.
    frozen = json.dumps(first.snapshot, ensure_ascii=False)
    for personal in ("個人 情報子", "private-person@example.com", "苫小牧 花子", "example.jp"):
        assert personal not in frozen

    # The downloads are the frozen files, for editors only, never cached.
    base = f"/admin/reports/report/{report.pk}/v1"
    pdf = client.get(f"{base}/pdf/")
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")
    assert {"private", "no-store"} <= set(pdf["Cache-Control"].split(", "))
    body = b"".join(pdf.streaming_content)
    words = subprocess.run(
        ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
    ).stdout.decode()
    assert "二地域居住" in words and "(1) Consultation desk" in words
    assert "個人 情報子" not in words
    docx = client.get(f"{base}/docx/")
    assert docx.status_code == 200 and b"".join(docx.streaming_content)[:2] == b"PK"
    assert client.get(f"{base}/exe/", follow=True).status_code == 404
    assert client.get(f"/admin/reports/report/{report.pk}/v9/pdf/", follow=True).status_code == 404

    # The spreadsheet holds the dashboard's figures, table by table.
    data = b"".join(client.get(f"{base}/data/").streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(data))
    workbook = openpyxl.load_workbook(io.BytesIO(archive.read("figures.xlsx")))
    sheets = {
        sheet.cell(1, 1).value: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }
    dashboard = client.get("/admin/reports/dashboard/", {"kind": "fiscal_year", "year": FY})
    compared = 0
    for section in dashboard.context["sections"]:
        for block in section["blocks"]:
            if block["type"] != "table" or not block["rows"]:
                continue
            rows = sheets[block["title"]]
            assert block["columns"] in rows, block["title"]
            header = rows.index(block["columns"])
            assert rows[header + 1 : header + 1 + len(block["rows"])] == block["rows"], block[
                "title"
            ]
            compared += 1
    assert compared >= 10

    # New data in the period: the delivered version does not move.
    pdf_before = first.pdf.open("rb").read()
    ConsultationFactory(created_at=jst(FY, 6, 1), channel="email")
    first.refresh_from_db()
    assert first.snapshot["sections"][0]["blocks"][0]["rows"][0][1] == 5
    assert first.pdf.open("rb").read() == pdf_before

    # Regenerating is explicit and makes version 2; version 1 stays.
    client.post(f"/admin/reports/report/{report.pk}/generate/")
    second = ReportVersion.objects.get(report=report, number=2)
    assert second.snapshot["sections"][0]["blocks"][0]["rows"][0][1] == 6
    assert ReportVersion.objects.get(report=report, number=1).pdf.open("rb").read() == pdf_before
    page = text(client.get(f"/admin/reports/report/{report.pk}/versions/"))
    assert "v1" in page and "v2" in page


@pytest.mark.parametrize("group", ["Translators", "Consultation staff", "Partner staff"])
def test_other_roles_cannot_generate_or_download(client, report, group):
    ReportVersion.objects.create(report=report, number=1, status="done", snapshot={"x": 1})
    editor(client, group)
    for url in (
        f"/admin/reports/report/{report.pk}/versions/",
        f"/admin/reports/report/{report.pk}/preview/",
        f"/admin/reports/report/{report.pk}/v1/pdf/",
        f"/admin/reports/report/{report.pk}/v1/status/",
        f"{REPORTS}edit/{report.pk}/",
    ):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(f"/admin/reports/report/{report.pk}/generate/").status_code in (302, 403)
    assert ReportVersion.objects.filter(report=report).count() == 1


def test_a_section_without_narrative_says_no_comment(client, report):
    editor(client)
    response = client.get(f"/admin/reports/report/{report.pk}/preview/")
    assert response.status_code == 200
    document = response.context["document"]
    assert "二地域居住" in document
    assert "コメントはありません。" in document


def test_a_failed_generation_is_recorded(client, report, monkeypatch):
    def broken(snapshot):
        raise OSError("disk full")

    monkeypatch.setattr(render, "render_pdf", broken)
    editor(client)
    client.post(f"/admin/reports/report/{report.pk}/generate/")
    version = ReportVersion.objects.get(report=report)
    assert version.status == "failed"
    assert "disk full" in version.error
    page = text(client.get(f"/admin/reports/report/{report.pk}/versions/"))
    assert "The files could not be made." in page
    assert "disk full" not in page  # the details are for the log, not the editor
    assert client.get(f"/admin/reports/report/{report.pk}/v1/pdf/", follow=True).status_code == 404


def test_an_english_edition_has_english_headings(report):
    from reports.generation import build_snapshot

    report.language = "en"
    snapshot = build_snapshot(report)
    assert snapshot["language"] == "en"
    titles = [section["title"] for section in snapshot["sections"]]
    assert titles[0] == "(1) Consultation desk"
    assert titles[-1] == "Next year's plan"
    html = render.render_html(snapshot)
    assert '<html lang="en">' in html
    assert "Consultations by channel" in html
    report.language = "ja"
    with translation.override("en"):
        japanese = build_snapshot(report)
    assert japanese["sections"][0]["title"] != "(1) Consultation desk"
