"""An account that holds only an Entry Pass opens "My page" and finds its pass there, with an
invitation to register as a furusato resident — not the registration wizard."""

import pytest

from tests.factories import UserFactory
from tests.factories.passes import PassFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(demo_site):
    return PassFactory(user=UserFactory(first_name="Anna", last_name="Smith"))


@pytest.mark.parametrize(
    ("language", "title", "invite"),
    [("ja", "マイページ", "ふるさと住民"), ("en", "My page", "furusato resident")],
)
def test_a_pass_holder_sees_the_pass_and_an_invitation(client, holder, language, title, invite):
    client.force_login(holder.user)
    response = client.get(f"/{language}/members/my/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert holder.number in html
    assert f'href="/{language}/pass/"' in html
    assert 'id="join-title"' in html and invite in html
    assert f'class="button" href="/{language}/members/register/"' in html
    assert "Anna Smith" in html
    # What only a member has is not offered.
    assert "/members/my/data.json" not in html and "/members/my/delete/" not in html


def test_an_account_with_nothing_goes_to_the_registration(client, demo_site):
    client.force_login(UserFactory())
    assert client.get("/ja/members/my/")["Location"] == "/ja/members/register/"


def test_a_cancelled_pass_is_still_shown_with_its_status(client, holder):
    holder.status = "cancelled"
    holder.save()
    client.force_login(holder.user)
    html = client.get("/en/members/my/").content.decode()
    assert holder.number in html and "Cancelled" in html


def test_another_persons_pass_is_never_shown(client, holder, demo_site):
    other = PassFactory()
    client.force_login(holder.user)
    html = client.get("/ja/members/my/").content.decode()
    assert holder.number in html and other.number not in html
