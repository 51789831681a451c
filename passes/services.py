"""The Entry Pass's rules in one place: issuing a pass, the rotating pass code, partner poster
tokens, an offer's limits (offer_limit_reached) and redeeming an offer with the replay of a
double tap (redeem_offer, which both counter flows call)."""

import hashlib
import hmac
import logging
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from core import japan_time
from members.accounts import has_verified_email, open_account, send_verification
from members.residence import same_municipality
from passes.models import (
    OPEN_STATUSES,
    SHORT_CODE_ALPHABET,
    LimitPerPass,
    Offer,
    Partner,
    Pass,
    PassStatus,
    Use,
    UsedPassCode,
    default_locale,
    margin_days,
)

logger = logging.getLogger(__name__)

POSTER_SALT = "tsunagaru.passes.poster"
NONCE_SALT = "tsunagaru.passes.use-nonce"
SESSION_PENDING_USER = "passes_pending_user"


def code_window_seconds():
    return getattr(settings, "ENTRY_PASS_CODE_WINDOW_SECONDS", 60)


def max_stay_days():
    return getattr(settings, "ENTRY_PASS_MAX_STAY_DAYS", 90)


def city_code():
    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).city_municipality_code if site else ""


def lives_in_city(municipality):
    return same_municipality(municipality or "", city_code())


# -- issuing ---------------------------------------------------------------------------------
class PassRefused(Exception):
    pass


def open_pass_of(user):
    """The user's pending or active pass; a pass past its last day is expired first."""
    expire_stale_passes(user=user)
    return Pass.objects.filter(user=user, status__in=OPEN_STATUSES).first()


def active_pass_of(user, today=None):
    """The user's active pass if it is valid today, read without writing (for polling)."""
    entry_pass = Pass.objects.filter(user=user, status=PassStatus.ACTIVE).first()
    return entry_pass if entry_pass is not None and entry_pass.is_usable(today) else None


def expire_stale_passes(user=None, today=None):
    today = today or japan_time.today()
    passes = Pass.objects.filter(status=PassStatus.ACTIVE, valid_until__lt=today)
    if user is not None:
        passes = passes.filter(user=user)
    return passes.update(status=PassStatus.EXPIRED)


def _validity(stay_from, stay_until):
    return stay_from - margin_days(), stay_until + margin_days()


def apply_for_pass(request, data):
    """Issue a pass from the application form's cleaned data.

    A logged-in visitor (e-mail already verified) gets an active pass at once. Anyone else gets
    an account whose e-mail needs verifying and a pending pass that the verification activates.
    Returns the pass, or None when the e-mail already has an account (its owner was e-mailed:
    the caller shows the same "check your mail" page). Raises PassRefused when the person
    already has an open pass or lives in the city.
    """
    if lives_in_city(data.get("residence_municipality")):
        raise PassRefused(_("The Entry Pass is for visitors who live outside the city."))
    user = request.user if request.user.is_authenticated else None
    if user is not None and open_pass_of(user) is not None:
        raise PassRefused(_("You already have an Entry Pass. It is shown on your pass page."))
    valid_from, valid_until = _validity(data["stay_from"], data["stay_until"])
    fields = {
        "residence_prefecture": data["residence_prefecture"],
        "residence_municipality": data.get("residence_municipality") or "",
        "stay_from": data["stay_from"],
        "stay_until": data["stay_until"],
        "purpose": data["purpose"],
        "party_size": data["party_size"],
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    try:
        with transaction.atomic():
            if user is None:
                user = open_account(request, data["email"], password=data.get("password") or None)
                if user is None:
                    return None
                entry_pass = Pass.objects.create(user=user, status=PassStatus.PENDING, **fields)
                request.session[SESSION_PENDING_USER] = user.pk
            else:
                verified = has_verified_email(user)
                entry_pass = Pass.objects.create(
                    user=user,
                    status=PassStatus.ACTIVE if verified else PassStatus.PENDING,
                    issued_at=timezone.now() if verified else None,
                    **fields,
                )
    except IntegrityError:  # a second application at the same moment
        raise PassRefused(
            _("You already have an Entry Pass. It is shown on your pass page.")
        ) from None
    if entry_pass.status == PassStatus.PENDING:
        # After the commit, inside the request (allauth builds the link from it).
        send_verification(request, entry_pass.user)
    return entry_pass


def activate_pending_passes(user):
    """Called when the user's e-mail is verified."""
    return Pass.objects.filter(user=user, status=PassStatus.PENDING).update(
        status=PassStatus.ACTIVE, issued_at=timezone.now()
    )


def cancel_pass(entry_pass):
    Pass.objects.filter(pk=entry_pass.pk, status__in=OPEN_STATUSES).update(
        status=PassStatus.CANCELLED
    )


# -- the rotating pass code ------------------------------------------------------------------
def current_window(now=None):
    now = now or timezone.now()
    return int(now.timestamp()) // code_window_seconds()


def _otp(entry_pass, window, generation=None):
    """Six digits keyed on the pass's secret, the time window and the code generation (how
    many codes the counters have accepted: an accepted code is replaced at once)."""
    if generation is None:
        generation = entry_pass.code_generation
    # Generation 0 keeps the message of the codes before generations existed.
    message = f"{entry_pass.pk}:{window}" + (f":{generation}" if generation else "")
    digest = hmac.new(entry_pass.secret.encode(), message.encode(), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:4], 'big') % 1_000_000:06d}"


