"""Two-factor authentication for everyone who can see personal data.

The city's rule: an account that can open residents' or consultations' personal data
(superusers, City editors, Consultation staff, and anyone granted the residents' view or export
or the consultation inbox) signs in with a second factor (allauth's MFA: an authenticator app,
with recovery codes). Members and other editors may turn it on; it is not forced on them.

``StaffTwoFactorMiddleware`` sends such an account without an authenticator to allauth's
activation page on every request until it has one. The answer is remembered in the session
against a "roles version" kept in the cache, which changes whenever groups, permissions or
authenticators change: a member pays no query per request, staff at most one.
"""

from allauth.mfa.base.forms import AuthenticateForm
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.roles import CITY_EDITORS, CONSULTATION_STAFF

# Groups whose members always see personal data (the residents' list, the consultation inbox).
GROUPS_REQUIRING_TWO_FACTOR = (CITY_EDITORS, CONSULTATION_STAFF)
# Permissions that open personal data, whoever holds them (a contractor granted the residents'
# view by the city, a partner given the inbox).
PERMISSIONS_REQUIRING_TWO_FACTOR = (
    ("members", "view_membership"),
    ("members", "export_membership"),
    ("members", "view_personaldataaccesslog"),
    ("consultations", "view_consultation"),
    ("consultations", "change_consultation"),
    # Failed logins (typed addresses, IP addresses) and unsent e-mails (recipients).
    ("members", "view_loginevent"),
    ("core", "view_failed_emails"),
    # Wagtail's user admin: every account's name and e-mail address.
    ("members", "view_user"),
    ("members", "add_user"),
    ("members", "change_user"),
    ("members", "delete_user"),
    # Partner staff accounts (names and e-mail addresses of partners' employees).
    ("passes", "view_partnerstaff"),
    ("passes", "add_partnerstaff"),
    ("passes", "change_partnerstaff"),
)
# Authenticators that count as a second factor (recovery codes alone do not).
SECOND_FACTOR_TYPES = ("totp", "webauthn")

SESSION_KEY = "two_factor_check"
ROLES_VERSION_KEY = "two_factor:roles_version"
SETUP_URL_NAME = "mfa_activate_totp"
# Pages a person who must set up 2FA can still reach: the setup itself (allauth's mfa_* pages),
# the login flow and logout, re-authentication (the setup asks for the password again after a
# while), e-mail verification and password reset, and machine URLs.
EXEMPT_URL_NAMES = {
    "account_login",
    "account_logout",
    "account_inactive",
    "account_reauthenticate",
    "account_confirm_login_code",
    "account_request_login_code",
    "account_email_verification_sent",
    "account_confirm_email",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "set_language",
    "healthz",
    "robots_txt",
    "csp_report",
}
REQUIRED, NOT_REQUIRED, SATISFIED = "required", "not-required", "satisfied"


def two_factor_state(user):
    """REQUIRED (must set up a second factor), SATISFIED (must and has) or NOT_REQUIRED.

    One query, whatever the user holds: groups, direct and group permissions and
    authenticators are all EXISTS subqueries of it.
    """
    permission_filter = Q()
    for app_label, codename in PERMISSIONS_REQUIRING_TWO_FACTOR:
        permission_filter |= Q(content_type__app_label=app_label, codename=codename)
    from allauth.mfa.models import Authenticator

    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            in_staff_group=Exists(
                Group.objects.filter(user=OuterRef("pk"), name__in=GROUPS_REQUIRING_TWO_FACTOR)
            ),
            has_permission=Exists(
                Permission.objects.filter(permission_filter, user=OuterRef("pk"))
            ),
            has_group_permission=Exists(
                Permission.objects.filter(permission_filter, group__user=OuterRef("pk"))
            ),
            has_second_factor=Exists(
                Authenticator.objects.filter(user=OuterRef("pk"), type__in=SECOND_FACTOR_TYPES)
            ),
        )
        .values_list(
            "is_superuser",
            "in_staff_group",
            "has_permission",
            "has_group_permission",
            "has_second_factor",
        )
        .first()
    )
    if row is None:
        return NOT_REQUIRED
    *reasons, has_second_factor = row
    if not any(reasons):
        return NOT_REQUIRED
    return SATISFIED if has_second_factor else REQUIRED


def requires_two_factor(user) -> bool:
    """Whether this account must use a second factor (whether or not it has one)."""
    return user.is_authenticated and two_factor_state(user) != NOT_REQUIRED


def _roles_version():
    version = cache.get(ROLES_VERSION_KEY)
    if version is None:
        # A new cache (restart, cache.clear()): every remembered answer is checked again.
        version = cache.get_or_set(ROLES_VERSION_KEY, 1, timeout=None)
    return version


def roles_changed(**kwargs):
    """Groups, permissions, superuser flags or authenticators changed: check everyone again."""
    try:
        cache.incr(ROLES_VERSION_KEY)
    except ValueError:
        cache.set(ROLES_VERSION_KEY, 1, timeout=None)


def _on_user_saved(sender, instance, created, update_fields=None, **kwargs):
    # last_login is saved at every login; only a change that can grant rights counts.
    if update_fields is not None and not {"is_superuser", "is_active"} & set(update_fields):
        return
    if not created:
        roles_changed()


def connect_signals():
    user_model = get_user_model()
    m2m_changed.connect(roles_changed, sender=user_model.groups.through, dispatch_uid="2fa-ug")
    m2m_changed.connect(
        roles_changed, sender=user_model.user_permissions.through, dispatch_uid="2fa-up"
    )
    m2m_changed.connect(roles_changed, sender=Group.permissions.through, dispatch_uid="2fa-gp")
    post_save.connect(_on_user_saved, sender=user_model, dispatch_uid="2fa-user")
    post_save.connect(roles_changed, sender="mfa.Authenticator", dispatch_uid="2fa-added")
    post_delete.connect(roles_changed, sender="mfa.Authenticator", dispatch_uid="2fa-removed")
    post_delete.connect(roles_changed, sender=Group, dispatch_uid="2fa-group")


connect_signals()


def _is_exempt(request, url_name):
    path = request.path_info
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    return bool(url_name) and (url_name.startswith("mfa_") or url_name in EXEMPT_URL_NAMES)


class StaffTwoFactorMiddleware:
    """Sends an account that must use two-factor authentication, and has none, to set it up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        version = _roles_version()
        remembered = request.session.get(SESSION_KEY)
        if remembered and remembered[:2] == [user.pk, version]:
            state = remembered[2]
        else:
            state = two_factor_state(user)
            if state != REQUIRED:
                request.session[SESSION_KEY] = [user.pk, version, state]
        if state != REQUIRED:
            return None
        match = request.resolver_match
        if _is_exempt(request, match.url_name if match else None):
            return None
        messages.warning(
            request,
            _(
                "Your account can see residents' or consultations' personal data, so it must "
                "be protected with two-factor authentication. Please set up an authenticator "
                "app to continue."
            ),
            fail_silently=True,
        )
        return redirect(SETUP_URL_NAME)


class CodeStepForm(AuthenticateForm):
    """allauth's code step (MFA_FORMS), its field tied to the help text above it and typed as
    a one-time code, so phones offer the code from the authenticator app."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"aria-describedby": "mfa-code-help", "autocomplete": "one-time-code"}
        )
