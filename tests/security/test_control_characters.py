"""Control characters (NUL, escape, DEL…) in a query string or a form field give a normal page
or a field error, never a server error: PostgreSQL refuses NUL in text, so `?q=%00` was a 500.
The middleware removes them before any view runs (password fields excepted); the search copes
on its own as well."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core import signing

from consultations.models import Consultation
from core.abuse import TIME_TRAP_SALT
from home.search import search
from passes.models import Pass
from tests.consultations.conftest import PAGE as CONSULTATION
from tests.consultations.conftest import valid_data
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.members.test_registration import PREFIX, STEP_DATA
from tests.passes.conftest import application

pytestmark = pytest.mark.django_db
User = get_user_model()

CONTROL_QUERIES = [
    "q=%00&page=%01",
    "q=%1b%5b31m&page=%7f",
    "q=hokki%00clam&theme=%00&year=%08",
    "%00=%00",
]

# One of each public page type of the test site, the search, and every public form.
PUBLIC_PAGES = [
    "/ja/",
    "/en/",
    "/ja/moving/",
    "/ja/privacy/",
    "/ja/stories/",
    "/ja/stories/hokki-clam-mornings/",
    "/ja/news/",
    "/ja/news/consultation-desk-opens/",
    "/ja/events/",
    "/ja/events/online-two-region-seminar/",
    "/ja/activities/",
    "/ja/activities/beach-cleanup/",
    "/ja/furusato-resident/",
    "/ja/entry-pass/",
    "/ja/entry-pass/partners/",
    "/ja/entry-pass/partners/hokkitei/",
    "/ja/search/",
    "/en/search/",
    "/ja/accounts/login/",
    "/ja/accounts/signup/",
    "/ja/accounts/password/reset/",
    "/ja/members/register/",
    "/ja/pass/",
    "/ja/pass/apply/",
    CONSULTATION,
]


def test_control_characters_in_the_query_string_give_a_normal_page(client, demo_site):
    for path in PUBLIC_PAGES:
        normal = client.get(path)
        assert normal.status_code in (200, 302), path
        for query in CONTROL_QUERIES:
            response = client.get(f"{path}?{query}")
            assert response.status_code == normal.status_code, (path, query)
            assert b"\x00" not in response.content, (path, query)
            assert b"\x1b" not in response.content, (path, query)


def test_search_with_a_nul_finds_what_the_words_around_it_find(client, demo_site):
    plain = client.get("/ja/search/", {"q": "二地域"}).content.decode()
    with_nul = client.get("/ja/search/", {"q": "二地域\x00"})
    assert with_nul.status_code == 200
    html = with_nul.content.decode()
    assert "\x00" not in html
    assert plain.count("<mark>") == html.count("<mark>") > 0


def test_the_search_itself_ignores_control_characters(demo_site):
    """Called without the middleware (a management command, the admin), still no error."""
    from wagtail.models import Locale

    documents, terms = search("\x00二地域\x1b", Locale.objects.get(language_code="ja"))
    assert terms == ["二地域"]
    assert documents.count() > 0


def _time_trap():
    return signing.dumps(time.time() - 60, salt=TIME_TRAP_SALT)


def test_registration_with_nul_in_the_name_stores_it_without(client, demo_site):
    url = "/ja/members/register/"
    client.get(url)

    def post(step, data):
        payload = {f"{PREFIX}-current_step": step, **data}
        if step == "profile":
            payload["profile-form_started"] = _time_trap()
        return client.post(url, payload)

    assert post("relationship", {"relationship-relationships": ["lived\x00"]}).status_code in (
        200,
        302,
    )
    post("relationship", STEP_DATA["relationship"])
    profile = {
        **STEP_DATA["profile"],
        "profile-last_name": "苫小\x00牧",
        "profile-first_name": "花\x1b子",
        "profile-email": "hana\x00ko@example.jp",
    }
    response = post("profile", profile)
    assert response.status_code == 302  # accepted: the wizard shows the next step by redirect
    post("interests", STEP_DATA["interests"])
    response = post("review", STEP_DATA["review"])
    assert response.status_code == 302
    user = User.objects.get(email__iexact="hanako@example.jp")
    assert (user.last_name, user.first_name) == ("苫小牧", "花子")


def test_pass_application_with_control_characters(client, demo_site):
    response = client.post(
        "/ja/pass/apply/",
        application(
            email="new\x00visitor@example.jp",
            purpose="workcation\x00",
            party_size="2\x00",
            stay_from="\x00",
        ),
    )
    assert response.status_code == 400  # the form again with a field error (the date)
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Pass.objects.exists()
    response = client.post("/ja/pass/apply/", application(email="new\x00visitor@example.jp"))
    assert response.status_code == 302
    assert Pass.objects.filter(user__email="newvisitor@example.jp").exists()


def test_consultation_with_control_characters_is_confirmed_and_stored_without_them(
    client, demo_site
):
    data = valid_data(
        name="苫小牧\x00 花子", message="家を\x00探しています。\r\n夏だけ。\x7f", phone="\x00"
    )
    response = client.post(CONSULTATION, {**data, "action": "confirm"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "\x00" not in html and 'name="submission_token"' in html
    token = html.split('name="submission_token" value="')[1].split('"')[0]
    response = client.post(CONSULTATION, {**data, "action": "send", "submission_token": token})
    assert response.status_code in (200, 302)
    consultation = Consultation.objects.latest("pk")
    assert "\x00" not in consultation.message and "\x7f" not in consultation.message
    assert "\r\n" in consultation.message or "\n" in consultation.message  # line breaks stay


def test_login_with_nul_in_the_address_or_password_is_refused_normally(client, demo_site):
    user = UserFactory(email="nul-login@example.jp")
    for login, password in [
        ("nul-login\x00@example.jp", "wrong\x00password"),
        ("\x00", "\x00"),
        ("nul-login@example.jp", DEFAULT_PASSWORD + "\x00"),  # a password is kept as typed
    ]:
        response = client.post("/ja/accounts/login/", {"login": login, "password": password})
        assert response.status_code == 200, (login, password)
        assert "_auth_user_id" not in client.session
    response = client.post(
        "/ja/accounts/login/", {"login": "nul-login\x00@example.jp", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_control_character_in_the_path_is_not_found(client, demo_site):
    # A member's own consultation is looked up by its reference, taken from the path.
    member = UserFactory(email="path-nul@example.jp")
    client.force_login(member)
    for path in ("/ja/consultation/mine/%00/", "/ja/consultation/mine/C-2026%01/", "/ja/%00/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "<html" in response.content.decode()
