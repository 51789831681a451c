"""Demo scenarios of the campaigns: the fees and budgets the city's editors entered, and what
visitors did with the tracking links of the content bundle — clicks on /go/ links over the
campaigns' periods and the conversions that followed — so that the campaign dashboard shows
believable figures. Clicks and conversions are stored with record_click() and
record_conversion(), the functions the /go/ view and the conversion signals call.
Idempotent: running seed_demo twice changes nothing."""

import hashlib
import random
from collections import namedtuple
from datetime import datetime, time, timedelta

from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone

from campaigns.attribution import link_touch, record_click, record_conversion
from campaigns.models import (
    CampaignCost,
    CampaignPage,
    Click,
    Conversion,
    ConversionKind,
    Creator,
    TrackingLink,
)

LOGINS = []

# Per campaign (by slug): its links' clicks (code, clicks, share of unique visitors), and the
# fees and budgets (creator handle, channel, yen, description).
CAMPAIGNS = {
    "winter-2026": {
        "clicks": [
            ("winter-aki-ig", 140, 0.8),
            ("winter-aki-tiktok", 60, 0.85),
            ("winter-ken-yt", 90, 0.8),
            ("winter-ken-x", 35, 0.9),
            ("winter-line", 45, 0.75),
            ("winter-press", 25, 0.9),
            ("winter-flyer", 20, 0.95),
            ("winter-newsletter", 30, 0.7),
        ],
        "costs": [
            ("@aki_tomakomai_life", "", 150000, "あきさん 投稿3回と動画1本"),
            ("@ken_kitano_outdoor", "", 200000, "ケンさん 動画2本"),
            (None, "flyer", 60000, "チラシ印刷 5,000部"),
            (None, "web_ad", 80000, "ウェブ広告"),
        ],
    },
    "summer-2026": {
        "clicks": [
            ("summer-aki-ig", 110, 0.8),
            ("summer-ken-yt", 70, 0.85),
            ("summer-x", 40, 0.9),
            ("summer-web-ad", 95, 0.95),
            ("summer-flyer", 15, 0.95),
        ],
        "costs": [
            ("@aki_tomakomai_life", "", 120000, "あきさん 投稿2回"),
            (None, "web_ad", 100000, "ウェブ広告"),
        ],
    },
}

# The press release about the registration carries its own short link (not tied to a
# campaign): copies of the release in the media lead to the registration.
PRESS_LINK = {
    "code": "press-furusato-registration",
    "news_slug": "furusato-resident-registration-starts",
    "clicks": 48,
    "unique": 0.85,
}

# Conversions per link: registrations, passes, offer uses, consultations, activity sign-ups.
CONVERSIONS = {
    "winter-aki-ig": (9, 6, 8, 2, 2),
    "winter-aki-tiktok": (3, 2, 2, 0, 1),
    "winter-ken-yt": (6, 5, 6, 2, 1),
    "winter-ken-x": (1, 1, 0, 1, 0),
    "winter-line": (5, 2, 3, 1, 1),
    "winter-press": (2, 1, 1, 1, 0),
    "winter-flyer": (1, 3, 4, 0, 0),
    "winter-newsletter": (2, 1, 1, 1, 1),
    "summer-aki-ig": (6, 5, 7, 1, 2),
    "summer-ken-yt": (4, 3, 4, 1, 1),
    "summer-x": (1, 1, 1, 0, 0),
    "summer-web-ad": (2, 2, 2, 1, 0),
    "summer-flyer": (0, 1, 1, 2, 0),
    "press-furusato-registration": (4, 1, 0, 1, 0),
}
KINDS = [
    ConversionKind.REGISTRATION,
    ConversionKind.ENTRY_PASS,
    ConversionKind.OFFER_USE,
    ConversionKind.CONSULTATION,
    ConversionKind.ACTIVITY_SIGNUP,
]

USER_AGENTS = {
    "mobile": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Safari/604.1",
    "tablet": "Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) Safari/604.1",
    "desktop": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36",
}

# What record_conversion() needs of the converted record: its id. Conversions point at the
# other scenarios' records first, then at records that exist only in these figures (ids
# "demo-…", which can never collide with a real record's).
Record = namedtuple("Record", "pk")


def seed(home, stdout):
    links = {link.code: link for link in TrackingLink.objects.select_related("campaign")}
    periods = {}
    for slug in CAMPAIGNS:
        campaign = CampaignPage.objects.filter(locale=home.locale, slug=slug).first()
        if campaign is not None:
            enter_costs(campaign, CAMPAIGNS[slug]["costs"])
            for code, _clicks, _unique in CAMPAIGNS[slug]["clicks"]:
                periods[code] = (campaign.starts_at, campaign.ends_at)
    press = press_period(home.locale)
    if press is not None:
        periods[PRESS_LINK["code"]] = press
    links = {code: link for code, link in links.items() if code in periods}
    if not links:
        return
    made = []
    if not Click.objects.filter(link__in=list(links.values())).exists():
        made.append(f"{follow_links(links, periods)} clicks")
    if not Conversion.objects.filter(link__in=list(links.values())).exists():
        made.append(f"{convert(links, periods)} conversions")
    if made:
        stdout.write(f"Campaigns: {' and '.join(made)} on the demo links.")


