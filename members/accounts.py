"""Opening an account from a form of this product (the member registration, the Entry Pass
application) the way allauth's own sign-up does: e-mail verified before anything is active,
and no way to learn from the answer whether an address already has an account."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction


def account_exists(email):
    email = (email or "").strip().lower()
    return (
        get_user_model().objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )


def open_account(request, email, password=None, password_hash=None, **names):
    """Create a user whose e-mail still needs verifying; None when the address is taken.

    For a taken address the owner gets allauth's "someone tried to sign up with your address"
    e-mail, and the caller shows the same "check your mail" page as for a new one. Without a
    password the account logs in by e-mailed code only. Call send_verification() once the
    caller's transaction has committed.
    """
    email = (email or "").strip().lower()
    if account_exists(email):
        get_adapter(request).send_account_already_exists_mail(email)
        return None
    user = get_user_model()(email=email, **names)
    if password_hash:
        user.password = password_hash
    elif password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    except IntegrityError:  # the same address, registered a moment ago in another request
        get_adapter(request).send_account_already_exists_mail(email)
        return None
    return user


def send_verification(request, user):
    """E-mail the verification link to the user's primary address, the way allauth's own
    sign-up does: the login waits in this browser's session at allauth's e-mail verification
    stage, so that opening the link in the same browser within ACCOUNT_LOGIN_TIMEOUT logs the
    person in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION; allauth refuses it anywhere else: a link
    read by someone else must not log them in). The adapter then sends them to their card or
    their pass; in another browser they log in first and land there after."""
    from allauth.account import app_settings
    from allauth.account.internal.flows.login import perform_login
    from allauth.account.models import Login

    address = EmailAddress.objects.filter(user=user, primary=True).first()
    if address is None or address.verified:
        return
    # allauth's stage sends the e-mail (once, rate-limited per address) and stashes the login;
    # its response (the "verification sent" page) is not used: the caller shows its own.
    perform_login(
        request,
        Login(
            user=user,
            email_verification=app_settings.EmailVerificationMethod.MANDATORY,
            signup=True,
            email=address.email,
        ),
    )


def has_verified_email(user):
    return EmailAddress.objects.filter(user=user, verified=True).exists()


# -- what else an account is opened for ----------------------------------------------------
@dataclass(frozen=True)
class AccountPurpose:
    """Something besides a furusato resident registration that a form of another app opens
    an account for (the Entry Pass: passes/my_page.py), added in that app's
    AppConfig.ready(), so that the login and the account e-mails (members.adapters) know it
    without members importing the app.

    `name` is the account e-mails' `purpose`; an e-mail sent from a page under
    `url_namespace` has it. `page` is the URL name of the account's page for it, where a
    person lands after logging in while `holds(user)` (and where a login link in an e-mail
    with this purpose leads); `waiting(user)` is true while the account waits to be
    confirmed for it. `email_links` are links every account e-mail can offer:
    {context name: URL name}."""

    name: str
    url_namespace: str
    page: str
    holds: Callable[[Any], bool]
    waiting: Callable[[Any], bool]
    email_links: dict = field(default_factory=dict)


account_purposes: dict[str, AccountPurpose] = {}


def add_account_purpose(purpose):
    account_purposes[purpose.name] = purpose
