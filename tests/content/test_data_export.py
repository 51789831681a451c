"""The city's data export: every dataset's columns are the documented ones, factory-made rows
appear, CSV cells are formula-escaped (JSON stays raw), nothing secret leaves, each export is
logged, and only city editors (and superusers) see and reach it."""

import csv
import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from consultations.models import Attachment, Message
from content import data_export
from members.models import ActivityIndexPage, ActivitySignup, PersonalDataAccessLog
from passes.models import Use
from tests.factories import UserFactory
from tests.factories.campaigns import ClickFactory
from tests.factories.consultations import ConsultationFactory
from tests.factories.members import MembershipFactory, add_activity
from tests.factories.passes import OfferFactory, PassFactory

pytestmark = pytest.mark.django_db

EXPORT = "/admin/hand-over/data/"
EXPECTED_DATASETS = {
    "members",
    "activities",
    "activity_signups",
    "passes",
    "pass_uses",
    "consultations",
    "consultation_attachments",
    "campaign_figures",
    "tracking_links",
    "tracking_clicks",
    "campaign_conversions",
}
FORBIDDEN_COLUMNS = {
    "password",
    "checkin_code",
    "secret",
    "card_key",
    "submission_token",
    "visitor",
}


def export_zip():
    out = io.BytesIO()
    counts = data_export.write_export(out)
    out.seek(0)
    return zipfile.ZipFile(out), counts


def read_csv(archive, name):
    raw = archive.read(f"{name}.csv")
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def read_json(archive, name):
    return json.loads(archive.read(f"{name}.json"))


def row_by(archive, name, column, value):
    """The CSV row (as a dict) and the JSON object of the row whose `column` is `value`."""
    header, *rows = read_csv(archive, name)
    [csv_row] = [
        dict(zip(header, r, strict=True)) for r in rows if r[header.index(column)] == value
    ]
    [json_row] = [r for r in read_json(archive, name) if str(r[column]) == value]
    return csv_row, json_row


@pytest.fixture
def records(demo_site):
    """A member who signed up for an activity, a pass with a use, a consultation with an
    attachment, a click: one of each kind of row, with values to look for."""
    member = MembershipFactory(
        user=UserFactory(email="export-member@example.jp", last_name="=HYPERLINK(1)"),
        name_kana="+トマコマイ",
        relationship_note="-1 夏だけ",
        relationships=["born", "nozei"],
        interests=["migration"],
        national_registration_id="@FURUSATO-7",
    )
    activity = add_activity(
        ActivityIndexPage.objects.get(locale__language_code="ja"), capacity=12, title="海岸清掃"
    )
    signup = ActivitySignup.objects.create(activity=activity, user=member.user, status="confirmed")
    entry_pass = PassFactory(user=UserFactory(email="export-visitor@example.jp"), party_size=3)
    offer = OfferFactory(title="=1+1 優待")
    use = Use.objects.create(
        entry_pass=entry_pass,
        offer=offer,
        partner=offer.partner,
        limit="once",
        day=timezone.localdate(),
        via=Use.VIA_POSTER,
    )
    consultation = ConsultationFactory(
        name="@相談 太郎",
        phone="+81-144-00-0000",
        assignee=UserFactory(email="export-staff@example.jp", groups=["Consultation staff"]),
        channel="phone",
        status="in_progress",
    )
    Message.objects.create(
        consultation=consultation, kind=Message.Kind.NOTE, body="内部メモ：鍵は植木鉢の下"
    )
    Attachment.objects.create(
        message=consultation.messages.first(),
        file="consultations/0123abcd.pdf",
        original_name="間取り図.pdf",
        size=2048,
        content_type="application/pdf",
    )
    click = ClickFactory(utm_source="=cmd", device="tablet")
    return {
        "member": member,
        "activity": activity,
        "signup": signup,
        "pass": entry_pass,
        "use": use,
        "consultation": consultation,
        "click": click,
    }


# Columns ------------------------------------------------------------------------------------


def test_every_dataset_has_the_documented_columns_in_csv_json_and_readme(records):
    archive, counts = export_zip()
    documented = json.loads(archive.read("columns.json"))
    readme = archive.read("README.txt").decode("utf-8")
    assert {d["name"] for d in documented["datasets"]} == EXPECTED_DATASETS
    assert set(counts) == EXPECTED_DATASETS
    for dataset in documented["datasets"]:
        name, columns = dataset["name"], [c["name"] for c in dataset["columns"]]
        assert dataset["description"] and all(c["description"] for c in dataset["columns"]), name
        assert read_csv(archive, name)[0] == columns, name
        rows = read_json(archive, name)
        assert len(rows) == counts[name] == dataset["rows"], name
        assert all(list(row) == columns for row in rows), name
        assert f"{name}.csv / {name}.json" in readme
        for column in columns:
            assert f"  {column} — " in readme, (name, column)
    assert counts["members"] >= 1 and counts["tracking_clicks"] >= 1


