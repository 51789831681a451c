"""Bulk, plausible history for measuring the reports at scale (manage.py generate_load_data)
and for the demo's months of figures (reports.demo).

Everything is fake and marked as such, so that it can be told from real rows and never
collides with them:

- memberships without an account, member numbers "L-000001" (MemberNumberSequence untouched);
- pass holders' accounts at the reserved domain LOAD_EMAIL_DOMAIN, pass numbers and
  activity check-in codes "L0…" (a 0 never appears in a real code), consultation references
  "CL-<year>-<6 digits>" (real ones are C-<year>-<5 digits>);
- partners and offers made only when there are none, with slugs "load-…".

Rows are made with bulk_create, one transaction per batch. bulk_create sends no post_save,
so the rows the signals would add (members' and consultations' codes as rows) are made with
the apps' own helpers. Seasonal shape: growth over the period, summer and winter peaks, the
running campaigns, weekly rhythm, hours of the day. A given seed gives the same history.
"""

import bisect
import datetime as dt
import math
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import accumulate

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from core import japan_time
from core.japan_time import JST

MEMBER_PREFIX = "L-"
CODE_PREFIX = "L0"  # pass numbers and check-in codes: real codes have no 0
REFERENCE_PREFIX = "CL-"
LOAD_EMAIL_DOMAIN = "load.invalid"  # .invalid is reserved: no mail can ever be sent there
LOAD_SLUG_PREFIX = "load-"
BATCH_SIZE = 5_000
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

# April … March: summer (July–August) and winter (December–February) campaigns.
MONTH_WEIGHTS = {
    4: 0.9,
    5: 1.05,
    6: 0.8,
    7: 1.45,
    8: 1.75,
    9: 1.0,
    10: 0.9,
    11: 0.8,
    12: 1.2,
    1: 1.45,
    2: 1.2,
    3: 0.95,
}
# Monday … Sunday.
WEEKDAY_WEIGHTS = {
    "registrations": (1.0, 0.95, 0.95, 0.95, 1.0, 1.2, 1.25),
    "visits": (1.3, 1.0, 0.95, 0.95, 0.95, 1.25, 1.4),
    "consultations": (1.2, 1.1, 1.1, 1.05, 1.0, 0.6, 0.45),
    "page_views": (1.08, 1.04, 1.02, 1.0, 0.96, 0.86, 0.9),
}
# Hours 0 … 23.
HOURS = {
    "evening": (
        1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.0, 2.2, 2.3, 2.5,
        3.2, 2.8, 2.4, 2.3, 2.4, 2.6, 3.0, 3.6, 4.2, 4.4, 3.6, 2.2,
    ),
    "office": (
        0, 0, 0, 0, 0, 0, 0, 0, 0.5, 4, 5, 5, 2.5, 5, 5, 4.5, 4, 3, 0.5, 0, 0, 0, 0, 0,
    ),
    "shop": (
        0, 0, 0, 0, 0, 0, 0.1, 0.5, 1.5, 3, 4, 5.5, 7, 5, 3.5, 3, 3, 3.6, 4.5, 4, 2.5, 1.2,
        0.4, 0.1,
    ),
    "restaurant": (
        0, 0, 0, 0, 0, 0, 0, 0.3, 0.5, 0.5, 1, 4, 8, 5, 1.5, 0.8, 0.8, 2, 5, 6, 4, 2, 0.8,
        0.2,
    ),
    "coworking": (
        0, 0, 0, 0, 0, 0, 0, 0.5, 3, 6, 7, 6, 4, 6, 6, 5, 4, 3, 2, 1, 0.3, 0, 0, 0,
    ),
    "hotel": (  # breakfast, then check-in in the afternoon and evening
        0, 0, 0, 0, 0, 0, 1, 4, 4, 1.5, 0.5, 0, 0, 0, 0.5, 3, 4, 4, 3.5, 3, 2, 1.2, 0.5, 0.1,
    ),
}  # fmt: skip
USE_HOURS_BY_CATEGORY = {
    "restaurant": "restaurant",
    "coworking": "coworking",
    "accommodation": "hotel",
}

