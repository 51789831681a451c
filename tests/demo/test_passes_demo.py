"""seed_demo's Entry Pass scenarios: partner staff, a visitor with an active pass, and the
past visitors whose uses make the figures."""

import pytest
from django.utils import timezone

from passes.models import Partner, PartnerStaff, Pass, PassStatus, Use

pytestmark = pytest.mark.django_db


def test_partner_staff_at_the_coworking_partner(demo_site):
    staff = PartnerStaff.objects.select_related("partner", "user").get(
        user__email="partner@example.jp"
    )
    assert staff.partner.slug == "work-lounge-station"
    assert staff.partner.category == "coworking"
    assert staff.user.groups.filter(name="Partner staff").exists()


def test_visitor_holds_an_active_pass_for_today(demo_site):
    entry_pass = Pass.objects.get(user__email="visitor@example.jp")
    assert entry_pass.status == PassStatus.ACTIVE
    assert entry_pass.is_usable(timezone.localdate())
    assert entry_pass.issued_at < timezone.now() - timezone.timedelta(days=1)


def test_past_visitors_used_offers_during_their_stays(demo_site):
    # The scenario's visitors; the months of history (reports.demo) have "L0…" passes.
    uses = Use.objects.select_related("entry_pass").exclude(entry_pass__number__startswith="L0")
    assert uses.count() == 16
    for use in uses:
        assert use.entry_pass.status == PassStatus.EXPIRED
        assert use.entry_pass.stay_from <= use.day <= use.entry_pass.stay_until
        assert timezone.localdate(use.used_at) == use.day
    assert {Use.VIA_POSTER, Use.VIA_STAFF} <= set(uses.values_list("via", flat=True))


def test_seeding_twice_changes_nothing(demo_site_full):
    import os

    from django.core.management import call_command

    from passes.models import Offer, PartnerStaff

    def counts():
        return [m.objects.count() for m in (Partner, Offer, Pass, Use, PartnerStaff)]

    before = counts()
    call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))
    assert counts() == before
    assert before[0] >= 24  # 12+ partners, each in Japanese and English
    visitor = Pass.objects.get(user__email="visitor@example.jp")
    assert visitor.is_usable()
