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
    # Their data is theirs to download or erase, as a member's is.
    assert f"/{language}/members/my/data.json" in html
    assert f"/{language}/members/my/delete/" in html


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


def test_a_pass_holder_downloads_the_pass_and_its_uses(client, holder):
    from django.utils import timezone

    from passes.models import Use
    from tests.factories.passes import OfferFactory

    offer = OfferFactory()
    use = Use.objects.create(
        entry_pass=holder,
        offer=offer,
        partner=offer.partner,
        limit=offer.limit_per_pass,
        day=timezone.localdate(),
        via="poster",
    )
    client.force_login(holder.user)
    response = client.get("/en/members/my/data.json")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["account"]["email"] == holder.user.email
    assert data["membership"] is None
    [entry_pass] = data["entry_passes"]
    assert entry_pass["number"] == holder.number
    assert [u["partner"] for u in entry_pass["uses"]] == [use.partner.name]
    csv = client.get("/en/members/my/data.csv").content.decode()
    assert holder.number in csv


def test_a_pass_holder_deletes_the_account(client, holder):
    from django.contrib.auth import get_user_model

    from passes.models import Pass

    client.force_login(holder.user)
    assert client.get("/en/members/my/delete/").status_code == 200
    response = client.post("/en/members/my/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=holder.user.pk).exists()
    assert not Pass.objects.filter(pk=holder.pk).exists()