def pass_code(entry_pass, now=None):
    """The code shown on the pass now: the pass number and a six-digit code of this window and
    of the pass's current code generation, so never a code a counter has already accepted.
    `entry_pass` must be freshly read (views read the open pass on every request)."""
    return f"{entry_pass.number}-{_otp(entry_pass, current_window(now))}"


def seconds_left(now=None):
    now = now or timezone.now()
    return code_window_seconds() - int(now.timestamp()) % code_window_seconds()


class CodeRefused(Exception):
    def __init__(self, message, wrong=True, reason="wrong"):
        super().__init__(message)
        self.message = message
        self.wrong = wrong  # counts towards the wrong-code rate limit
        self.reason = reason  # "wrong", "expired" or "used"


def _code_used():
    return CodeRefused(
        _("This pass code has already been used. Ask the visitor for a new one."),
        wrong=False,
        reason="used",
    )


def normalise_code(text):
    # NFKC turns full-width digits and letters (typed on a Japanese keyboard) into ASCII.
    text = unicodedata.normalize("NFKC", text or "").upper()
    text = text.replace(" ", "").replace("ー", "-").replace("－", "-")
    # A staff phone that scanned the QR code gets a URL; a typed code may lack the hyphen.
    if "-" not in text and len(text) > 6:
        text = f"{text[:-6]}-{text[-6:]}"
    return text


def parse_pass_code(text):
    """(pass number, six digits) of a typed or scanned code, or CodeRefused (no query)."""
    number, _sep, otp = normalise_code(text).partition("-")
    if not number or len(otp) != 6 or not (otp.isascii() and otp.isdigit()):
        raise CodeRefused(_("That is not a pass code. It looks like ABC123-123456."))
    return number, otp


RECENT_WINDOWS = 60  # how far back a refused code is recognised as expired or used


def code_window_of(entry_pass, otp, now=None):
    """The window of a code that is valid now: of the pass's current code generation, from
    this window or the one before. Otherwise CodeRefused, saying when the code is one of the
    pass's recent codes that has been used (or belongs to a used generation) or has expired."""
    if entry_pass is None:
        raise CodeRefused(_("This pass code is wrong. Ask the visitor to show it again."))
    window = current_window(now)
    for candidate in (window, window - 1):
        if hmac.compare_digest(_otp(entry_pass, candidate), otp):
            return candidate
    recent = range(window, window - RECENT_WINDOWS, -1)
    used_generations = set(
        UsedPassCode.objects.filter(
            entry_pass=entry_pass, window__gt=window - RECENT_WINDOWS
        ).values_list("generation", flat=True)
    )
    for generation in sorted(used_generations, reverse=True):
        if any(hmac.compare_digest(_otp(entry_pass, w, generation), otp) for w in recent):
            raise _code_used()
    # A code from a few minutes ago: a screenshot, most likely.
    if any(hmac.compare_digest(_otp(entry_pass, w), otp) for w in recent[2:]):
        raise CodeRefused(
            _(
                "This pass code has expired. Ask the visitor to open the pass on their "
                "phone: the code changes every minute."
            ),
            wrong=False,
            reason="expired",
        )
    raise CodeRefused(_("This pass code is wrong. Ask the visitor to show it again."))


def verify_pass_code(text, now=None):
    """(pass, window) for a code that is valid now (this window or the one before)."""
    number, otp = parse_pass_code(text)
    entry_pass = Pass.objects.filter(number=number).first()
    return entry_pass, code_window_of(entry_pass, otp, now)


