"""Thin views: parse input, call passes.services, render. Every view that shows a pass or a use
checks its owner (404 for anyone else) and is never cached."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from core import japan_time, qr
from core.abuse import within_rate_limit
from core.responses import private_view
from passes import services
from passes.forms import PartnerCodeForm, PassApplicationForm, StaffUseForm, UseOfferForm
from passes.models import Offer, PartnerStaff, PassStatus, Use, offers_in_locale

BLOCK_SECONDS = 60


def qr_svg(data, label):
    """The QR code of the pass code on the holder's screen (label: its accessible name)."""
    return qr.inline_svg(data, css_class="pass-qr__svg", title=label, scale=5, border=2)


def _code_blocked(request):
    return bool(cache.get(f"passes:code-blocked:{request.user.pk}"))


def _wrong_code(request):
    """Count a wrong code; True once the visitor or the counter is over the limit."""
    if not within_rate_limit(request, "pass_code"):
        cache.set(f"passes:code-blocked:{request.user.pk}", 1, BLOCK_SECONDS)
        return True
    return False


TOO_MANY = gettext_lazy("Too many wrong codes. Please wait a minute and try again.")


# -- getting a pass --------------------------------------------------------------------------
@private_view
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def apply(request):
    user = request.user if request.user.is_authenticated else None
    if user is not None and services.open_pass_of(user) is not None:
        return redirect("passes:mine")
    form = PassApplicationForm(request.POST or None, user=user)
    refused = ""
    if request.method == "POST":
        # Only a complete application counts: fixing a typo is not another application.
        if not form.is_valid():
            pass
        elif not within_rate_limit(request, "pass_apply"):
            refused = _("Too many applications from this connection. Please try again later.")
        else:
            try:
                entry_pass = services.apply_for_pass(request, form.cleaned_data)
            except services.PassRefused as refusal:
                refused = str(refusal)
            else:
                if entry_pass is not None and entry_pass.status == PassStatus.ACTIVE:
                    return redirect("passes:mine")
                return redirect("passes:apply_sent")
    return render(
        request,
        "passes/apply.html",
        {"form": form, "refused": refused, "logged_in": user is not None},
        status=400 if request.method == "POST" else 200,
    )


@private_view
def apply_sent(request):
    return render(request, "passes/apply_sent.html")


@private_view
@login_required
def mine(request):
    entry_pass = services.open_pass_of(request.user)
    context = {"entry_pass": entry_pass}
    if entry_pass is not None and entry_pass.status == PassStatus.ACTIVE:
        context.update(_code_context(request, entry_pass))
        context["usable_today"] = entry_pass.is_usable()
        uses = list(
            Use.objects.filter(entry_pass=entry_pass)
            .select_related("offer", "partner")
            .order_by("-used_at")[:20]
        )
        services.localize_titles([use.offer for use in uses])
        services.localize_titles([use.partner for use in uses], "name")
        context["uses"] = uses
        # The last use took the code shown a moment ago: say why the code is a new one.
        context["code_just_used"] = bool(
            uses
            and uses[0].via == Use.VIA_STAFF
            and (timezone.now() - uses[0].used_at).total_seconds() <= CODE_USED_NOTICE_SECONDS
        )
    return render(request, "passes/mine.html", context)


CODE_USED_NOTICE_SECONDS = 2 * 60


def _code_context(request, entry_pass):
    code = services.pass_code(entry_pass)
    # The partner's staff read Japanese: the QR opens their screen in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        staff_url = reverse("passes:staff")
    # The code rides in the fragment, which browsers never send: it reaches no access log,
    # proxy or Referer. The staff screen's script (js/pass_staff.js) puts it into the form.
    url = request.build_absolute_uri(staff_url) + f"#code={code}"
    return {
        "code": code,
        "code_qr": qr_svg(url, _("QR code of your pass code")),
        "seconds_left": services.seconds_left(),
        # Not secret: how many codes have been accepted. passes.js tells the visitor when it
        # moves on (their code was just used) and shows the new code at once.
        "code_generation": entry_pass.code_generation,
    }