def test_the_description_is_written_in_the_language_active_when_exporting(records):
    with translation.override("ja"):
        archive, _counts = export_zip()
    readme = archive.read("README.txt").decode("utf-8")
    assert "個人情報" in readme and "会員証に印字された会員番号" in readme
    assert json.loads(archive.read("columns.json"))["language"] == "ja"
    with translation.override("en"):
        archive, _counts = export_zip()
    assert "Member number as printed on the card" in archive.read("README.txt").decode()


# Values -------------------------------------------------------------------------------------


def test_factory_made_rows_appear_with_their_values(records):
    archive, _counts = export_zip()
    member = records["member"]
    csv_member, json_member = row_by(archive, "members", "member_number", member.member_number)
    assert json_member["email"] == "export-member@example.jp"
    assert json_member["account_id"] == member.user_id
    assert json_member["residence_municipality"] == "13101"
    assert json_member["age_band"] == "30s" and json_member["status"] == "active"
    assert json_member["relationships"] == ["born", "nozei"]
    assert csv_member["relationships"] == "born;nozei"
    assert json_member["registered_at"].endswith("+09:00")

    _csv, activity = row_by(archive, "activities", "id", str(records["activity"].pk))
    assert activity["capacity"] == 12 and activity["signed_up"] == 1
    _csv, signup = row_by(archive, "activity_signups", "id", str(records["signup"].pk))
    assert signup["member_number"] == member.member_number and signup["status"] == "confirmed"

    _csv, entry_pass = row_by(archive, "passes", "number", records["pass"].number)
    assert entry_pass["email"] == "export-visitor@example.jp"
    assert entry_pass["party_size"] == 3 and entry_pass["uses"] == 1
    _csv, use = row_by(archive, "pass_uses", "id", str(records["use"].pk))
    assert use["pass_number"] == records["pass"].number and use["via"] == "poster"

    consultation = records["consultation"]
    _csv, row = row_by(archive, "consultations", "reference", consultation.reference)
    assert row["assignee_email"] == "export-staff@example.jp"
    assert row["channel"] == "phone" and row["status"] == "in_progress"
    assert row["topics"] == ["two_region", "housing"]
    assert (row["messages"], row["internal_notes"], row["attachments"]) == (2, 1, 1)
    _csv, attachment = row_by(
        archive, "consultation_attachments", "reference", consultation.reference
    )
    assert attachment["file_name"] == "間取り図.pdf" and attachment["size"] == 2048

    _csv, click = row_by(archive, "tracking_clicks", "id", str(records["click"].pk))
    assert click["link_code"] == records["click"].link.code and click["device"] == "tablet"


def test_campaign_figures_are_the_dashboards_for_the_whole_period(records):
    from campaigns import dashboard

    archive, _counts = export_zip()
    rows = read_json(archive, "campaign_figures")
    date_from, date_to = rows[0]["period_from"], rows[0]["period_to"]
    assert date_to == timezone.localdate().isoformat()
    expected = dashboard.figures(
        timezone.datetime.fromisoformat(date_from).date(), timezone.localdate()
    )
    link = records["click"].link
    [link_row] = [r for r in rows if r["dimension"] == "link" and r["key"] == str(link.pk)]
    [dashboard_row] = [r for r in expected["link"] if r.key == link.pk]
    assert link_row["clicks"] == dashboard_row.clicks >= 1
    assert link_row["unique_visitors"] == dashboard_row.visitors
    assert sum(r["clicks"] for r in rows if r["dimension"] == "campaign") == sum(
        r.clicks for r in expected["campaign"]
    )


def test_cells_that_start_with_a_formula_character_are_escaped_in_csv_only(records):
    archive, _counts = export_zip()
    member = records["member"]
    csv_member, json_member = row_by(archive, "members", "member_number", member.member_number)
    for column, raw in [
        ("family_name", "=HYPERLINK(1)"),
        ("name_kana", "+トマコマイ"),
        ("relationship_note", "-1 夏だけ"),
        ("national_registration_id", "@FURUSATO-7"),
    ]:
        assert csv_member[column] == "'" + raw, column
        assert json_member[column] == raw, column
    csv_row, json_row = row_by(
        archive, "consultations", "reference", records["consultation"].reference
    )
    assert csv_row["name"] == "'@相談 太郎" and json_row["name"] == "@相談 太郎"
    assert csv_row["phone"] == "'+81-144-00-0000"
    csv_use, json_use = row_by(archive, "pass_uses", "id", str(records["use"].pk))
    assert csv_use["offer"] == "'=1+1 優待" and json_use["offer"] == "=1+1 優待"
    csv_click, json_click = row_by(archive, "tracking_clicks", "id", str(records["click"].pk))
    assert csv_click["utm_source"] == "'=cmd" and json_click["utm_source"] == "=cmd"