# -- partner posters -------------------------------------------------------------------------
def poster_token(partner):
    partner = partner.original()
    return signing.Signer(salt=POSTER_SALT).sign(f"{partner.pk}.{partner.poster_version}")


def partner_from_token(token):
    """The original partner of a poster's signed token, or None (tampered, or an old poster)."""
    try:
        value = signing.Signer(salt=POSTER_SALT).unsign(token)
        pk, version = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError):
        return None
    return Partner.objects.originals().filter(pk=pk, poster_version=version).first()


def partner_from_short_code(code):
    code = unicodedata.normalize("NFKC", code or "").upper()
    code = "".join(ch for ch in code if ch in SHORT_CODE_ALPHABET)
    if not code:
        return None
    return Partner.objects.originals().filter(short_code=code).first()


def in_locale(obj, locale=None):
    """The translation of a partner or offer in the visitor's language, else its Japanese
    original (is_original_language True: templates mark it lang="ja")."""
    from core.locales import active_locale, translation_or_original

    locale = locale or active_locale()
    if locale is None or obj.locale_id == locale.pk:
        obj.is_original_language = False
        return obj
    return (
        translation_or_original(
            type(obj).objects.filter(translation_key=obj.translation_key), locale
        )
        or obj
    )


# -- redeeming -------------------------------------------------------------------------------
def new_use_nonce():
    """A signed nonce for the Use form: a second POST with it replays the first result."""
    return signing.dumps(get_random_string(24), salt=NONCE_SALT)


