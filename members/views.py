"""Member pages: registration, My page and the card, the member's own data, benefits,
activity sign-up and check-in. Views parse input, call members.services, render."""

import csv
import io
import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.hashers import make_password
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from formtools.wizard.views import SessionWizardView

from core import qr
from core.abuse import within_rate_limit
from core.csv_export import csv_response, safe_cell
from core.japan_time import fiscal_year_start, today
from core.locales import active_locale, translation_or_original
from core.responses import make_private, private_view
from members import services
from members.choices import AgeBand
from members.forms import (
    CheckInForm,
    ConsentForm,
    ConsentStep,
    DeleteAccountForm,
    InterestsStep,
    ProfileForm,
    ProfileStep,
    RelationshipStep,
)
from members.models import ActivityPage, ActivitySignup, Benefit, Membership
from members.my_page import sections_for
from members.names import display_name
from members.residence import residence_label
from members.signals import known_profile


def membership_of(user):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user).first()


def member_required(view):
    """Logged in, registered, and consenting to the current privacy policy.

    Everything here shows personal data: never cached by a browser or proxy."""

    @wraps(view)
    @login_required
    @private_view
    def wrapper(request, *args, **kwargs):
        membership = getattr(request, "membership", None) or membership_of(request.user)
        if membership is None:
            if getattr(view, "open_to_every_account", False):
                return view(request, *args, **kwargs)
            return redirect("members:register")
        request.membership = membership
        current = services.site_settings().privacy_policy_version
        if membership.needs_reconsent(current) and not getattr(view, "allowed_without_consent", 0):
            return redirect(f"{reverse('members:consent')}?next={request.path}")
        return view(request, *args, **kwargs)

    return wrapper


def allowed_without_consent(view):
    """Downloading or deleting one's data never waits for a new consent."""
    view.allowed_without_consent = True
    return view


def open_to_every_account(view):
    """Downloading or deleting one's data is for every account, registered or not (an Entry
    Pass holder's account holds personal data too)."""
    view.open_to_every_account = True
    return view


# -- registration ---------------------------------------------------------------------------
PASSWORD_FIELDS = ("profile-password1", "profile-password2")
STEPS = [
    ("relationship", RelationshipStep),
    ("profile", ProfileStep),
    ("interests", InterestsStep),
    ("review", ConsentStep),
]


