"""seed_demo: the consultation page (ja + en, from the content bundle) and the demo
consultations its scenarios make, once."""

import os

import pytest
from django.core.management import call_command
from wagtail.models import Page

from consultations.models import Consultation, ConsultationPage, Message

pytestmark = pytest.mark.django_db


def test_demo_consultation_page_and_consultations(demo_site):
    page = ConsultationPage.objects.get(locale__language_code="ja")
    assert page.slug == "consultation" and page.get_parent().pk == demo_site.root_page_id
    english = ConsultationPage.objects.get(locale__language_code="en")
    assert english.title == "Two-region living and moving consultation desk"
    assert english.thank_you_text.startswith("An adviser")
    channels = set(Consultation.objects.values_list("channel", flat=True))
    assert {"web", "phone", "in_person"} <= channels
    assert "event" not in channels
    assert Consultation.objects.filter(channel="in_person", place_kind="event").exists()
    statuses = set(Consultation.objects.values_list("status", flat=True))
    assert {"new", "in_progress", "waiting", "resolved", "closed"} <= statuses
    assert Consultation.objects.filter(place_name__contains="移住フェア").exists()
    assert Consultation.objects.filter(assignee__email="consult@example.jp").count() >= 4
    assert Message.objects.filter(kind="note").exists()
    assert Message.objects.filter(kind="reply").exists()


def test_seed_demo_twice_changes_nothing(demo_site):
    before = (Consultation.objects.count(), Page.objects.count(), Message.objects.count())
    call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))
    after = (Consultation.objects.count(), Page.objects.count(), Message.objects.count())
    assert before == after


def scenario():
    """The demo's own consultations, not the months of anonymous history (reports.demo)."""
    return Consultation.objects.exclude(reference__startswith="CL-")


def test_demo_hand_entered_consultations_are_recorded_by_the_desk(demo_site):
    phone = scenario().filter(channel="phone").first()
    assert phone.messages.filter(kind=Message.Kind.PERSON, author__isnull=False).exists()
    web = scenario().filter(channel="web").first()
    assert web.messages.filter(kind=Message.Kind.PERSON, author__isnull=True).exists()


def test_demo_threads_happened_in_the_past_in_order(demo_site):
    from django.utils import timezone

    for consultation in scenario():
        times = list(consultation.messages.order_by("created_at").values_list("created_at", "kind"))
        assert times[0] == (consultation.created_at, Message.Kind.PERSON)
        assert consultation.created_at < timezone.now() - timezone.timedelta(days=2)
        reply = consultation.messages.filter(kind=Message.Kind.REPLY).first()
        if reply is not None:  # answered through reply_to_person: its time is the response
            assert consultation.first_response_at == reply.created_at
