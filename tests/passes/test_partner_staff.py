"""Partner staff accounts: tied to the Japanese original partner, chosen among the Partner staff
group only."""

import pytest
from django.forms import modelform_factory

from passes.models import PartnerStaff
from tests.factories import UserFactory
from tests.passes.conftest import translate_offer

pytestmark = pytest.mark.django_db


def test_partner_staff_always_belong_to_the_japanese_original(counter):
    english = translate_offer(counter["offer"]).partner
    staff = PartnerStaff.objects.create(user=UserFactory(groups=["Partner staff"]), partner=english)
    staff.refresh_from_db()
    assert staff.partner_id == counter["partner"].pk
    form_class = modelform_factory(PartnerStaff, fields=["user", "partner"])
    choices = form_class().fields["partner"].queryset
    assert counter["partner"] in choices and english not in choices


def test_city_editors_choose_staff_among_partner_staff_accounts_only(client, demo_site):
    bystander = UserFactory(
        email="bystander-private@example.jp", first_name="秘匿", last_name="一般人"
    )
    counter_user = UserFactory(
        email="counter-login@example.jp",
        first_name="窓口",
        last_name="係員",
        groups=["Partner staff"],
    )
    client.force_login(UserFactory(groups=["City editors"]))
    html = client.get("/admin/snippets/passes/partnerstaff/add/").content.decode()
    assert str(counter_user) in html
    assert str(bystander) not in html and bystander.email not in html
    choices = modelform_factory(PartnerStaff, fields=["user"])().fields["user"].queryset
    assert counter_user in choices and bystander not in choices
