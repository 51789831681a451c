"""How a person opens an account, for the account tests: the registration wizard and the
Entry Pass application, as the browser posts them, and the link in the e-mail they get."""

import re
import time
from datetime import timedelta

from django.core import mail, signing
from django.utils import timezone

from core.abuse import TIME_TRAP_SALT
from tests.factories import DEFAULT_PASSWORD

WIZARD = "registration_wizard"


def time_trap():
    return signing.dumps(time.time() - 60, salt=TIME_TRAP_SALT)


def register(client, language, email, login_method="password", **profile):
    """The four steps of /<language>/members/register/; the last response."""
    url = f"/{language}/members/register/"
    steps = [
        ("relationship", {"relationship-relationships": ["lived"]}),
        (
            "profile",
            {
                "profile-last_name": "苫小牧",
                "profile-first_name": "花子",
                "profile-name_kana": "",
                "profile-email": email,
                "profile-login_method": login_method,
                "profile-password1": DEFAULT_PASSWORD if login_method == "password" else "",
                "profile-password2": DEFAULT_PASSWORD if login_method == "password" else "",
                "profile-residence_prefecture": "13",
                "profile-residence_municipality": "13113",
                "profile-age_band": "30s",
                "profile-website": "",
                "profile-form_started": time_trap(),
                **profile,
            },
        ),
        ("interests", {"interests-interests": ["events"], "interests-newsletter": ""}),
        ("review", {"review-consent": "on"}),
    ]
    client.get(url)
    for step, data in steps:
        response = client.post(url, {f"{WIZARD}-current_step": step, **data})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def apply_for_pass(client, language, email, password=""):
    today = timezone.localdate()
    response = client.post(
        f"/{language}/pass/apply/",
        {
            "residence_prefecture": "13",
            "residence_municipality": "13104",
            "stay_from": today.isoformat(),
            "stay_until": (today + timedelta(days=3)).isoformat(),
            "purpose": "workcation",
            "party_size": "2",
            "email": email,
            "password": password,
            "website": "",
            "form_started": time_trap(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def last_mail_to(address):
    sent = [message for message in mail.outbox if message.to == [address]]
    assert sent, f"no e-mail to {address}: {[m.to for m in mail.outbox]}"
    return sent[-1]


def html_of(message):
    return "".join(content for content, kind in message.alternatives if kind == "text/html")


def confirmation_link(message):
    """The verification link's absolute URL, as printed in the e-mail's text."""
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)


def path_of(url, base):
    assert url.startswith(base), (url, base)
    return url[len(base.rstrip("/")) :]