@method_decorator(private_view, name="dispatch")
@method_decorator(
    sensitive_post_parameters("profile-password1", "profile-password2"), name="dispatch"
)
class RegistrationWizard(SessionWizardView):
    """Four short steps; the account and membership are stored only after the last one."""

    form_list = STEPS
    template_name = "members/register.html"
    # No session (row or cookie) until the first step is sent: see members/wizard_storage.py.
    storage_name = "members.wizard_storage.LazySessionStorage"
    MOVED = "moved"  # set when a step was left by Next or Back: see redirect_to_current_step

    def dispatch(self, request, *args, **kwargs):
        if membership_of(request.user) is not None:
            return redirect("members:my_page")
        response = super().dispatch(request, *args, **kwargs)
        self.storage.touch()
        self.storage.persist()
        return response

    def get(self, request, *args, **kwargs):
        """The step reached, with what was entered: after Next or Back, on a reload, or when
        the person comes back from another page (formtools would start at step 1). A finished
        wizard was reset by formtools; one left alone too long, or "Start again", starts
        fresh."""
        if "restart" in request.GET:
            self.storage.reset()
            # Without "restart" (a later reload must resume, not restart again); a "next"
            # the wizard was opened with stays.
            query = request.GET.copy()
            del query["restart"]
            return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
        if not self.storage.is_resumable(self.get_form_list()):
            return super().get(request, *args, **kwargs)
        # After Next or Back (redirect_to_current_step) this is the step itself; otherwise
        # the person came back to it, and is told so.
        resumed = not self.storage.data.pop(self.MOVED, False)
        step = self.storage.current_step
        form = self.get_form(
            step,
            data=self.storage.get_step_data(step),
            files=self.storage.get_step_files(step),
        )
        return self.render(form, resumed=resumed)

    def get_form_kwargs(self, step=None):
        if step == "profile":
            return {
                "with_account": not self.request.user.is_authenticated,
                "password_chosen": bool(self.storage.extra_data.get("password_hash")),
            }
        return {}

    def process_step(self, form):
        """The wizard keeps each step in the session: never the password itself, only its
        hash (sessions live in Redis and the database in production)."""
        data = super().process_step(form).copy()
        if self.steps.current == "profile" and "login_method" in form.fields:
            extra = dict(self.storage.extra_data)
            if form.cleaned_data.get("login_method") == ProfileStep.LOGIN_CODE:
                extra.pop("password_hash", None)
            elif form.cleaned_data.get("password1"):
                extra["password_hash"] = make_password(form.cleaned_data["password1"])
            self.storage.extra_data = extra
        for name in PASSWORD_FIELDS:
            data.pop(name, None)
        return data

    def render_goto_step(self, goto_step, **kwargs):
        # Going back keeps what was typed on this step, even unfinished (passwords excepted).
        data = self.request.POST.copy()
        for name in PASSWORD_FIELDS:
            data.pop(name, None)
        self.storage.set_step_data(self.steps.current, data)
        self.storage.current_step = goto_step
        return self.redirect_to_current_step()

    def render_next_step(self, form, **kwargs):
        self.storage.current_step = self.steps.next
        return self.redirect_to_current_step()

    def redirect_to_current_step(self):
        """Post/redirect/get: each step is shown by a GET of the wizard's address, so that the
        browser's reload asks for the step again (get() resumes it) instead of sending the
        last form a second time or starting over."""
        self.storage.data[self.MOVED] = True
        return redirect(self.request.get_full_path())

    def get_form_initial(self, step):
        user = self.request.user
        if step != "profile" or not user.is_authenticated:
            return {}
        initial = {"last_name": user.last_name, "first_name": user.first_name}
        for _receiver, known in known_profile.send(sender=type(user), user=user):
            initial.update(known or {})
        return initial

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context["step_title"] = form.title
        if self.steps.current == "review":
            context["review"] = self.review_rows()
            context["privacy"] = services.site_settings()
        return context

    def review_rows(self):
        relationship = self.get_cleaned_data_for_step("relationship") or {}
        profile = self.get_cleaned_data_for_step("profile") or {}
        interests = self.get_cleaned_data_for_step("interests") or {}
        from members.choices import Interest, Relationship, labels

        rows = [
            (
                _("Connection"),
                _(", ").join(labels(Relationship, relationship.get("relationships"))),
            ),
            (_("Name"), f"{profile.get('last_name', '')} {profile.get('first_name', '')}"),
            (_("Name in kana"), profile.get("name_kana") or "—"),
        ]
        if "email" in profile:
            rows.append((_("E-mail address"), profile["email"]))
            rows.append(
                (
                    _("Log in"),
                    _("With a password")
                    if profile.get("login_method") == ProfileStep.LOGIN_PASSWORD
                    else _("With a one-time code sent by e-mail"),
                )
            )
        rows += [
            (
                _("Residence"),
                residence_label(
                    profile.get("residence_prefecture"), profile.get("residence_municipality")
                ),
            ),
            (_("Age"), dict(AgeBand.choices).get(profile.get("age_band"), "—")),
            (_("Interests"), _(", ").join(labels(Interest, interests.get("interests"))) or "—"),
            (_("Newsletter"), _("Yes") if interests.get("newsletter") else _("No")),
        ]
        return rows

    def done(self, form_list, **kwargs):
        if not within_rate_limit(self.request, "member_register"):
            return render(self.request, "members/rate_limited.html", status=429)
        data = {}
        for form in form_list:
            data.update(form.cleaned_data)
        account = None
        if not self.request.user.is_authenticated:
            account = {
                "email": data["email"],
                "password_hash": self.storage.extra_data.get("password_hash")
                if data["login_method"] == ProfileStep.LOGIN_PASSWORD
                else None,
            }
        membership = services.register_member(self.request, data, account=account)
        if account is None:
            messages.success(self.request, _("Welcome! You are now a furusato resident."))
            return redirect("members:my_page")
        if membership is not None:
            from members.accounts import send_verification

            send_verification(self.request, membership.user)
        # The same page whether or not the address already had an account.
        self.request.session["registered_email"] = account["email"]
        return redirect("members:register_sent")


@private_view
def register_sent(request):
    return render(
        request,
        "members/register_sent.html",
        {"email": request.session.get("registered_email", "")},
    )


