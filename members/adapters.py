from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext

from members import login_events
from members.accounts import account_purposes

# What an account e-mail is about, so that it says so: a furusato resident registration, what
# another app opens accounts for (members.accounts.account_purposes: the Entry Pass), or
# neither (a login code, a password reset, a changed address).
PURPOSE_MEMBERSHIP = "membership"


def public_url(url):
    """`url` (absolute or a path) on the site's configured public address
    (WAGTAILADMIN_BASE_URL), not on the host the request happened to come in on."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _pending_membership(user):
    from members.models import Membership

    return Membership.objects.filter(user=user, status=Membership.Status.PENDING).exists()


def _has_membership(user):
    from members.models import Membership

    return Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).exists()


def purpose_of(request, user):
    """Why this person gets an account e-mail: the form they are on (the registration wizard,
    the Entry Pass application), else what their account is waiting for."""
    match = getattr(request, "resolver_match", None) if request is not None else None
    namespace = getattr(match, "namespace", "") or ""
    for purpose in account_purposes.values():
        if namespace.startswith(purpose.url_namespace):
            return purpose.name
    if namespace.startswith("members"):
        return PURPOSE_MEMBERSHIP
    if user is None or user.pk is None:
        return ""
    if _pending_membership(user):
        return PURPOSE_MEMBERSHIP
    for purpose in account_purposes.values():
        if purpose.waiting(user):
            return purpose.name
    return ""


def destination_for(user):
    """Where a person who just logged in (or confirmed their address) wants to be: a member's
    card (My page), else the page of what the account holds (a pass holder's Entry Pass),
    else the site's default."""
    if user is None or user.pk is None:
        return resolve_url(settings.LOGIN_REDIRECT_URL)
    if _has_membership(user):
        return reverse("members:my_page")
    for purpose in account_purposes.values():
        if purpose.holds(user):
            return reverse(purpose.page)
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class AccountAdapter(DefaultAccountAdapter):
    """allauth, speaking in the site's own voice (templates/account/email/*, signed by the
    city's desk), in the recipient's language, with links on the site's public address."""

    def is_open_for_signup(self, request):
        """allauth's own sign-up form is closed: accounts are opened by the registration
        wizard (with its privacy consent) and the Entry Pass application, through
        members.accounts.open_account(). /accounts/signup/ redirects to the wizard."""
        return False

    def send_mail(self, template_prefix, email, context):
        from members.services import language_for_address

        language = language_for_address(email)
        user = context.get("user")
        if user is None:
            user = get_user_model().objects.filter(email__iexact=(email or "").strip()).first()
        purpose = purpose_of(self.request, user)
        # Links allauth made in the request's language lead to pages in the mail's (translated
        # while the request's language is active: only then do their paths resolve), on the
        # site's public address.
        context = {
            key: public_url(translate_url(value, language))
            if key.endswith("_url") and isinstance(value, str)
            else value
            for key, value in context.items()
        }
        with translation.override(language):
            links = {
                "login_url": reverse("account_login"),
                "login_code_url": reverse("account_request_login_code"),
                "register_url": reverse("members:register"),
            }
            for other in account_purposes.values():
                links.update({name: reverse(url) for name, url in other.email_links.items()})
            if purpose in account_purposes:
                # Someone with an account applied (for the Entry Pass): log in to its page.
                page = reverse(account_purposes[purpose].page)
                links["login_url"] += "?" + urlencode({"next": page})
            context = {
                **context,
                **{key: public_url(path) for key, path in links.items()},
                # allauth's bare sign-up is closed: "sign up" means the registration wizard.
                "signup_url": public_url(links["register_url"]),
                "purpose": purpose,
                "name": user.get_full_name() if user is not None and user.pk else "",
            }
            super().send_mail(template_prefix, email, context)

    def get_login_redirect_url(self, request):
        """After logging in: the member's card, the pass holder's pass (an explicit ?next
        still wins: allauth only asks here without one)."""
        return destination_for(request.user)

    def get_signup_redirect_url(self, request):
        """The same after the login that follows a sign-up's confirmation (allauth asks this
        instead of get_login_redirect_url when the login is a sign-up's)."""
        return destination_for(request.user)

    def get_email_verification_redirect_url(self, email_address):
        """After confirming the address. Logged in (the browser that registered or applied,
        within ACCOUNT_LOGIN_TIMEOUT, see members.accounts.send_verification): their card or
        pass. Anyone else (another browser, later) logs in first, on the form that fits their
        account (a code-only account asks for a code), and then lands there."""
        if self.request.user.is_authenticated:
            return self.get_login_redirect_url(self.request)
        user = email_address.user
        login_url = reverse(
            "account_login" if user.has_usable_password() else "account_request_login_code"
        )
        return f"{login_url}?{urlencode({'next': destination_for(user)})}"

    def pre_authenticate(self, request, **credentials):
        """allauth's per-address limit on failed logins; a refusal is logged for staff."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            from members.models import LoginEvent

            login_events.record_event(
                request, credentials.get("email", ""), LoginEvent.Outcome.RATE_LIMITED
            )
            raise

    def is_login_by_code_required(self, login):
        """Besides allauth's own rule: after repeated failed logins for the account, the right
        password must be confirmed with the code e-mailed to the owner (never a refusal)."""
        from allauth.account.internal.flows.login import get_authentication_records

        if super().is_login_by_code_required(login):
            return True
        records = get_authentication_records(self.request, login.user)
        if not records or records[-1]["method"] != "password":
            return False
        stage_data = login.state.get("stages", {}).get("login_by_code", {}).get("data")
        if stage_data:
            return True  # asked already, in this login; the code is on its way
        addresses = {
            login_events.normalize_email(address)
            for address in (records[-1].get("email"), login.user.email)
            if address
        }
        failures = sum(login_events.count_recent_failures(address) for address in addresses)
        if failures < login_events.failures_before_code():
            return False
        from members.models import LoginEvent

        login_events.record_event(
            self.request,
            records[-1].get("email") or login.user.email,
            LoginEvent.Outcome.CODE_REQUIRED,
            user=login.user,
        )
        messages.warning(
            self.request,
            gettext(
                "There have been several failed attempts to log in to this account recently, "
                "so we have e-mailed you a login code as well. Enter it to finish logging in."
            ),
        )
        return True