# JIS prefecture codes: Hokkaido and the Tokyo area first, some from overseas ("99").
PREFECTURE_WEIGHTS = {
    "01": 30, "13": 18, "14": 6, "11": 4, "12": 4, "27": 5, "23": 3, "04": 2, "40": 2,
    "28": 2, "26": 1.5, "22": 1.2, "34": 1, "02": 1, "03": 0.8, "05": 0.6, "06": 0.6,
    "07": 0.8, "08": 1.2, "09": 0.8, "10": 0.8, "15": 1, "16": 0.5, "17": 0.5, "18": 0.4,
    "19": 0.5, "20": 1, "21": 0.8, "24": 0.7, "25": 0.6, "29": 0.6, "30": 0.4, "31": 0.3,
    "32": 0.3, "33": 0.7, "35": 0.5, "36": 0.3, "37": 0.4, "38": 0.5, "39": 0.3, "41": 0.3,
    "42": 0.5, "43": 0.6, "44": 0.4, "45": 0.4, "46": 0.6, "47": 0.8, "99": 2,
}  # fmt: skip
# Visitors come from further away: more Tokyo and Osaka, fewer from Hokkaido.
VISITOR_PREFECTURE_WEIGHTS = {**PREFECTURE_WEIGHTS, "01": 18, "13": 22, "27": 7, "99": 4}
AGE_BANDS = {
    "u20": 2, "20s": 12, "30s": 20, "40s": 24, "50s": 20, "60s": 13, "70plus": 6, "none": 3,
}  # fmt: skip
RELATIONSHIPS = {
    "born": 18, "lived": 22, "work": 8, "family": 14, "nozei": 20, "stays": 6, "visitor": 24,
    "other": 3,
}  # fmt: skip
INTERESTS = {
    "two_region": 18, "migration": 12, "activities": 15, "events": 25, "products": 28,
    "nozei": 22,
}  # fmt: skip
MEMBER_LANGUAGES = {"ja": 92, "en": 5, "zh-hans": 1, "zh-hant": 1, "ko": 1}
PAGE_VIEW_LANGUAGES = {"ja": 80, "en": 12, "zh-hans": 3, "zh-hant": 2, "ko": 3}
PURPOSES = {
    "sightseeing": 38, "workcation": 16, "business": 18, "family": 12, "relocation": 6,
    "event": 10,
}  # fmt: skip
CONSULTATION_CHANNELS = {"web": 40, "email": 15, "phone": 22, "in_person": 23}
TOPICS = {
    "two_region": 14, "housing": 22, "work": 18, "childcare": 8, "medical": 5, "transport": 6,
    "workcation": 7, "furusato": 9, "entry_pass": 4, "support": 15, "other": 4,
}  # fmt: skip
EVENT_PLACES = [
    "移住・交流フェア（東京）",
    "北海道暮らしフェア（札幌）",
    "移住相談会（大阪）",
    "ふるさと回帰フェア（東京）",
]
DESK_PLACE = "移住相談窓口"
DEVICES = {"mobile": 70, "tablet": 8, "desktop": 20, "other": 2}
# Partners and offers made when the database has none (flagged: slug "load-…", name 【負荷】).
LOAD_PARTNERS = [
    ("港町ほっき食堂", "restaurant", "ほっき丼 100円引き", "amount", 100, "once"),
    ("樽前珈琲", "restaurant", "ドリンク 10%引き", "percent", 10, "daily"),
    ("駅前ワークラウンジ", "coworking", "1日利用 500円引き", "amount", 500, "daily"),
    ("汐風みやげ店", "shop", "お買い物 5%引き", "percent", 5, "unlimited"),
    ("勇払レンタカー", "rental_car", "基本料金 10%引き", "percent", 10, "once"),
    ("フェリーサイクル", "rental_cycle", "レンタサイクル無料", "free_item", None, "once"),
    ("湯の杜温泉", "tourist_facility", "入浴料 200円引き", "amount", 200, "once"),
    ("港の宿 かもめ", "accommodation", "朝食無料", "free_item", None, "once"),
]


class LoadDataExists(Exception):
    """Load data is already in this database (run again with force)."""


def generate(
    *,
    members=100_000,
    page_views=1_000_000,
    uses=200_000,
    consultations=20_000,
    start=None,
    end=None,
    seed=2026,
    stdout=None,
    force=False,
):
    """Fill the database with `members` memberships, `page_views` page views (as daily
    counts), `uses` offer uses (with their passes) and `consultations` consultations between
    `start` and `end` (Japan dates, both included; default: 1 April of the previous fiscal
    year to today), plus activity sign-ups and campaign clicks and conversions where there
    are activities and tracking links. Refuses (LoadDataExists) when load data is there
    already, unless `force`. Returns {kind: rows made}."""
    stdout = stdout or sys.stdout
    if load_members().exists() and not force:
        raise LoadDataExists(
            "This database already has load data (members numbered L-…). Run again with "
            "force to add more."
        )
    today = japan_time.today()
    # From 1 April of the fiscal year before this one.
    start = start or japan_time.fiscal_year_start(
        japan_time.fiscal_year_start(today) - dt.timedelta(1)
    )
    end = end or today
    if end < start:
        raise ValueError("The end comes before the start.")
    loader = _Loader(random.Random(seed), start, end, stdout)
    began = time.monotonic()
    made = {}
    made["members"] = loader.step("members", loader.members, members)
    made["passes"], made["uses"] = loader.step("passes and uses", loader.passes_and_uses, uses)
    made["consultations"] = loader.step("consultations", loader.consultations, consultations)
    made["activity sign-ups"] = loader.step("activity sign-ups", loader.activity_signups, members)
    made["clicks"], made["conversions"] = loader.step(
        "clicks and conversions", loader.clicks_and_conversions, members
    )
    made["page views"] = loader.step("page views", loader.page_views, page_views)
    stdout.write(f"Load data done in {time.monotonic() - began:.1f} s.\n")
    return made


