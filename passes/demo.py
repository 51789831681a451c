"""Demo scenarios of the Entry Pass: a partner staff login at the coworking partner of the
content bundle, a visitor from Tokyo with an active pass, and a few past visitors whose passes
and uses make the figures. Passes are issued with apply_for_pass() and offers used with
redeem_offer(), as the application form and the counter screens do. Idempotent."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from core import japan_time, roles
from members.demo import demo_user, request_as
from passes.models import Partner, PartnerStaff, Pass, Use
from passes.services import apply_for_pass, expire_stale_passes, open_pass_of, redeem_offer

PARTNER_EMAIL = "partner@example.jp"
VISITOR_EMAIL = "visitor@example.jp"
STAFF_PARTNER = "work-lounge-station"
LOGINS = [
    (PARTNER_EMAIL, "Entry Pass partner staff (Work Lounge, counter screen /ja/pass/staff/)"),
    (VISITOR_EMAIL, "Entry Pass holder from Tokyo (active pass: /ja/pass/)"),
]

# Fictional past visitors behind the demo figures: (residence, municipality, purpose, the
# partners whose first offer they used, one a day of their three-day stay).
SAMPLE_HOLDERS = [
    ("13", "13113", "workcation", ["work-lounge-station", "tarumae-coffee", "marutomi-hokki"]),
    ("01", "01101", "sightseeing", ["star-science-hall", "marutomi-hokki", "shiokaze-souvenirs"]),
    ("27", "27128", "business", ["hokkai-rent-a-car", "hokkitei"]),
    ("23", "23106", "relocation", ["harbour-desk", "utonai-bird-guides", "yunomori-onsen"]),
    ("04", "04101", "family", ["ferry-cycle", "hokkitei", "tarumae-coffee"]),
    ("14", "14103", "event", ["shiokaze-souvenirs", "ferry-cycle"]),
]


def seed(home, stdout):
    partners = {p.slug: p for p in Partner.objects.filter(locale=home.locale)}
    staff = demo_user(PARTNER_EMAIL, "窓口", "ワークラウンジ", groups=[roles.PARTNER_STAFF])
    if STAFF_PARTNER in partners:
        # The city's editors add partner staff in the admin (a plain form, no service).
        PartnerStaff.objects.get_or_create(
            user=staff, defaults={"partner": partners[STAFF_PARTNER]}
        )
    issue_visitor_pass()
    record_past_visits(partners)


def issue_visitor_pass():
    """The visitor, logged in with a verified address, applies on the landing page: the pass
    is active at once. A pass of an earlier run that has ended is replaced by a new one."""
    visitor = demo_user(VISITOR_EMAIL, "花子", "東京")
    if open_pass_of(visitor) is not None:
        return
    today = japan_time.today()
    entry_pass = apply_for_pass(
        request_as(visitor),
        {
            "residence_prefecture": "13",
            "residence_municipality": "13104",
            "stay_from": today - timedelta(days=1),
            "stay_until": today + timedelta(days=5),
            "purpose": "workcation",
            "party_size": 1,
        },
    )
    # Applied two days ago, before the trip: the scenario runs today.
    applied = timezone.now() - timedelta(days=2)
    Pass.objects.filter(pk=entry_pass.pk).update(created_at=applied, issued_at=applied)


def record_past_visits(partners):
    today = japan_time.today()
    for n, (prefecture, municipality, purpose, used) in enumerate(SAMPLE_HOLDERS, start=1):
        holder = demo_user(f"pass-sample{n}@example.jp", "サンプル", f"来訪者{n}", password=False)
        if Pass.objects.filter(user=holder).exists():
            continue
        start = today - timedelta(days=3 + n * 2)
        entry_pass = apply_for_pass(
            request_as(holder),
            {
                "residence_prefecture": prefecture,
                "residence_municipality": municipality,
                "stay_from": start,
                "stay_until": start + timedelta(days=3),
                "purpose": purpose,
                "party_size": 1 + n % 3,
            },
        )
        # Applied the evening before the trip: the scenario runs today.
        applied = datetime.combine(start - timedelta(days=2), time(20), tzinfo=japan_time.JST)
        Pass.objects.filter(pk=entry_pass.pk).update(created_at=applied, issued_at=applied)
        for i, slug in enumerate(used):
            if slug not in partners:
                continue
            offer = partners[slug].offers.order_by("pk").first()
            day = start + timedelta(days=i % 3)
            used_at = datetime.combine(day, time(9 + (n * 3 + i * 4) % 11), tzinfo=japan_time.JST)
            # redeem_offer takes the time of the use, so these past uses need no adjusting.
            redeem_offer(
                entry_pass.pk,
                offer,
                via=Use.VIA_POSTER if i % 2 else Use.VIA_STAFF,
                now=used_at,
            )
        # The stay is over: the pass expires, as it does when its holder next opens it.
        expire_stale_passes(user=holder)
