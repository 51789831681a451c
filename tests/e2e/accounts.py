"""Logging in as staff who use two-factor authentication (members/two_factor.py).

Staff accounts that can see personal data have an authenticator app (the factories and the
demo give them one). These helpers compute the code the app would show now, as the person would
read it off their phone, and type it in when the login asks for it.
"""

import re
import time

from allauth.core.internal.cryptokit import normalize_user_code
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.core.cache import cache

MFA_AUTHENTICATE_PATH = re.compile(r"/accounts/2fa/authenticate/")
CITY_EDITOR = "city@example.jp"


def totp_secret(user):
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])


def wait_for_a_fresh_code():
    """Wait out the last seconds of a 30-second step, so that the code read now is still the
    current one when the server checks it (a code read at second 29 and checked at second 31
    belongs to the previous step)."""
    left = 30 - time.time() % 30
    if left < 6:
        time.sleep(left + 0.2)


def code_from_secret(secret):
    """The code an authenticator app holding `secret` shows now, with some seconds to spare."""
    wait_for_a_fresh_code()
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def current_code(user):
    """The code `user`'s authenticator app shows now, usable again.

    allauth refuses a code used once in its 30 seconds (a replayed code); tests that log the
    same person in twice within them forget that use, as a new 30 seconds would."""
    code = code_from_secret(totp_secret(user))
    cache.delete(f"allauth.mfa.totp.used?user={user.pk}&code={normalize_user_code(code)}")
    return code


def enter_code_if_asked(page, email):
    """After submitting the login form: when the code step appears, type the current code."""
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if not MFA_AUTHENTICATE_PATH.search(page.url):
        return
    user = get_user_model().objects.get(email__iexact=email)
    page.locator("input[name=code]").fill(current_code(user))
    page.locator("form[action$='/2fa/authenticate/'] [type=submit]").first.click()
    page.wait_for_url(lambda url: not MFA_AUTHENTICATE_PATH.search(url))


def log_in_as_city_editor(page, site_url, next_url, reload=True):
    """The demo's city editor logs in through the Japanese form (password, then the app's code)
    and lands on next_url; reloaded without the fading "signed in" message, which axe would
    catch mid-fade."""
    from playwright.sync_api import expect

    from home import demo_content

    page.goto(f"{site_url}/ja/accounts/login/?next={next_url}")
    page.get_by_label("メールアドレス").fill(CITY_EDITOR)
    page.get_by_label("パスワード").fill(demo_content.DEMO_PASSWORD)
    page.keyboard.press("Enter")
    enter_code_if_asked(page, CITY_EDITOR)
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))
    if reload:
        page.reload()