def load_members():
    from members.models import Membership

    return Membership.objects.filter(member_number__startswith=MEMBER_PREFIX, user__isnull=True)


# -- helpers ---------------------------------------------------------------------------------
def apportion(total, weights):
    """`total` split in proportion to `weights`, in whole numbers that add up to it exactly
    (largest remainders, ties to the earlier item: deterministic)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    shares = [total * w / weight_sum for w in weights]
    counts = [int(s) for s in shares]
    rest = total - sum(counts)
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for i in order[:rest]:
        counts[i] += 1
    return counts


def encode(number, length):
    """`number` in CODE_ALPHABET, `length` characters."""
    chars = []
    for _position in range(length):
        number, digit = divmod(number, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[digit])
    return "".join(reversed(chars))


class _Picker:
    """rng.choices with precomputed cumulative weights."""

    def __init__(self, weights):
        self.values = list(weights)
        self.cum = list(accumulate(weights.values()))

    def __call__(self, rng, k=None):
        if k is None:
            return rng.choices(self.values, cum_weights=self.cum)[0]
        return rng.choices(self.values, cum_weights=self.cum, k=k)

    def distinct(self, rng, k):
        """k different values (weighted), in the order of the choices."""
        k = min(k, len(self.values))
        chosen = []
        while len(chosen) < k:
            value = self(rng)
            if value not in chosen:
                chosen.append(value)
        return chosen


def _in_batches(rows, size=BATCH_SIZE):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Loader:
    def __init__(self, rng, start, end, stdout):
        self.rng = rng
        self.start = start
        self.end = end
        self.stdout = stdout
        self.now = timezone.now()
        self.today = japan_time.today()
        self.days = [start + dt.timedelta(n) for n in range((end - start).days + 1)]
        self.campaign_days = self._campaign_days()
        self.hours = {name: list(accumulate(w)) for name, w in HOURS.items()}
        self.prefectures = _Picker(PREFECTURE_WEIGHTS)
        self.visitor_prefectures = _Picker(VISITOR_PREFECTURE_WEIGHTS)
        self.municipalities = self._municipalities()
        self.privacy_version = self._privacy_version()

    def step(self, label, function, *args):
        began = time.monotonic()
        result = function(*args)
        counts = result if isinstance(result, tuple) else (result,)
        names = label.split(" and ")
        text = ", ".join(f"{count:,} {name}" for count, name in zip(counts, names, strict=True))
        self.stdout.write(f"Load data: {text} in {time.monotonic() - began:.1f} s.\n")
        return result

    # -- shape in time --------------------------------------------------------------------
    def _campaign_days(self):
        from campaigns.models import CampaignPage

        days = set()
        campaigns = CampaignPage.objects.originals().values_list("starts_at", "ends_at")
        for starts_at, ends_at in campaigns:
            first = timezone.localtime(starts_at, JST).date()
            last = timezone.localtime(ends_at, JST).date()
            days.update(first + dt.timedelta(n) for n in range((last - first).days + 1))
        return days

    def day_weights(self, kind, campaign_boost=1.4):
        """Growth over the period × the month's season × the weekday × running campaigns."""
        weekday = WEEKDAY_WEIGHTS[kind]
        span = max(len(self.days) - 1, 1)
        return [
            (1 + 1.5 * n / span)
            * MONTH_WEIGHTS[day.month]
            * weekday[day.weekday()]
            * (campaign_boost if day in self.campaign_days else 1)
            for n, day in enumerate(self.days)
        ]

    def moment(self, day, hours="evening"):
        """A time on `day` (Japan time) at an hour drawn from the profile, never in the
        future."""
        rng = self.rng
        hour = rng.choices(range(24), cum_weights=self.hours[hours])[0]
        when = dt.datetime(
            day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60), tzinfo=JST
        )
        if when >= self.now:
            when = self.now - dt.timedelta(seconds=rng.randrange(60, 3600))
        return when

    def _municipalities(self):
        from members.residence import municipalities

        by_prefecture = defaultdict(list)
        for code, row in sorted(municipalities().items()):
            by_prefecture[row["prefecture"]].append(code)
        return by_prefecture

    def municipality(self, prefecture):
        codes = self.municipalities.get(prefecture)
        if not codes or self.rng.random() < 0.2:
            return ""
        return self.rng.choice(codes)

    def _privacy_version(self):
        from home.models import SiteSettings

        version = SiteSettings.objects.exclude(privacy_policy_version="").values_list(
            "privacy_policy_version", flat=True
        )
        return version.first() or "1"

    # -- members --------------------------------------------------------------------------
    def members(self, total):
        from members.models import Membership, MembershipCode
        from members.services import membership_code_rows

        rng = self.rng
        offset = load_members().count()
        counts = apportion(total, self.day_weights("registrations"))
        ages = _Picker(AGE_BANDS)
        relationships = _Picker(RELATIONSHIPS)
        interests = _Picker(INTERESTS)
        languages = _Picker(MEMBER_LANGUAGES)
        code_counts = _Picker({1: 55, 2: 32, 3: 13})

        def rows():
            number = offset
            for day, count in zip(self.days, counts, strict=True):
                for registered in sorted(self.moment(day) for _n in range(count)):
                    number += 1
                    draw = rng.random()
                    status = (
                        "pending" if draw < 0.015 else "withdrawn" if draw < 0.055 else "active"
                    )
                    prefecture = self.prefectures(rng)
                    activated = None
                    if status != "pending":
                        activated = min(
                            registered + dt.timedelta(minutes=1 + rng.expovariate(1 / 25)),
                            self.now,
                        )
                    withdrawn = None
                    if status == "withdrawn":
                        withdrawn = min(
                            activated + dt.timedelta(days=rng.randrange(3, 200)), self.now
                        )
                    yield Membership(
                        member_number=f"{MEMBER_PREFIX}{number:06d}",
                        status=status,
                        withdrawn_at=withdrawn,
                        tier="premium" if rng.random() < 0.15 else "basic",
                        registered_at=registered,
                        activated_at=activated,
                        residence_prefecture=prefecture,
                        residence_municipality=self.municipality(prefecture),
                        age_band=ages(rng),
                        relationships=relationships.distinct(rng, code_counts(rng)),
                        interests=interests.distinct(rng, code_counts(rng)),
                        newsletter=rng.random() < 0.45,
                        language=languages(rng),
                        privacy_policy_version=self.privacy_version,
                        consented_at=registered,
                    )

        made = 0
        for batch in _in_batches(rows()):
            with transaction.atomic():
                Membership.objects.bulk_create(batch, batch_size=BATCH_SIZE)
                # bulk_create sends no post_save: the code rows the signal would add.
                MembershipCode.objects.bulk_create(
                    membership_code_rows(batch), batch_size=BATCH_SIZE
                )
            made += len(batch)
        return made

    # -- passes and uses ------------------------------------------------------------------
    def _offers(self):
        from passes.models import Offer, PartnerStaff, Use

        offers = list(
            Offer.objects.originals()
            .filter(active=True, partner__active=True)
            .select_related("partner")
            .order_by("pk")
        )
        if not offers:
            offers = self._load_offers()
        used = Counter(
            dict(
                Use.objects.filter(offer__in=offers)
                .values("offer")
                .annotate(n=Count("pk"))
                .values_list("offer", "n")
            )
        )
        # Uses through the staff screen name the partner's first staff login, if any.
        staff = dict(PartnerStaff.objects.order_by("-pk").values_list("partner_id", "user_id"))
        return offers, used, staff

    def _load_offers(self):
        """A handful of partners and offers when there are none (their slugs say "load-")."""
        from wagtail.models import Locale

        from passes.models import Offer, Partner

        locale = Locale.get_default()
        offers = []
        for n, (name, category, benefit, kind, value, limit) in enumerate(LOAD_PARTNERS, 1):
            partner = Partner.objects.create(
                locale=locale,
                name=f"【負荷】{name}",
                slug=f"{LOAD_SLUG_PREFIX}partner-{n}",
                category=category,
                description="負荷テスト用の協力店です（実在しません）。",
                short_code=encode(n, 6).replace("A", "Z"),
            )
            offers.append(
                Offer.objects.create(
                    locale=locale,
                    partner=partner,
                    title=benefit,
                    benefit=benefit,
                    kind=kind,
                    value=value,
                    limit_per_pass=limit,
                )
            )
        self.stdout.write(f"Load data: {len(offers)} load partners and offers made.\n")
        return offers

    def passes_and_uses(self, total):
        from django.contrib.auth import get_user_model

        from passes.models import Pass, Use, margin_days

        rng = self.rng
        if total <= 0:
            return 0, 0
        offers, used, staff = self._offers()
        User = get_user_model()
        margin = margin_days()
        # Uses per pass, until the total is reached exactly.
        per_pass = _Picker({1: 22, 2: 24, 3: 20, 4: 14, 5: 10, 6: 10})
        plan = []
        remaining = total
        while remaining:
            k = min(per_pass(rng), len(offers), remaining)
            plan.append(k)
            remaining -= k
        arrivals = sorted(rng.choices(self.days, weights=self.day_weights("visits"), k=len(plan)))
        nights = _Picker({1: 20, 2: 28, 3: 22, 4: 12, 5: 8, 7: 7, 10: 3})
        purposes = _Picker(PURPOSES)
        party = _Picker({1: 45, 2: 35, 3: 10, 4: 8, 6: 2})
        # One account per holder; 15 % come again (a later pass of the same account).
        holders = max(1, math.ceil(len(plan) * 0.85))
        pass_offset = Pass.objects.filter(number__startswith=CODE_PREFIX).count()
        user_offset = User.objects.filter(email__endswith=f"@{LOAD_EMAIL_DOMAIN}").count()
        user_ids = {}
        capped = {o.pk: o.total_cap for o in offers if o.total_cap}
        last_use_day = min(self.end, self.today)
        made_passes = made_uses = 0

        for first in range(0, len(plan), BATCH_SIZE):
            indexes = range(first, min(first + BATCH_SIZE, len(plan)))
            passes, accounts, planned = [], [], []
            for i in indexes:
                stay_from = arrivals[i]
                stay_until = stay_from + dt.timedelta(nights(rng) - 1)
                uses_planned = self._plan_uses(
                    stay_from, min(stay_until, last_use_day), plan[i], offers, used, capped
                )
                applied_day = max(self.start, stay_from - dt.timedelta(rng.randrange(15)))
                applied = self.moment(applied_day)
                if uses_planned:
                    # Applied for before the first use, even on the day of arrival.
                    first_use = min(used_at for _offer, used_at in uses_planned)
                    applied = min(applied, first_use - dt.timedelta(minutes=rng.randrange(5, 90)))
                issued = min(applied + dt.timedelta(minutes=rng.randrange(1, 5)), self.now)
                valid_until = stay_until + margin
                holder = i % holders
                # Only an account's last pass can still be open (one open pass per person).
                is_last = i + holders >= len(plan)
                status = "active" if valid_until >= self.today and is_last else "expired"
                if holder == i:
                    number = user_offset + holder + 1
                    accounts.append(
                        (
                            holder,
                            User(
                                email=f"visitor-{number:06d}@{LOAD_EMAIL_DOMAIN}",
                                password="!load-data",  # unusable: nobody can log in
                                date_joined=applied,
                            ),
                        )
                    )
                prefecture = self.visitor_prefectures(rng)
                passes.append(
                    (
                        holder,
                        Pass(
                            residence_prefecture=prefecture,
                            residence_municipality=self.municipality(prefecture),
                            stay_from=stay_from,
                            stay_until=stay_until,
                            purpose=purposes(rng),
                            party_size=party(rng),
                            status=status,
                            created_at=applied,
                            issued_at=issued,
                            valid_from=stay_from - margin,
                            valid_until=valid_until,
                            number=f"{CODE_PREFIX}{encode(pass_offset + i, 6)}",
                        ),
                    )
                )
                planned.append(uses_planned)
            with transaction.atomic():
                User.objects.bulk_create([a for _h, a in accounts], batch_size=BATCH_SIZE)
                user_ids.update((holder, account.pk) for holder, account in accounts)
                for holder, entry_pass in passes:
                    entry_pass.user_id = user_ids[holder]
                Pass.objects.bulk_create([p for _h, p in passes], batch_size=BATCH_SIZE)
                batch_uses = [
                    self._use(Use, entry_pass, offer, used_at, staff)
                    for (_holder, entry_pass), uses_planned in zip(passes, planned, strict=True)
                    for offer, used_at in uses_planned
                ]
                Use.objects.bulk_create(batch_uses, batch_size=BATCH_SIZE)
            made_passes += len(passes)
            made_uses += len(batch_uses)
        if made_uses < total:
            self.stdout.write(
                f"Load data: only {made_uses:,} uses fit under the offers' total caps.\n"
            )
        return made_passes, made_uses

    def _plan_uses(self, first_day, last_day, count, offers, used, capped):
        """[(offer, used_at)]: `count` different offers, each on a day of the stay at an hour
        that suits the partner (lunch and dinner, office hours...)."""
        rng = self.rng
        stay_days = max((last_day - first_day).days + 1, 1)
        # Offers with a total cap are left to the demo's own visitors: history that used up a
        # cap would leave a partner's poster with nothing to use.
        open_offers = [o for o in offers if o.pk not in capped]
        planned = []
        for offer in rng.sample(open_offers, min(count, len(open_offers))):
            day = first_day + dt.timedelta(rng.randrange(stay_days))
            hours = USE_HOURS_BY_CATEGORY.get(offer.partner.category, "shop")
            planned.append((offer, self.moment(day, hours)))
            used[offer.pk] += 1
        return planned

    def _use(self, Use, entry_pass, offer, used_at, staff):
        via = "staff" if self.rng.random() < 0.3 else "poster"
        return Use(
            entry_pass=entry_pass,
            offer=offer,
            partner_id=offer.partner_id,
            limit=offer.limit_per_pass,
            used_at=used_at,
            day=used_at.astimezone(JST).date(),  # the counts' day is the Japan date
            via=via,
            staff_id=staff.get(offer.partner_id) if via == "staff" else None,
        )

    # -- consultations --------------------------------------------------------------------
    def consultations(self, total):
        from consultations.models import Consultation, ConsultationTopic
        from consultations.services import ANONYMIZED, consultation_topic_rows

        rng = self.rng
        offset = Consultation.objects.filter(reference__startswith=REFERENCE_PREFIX).count()
        counts = apportion(total, self.day_weights("consultations", campaign_boost=1.2))
        channels = _Picker(CONSULTATION_CHANNELS)
        topics = _Picker(TOPICS)
        topic_counts = _Picker({1: 60, 2: 30, 3: 10})
        languages = _Picker({"ja": 93, "en": 4, "zh-hans": 1, "zh-hant": 1, "ko": 1})
        replies = _Picker({"email": 70, "phone": 15, "online": 15})

        def rows():
            number = offset
            for day, count in zip(self.days, counts, strict=True):
                for _n in range(count):
                    number += 1
                    channel = channels(rng)
                    at_event = channel == "in_person" and rng.random() < 0.45
                    when_day = day
                    if at_event:
                        # Fairs are held at weekends.
                        when_day = max(self.start, day - dt.timedelta((day.weekday() - 5) % 7))
                    created = self.moment(when_day, "evening" if channel == "web" else "office")
                    yield self._consultation(
                        Consultation,
                        ANONYMIZED,
                        number,
                        channel,
                        at_event,
                        created,
                        topics.distinct(rng, topic_counts(rng)),
                        languages(rng),
                        replies(rng) if channel == "web" else "",
                    )

        made = 0
        for batch in _in_batches(rows()):
            with transaction.atomic():
                Consultation.objects.bulk_create(batch, batch_size=BATCH_SIZE)
                # bulk_create sends no post_save: the topic rows the signal would add.
                ConsultationTopic.objects.bulk_create(
                    consultation_topic_rows(batch), batch_size=BATCH_SIZE
                )
            made += len(batch)
        return made

    def _consultation(
        self, Consultation, anonymized, number, channel, at_event, created, codes, language, reply
    ):
        rng = self.rng
        age = self.now - created
        first_response = created
        if channel in ("web", "email"):
            hours = rng.lognormvariate(math.log(18), 0.9)
            first_response = created + dt.timedelta(hours=hours)
            if first_response > self.now:
                first_response = None
        if first_response is None:
            status, closed = "new", None
        elif age < dt.timedelta(days=3):
            status, closed = rng.choice(["in_progress", "waiting"]), None
        elif age < dt.timedelta(days=30):
            status, closed = rng.choice(["in_progress", "waiting", "resolved", "resolved"]), None
        else:
            status = "closed" if rng.random() < 0.8 else "resolved"
            closed = None
            if status == "closed":
                closed = min(created + dt.timedelta(days=rng.randrange(1, 30)), self.now)
        return Consultation(
            reference=f"{REFERENCE_PREFIX}{created.astimezone(JST).year}-{number:06d}",
            # No personal data: made as the retention job leaves a consultation.
            name="",
            email="",
            phone="",
            message=anonymized,
            anonymized_at=self.now,
            residence_prefecture=self.prefectures(self.rng),
            topics=Consultation.join_topics(codes),
            preferred_reply=reply,
            channel=channel,
            place_kind="event" if at_event else "desk",
            place_name=rng.choice(EVENT_PLACES) if at_event else DESK_PLACE,
            status=status,
            language=language,
            created_at=created,
            first_response_at=first_response,
            closed_at=closed,
            consent_at=created if channel == "web" else None,
            privacy_policy_version=self.privacy_version if channel == "web" else "",
        )

    # -- activity sign-ups ----------------------------------------------------------------
    def activity_signups(self, members):
        """Sign-ups at the existing activities (Japanese originals), attendances at those
        that have taken place. Anonymous (user NULL), like the sign-ups of deleted accounts."""
        from members.models import ActivityPage, ActivitySignup

        rng = self.rng
        first = japan_time.start_of_day(self.start)
        last = japan_time.start_of_day(self.end + dt.timedelta(1))
        activities = list(
            ActivityPage.objects.live()
            .originals()
            .filter(start__gte=first, start__lt=last)
            .order_by("start", "pk")
        )
        if not activities:
            return 0
        live = Counter(
            dict(
                ActivitySignup.objects.filter(activity__in=activities)
                .exclude(status="cancelled")
                .values("activity")
                .annotate(n=Count("pk"))
                .values_list("activity", "n")
            )
        )
        offset = ActivitySignup.objects.filter(checkin_code__startswith=CODE_PREFIX).count()
        wanted = max(8, round(members / 400))
        signups = []
        for activity in activities:
            places = wanted
            if activity.capacity:
                places = max(0, activity.capacity - live[activity.pk])
            confirmed = min(places, round(wanted * rng.uniform(0.6, 1.1)))
            waitlisted = rng.randrange(0, 4) if activity.capacity and confirmed == places else 0
            cancelled = round(confirmed * 0.08)
            past = activity.end is not None and activity.end < self.now
            opened = activity.start - dt.timedelta(days=30)
            if opened >= self.now:
                continue  # sign-ups open 30 days before: not yet
            for n in range(confirmed + waitlisted + cancelled):
                status = (
                    "confirmed"
                    if n < confirmed
                    else "waitlisted"
                    if n < confirmed + waitlisted
                    else "cancelled"
                )
                span = (min(activity.start, self.now) - opened).total_seconds()
                created = opened + dt.timedelta(seconds=span * rng.random() ** 0.7)
                attended = None
                if past and status == "confirmed" and rng.random() < 0.85:
                    attended = activity.start + dt.timedelta(minutes=rng.randrange(-10, 30))
                offset += 1
                signups.append(
                    ActivitySignup(
                        activity=activity,
                        status=status,
                        checkin_code=f"{CODE_PREFIX}{encode(offset, 6)}",
                        created_at=created,
                        cancelled_at=(
                            min(created + dt.timedelta(days=rng.randrange(1, 10)), self.now)
                            if status == "cancelled"
                            else None
                        ),
                        attended_at=attended,
                    )
                )
        for batch in _in_batches(signups):
            with transaction.atomic():
                ActivitySignup.objects.bulk_create(batch, batch_size=BATCH_SIZE)
        return len(signups)

    # -- campaign clicks and conversions --------------------------------------------------
    def clicks_and_conversions(self, members):
        from campaigns.attribution import link_touch
        from campaigns.models import Click, Conversion, TrackingLink

        rng = self.rng
        links = list(TrackingLink.objects.select_related("campaign", "creator").order_by("pk"))
        first = japan_time.start_of_day(self.start)
        last = min(japan_time.start_of_day(self.end + dt.timedelta(1)), self.now)
        periods_of = {}
        for link in links:
            begin, finish = first, last
            if link.campaign is not None:
                begin = max(begin, link.campaign.starts_at)
                finish = min(finish, link.campaign.ends_at)
            if finish > begin:
                periods_of[link.pk] = (begin, finish)
        links = [link for link in links if link.pk in periods_of]
        if not links:
            return 0, 0
        counts = apportion(round(members * 0.25), [rng.uniform(0.5, 2) for _link in links])
        devices = _Picker(DEVICES)
        records = self._convertible()
        taken = defaultdict(set)
        for kind, object_id in Conversion.objects.values_list("kind", "object_id"):
            taken[kind].add(object_id)
        rates = {"registration": 0.04, "entry_pass": 0.03, "consultation": 0.005}
        rates["activity_signup"] = 0.01
        made_clicks = made_conversions = 0
        for link, count in zip(links, counts, strict=True):
            begin, finish = periods_of[link.pk]
            touch = link_touch(link)
            visitors = [f"{rng.getrandbits(128):032x}" for _n in range(max(1, int(count * 0.8)))]
            span = (finish - begin).total_seconds()
            clicks, conversions = [], []
            for n in range(count):
                moment = begin + dt.timedelta(seconds=span * rng.random() ** 1.6)
                clicked = self.moment(moment.astimezone(JST).date(), "evening")
                clicked = min(max(clicked, begin), finish)
                clicks.append(
                    Click(
                        clicked_at=clicked,
                        visitor=visitors[n] if n < len(visitors) else rng.choice(visitors),
                        device=devices(rng),
                        **touch,
                    )
                )
                for kind, rate in rates.items():
                    if rng.random() < rate:
                        record = self._next_record(records[kind], taken[kind], clicked)
                        if record is not None:
                            conversions.append(
                                Conversion(
                                    kind=kind,
                                    object_id=record[1],
                                    occurred_at=record[0],
                                    touched_at=clicked,
                                    **touch,
                                )
                            )
            with transaction.atomic():
                Click.objects.bulk_create(clicks, batch_size=BATCH_SIZE)
                Conversion.objects.bulk_create(conversions, batch_size=BATCH_SIZE)
            made_clicks += len(clicks)
            made_conversions += len(conversions)
        return made_clicks, made_conversions

    def _convertible(self):
        """The load rows a conversion can point at, per kind: [(time, id)] in time order."""
        from consultations.models import Consultation
        from members.models import ActivitySignup
        from passes.models import Pass

        querysets = {
            "registration": load_members().values_list("registered_at", "pk"),
            "entry_pass": Pass.objects.filter(number__startswith=CODE_PREFIX).values_list(
                "created_at", "pk"
            ),
            "consultation": Consultation.objects.filter(
                reference__startswith=REFERENCE_PREFIX, channel="web"
            ).values_list("created_at", "pk"),
            "activity_signup": ActivitySignup.objects.filter(
                checkin_code__startswith=CODE_PREFIX
            ).values_list("created_at", "pk"),
        }
        return {
            kind: sorted((when, str(pk)) for when, pk in qs.order_by("pk"))
            for kind, qs in querysets.items()
        }

    def _next_record(self, records, taken, after):
        """The first record not yet converted within a week after the click."""
        index = bisect.bisect_left(records, (after, ""))
        limit = after + dt.timedelta(days=7)
        for when, object_id in records[index : index + 50]:
            if when > limit:
                return None
            if object_id not in taken:
                taken.add(object_id)
                return when, object_id
        return None

    # -- page views -----------------------------------------------------------------------
    def _page_cells(self):
        """[(page id, section, language)] and their weights: the home page most viewed,
        sections next, then a long tail. The section as the page-view count records it."""
        from types import SimpleNamespace

        from wagtail.models import Page

        from reports.pageviews import section_of

        rng = self.rng
        pages = (
            Page.objects.live()
            .filter(depth__gte=2)
            .order_by("path")
            .values_list("pk", "depth", "url_path", "locale__language_code")
        )
        by_language = defaultdict(list)
        for pk, depth, url_path, language in pages:
            section = section_of(SimpleNamespace(url_path=url_path))
            weight = {2: 30, 3: 6}.get(depth, 1) * rng.lognormvariate(0, 0.8)
            by_language[language].append(((pk, section, language), weight))
        if not by_language:
            sections = {"": 30, "members": 8, "pass": 10, "consultation": 4, "news": 6}
            for language in PAGE_VIEW_LANGUAGES:
                by_language[language] = [((None, s, language), w) for s, w in sections.items()]
        shares = {lang: PAGE_VIEW_LANGUAGES.get(lang, 1) for lang in sorted(by_language)}
        cells, weights = [], []
        for language, share in shares.items():
            language_total = sum(w for _cell, w in by_language[language])
            for cell, weight in by_language[language]:
                cells.append(cell)
                weights.append(share * weight / language_total)
        return cells, weights

    def page_views(self, total):
        """Daily counts per page and language. A count that exists already for the same day,
        page, section and language (the real rollup's, or an earlier load) is added to."""
        from reports.models import PageViewDay

        rng = self.rng
        cells, weights = self._page_cells()
        cum = list(accumulate(weights))
        counts = apportion(total, self.day_weights("page_views", campaign_boost=1.25))
        indexes = range(len(cells))
        existing = {
            (day, page, section, language): pk
            for pk, day, page, section, language in PageViewDay.objects.filter(
                day__gte=self.start, day__lte=self.end, page__isnull=False
            ).values_list("pk", "day", "page", "section", "language")
        }

        def rows():
            for day, count in zip(self.days, counts, strict=True):
                if not count:
                    continue
                drawn = Counter(rng.choices(indexes, cum_weights=cum, k=count))
                for index in sorted(drawn):
                    page_id, section, language = cells[index]
                    yield PageViewDay(
                        pk=existing.get((day, page_id, section, language)),
                        day=day,
                        page_id=page_id,
                        section=section,
                        language=language,
                        views=drawn[index],
                    )

        made = 0
        for batch in _in_batches(rows()):
            new = [row for row in batch if row.pk is None]
            added = {row.pk: row.views for row in batch if row.pk is not None}
            with transaction.atomic():
                PageViewDay.objects.bulk_create(new, batch_size=BATCH_SIZE)
                if added:
                    stored = PageViewDay.objects.in_bulk(list(added))
                    for pk, row in stored.items():
                        row.views += added[pk]
                    PageViewDay.objects.bulk_update(stored.values(), ["views"], BATCH_SIZE)
            made += sum(row.views for row in batch)
        return made