# -- My page --------------------------------------------------------------------------------
@login_required
@private_view
def my_page(request):
    """A member's My page; an account without a membership that holds an Entry Pass (or a
    consultation) sees those and an invitation to register, instead of being sent into the
    registration wizard (the sections other apps add: members.my_page)."""
    request.membership = membership_of(request.user)
    if request.membership is not None:
        return member_my_page(request)
    sections = sections_for(request, None)
    if not sections:
        return redirect("members:register")
    context = {"membership": None, "member_name": display_name(request.user), "sections": sections}
    return render(request, "members/my_page.html", context)


@member_required
def member_my_page(request):
    membership = request.membership
    locale = active_locale()
    signups = list(
        ActivitySignup.objects.filter(user=request.user)
        .exclude(status=ActivitySignup.Status.CANCELLED)
        .select_related("activity")
        .order_by("created_at")
    )
    for signup in signups:
        signup.title = services.activity_title(signup.activity, request.user)
        signup.translated_url = translated_url(signup.activity, locale)
        signup.qr = qr.inline_svg(
            request.build_absolute_uri(reverse("members:checkin_code", args=[signup.checkin_code])),
            css_class="qr",
            title=_("Check-in code %(code)s") % {"code": signup.checkin_code},
            lineclass=None,
        )
    attended = services.designated_attended_this_year(request.user)
    context = {
        "membership": membership,
        "member_name": display_name(request.user),
        "card_qr": qr.inline_svg(
            request.build_absolute_uri(
                reverse("members:verify_card", args=[services.card_token(membership)])
            ),
            css_class="qr",
            title=_("Membership card QR code"),
            lineclass=None,
        )
        if membership.is_active
        else "",
        "benefits": services.benefits_for(membership, locale) if membership.is_active else [],
        "signups": signups,
        "attended": attended,
        "attended_needed": services.PREMIUM_ACTIVITIES_PER_YEAR,
        "attended_percent": min(100, attended * 100 // services.PREMIUM_ACTIVITIES_PER_YEAR),
        "fiscal_year_start": fiscal_year_start(),
        "notices": request.user.member_notices.all()[:10],
        "activity_index": activity_index_url(locale),
        "sections": sections_for(request, membership),
    }
    return render(request, "members/my_page.html", context)


def translated_url(page, locale):
    """The page's address in `locale` when it is translated and live, else its own."""
    if page.locale_id == locale.pk:
        return page.url
    shown = translation_or_original(
        ActivityPage.objects.live().filter(translation_key=page.translation_key), locale
    )
    return (shown or page).url


def activity_index_url(locale):
    from members.models import ActivityIndexPage

    index = ActivityIndexPage.objects.live_public_in(locale).first()
    return index.url if index else ""


@private_view
def verify_card(request, token):
    """What a shop or the city sees when it scans a card: valid or not, and the name partly
    hidden (A. S., 山○ 花○)."""
    membership = services.membership_from_card_token(token)
    return render(
        request,
        "members/verify_card.html",
        {
            "valid": membership is not None,
            "card_name": services.initials(membership.user) if membership else "",
            "tier": membership.get_tier_display() if membership else "",
            "checked_at": timezone.now(),
        },
        status=200 if membership else 404,
    )


@member_required
def edit_profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            services.update_profile(request.user, request.membership, form.cleaned_data)
            messages.success(request, _("Your details have been saved."))
            return redirect("members:my_page")
    else:
        form = ProfileForm(initial=services.profile_of(request.user, request.membership))
    return render(request, "members/edit_profile.html", {"form": form})


@member_required
@allowed_without_consent
@open_to_every_account
def download_data(request, fmt):
    data = services.member_data(request.user)
    filename = f"my-data-{today().isoformat()}.{fmt}"
    if fmt == "csv":
        return csv_response(flatten_to_csv(data), filename)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def flatten_to_csv(data):
    """One row per value: section, item, field, value — readable in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "item", "field", "value"])

    def walk(section, item, value):
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, dict | list):
                    walk(section, key, inner)
                else:
                    writer.writerow([section, item, key, safe_cell(inner)])
        elif isinstance(value, list):
            for index, inner in enumerate(value, 1):
                if isinstance(inner, dict):
                    walk(section, index, inner)
                else:
                    writer.writerow([section, item, "", safe_cell(inner)])

    for section, value in data.items():
        if isinstance(value, dict | list):
            walk(section, "", value)
        else:
            writer.writerow([section, "", "", safe_cell(value)])
    return out.getvalue()


@member_required
@allowed_without_consent
@open_to_every_account
def delete_account(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)
        return redirect("members:deleted")
    return render(request, "members/delete_account.html", {"form": form})


def deleted(request):
    return render(request, "members/deleted.html")


@member_required
@allowed_without_consent
def consent(request):
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_consent(request.membership)
        messages.success(request, _("Thank you. Your consent has been recorded."))
        target = request.GET.get("next", "")
        from django.utils.http import url_has_allowed_host_and_scheme

        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("members:my_page")
        return redirect(target)
    return render(
        request, "members/consent.html", {"form": form, "privacy": services.site_settings()}
    )


# -- benefits -------------------------------------------------------------------------------
def benefits(request):
    """Members see the benefits that apply to them; visitors a teaser that invites them in."""
    locale = active_locale()
    membership = membership_of(request.user)
    if membership is not None and membership.is_active:
        return make_private(
            render(
                request,
                "members/benefits.html",
                {"benefits": services.benefits_for(membership, locale), "member": True},
            )
        )
    return render(
        request,
        "members/benefits.html",
        {"benefits": Benefit.current(locale), "member": False},
    )


# -- activities -----------------------------------------------------------------------------
def member_for_activities(request):
    membership = membership_of(request.user)
    if membership is None or not membership.is_active:
        raise Http404
    return membership


@require_POST
@login_required
def activity_signup(request, pk):
    member_for_activities(request)
    page = get_object_or_404(ActivityPage.objects.live(), pk=pk)
    activity = page.original()
    if activity.is_past:
        messages.error(request, _("This activity has already taken place."))
        return redirect(page.url)
    signup, created = services.sign_up(activity, request.user)
    if signup.status == ActivitySignup.Status.WAITLISTED:
        messages.info(
            request,
            _(
                "The activity is full, so you are on the waiting list. We will e-mail you if "
                "a place opens up."
            ),
        )
    elif created:
        messages.success(request, _("You are signed up. See you there!"))
    return redirect(page.url)


@require_POST
@login_required
def activity_cancel(request, pk):
    signup = get_object_or_404(
        ActivitySignup.objects.select_related("activity"), pk=pk, user=request.user
    )
    if signup.attended_at or signup.activity.is_past:
        raise Http404  # nothing to give up once it has taken place
    services.cancel_signup(signup)
    messages.success(request, _("Your sign-up has been cancelled."))
    target = request.POST.get("from_page")
    page = ActivityPage.objects.live().filter(pk=target).first() if target else None
    return redirect(page.url if page else reverse("members:my_page"))


# -- check-in (organizers) ------------------------------------------------------------------
def organizer_required(view):
    return login_required(
        permission_required("members.checkin_activity", raise_exception=True)(private_view(view))
    )


@organizer_required
@sensitive_post_parameters("code")
def checkin(request, code=""):
    """The organizer's screen: scan a member's check-in QR (it opens this page with the code)
    or type the code."""
    result = None
    form = CheckInForm(request.POST or None, initial={"code": code})
    if request.method == "POST" and form.is_valid():
        if not within_rate_limit(request, "activity_checkin", key=str(request.user.pk)):
            return render(request, "members/rate_limited.html", status=429)
        result = services.check_in(form.cleaned_data["code"])
        if result.signup is None:
            form.add_error("code", _("No sign-up has this code. Check it and try again."))
        elif result.refused:
            form.add_error("code", checkin_refusal(result))
    return render(request, "members/checkin.html", {"form": form, "result": result})


def checkin_refusal(result):
    """Why a check-in was not recorded, with the time that matters to the organizer."""
    title = result.signup.activity.title
    if result.refused == result.TOO_EARLY:
        return _(
            "Check-in for “%(title)s” opens at %(time)s. It is only possible on the day of "
            "the activity."
        ) % {"title": title, "time": japan_time(result.opens_at)}
    return _(
        "Check-in for “%(title)s” closed at %(time)s. The activity is over; nothing was recorded."
    ) % {"title": title, "time": japan_time(result.closes_at)}


def japan_time(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