def idempotency_key(user, signed_nonce, offer):
    """The key of one tap: the same user, offer and form replay; another offer on the same page
    (which shares the form's nonce) is a use of its own. Keyed on the offer's translation_key,
    so the Japanese and English copies of an offer are the same offer."""
    try:
        nonce = signing.loads(signed_nonce or "", salt=NONCE_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return None
    return hashlib.sha256(f"{user.pk}:{offer.translation_key}:{nonce}".encode()).hexdigest()


class RedemptionRefused(Exception):
    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass
class Redemption:
    use: Use
    replayed: bool = False


def _refuse(reason):
    messages = {
        "pass_inactive": _("This pass is not active. Open your pass page to check it."),
        "pass_expired": _("This pass is not valid today. It is valid only during the stay."),
        "wrong_partner": _("This offer belongs to another partner."),
        "offer_inactive": _("This offer is not available today."),
        "used": _("This offer has already been used with this pass."),
        "used_today": _("This offer has already been used with this pass today."),
        "cap": _("This offer has reached its limit and has ended. Thank you."),
        "no_pass": _("You need an active Entry Pass to use the offers."),
    }
    raise RedemptionRefused(reason, messages[reason])


# -- an offer's limits -----------------------------------------------------------------------
def _limit_spent(limit):
    """The refusal of a pass whose limit per pass is spent (also what the unique constraints on
    Use mean when they catch a second use)."""
    return "used" if limit == LimitPerPass.ONCE else "used_today"


def offer_limit_reached(offer, day, uses_of_pass, total_uses):
    """Why a pass may not use `offer` on `day`, or None: "offer_inactive" (not open that day),
    "used" (once per pass, used), "used_today" (once a day, used that day) or "cap" (the
    offer's total cap is reached). The one home of the offer limits: redeem_offer refuses with
    it and offer_states shows it.

    `offer` is the Japanese original (a translation's copy of the limits may be stale);
    `uses_of_pass` the pass's uses of it (each with its `day`); `total_uses` a function
    returning the offer's uses in all, called only for a capped offer (redeem_offer counts
    them with the offer row locked)."""
    if not offer.is_open_on(day):
        return "offer_inactive"
    if offer.limit_per_pass == LimitPerPass.ONCE and uses_of_pass:
        return _limit_spent(offer.limit_per_pass)
    if offer.limit_per_pass == LimitPerPass.DAILY and any(use.day == day for use in uses_of_pass):
        return _limit_spent(offer.limit_per_pass)
    if offer.total_cap and total_uses() >= offer.total_cap:
        return "cap"
    return None


def _replay(key, partner=None):
    """The use recorded by an earlier request with the same idempotency key, or None."""
    if not key:
        return None
    uses = Use.objects.filter(idempotency_key=key)
    if partner is not None:
        uses = uses.filter(partner=partner)
    return uses.first()


def redeem_offer(
    entry_pass_id,
    offer,
    *,
    via,
    key=None,
    partner=None,
    staff=None,
    now=None,
    holder=None,
    code=None,
):
    """Record one use of `offer` with the pass, exactly once, or raise RedemptionRefused.

    The pass row is locked first (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
    transactions queue every writer), so two taps, two phones or two counters cannot both pass
    the limit checks (offer_limit_reached); unique constraints on Use back the limits up. For a
    capped offer the offer row is locked too and its uses counted.

    A request repeated with the same idempotency `key` (a double tap) returns the first use
    (replayed=True) instead of an error or a second use: found under the lock, or, when the
    repeated request's pass code is refused (a resubmitted staff form whose code no longer
    names that pass), by the key alone among `partner`'s uses.

    Give `holder` (a user) instead of `entry_pass_id` to lock that user's open pass, or `code`
    (the visitor's rotating pass code, as typed) to lock the pass it names and check it (raises
    CodeRefused). An accepted code moves the pass on to its next code generation in the same
    transaction: the code is never accepted again, and the visitor's screen shows a new one.
    """
    try:
        return _redeem(entry_pass_id, offer, via, key, partner, staff, now, holder, code)
    except CodeRefused:
        replay = _replay(key, partner)
        if replay is None:
            raise
        return Redemption(replay, replayed=True)


def _redeem(entry_pass_id, offer, via, key, partner, staff, now, holder, code):
    now = now or timezone.now()
    day = japan_time.japan_date(now)
    offer = offer.original()
    limit = offer.limit_per_pass
    stage = "use"
    try:
        with transaction.atomic():
            passes = Pass.objects.select_for_update()
            otp = None
            if holder is not None:
                entry_pass = passes.filter(user=holder, status__in=OPEN_STATUSES).first()
                if entry_pass is None:
                    _refuse("no_pass")
            elif code is not None:
                number, otp = parse_pass_code(code)
                entry_pass = passes.filter(number=number).first()
                if entry_pass is None:
                    code_window_of(None, otp, now)  # raises: no such pass
            else:
                entry_pass = passes.get(pk=entry_pass_id)
            # One query finds both a replayed request and the pass's earlier uses of the offer.
            found = list(
                Use.objects.filter(
                    Q(offer=offer) | (Q(idempotency_key=key) if key else Q(pk__in=[])),
                    entry_pass=entry_pass,
                )
            )
            replay = next((use for use in found if key and use.idempotency_key == key), None)
            if replay is not None:
                # A double tap: its code was accepted by the first tap and is used up now.
                return Redemption(replay, replayed=True)
            # Read under the lock: the generation cannot move on before this use commits.
            code_window = code_window_of(entry_pass, otp, now) if otp is not None else None
            if entry_pass.status != PassStatus.ACTIVE:
                _refuse("pass_inactive")
            if not entry_pass.is_usable(day):
                _refuse("pass_expired")
            if partner is not None and offer.partner_id != partner.pk:
                _refuse("wrong_partner")

            def total_uses():
                Offer.objects.select_for_update().filter(pk=offer.pk).values("pk").first()
                return Use.objects.filter(offer=offer).count()

            reason = offer_limit_reached(offer, day, found, total_uses)
            if reason is not None:
                _refuse(reason)
            if code_window is not None:
                # A generation already accepted breaks the unique constraint: see below.
                stage = "code"
                UsedPassCode.objects.create(
                    entry_pass=entry_pass,
                    window=code_window,
                    generation=entry_pass.code_generation,
                )
                Pass.objects.filter(pk=entry_pass.pk).update(
                    code_generation=F("code_generation") + 1
                )
                stage = "use"
            use = Use.objects.create(
                entry_pass=entry_pass,
                offer=offer,
                partner_id=offer.partner_id,
                limit=limit,
                used_at=now,
                day=day,
                via=via,
                staff=staff,
                idempotency_key=key,
            )
    except IntegrityError:  # the database's constraints caught what slipped past the checks
        if stage == "code":
            raise _code_used() from None
        _refuse(_limit_spent(limit))
    use.offer = offer
    return Redemption(use)


OFFER_STATES = {
    # offer_limit_reached's reason: (state, what the visitor reads)
    None: ("open", ""),
    "offer_inactive": ("ended", gettext_lazy("Not available today")),
    "used": ("used", gettext_lazy("Used")),
    "used_today": ("used", gettext_lazy("Used today")),
    "cap": ("ended", gettext_lazy("Ended: this offer has reached its limit")),
}


def offer_states(entry_pass, offers, day=None):
    """{offer pk: (state, message, latest use)} for showing each offer's state to the visitor:
    "ended", "used" or "open", from offer_limit_reached on the Japanese originals (a
    translation's synchronized fields may be stale)."""
    from django.db.models import Count

    day = day or japan_time.today()
    keys = [o.translation_key for o in offers]
    originals = {
        o.translation_key: o
        for o in Offer.objects.originals()
        .filter(translation_key__in=keys)
        .select_related("partner")
        .only(
            "translation_key",
            "active",
            "valid_from",
            "valid_until",
            "limit_per_pass",
            "total_cap",
            "partner__active",
        )
    }
    capped = [o.pk for o in originals.values() if o.total_cap]
    totals = (
        dict(
            Use.objects.filter(offer__in=capped)
            .values_list("offer")
            .annotate(n=Count("pk"))
            .values_list("offer", "n")
        )
        if capped
        else {}
    )
    uses = {}
    if entry_pass is not None:
        for use in Use.objects.filter(
            entry_pass=entry_pass, offer__in=list(originals.values())
        ).only("offer_id", "day", "used_at"):
            uses.setdefault(use.offer_id, []).append(use)
    states = {}
    for offer in offers:
        original = originals.get(offer.translation_key, offer)
        mine = uses.get(original.pk, [])
        reason = offer_limit_reached(
            original, day, mine, lambda original=original: totals.get(original.pk, 0)
        )
        state, message = OFFER_STATES[reason]
        states[offer.pk] = (state, str(message), mine[0].used_at if mine else None)
    return states


def localize_titles(objects, attribute="title"):
    """Give originals (offers, partners) the text of their translation in the visitor's
    language, with one query per model, and is_original_language where there is none (the
    templates mark that text lang="ja"); counts stay keyed on the originals."""
    from core.locales import active_locale, translations_or_originals

    locale = active_locale()
    objects = [o for o in objects if o is not None]
    for obj in objects:
        obj.is_original_language = False
    if not objects or locale is None or locale.pk == default_locale().pk:
        return objects
    model = type(objects[0])
    shown = {
        key: (text, original)
        for key, text, original in translations_or_originals(
            model.objects.filter(translation_key__in={o.translation_key for o in objects}), locale
        ).values_list("translation_key", attribute, "is_original_language")
    }
    for obj in objects:
        if obj.translation_key in shown:
            text, obj.is_original_language = shown[obj.translation_key]
            setattr(obj, attribute, text)
    return objects


def partner_counts(partner, today=None):
    """What a partner's staff may see: their own offers' counts, nothing about visitors."""
    today = today or japan_time.today()
    from django.db.models import Count

    rows = (
        Offer.objects.filter(partner=partner)
        .annotate(
            total=Count("uses"),
            today=Count("uses", filter=Q(uses__day=today)),
            week=Count("uses", filter=Q(uses__day__gte=today - timedelta(days=6))),
        )
        .order_by("pk")
    )
    return localize_titles(list(rows))


# -- the holder's own data ------------------------------------------------------------------
def holder_data(sender, user, **kwargs):
    """The holder's passes and their uses, for the account's JSON and CSV downloads (members'
    collect_member_data signal): a pass-only account downloads what the site holds too."""
    passes = user.entry_passes.order_by("created_at").prefetch_related(
        "uses__offer", "uses__partner"
    )
    return {
        "entry_passes": [
            {
                "number": entry_pass.number,
                "status": entry_pass.status,
                "status_label": str(entry_pass.get_status_display()),
                "residence_prefecture": entry_pass.residence_prefecture,
                "residence_municipality": entry_pass.residence_municipality,
                "stay_from": entry_pass.stay_from.isoformat(),
                "stay_until": entry_pass.stay_until.isoformat(),
                "purpose": entry_pass.purpose,
                "purpose_label": str(entry_pass.get_purpose_display()),
                "party_size": entry_pass.party_size,
                "valid_from": entry_pass.valid_from.isoformat(),
                "valid_until": entry_pass.valid_until.isoformat(),
                "applied": japan_time.isoformat_japan(entry_pass.created_at),
                "uses": [
                    {
                        "offer": use.offer.title,
                        "partner": use.partner.name,
                        "used": japan_time.isoformat_japan(use.used_at),
                    }
                    for use in entry_pass.uses.all()
                ],
            }
            for entry_pass in passes
        ]
    }
