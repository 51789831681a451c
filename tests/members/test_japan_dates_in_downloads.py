"""The member's data download and "today" in the members app are in Japan time even when the
active zone is not Japan's: every time in the download (members, passes, consultations) is
written with +09:00, the file is named by the day in Japan, and the benefits valid from today
(in Japan) are current."""

import json
import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import timezone

from members import services
from members.models import Benefit
from passes.models import Use
from tests.factories.consultations import ConsultationFactory
from tests.factories.members import MembershipFactory
from tests.factories.passes import OfferFactory, PassFactory

pytestmark = pytest.mark.django_db

LATE_EVENING_UTC = datetime(2026, 3, 31, 23, 30, tzinfo=UTC)  # 08:30 on 1 April in Japan
ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")


def times_in(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from times_in(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from times_in(item, f"{path}[{n}]")
    elif isinstance(value, str) and ISO_TIME.match(value):
        yield path, value


def test_every_time_in_the_members_download_is_japan_time(demo_site):
    member = MembershipFactory()
    entry_pass = PassFactory(user=member.user)
    offer = OfferFactory()
    Use.objects.create(
        entry_pass=entry_pass,
        offer=offer,
        partner=offer.partner,
        limit="once",
        day=timezone.localdate(),
        via=Use.VIA_POSTER,
    )
    ConsultationFactory(user=member.user, email=member.user.email)
    with timezone.override("UTC"):
        times = dict(times_in(services.member_data(member.user)))
    wanted = {
        ".account.joined",
        ".membership.registered",
        ".membership.consented",
        ".entry_passes[0].applied",
        ".entry_passes[0].uses[0].used",
        ".consultations[0].received",
    }
    assert wanted <= set(times), times
    assert {path: t for path, t in times.items() if not t.endswith("+09:00")} == {}


def test_the_download_is_named_by_the_day_in_japan(client, demo_site):
    member = MembershipFactory()
    client.force_login(member.user)
    with time_machine.travel(LATE_EVENING_UTC, tick=False), timezone.override("UTC"):
        response = client.get("/ja/members/my/data.json")
    assert response.status_code == 200
    assert 'filename="my-data-2026-04-01.json"' in response["Content-Disposition"]
    json.loads(response.content)


def test_a_benefit_valid_from_today_in_japan_is_current(demo_site):
    benefit = Benefit.objects.filter(live=True).first()
    benefit.valid_from = datetime(2026, 4, 1).date()
    benefit.valid_until = None
    benefit.save()
    with time_machine.travel(LATE_EVENING_UTC, tick=False), timezone.override("UTC"):
        assert benefit in Benefit.current()