@private_view
@login_required
def code_json(request):
    """The current code for passes.js, which asks every few seconds so that a code a counter
    has just accepted is replaced on the visitor's screen at once. A read only (one query):
    the pass page itself expires passes past their last day."""
    entry_pass = services.active_pass_of(request.user)
    if entry_pass is None:
        raise Http404
    # The screen already shows the code of this window and generation: say so without drawing
    # the QR code again (an open pass asks every few seconds). Neither number is secret.
    window, generation = services.current_window(), entry_pass.code_generation
    if request.GET.get("window") == str(window) and request.GET.get("generation") == str(
        generation
    ):
        return JsonResponse(
            {"unchanged": True, "seconds": services.seconds_left(), "generation": generation}
        )
    context = _code_context(request, entry_pass)
    return JsonResponse(
        {
            "code": context["code"],
            "svg": context["code_qr"],
            "seconds": context["seconds_left"],
            "generation": context["code_generation"],
            "window": window,
        }
    )


@private_view
@login_required
@require_http_methods(["POST"])
def cancel(request):
    entry_pass = services.open_pass_of(request.user)
    if entry_pass is not None:
        services.cancel_pass(entry_pass)
    return redirect("passes:mine")


# -- using an offer: the visitor scans the partner's poster ----------------------------------
@private_view
@login_required
@require_http_methods(["GET", "POST"])
def partner_code(request):
    form = PartnerCodeForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        if _code_blocked(request):
            error = TOO_MANY
        else:
            partner = services.partner_from_short_code(form.cleaned_data["code"])
            if partner is not None:
                return redirect("passes:partner", token=services.poster_token(partner))
            error = TOO_MANY if _wrong_code(request) else _("No partner has this code.")
    if error:
        form.add_error("code", error)
    return render(
        request,
        "passes/partner_code.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@private_view
@login_required
@require_http_methods(["GET", "POST"])
def partner_offers(request, token):
    partner = services.partner_from_token(token)
    if partner is None:
        if _wrong_code(request):
            return render(request, "passes/refused.html", {"message": TOO_MANY}, status=429)
        return render(
            request,
            "passes/refused.html",
            {
                "message": _(
                    "This QR code is not valid. The partner may have a new poster: ask the "
                    "staff, or type the code printed on it."
                )
            },
            status=404,
        )
    error = ""
    if request.method == "POST":
        form = UseOfferForm(request.POST)
        offer = None
        if form.is_valid():
            offer = (
                Offer.objects.select_related("partner")
                .filter(pk=form.cleaned_data["offer"])
                .first()
            )
        key = (
            services.idempotency_key(request.user, form.cleaned_data["nonce"], offer)
            if offer
            else None
        )
        if offer is None or key is None:
            error = _("This form has expired. Please tap Use again.")
        else:
            try:
                result = services.redeem_offer(
                    None,
                    offer,
                    via=Use.VIA_POSTER,
                    key=key,
                    partner=partner,
                    holder=request.user,
                )
            except services.RedemptionRefused as refusal:
                error = refusal.message
            else:
                return redirect("passes:done", use_id=result.use.pk)
    entry_pass = services.open_pass_of(request.user)
    shown = services.in_locale(partner)
    today = japan_time.today()
    # Every current offer of the partner, in the visitor's language or else the Japanese
    # original: a translated partner whose offers are not all translated yet lists them all.
    offers = offers_in_locale(day=today, partner__translation_key=partner.translation_key)
    states = services.offer_states(entry_pass, offers, today)
    rows = [(offer, *states[offer.pk]) for offer in offers]
    return render(
        request,
        "passes/partner_offers.html",
        {
            "partner": shown,
            "rows": rows,
            "entry_pass": entry_pass,
            "usable": entry_pass is not None and entry_pass.is_usable(today),
            "nonce": services.new_use_nonce(),
            "error": error,
        },
        status=409 if error else 200,
    )


@private_view
@login_required
def done(request, use_id):
    use = get_object_or_404(
        Use.objects.select_related("offer", "partner", "entry_pass"),
        pk=use_id,
        entry_pass__user=request.user,
    )
    return render(request, "passes/done.html", _done_context(use))


LIVE_SECONDS = 10 * 60


def _done_context(use):
    now = japan_time.now()
    return {
        "use": use,
        "partner": services.in_locale(use.partner),
        "offer": services.in_locale(use.offer),
        "now": now,
        # The live clock proves a fresh use; later the screen only says when it was used.
        "live": (now - use.used_at).total_seconds() <= LIVE_SECONDS,
    }


# -- using an offer: partner staff type or scan the visitor's code ---------------------------
def _staff_of(request):
    staff = PartnerStaff.objects.select_related("partner").filter(user_id=request.user.pk).first()
    if staff is None:
        raise Http404
    return staff


@private_view
@login_required
@require_http_methods(["GET", "POST"])
def staff(request):
    member = _staff_of(request)
    partner = member.partner
    offers = list(
        Offer.objects.originals()
        .open_on()
        .filter(partner=partner)
        .select_related("partner")
        .order_by("pk")
    )
    shown = {o.translation_key: o for o in offers}
    # No code from the query string: a one-time code in a URL ends up in logs (see _code_context).
    initial = {"nonce": services.new_use_nonce()}
    form = StaffUseForm(request.POST or None, offers=offers, initial=initial)
    refused = ""
    if request.method == "POST" and form.is_valid():
        if _code_blocked(request):
            refused = TOO_MANY
        else:
            refused = _staff_redeem(request, member, form, shown)
            if isinstance(refused, Use):
                return redirect("passes:staff_done", use_id=refused.pk)
        if refused:
            form = StaffUseForm(
                request.POST.copy(), offers=offers, initial=initial
            )  # bound again to show the message beside the code
            form.data["nonce"] = services.new_use_nonce()
            form.is_valid()
    # The originals with their titles in the staff's language (one query, only when shown).
    services.localize_titles(offers)
    form.fields["offer"].choices = [(o.pk, o.title) for o in offers]
    return render(
        request,
        "passes/staff.html",
        {
            "partner": services.in_locale(partner),
            "form": form,
            "refused": refused,
            "counts": services.partner_counts(partner),
            "recent": _recent_uses(partner),
        },
        status=400 if request.method == "POST" else 200,
    )


def _recent_uses(partner):
    uses = list(
        Use.objects.filter(partner=partner).select_related("offer").order_by("-used_at")[:10]
    )
    services.localize_titles([use.offer for use in uses])
    return uses


def _staff_redeem(request, member, form, originals_by_key):
    """The Use, or the message to show."""
    offer = next((o for o in originals_by_key.values() if o.pk == form.cleaned_data["offer"]), None)
    if offer is None:
        translated = Offer.objects.filter(pk=form.cleaned_data["offer"]).first()
        offer = originals_by_key.get(getattr(translated, "translation_key", None))
    if offer is None:
        return _("Choose one of your offers.")
    key = services.idempotency_key(request.user, form.cleaned_data["nonce"], offer)
    if key is None:
        return _("This form has expired. Please try again.")
    try:
        # One locked read of the pass checks the code and the limits together.
        result = services.redeem_offer(
            None,
            offer,
            via=Use.VIA_STAFF,
            key=key,
            partner=member.partner,
            staff=request.user,
            code=form.cleaned_data["code"],
        )
    except services.CodeRefused as refusal:
        if refusal.wrong and _wrong_code(request):
            return TOO_MANY
        return refusal.message
    except services.RedemptionRefused as refusal:
        return refusal.message
    return result.use


@private_view
@login_required
def staff_done(request, use_id):
    member = _staff_of(request)
    use = get_object_or_404(
        Use.objects.select_related("offer", "partner"), pk=use_id, partner=member.partner
    )
    return render(request, "passes/staff_done.html", _done_context(use))