def enter_costs(campaign, costs):
    """What the editors enter on the fees and budgets screen (a plain form, no service)."""
    if campaign.costs.exists():
        return
    creators = {c.handle: c for c in Creator.objects.filter(locale=campaign.locale)}
    CampaignCost.objects.bulk_create(
        CampaignCost(
            campaign=campaign,
            creator=creators.get(handle) if handle else None,
            channel=channel,
            amount=amount,
            description=description,
        )
        for handle, channel, amount, description in costs
    )


def press_period(locale):
    """From the release's day to now, when the release is there."""
    from home.models import NewsPage

    news = NewsPage.objects.filter(locale=locale, slug=PRESS_LINK["news_slug"]).first()
    if news is None or not TrackingLink.objects.filter(press_release=news).exists():
        return None
    return timezone.make_aware(datetime.combine(news.date, time(10))), timezone.now()


def _address(seed):
    """A visitor's address, in the range kept for documentation (2001:db8::/32)."""
    digest = hashlib.sha256(f"demo-visitor:{seed}".encode()).hexdigest()
    return "2001:db8:" + ":".join(digest[i : i + 4] for i in range(0, 24, 4))


def _spread(rng, period, now):
    """A random time within the link's period so far, more often early on and in the
    evening (when people read their feeds)."""
    start, end = period
    end = min(end, now)
    span = (end - start).total_seconds()
    moment = start + timedelta(seconds=span * (rng.random() ** 1.6))
    local = timezone.localtime(moment)
    hour = rng.choice([7, 8, 12, 12, 19, 20, 21, 21, 22, 23])
    local = local.replace(hour=hour, minute=rng.randrange(60))
    return min(max(local, start), end)


@transaction.atomic
def follow_links(links, periods):
    """Visitors open the links: record_click() with the request the /go/ view gets, from a
    visitor's address and phone, tablet or computer (the view's bot and prefetch checks do
    not apply to these)."""
    rng = random.Random(2026)
    now = timezone.now()
    factory = RequestFactory()
    devices = ["mobile"] * 7 + ["tablet"] + ["desktop"] * 2
    volumes = [row for spec in CAMPAIGNS.values() for row in spec["clicks"]]
    volumes.append((PRESS_LINK["code"], PRESS_LINK["clicks"], PRESS_LINK["unique"]))
    clicks = []
    for code, count, unique_share in volumes:
        if code not in links:
            continue
        link = links[code]
        visitors = [_address(f"{code}:{n}") for n in range(max(1, int(count * unique_share)))]
        for n in range(count):
            address = visitors[n] if n < len(visitors) else rng.choice(visitors)
            clicked_at = _spread(rng, periods[code], now)
            request = factory.get(
                f"/go/{code}/",
                REMOTE_ADDR=address,
                HTTP_X_FORWARDED_FOR=address,
                HTTP_USER_AGENT=USER_AGENTS[rng.choice(devices)],
            )
            click = record_click(request, link_touch(link))
            click.clicked_at = clicked_at
            clicks.append(click)
    # The clicks happened over the campaigns' periods; the scenario runs now: move them back
    # (bulk_update: one UPDATE per batch).
    Click.objects.bulk_update(clicks, ["clicked_at"], batch_size=500)
    return len(clicks)


def _real_records():
    """Ids of the other scenarios' records, per kind: conversions point at them first."""
    from consultations.models import Channel as ConsultationChannel
    from consultations.models import Consultation
    from members.models import ActivitySignup, Membership
    from passes.models import Pass, Use

    querysets = {
        ConversionKind.REGISTRATION: Membership.objects.all(),
        ConversionKind.ENTRY_PASS: Pass.objects.all(),
        ConversionKind.OFFER_USE: Use.objects.all(),
        ConversionKind.CONSULTATION: Consultation.objects.filter(channel=ConsultationChannel.WEB),
        ConversionKind.ACTIVITY_SIGNUP: ActivitySignup.objects.all(),
    }
    return {
        kind: list(qs.order_by("pk").values_list("pk", flat=True)) for kind, qs in querysets.items()
    }


@transaction.atomic
def convert(links, periods):
    """What visitors did after a click, stored with record_conversion() from the source the
    click left (the link and the time of the click), as the conversion signals store it."""
    rng = random.Random(7)
    now = timezone.now()
    taken = {
        kind: set(Conversion.objects.filter(kind=kind).values_list("object_id", flat=True))
        for kind in KINDS
    }
    available = {
        kind: [pk for pk in pks if str(pk) not in taken[kind]]
        for kind, pks in _real_records().items()
    }
    occurred = []
    for code, counts in CONVERSIONS.items():
        link = links.get(code)
        if link is None:
            continue
        start = periods[code][0]
        for kind, count in zip(KINDS, counts, strict=True):
            for n in range(count):
                record = Record(available[kind].pop(0) if available[kind] else f"demo-{code}-{n}")
                when = _spread(rng, periods[code], now)
                touched = max(start, when - timedelta(hours=rng.randrange(1, 72)))
                conversion = record_conversion(
                    kind, record, source={"l": link.pk, "touched_at": touched}
                )
                conversion.occurred_at = when
                occurred.append(conversion)
    # They happened after the clicks, in the past; the scenario runs now: move them back.
    Conversion.objects.bulk_update(occurred, ["occurred_at"], batch_size=500)
    return len(occurred)
