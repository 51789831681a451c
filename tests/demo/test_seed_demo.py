"""`manage.py seed_demo` builds the demo site and is safe to run twice."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation

from home.models import HomePage, NavigationMenu, SiteIdentity, SiteSettings

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "menus": NavigationMenu.objects.count(),
        "identities": SiteIdentity.objects.count(),
        "translations": Translation.objects.count(),
        "sites": Site.objects.count(),
        "emails": EmailAddress.objects.count(),
        # What the scenarios make (state, not content).
        **{
            label: apps.get_model(label).objects.count()
            for label in (
                "members.Membership",
                "members.ActivitySignup",
                "members.MemberNotice",
                "passes.Pass",
                "passes.Use",
                "passes.PartnerStaff",
                "consultations.Consultation",
                "consultations.Message",
                "consultations.Delivery",
                "campaigns.CampaignCost",
                "campaigns.Click",
                "campaigns.Conversion",
            )
        },
    }


def test_seed_builds_the_site_in_japanese_and_english(demo_site):
    home = demo_site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "ja"
    assert "苫小牧" in home.hero_catch_copy
    en = home.get_translation(Locale.objects.get(language_code="en"))
    assert en.live and "Tomakomai" in en.specific.hero_catch_copy
    # Made through wagtail-localize, so translators find it in the translation editor.
    assert Translation.objects.filter(
        source__object_id=home.translation_key, target_locale__language_code="en"
    ).exists()
    assert SiteSettings.for_site(demo_site).contact_phone
    assert not Page.objects.filter(title__startswith="Welcome to").exists()


def test_seed_creates_one_verified_login_per_role(demo_site):
    # The history's pass holders (reports.demo) have no login: "…@load.invalid", no password.
    users = get_user_model().objects.exclude(email__endswith="@load.invalid")
    roles = {g for user in users for g in user.groups.values_list("name", flat=True)}
    assert roles == {
        "City editors",
        "Contractor editors",
        "Translators",
        "Consultation staff",
        "Partner staff",
    }
    assert users.filter(is_superuser=True).count() == 1
    assert EmailAddress.objects.filter(verified=True).count() == users.count()


def test_seed_is_idempotent(demo_site, django_capture_on_commit_callbacks):
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force", stdout=io.StringIO())
    assert counts() == before


def test_seed_keeps_editors_changes(demo_site):
    home = demo_site.root_page.specific
    home.hero_catch_copy = "編集者が変えたコピー"
    home.save_revision().publish()
    call_command("seed_demo", "--force", stdout=io.StringIO())
    home.refresh_from_db()
    assert home.hero_catch_copy == "編集者が変えたコピー"


@override_settings(DEBUG=True)
def test_seed_prints_logins_in_development():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)  # DEBUG is on: no --force needed
    text = out.getvalue()
    for email in (
        "city@example.jp",
        "contractor@example.jp",
        "translator@example.jp",
        "consult@example.jp",
        "member@example.jp",
    ):
        assert email in text
    assert "tsunagaru-demo-2026" in text


@override_settings(DEBUG=True, MFA_TOTP_INSECURE_BYPASS_CODE="000000")
def test_seed_says_how_the_demo_staff_pass_two_factor_authentication():
    from home.demo_content import DEMO_TOTP_SECRET

    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    two_factor = text[text.index("Two-factor") :]
    for email in ("admin@example.jp", "city@example.jp", "consult@example.jp"):
        assert email in two_factor
        uri = f"otpauth://totp/{email.replace('@', '%40')}?secret={DEMO_TOTP_SECRET}&issuer="
        assert uri in two_factor
    assert "contractor@example.jp" not in two_factor
    assert "000000" in two_factor and DEMO_TOTP_SECRET in two_factor


def test_demo_staff_who_see_personal_data_have_the_demo_authenticator_app(demo_site):
    from allauth.mfa.models import Authenticator

    from home.demo_content import DEMO_TOTP_SECRET
    from tests.e2e.accounts import totp_secret

    users = get_user_model().objects
    for email in ("admin@example.jp", "city@example.jp", "consult@example.jp"):
        assert totp_secret(users.get(email=email)) == DEMO_TOTP_SECRET
    for email in ("contractor@example.jp", "translator@example.jp", "member@example.jp"):
        assert not Authenticator.objects.filter(user__email=email).exists()


def test_seed_keeps_logins_to_itself_in_production():
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    assert "tsunagaru-demo-2026" not in out.getvalue()


def test_seed_refuses_to_run_in_production_without_force():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=io.StringIO())