def test_no_secret_leaves_in_any_file(records):
    member = records["member"]
    user = get_user_model().objects.get(pk=member.user_id)
    consultation = records["consultation"]
    consultation.submission_token = "submission-token-0123456789"
    consultation.save(update_fields=["submission_token"])
    secrets = {
        "password hash": user.password,
        "check-in code": records["signup"].checkin_code,
        "pass secret": records["pass"].secret,
        "card key": member.card_key,
        "submission token": consultation.submission_token,
        "click visitor hash": records["click"].visitor,
        "consultation message": "夏だけ苫小牧で暮らしたいと考えています。",
        "internal note": "鍵は植木鉢の下",
    }
    archive, _counts = export_zip()
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8")
        for what, secret in secrets.items():
            assert secret not in text, (name, what)
    for dataset in json.loads(archive.read("columns.json"))["datasets"]:
        for column in dataset["columns"]:
            name = column["name"]
            assert name not in FORBIDDEN_COLUMNS, name
            assert not any(word in name for word in ("password", "secret", "my_number")), name


# The command and the log --------------------------------------------------------------------


def test_the_command_writes_the_zip_and_logs_the_export(records, tmp_path):
    path = tmp_path / "city.zip"
    before = PersonalDataAccessLog.objects.count()
    call_command("export_data", str(path), stdout=io.StringIO())
    archive = zipfile.ZipFile(path)
    assert {"README.txt", "columns.json", "members.csv", "members.json"} <= set(archive.namelist())
    assert "会員証に印字された会員番号" in archive.read("README.txt").decode()  # Japanese default
    assert path.stat().st_mode & 0o077 == 0  # personal data: readable by its owner only
    assert PersonalDataAccessLog.objects.count() == before + 1
    log = PersonalDataAccessLog.objects.order_by("-pk").first()
    assert log.staff is None and log.staff_email == "manage.py export_data"
    assert log.action == "export"
    assert "members (" in log.detail and "consultations (" in log.detail

    call_command("export_data", str(path), "--force", stdout=io.StringIO())
    assert PersonalDataAccessLog.objects.count() == before + 2


def test_the_command_refuses_to_overwrite_without_force(tmp_path):
    from django.core.management import CommandError

    path = tmp_path / "city.zip"
    path.write_bytes(b"keep")
    before = PersonalDataAccessLog.objects.count()
    with pytest.raises(CommandError):
        call_command("export_data", str(path), stdout=io.StringIO())
    assert path.read_bytes() == b"keep"
    assert PersonalDataAccessLog.objects.count() == before


# The admin ----------------------------------------------------------------------------------


def staff(role):
    if role == "superuser":
        user = get_user_model().objects.create_superuser(
            email="export-admin@example.jp", password="x-secret-42"
        )
    elif role == "member":
        user = MembershipFactory().user
    else:
        user = UserFactory(groups=[role])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_the_url_is_the_documented_one():
    assert reverse("content_data:export") == EXPORT


@pytest.mark.parametrize("role", ["City editors", "superuser"])
def test_city_editors_see_the_menu_the_description_and_download_the_export(client, records, role):
    user = staff(role)
    client.force_login(user)
    admin_home = client.get("/admin/").content.decode()
    assert f'"{EXPORT}"' in admin_home and '"name": "hand-over"' in admin_home

    page = client.get(EXPORT)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    html = page.content.decode()
    assert "Download the data export" in html and 'name="csrfmiddlewaretoken"' in html
    assert "Member number as printed on the card" in html  # the column description
    assert not PersonalDataAccessLog.objects.filter(staff=user).exists()  # a page, no data

    response = client.post(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert records["member"].member_number in archive.read("members.csv").decode("utf-8-sig")
    [log] = PersonalDataAccessLog.objects.filter(staff=user)
    assert log.action == "export" and log.staff_email == user.email
    assert "members (" in log.detail and "tracking_clicks (" in log.detail


def test_the_download_needs_the_csrf_token(records):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    user = staff("City editors")
    client.force_login(user)
    assert client.post(EXPORT).status_code == 403
    assert not PersonalDataAccessLog.objects.filter(staff=user).exists()


@pytest.mark.parametrize(
    "role",
    ["Contractor editors", "Translators", "Consultation staff", "Partner staff", "member"],
)
def test_other_roles_neither_see_nor_reach_the_export(client, records, role):
    user = staff(role)
    client.force_login(user)
    for response in (client.get(EXPORT), client.post(EXPORT)):
        assert response.status_code in (302, 403)
        assert response.get("Content-Type") != "application/zip"
        if response.status_code == 302:
            assert not response["Location"].startswith(EXPORT)
    assert not PersonalDataAccessLog.objects.filter(staff=user).exists()
    admin_home = client.get("/admin/")
    if admin_home.status_code == 200:
        html = admin_home.content.decode()
        # The submenu shows only with an item the user may use (the data export is one).
        assert f'"{EXPORT}"' not in html and '"name": "data-export"' not in html


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.post(EXPORT)
    assert response.status_code == 302 and "login" in response["Location"]
