"""Failed logins: counted per account, recorded for staff, never a lockout (issue 15).

allauth's per-address limit ("login_failed": …/ip) still refuses an address that keeps
guessing. Per account there is no refusal any more: a refusal keyed by the account let anyone
keep its owner out with one wrong password a minute. Instead, once an account has had
LOGIN_FAILURES_BEFORE_CODE failures within LOGIN_FAILURE_WINDOW, the right password alone no
longer logs in: allauth's e-mailed login code is asked for as well (AccountAdapter.
is_login_by_code_required), so a guessed password is useless without the owner's mailbox,
and the owner, who has both, always gets in.

The counter lives in the cache (Redis in production, shared by every app server), in
one-minute buckets that are only ever incremented (atomic in Redis and in the local-memory
cache), keyed by a keyed hash of the normalized address, so the cache holds no addresses.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.utils import timezone
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

BUCKET_SECONDS = 60
RETENTION = timedelta(days=90)
# Pruning old rows at most this often, not on every failed login (an attack is many).
PRUNE_INTERVAL_SECONDS = 3600


def failures_before_code():
    return getattr(settings, "LOGIN_FAILURES_BEFORE_CODE", 5)


def failure_window_seconds():
    return getattr(settings, "LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)


def normalize_email(email):
    return (email or "").strip().lower()


def _account_hash(email):
    return salted_hmac("members.login_events", normalize_email(email)).hexdigest()[:32]


def _bucket_keys(email, now=None):
    now = int((now or timezone.now()).timestamp()) // BUCKET_SECONDS
    buckets = -(-failure_window_seconds() // BUCKET_SECONDS)  # ceiling
    account = _account_hash(email)
    return [f"login-failures:{account}:{minute}" for minute in range(now - buckets + 1, now + 1)]


def count_recent_failures(email):
    """Failed logins for this address within the window (all app servers together)."""
    if not normalize_email(email):
        return 0
    return sum(cache.get_many(_bucket_keys(email)).values())


def count_failure(email):
    if not normalize_email(email):
        return
    key = _bucket_keys(email)[-1]
    cache.add(key, 0, timeout=failure_window_seconds() + BUCKET_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=failure_window_seconds() + BUCKET_SECONDS)


def reset_failures(email):
    if normalize_email(email):
        cache.delete_many(_bucket_keys(email))


def needs_login_code(email):
    return count_recent_failures(email) >= failures_before_code()


def client_ip(request):
    """The client's address as allauth's rate limits see it (ALLAUTH_TRUSTED_PROXY_COUNT)."""
    if request is None:
        return None
    from allauth.account.adapter import get_adapter
    from django.core.exceptions import ImproperlyConfigured, PermissionDenied

    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured, ValueError):
        return None


def record_event(request, email, outcome, user=None):
    """Store a LoginEvent (the address typed, lowercased and cut to 254 characters; never the
    password), and now and then drop the ones older than the retention."""
    from members.models import LoginEvent

    email = normalize_email(email)[:254]
    if user is None and email:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None and not _looks_like_an_address(email):
        # Whatever else was typed in the address field (a password typed in the wrong box)
        # is not kept where staff read it.
        email = NOT_AN_ADDRESS
    LoginEvent.objects.create(
        at=timezone.now(), user=user, email=email, ip_address=client_ip(request), outcome=outcome
    )
    if cache.add("login-events:pruned", 1, timeout=PRUNE_INTERVAL_SECONDS):
        prune_old_events()


NOT_AN_ADDRESS = ""  # shown as empty: nothing of what was typed is kept


def _looks_like_an_address(text):
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def prune_old_events():
    from members.models import LoginEvent

    deleted, _kinds = LoginEvent.objects.filter(at__lt=timezone.now() - RETENTION).delete()
    return deleted


def _typed_email(credentials):
    # allauth passes "email" (ACCOUNT_LOGIN_METHODS = {"email"}); Django's forms "username".
    return credentials.get("email") or credentials.get("username") or ""


@receiver(user_login_failed, dispatch_uid="members.login_events.failed")
def login_failed(sender, credentials, request=None, **kwargs):
    from members.models import LoginEvent

    email = _typed_email(credentials)
    count_failure(email)
    record_event(request, email, LoginEvent.Outcome.FAILED_PASSWORD)


@receiver(user_logged_in, dispatch_uid="members.login_events.logged_in")
def logged_in(sender, request, user, **kwargs):
    """A completed login (password and, when asked, the code) starts the count afresh."""
    reset_failures(user.email)
