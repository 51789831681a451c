"""Registration: four steps, nothing stored before the last, verified e-mail before the
membership is active, no account enumeration, undeclared fields ignored."""

import re
import sys
import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail, signing

from core.abuse import TIME_TRAP_SALT
from members.models import Membership
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.factories.passes import PassFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
URL = "/ja/members/register/"
PREFIX = "registration_wizard"

STEP_DATA = {
    "relationship": {"relationship-relationships": ["lived", "nozei"]},
    "profile": {
        "profile-last_name": "苫小牧",
        "profile-first_name": "花子",
        "profile-name_kana": "トマコマイ ハナコ",
        "profile-email": "Hanako@Example.jp",
        "profile-login_method": "password",
        "profile-password1": DEFAULT_PASSWORD,
        "profile-password2": DEFAULT_PASSWORD,
        "profile-residence_prefecture": "13",
        "profile-residence_municipality": "13113",
        "profile-age_band": "30s",
        "profile-website": "",
    },
    "interests": {"interests-interests": ["two_region", "events"], "interests-newsletter": ""},
    "review": {"review-consent": "on"},
}


def post_step(client, step, data=None, **extra):
    payload = {f"{PREFIX}-current_step": step, **(data or STEP_DATA[step]), **extra}
    if step == "profile":
        payload["profile-form_started"] = signing.dumps(time.time() - 60, salt=TIME_TRAP_SALT)
    # Next shows the following step by a redirect (post/redirect/get): follow it, as a browser
    # does; the last step's redirect (to "check your e-mail") is left for the test to read.
    return client.post(URL, payload, follow=step != "review")


def register(client, profile=None, **extra):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile", {**STEP_DATA["profile"], **(profile or {})})
    post_step(client, "interests")
    return post_step(client, "review", **extra)


def test_step_n_of_m_is_shown(client, demo_site):
    response = client.get(URL)
    assert "ステップ 1 / 4" in response.content.decode()
    response = post_step(client, "relationship")
    assert "ステップ 2 / 4" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (URL, "どこに住んでいても苫小牧市の「ふるさと住民」に登録できます。"),
        ("/en/members/register/", "Register as a furusato resident of Tomakomai City wherever"),
    ],
)
def test_search_engines_get_a_description_of_the_registration(client, demo_site, url, expected):
    html = client.get(url).content.decode()
    descriptions = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(descriptions) == 1
    assert descriptions[0].startswith(expected)


