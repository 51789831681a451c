"""The staff inbox: permissions, logging of every view, reply, notes, statuses, manual entry,
filters, figures and the survey CSV."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations import services
from consultations.models import Consultation, Message, StaffViewLog, Status
from core.csv_export import safe_cell
from core.roles import CITY_EDITORS, CONSULTATION_STAFF
from reports import consultation_figures
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db

INBOX = "/admin/consultations/"
FIGURES = "/admin/reports/figures/consultations/"  # the figures pages are in reports


@pytest.fixture
def city_editor(demo_site):
    return get_user_model().objects.get(email="city@example.jp")


def test_staff_see_the_inbox_and_the_menu(client, staff_user):
    consultation = ConsultationFactory()
    client.force_login(staff_user)
    response = client.get(INBOX)
    assert response.status_code == 200
    assert consultation.reference in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert INBOX in client.get("/admin/").content.decode()


def test_inbox_list_shows_no_personal_data(client, staff_user):
    ConsultationFactory(name="秘密 太郎", email="secret@example.com")
    client.force_login(staff_user)
    html = client.get(INBOX).content.decode()
    assert "秘密 太郎" not in html and "secret@example.com" not in html


def test_city_editors_read_only(client, city_editor):
    consultation = ConsultationFactory()
    client.force_login(city_editor)
    assert client.get(INBOX).status_code == 200
    html = client.get(f"{INBOX}{consultation.pk}/").content.decode()
    assert consultation.name in html
    assert "/reply/" not in html
    response = client.post(f"{INBOX}{consultation.pk}/reply/", {"reply-body": "返信"})
    assert response.status_code in (302, 403)
    assert not consultation.messages.filter(kind=Message.Kind.REPLY).exists()
    assert client.get(f"{INBOX}new/").status_code in (302, 403)
    assert Consultation.objects.filter(pk=consultation.pk, status=Status.NEW).exists()


def test_members_and_anonymous_are_kept_out(client, demo_site):
    consultation = ConsultationFactory()
    response = client.get(f"{INBOX}{consultation.pk}/")
    assert response.status_code == 302
    client.force_login(UserFactory())
    response = client.get(f"{INBOX}{consultation.pk}/")
    assert response.status_code in (302, 403)
    assert consultation.name not in response.content.decode()
    assert not StaffViewLog.objects.filter(consultation=consultation).exists()


def test_every_staff_view_and_export_is_logged(client, staff_user):
    consultation = ConsultationFactory()
    note = services.add_note(
        consultation,
        "メモ",
        staff_user=staff_user,
        files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")],
    )
    client.force_login(staff_user)
    client.get(f"{INBOX}{consultation.pk}/")
    client.get(f"{INBOX}files/{note.attachments.get().pk}/")
    client.get(f"{FIGURES}survey.csv")
    actions = list(StaffViewLog.objects.filter(user=staff_user).values_list("action", flat=True))
    assert {"view", "note", "attachment", "export"} <= set(actions)
    view = StaffViewLog.objects.filter(action="view").first()
    assert view.consultation == consultation and view.at is not None


def test_reply_by_email_is_kept_and_sets_first_response(client, staff_user, outbox):
    consultation = ConsultationFactory(language="en")
    client.force_login(staff_user)
    response = client.post(
        f"{INBOX}{consultation.pk}/reply/", {"reply-body": "Buses run all winter."}
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.first_response_at is not None
    assert consultation.status == Status.WAITING
    assert consultation.assignee == staff_user  # the first to answer takes it
    assert consultation.messages.filter(kind="reply", body="Buses run all winter.").exists()
    sent = [m for m in outbox if m.to == [consultation.email]][-1]
    assert "A reply to your consultation" in sent.subject
    assert "/en/consultation/thread/" in sent.body


def test_internal_note_is_not_mailed(client, staff_user, outbox):
    consultation = ConsultationFactory()
    client.force_login(staff_user)
    client.post(f"{INBOX}{consultation.pk}/note/", {"note-body": "住宅課に確認"})
    assert consultation.messages.filter(kind="note").exists()
    assert not [m for m in outbox if m.to == [consultation.email]]
    consultation.refresh_from_db()
    assert consultation.first_response_at is None


def test_status_transitions_and_assignment(client, staff_user):
    consultation = ConsultationFactory()
    client.force_login(staff_user)
    url = f"{INBOX}{consultation.pk}/update/"
    client.post(url, {"status": "in_progress", "assignee": staff_user.pk})
    consultation.refresh_from_db()
    assert (consultation.status, consultation.assignee) == ("in_progress", staff_user)
    client.post(url, {"status": "closed", "assignee": ""})
    consultation.refresh_from_db()
    assert consultation.status == "closed" and consultation.closed_at is not None
    assert consultation.assignee is None
    client.post(url, {"status": "resolved", "assignee": ""})  # closed → resolved: refused
    consultation.refresh_from_db()
    assert consultation.status == "closed"
    client.post(url, {"status": "in_progress", "assignee": ""})  # reopened
    consultation.refresh_from_db()
    assert consultation.status == "in_progress" and consultation.closed_at is None


def test_manual_entry_of_an_event_consultation(client, staff_user):
    client.force_login(staff_user)
    data = {
        "channel": "in_person",
        "place_kind": "event",
        "place_name": "",
        "created_at": "2026-06-14T13:30",
        "topics": ["two_region", "furusato"],
        "message": "移住フェアのブースで、夏の短期滞在について相談。",
        "name": "",
        "email": "",
        "phone": "",
        "residence_prefecture": "13",
        "status": "resolved",
        "language": "ja",
    }
    response = client.post(f"{INBOX}new/", data)
    assert response.status_code == 200  # the event needs its name
    assert "error-message" in response.content.decode()
    response = client.post(f"{INBOX}new/", {**data, "place_name": "北海道移住フェア（東京）"})
    assert response.status_code == 302
    consultation = Consultation.objects.latest("pk")
    assert consultation.channel == "in_person" and consultation.place_kind == "event"
    assert consultation.place_name == "北海道移住フェア（東京）"
    assert consultation.reference.startswith("C-2026-")
    assert consultation.first_response_at is not None


def test_filters(client, staff_user):
    # A month old: overdue whatever the holidays between then and now.
    old = ConsultationFactory(topics="|transport|", created_at=timezone.now() - timedelta(days=30))
    answered = ConsultationFactory(
        topics="|work|",
        channel="phone",
        created_at=timezone.now() - timedelta(days=10),
        first_response_at=timezone.now(),
        assignee=staff_user,
        status="in_progress",
    )
    fresh = ConsultationFactory(topics="|work|")
    base = Consultation.objects.filter(pk__in=[old.pk, answered.pk, fresh.pk])

    def refs(**filters):
        return set(services.filter_consultations(base, **filters))

    assert refs(overdue=True) == {old}
    assert refs(topic="work") == {answered, fresh}
    assert refs(channel="phone") == {answered}
    assert refs(assignee=str(staff_user.pk)) == {answered}
    assert refs(assignee="none") == {old, fresh}
    assert refs(status="in_progress") == {answered}
    assert refs(date_from=timezone.localdate()) == {fresh}
    assert refs(reference=f" {fresh.reference.lower()} ") == {fresh}
    client.force_login(staff_user)
    html = client.get(INBOX, {"overdue": "on", "topic": "transport"}).content.decode()
    assert old.reference in html and fresh.reference not in html


def test_figures_and_survey_csv(client, staff_user):
    from core.japan_time import JST as jst

    Consultation.objects.all().delete()
    received = timezone.datetime(2030, 5, 10, 10, 0, tzinfo=jst)
    for hours, channel, place in [
        (2, "web", "desk"),
        (6, "email", "desk"),
        (4, "phone", "desk"),
        (30, "in_person", "event"),
    ]:
        ConsultationFactory(
            created_at=received,
            channel=channel,
            place_kind=place,
            first_response_at=received + timedelta(hours=hours),
            topics="|housing|",
        )
    ConsultationFactory(created_at=timezone.datetime(2031, 2, 1, 9, 0, tzinfo=jst), channel="web")
    data = consultation_figures.figures(2030)
    assert data["total"] == 5
    assert data["by_month"][(2030, 5)]["phone"] == 1
    assert data["by_month"][(2031, 2)]["web"] == 1
    assert data["by_topic"]["housing"]["in_person"] == 1
    assert data["by_place"]["event"]["in_person"] == 1
    assert "event" not in data["channels"]  # a place, not a channel
    # Phone and event consultations are answered on the spot: not in the response times.
    assert data["median_hours"] == 4
    assert data["p90_hours"] == 6
    client.force_login(staff_user)
    assert client.get(FIGURES, {"year": 2030}).status_code == 200
    response = client.get(f"{FIGURES}survey.csv", {"year": 2030})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows[0]) == 2 + 12 + 1  # desk/event, channel, April–March, total
    web_desk = [row for row in rows if row[1] in ("Web form", "ウェブフォーム")][0]
    assert web_desk[2 + 1] == "1" and web_desk[2 + 10] == "1" and web_desk[-1] == "2"


def test_csv_cells_that_look_like_formulas_are_escaped():
    for dangerous in ("=HYPERLINK(1)", "+1", "-1", "@SUM(A1)"):
        assert safe_cell(dangerous) == "'" + dangerous
    assert safe_cell("苫小牧") == "苫小牧"


def test_query_budget_of_the_inbox(client, staff_user, django_assert_max_num_queries):
    for _number in range(30):
        ConsultationFactory(assignee=staff_user)
    client.force_login(staff_user)
    client.get(INBOX)
    with django_assert_max_num_queries(15):
        assert client.get(INBOX).status_code == 200


def test_roles_hold_the_desk_permissions(demo_site):
    from django.contrib.auth.models import Group

    def codenames(name):
        return set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="consultations")
            .values_list("codename", flat=True)
        )

    assert codenames(CONSULTATION_STAFF) == {
        "view_consultation",
        "add_consultation",
        "change_consultation",
    }
    assert codenames(CITY_EDITORS) == {"view_consultation"}
    assert codenames("Contractor editors") == set()


def test_the_hand_entry_form_groups_the_topics_in_a_fieldset(client, staff_user):
    client.force_login(staff_user)
    html = client.get(f"{INBOX}new/").content.decode()
    group = re.search(r'<fieldset[^>]*id="id_topics_group".*?</fieldset>', html, re.S)
    assert group, "the topic checkboxes need a fieldset"
    assert "<legend" in group.group(0)
    assert len(re.findall(r'<input type="checkbox" name="topics"', group.group(0))) >= 5
    assert 'for="id_topics_0"' in group.group(0)
    html = client.post(f"{INBOX}new/", {"channel": "phone"}).content.decode()
    assert 'aria-describedby="id_message_error"' in html


def test_the_migration_turns_the_event_channel_into_an_event_place(staff_user):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("consultations.migrations.0005_event_is_a_place")
    old = ConsultationFactory(channel="event", place_kind="desk")
    migration.event_channel_to_place(apps, None)
    old.refresh_from_db()
    assert (old.channel, old.place_kind) == ("in_person", "event")


def test_an_event_consultation_cannot_come_by_web_form(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        f"{INBOX}new/",
        {
            "channel": "email",
            "place_kind": "event",
            "place_name": "北海道移住フェア",
            "created_at": "2026-06-14T13:30",
            "topics": ["two_region"],
            "message": "フェアの後でメールをもらった",
            "status": "resolved",
            "language": "ja",
        },
    )
    assert response.status_code == 200
    assert 'id="id_channel_error"' in response.content.decode()
