"""A member's name is written one way everywhere (members.names): in the order of the script
it is written in — 山田 花子, 王 小明, 김 민준 family name first, Anna Smith given name first —
whatever the page's language; the card check shows it partly hidden (山○ 花○, A. S.)."""

import pytest
from django.utils import translation

from members import services
from members.names import full_name, partly_hidden_name
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.factories.members import MembershipFactory

LANGUAGES = ["ja", "en", "zh-hans", "zh-hant", "ko"]

# (family, given) as typed into the two boxes → full name, partly hidden name
NAMES = [
    ("山田", "花子", "山田 花子", "山○ 花○"),
    ("Smith", "Anna", "Anna Smith", "A. S."),
    ("김", "민준", "김 민준", "김 민○"),
    ("王", "小明", "王 小明", "王 小○"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("family", "given", "full", "hidden"), NAMES)
def test_names_in_the_order_of_their_script_in_every_language(
    language, family, given, full, hidden
):
    with translation.override(language):
        assert full_name(family, given) == full
        assert partly_hidden_name(family, given) == hidden


def test_names_without_letters_follow_the_page_language():
    assert full_name("1", "2", language="ja") == "1 2"
    assert full_name("1", "2", language="en") == "2 1"


def test_unusual_names():
    assert full_name("", "Anna") == "Anna"
    assert partly_hidden_name("佐々木", "") == "佐○○"
    assert partly_hidden_name("Smith-Jones", "Anne-Marie") == "A.-M. S.-J."
    assert partly_hidden_name("  ", "  ") == ""


@pytest.fixture
def anna(demo_site):
    return MembershipFactory(user=UserFactory(first_name="Anna", last_name="Smith"))


@pytest.fixture
def hanako(demo_site):
    return MembershipFactory(user=UserFactory(first_name="花子", last_name="山田"))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_my_page_greets_and_shows_the_card_name_in_the_names_order(client, anna, hanako, language):
    client.force_login(anna.user)
    html = client.get(f"/{language}/members/my/").content.decode()
    assert "Anna Smith" in html and "Smith Anna" not in html
    client.force_login(hanako.user)
    html = client.get(f"/{language}/members/my/").content.decode()
    assert "山田 花子" in html and "花子 山田" not in html


@pytest.mark.parametrize(
    ("language", "hanako_sees", "anna_sees"),
    [("ja", "山○ 花○", "A. S."), ("en", "山○ 花○", "A. S.")],
)
def test_the_card_check_shows_the_name_partly_hidden(
    client, anna, hanako, language, hanako_sees, anna_sees
):
    html = client.get(f"/{language}/members/card/{services.card_token(anna)}/").content.decode()
    assert anna_sees in html and "Anna" not in html and "Smith" not in html
    html = client.get(f"/{language}/members/card/{services.card_token(hanako)}/").content.decode()
    assert hanako_sees in html and "花子" not in html and "山田" not in html
    assert "イニシャル" not in html and "initials" not in html


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_login_message_names_the_member_as_my_page_does(client, anna, language):
    anna.user.set_password(DEFAULT_PASSWORD)
    anna.user.save()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=anna.user, email=anna.user.email, defaults={"verified": True, "primary": True}
    )
    response = client.post(
        f"/{language}/accounts/login/",
        {"login": anna.user.email, "password": DEFAULT_PASSWORD},
        follow=True,
    )
    texts = [str(message) for message in response.context["messages"]]
    signed_in = [text for text in texts if anna.user.email not in text and "Anna" in text]
    assert signed_in and all("Anna Smith" in text for text in signed_in), texts
    assert "Smith Anna" not in response.content.decode()


def test_emails_address_the_member_in_the_names_order(anna, mailoutbox):
    with translation.override("ja"):
        services.send_welcome(anna)
    assert "Anna Smith" in mailoutbox[-1].body and "Smith Anna" not in mailoutbox[-1].body