def test_nothing_is_stored_before_the_last_step(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile")
    post_step(client, "interests")
    assert not User.objects.filter(email="hanako@example.jp").exists()
    assert not Membership.objects.filter(user__email="hanako@example.jp").exists()


def test_registration_creates_a_pending_membership_and_sends_the_verification(client, demo_site):
    response = register(client)
    assert response.status_code == 302 and response["Location"] == "/ja/members/register/sent/"
    user = User.objects.get(email="hanako@example.jp")
    membership = user.membership
    assert membership.status == Membership.Status.PENDING
    assert membership.number is None
    assert membership.relationships == ["lived", "nozei"]
    assert membership.interests == ["two_region", "events"]
    assert membership.newsletter is False
    assert membership.privacy_policy_version == "2026-04"
    assert membership.consented_at is not None
    assert user.check_password(DEFAULT_PASSWORD)
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["hanako@example.jp"]


def test_verifying_the_email_activates_the_membership_with_a_number(
    client, demo_site, django_capture_on_commit_callbacks
):
    register(client)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
    membership = Membership.objects.get(user__email="hanako@example.jp")
    assert membership.status == Membership.Status.ACTIVE
    assert re.fullmatch(r"TMK-\d{6}", membership.member_number)
    welcome = mail.outbox[-1]
    assert membership.member_number in welcome.body
    assert welcome.alternatives and "text/html" in welcome.alternatives[0][1]


def test_going_back_keeps_the_input(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    response = client.post(
        URL, {f"{PREFIX}-current_step": "profile", "wizard_goto_step": "relationship"}, follow=True
    )
    html = response.content.decode()
    assert re.search(r'value="lived"[^>]*checked|checked[^>]*value="lived"', html)


def test_errors_sit_beside_their_fields_and_are_announced(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    response = post_step(
        client, "profile", {**STEP_DATA["profile"], "profile-residence_municipality": "01213"}
    )
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html
    assert "id_profile-residence_municipality_error" in html
    assert "この市区町村は、選んだ都道府県にありません。" in html


def test_a_taken_email_gets_the_same_page_and_its_owner_is_told(client, demo_site):
    UserFactory(email="taken@example.jp")
    response = register(client, {"profile-email": "taken@example.jp"})
    assert response["Location"] == "/ja/members/register/sent/"
    assert Membership.objects.filter(user__email="taken@example.jp").count() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["taken@example.jp"]


def test_login_by_code_only_has_no_password(client, demo_site):
    register(
        client,
        {"profile-login_method": "code", "profile-password1": "", "profile-password2": ""},
    )
    assert not User.objects.get(email="hanako@example.jp").has_usable_password()


def test_undeclared_fields_are_ignored(client, demo_site):
    register(client, {"profile-is_staff": "on", "profile-member_number": "TMK-000001"})
    user = User.objects.get(email="hanako@example.jp")
    assert not user.is_staff and user.membership.number is None


def test_a_my_number_is_refused(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile")
    response = post_step(
        client, "interests", {"interests-national_registration_id": "1234 5678 9012"}
    )
    assert "マイナンバー" in response.content.decode()


def test_consent_is_required(client, demo_site):
    response = register(client, **{"review-consent": ""})
    assert response.status_code == 200
    assert not User.objects.filter(email="hanako@example.jp").exists()


def test_registration_is_rate_limited(client, demo_site, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "member_register": "1/m/ip"}
    register(client)
    client.cookies.clear()
    response = register(client, {"profile-email": "second@example.jp"})
    assert response.status_code == 429
    assert not User.objects.filter(email="second@example.jp").exists()


def test_a_logged_in_account_registers_without_retyping_email(client, demo_site):
    user = UserFactory(email="passholder@example.jp")
    client.force_login(user)
    client.get(URL)
    post_step(client, "relationship")
    profile = {k: v for k, v in STEP_DATA["profile"].items() if "password" not in k}
    profile.pop("profile-email")
    post_step(client, "profile", profile)
    post_step(client, "interests")
    response = post_step(client, "review")
    assert response["Location"] == "/ja/members/my/"
    assert Membership.objects.get(user=user).status == Membership.Status.ACTIVE


def test_passwords_never_reach_error_reports(rf, settings):
    from django.views.debug import ExceptionReporter

    from members.views import RegistrationWizard

    request = rf.post(URL, {"profile-password1": "secret-pass-123", "profile-email": "a@b.jp"})
    # The decorator marks the request as the view runs; error reports then mask the values.
    view = RegistrationWizard.as_view(form_list=RegistrationWizard.form_list)
    try:
        view(request)
    except Exception:  # the bare request has no session: an error report is what we want
        reporter = ExceptionReporter(request, *sys.exc_info())
        text = reporter.get_traceback_text()
        assert "secret-pass-123" not in text
        assert "a@b.jp" in text  # other fields are reported as usual
    else:  # pragma: no cover
        pytest.fail("expected the bare request to fail")


def test_a_pass_holder_keeps_the_residence_given_for_the_pass(client, demo_site):
    holder = PassFactory()
    client.force_login(holder.user)
    client.get(URL)
    html = post_step(client, "relationship").content.decode()
    assert re.search(rf'<option value="{holder.residence_municipality}" selected>', html), (
        "the municipality from the pass is preselected"
    )


def test_the_verification_email_has_text_and_html(client, demo_site):
    register(client)
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert message.alternatives[0][1] == "text/html"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    assert f'href="{link}"' in html


def test_names_are_escaped_in_the_html_email(client, demo_site):
    register(client, {"profile-first_name": "<script>x</script>"})
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_session_never_holds_the_password(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile")
    session = client.session
    stored = str(dict(session.items()))
    assert DEFAULT_PASSWORD not in stored
    post_step(client, "interests")
    post_step(client, "review")
    user = User.objects.get(email="hanako@example.jp")
    assert user.check_password(DEFAULT_PASSWORD)


def test_back_keeps_what_was_typed_on_the_current_step(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile")
    response = client.post(
        URL,
        {
            f"{PREFIX}-current_step": "interests",
            "wizard_goto_step": "profile",
            "interests-interests": ["events"],
        },
        follow=True,
    )
    assert 'value="Hanako@Example.jp"' in response.content.decode()
    # The password chosen earlier is kept (as a hash): Next without retyping it works.
    response = post_step(
        client,
        "profile",
        {**STEP_DATA["profile"], "profile-password1": "", "profile-password2": ""},
    )
    html = response.content.decode()
    assert "ステップ 3 / 4" in html
    assert re.search(r'value="events"[^>]*checked|checked[^>]*value="events"', html)
