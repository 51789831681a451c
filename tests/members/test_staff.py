"""Staff's view of the members in the admin: who may see it, filters, counts, a CSV export
that spreadsheets cannot turn into formulas, and a log of every view and export."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.translation import gettext as _

from members.choices import Relationship
from members.models import Membership, PersonalDataAccessLog
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db
LIST = "/admin/furusato_residents/"


@pytest.fixture
def city(demo_site):
    return UserFactory(groups=["City editors"])


def test_city_editors_list_members_and_each_view_is_logged(client, city):
    member = MembershipFactory()
    client.force_login(city)
    response = client.get(LIST)
    assert response.status_code == 200
    assert member.member_number in response.content.decode()
    log = PersonalDataAccessLog.objects.get(staff=city)
    assert log.action == "list" and log.staff_email == city.email
    client.get(f"{LIST}inspect/{member.pk}/")
    assert PersonalDataAccessLog.objects.filter(
        staff=city, action="view", detail=member.member_number
    ).exists()


def test_filters_by_relationship_interest_and_prefecture(client, city):
    donor = MembershipFactory(
        relationships=["nozei"], residence_prefecture="27", residence_municipality="27127"
    )
    other = MembershipFactory(relationships=["born"])
    client.force_login(city)
    html = client.get(f"{LIST}?relationship=nozei").content.decode()
    assert donor.member_number in html and other.member_number not in html
    html = client.get(f"{LIST}?residence_prefecture=27").content.decode()
    assert donor.member_number in html and other.member_number not in html
    assert PersonalDataAccessLog.objects.filter(detail__contains="relationship=nozei").exists()


def test_contractor_editors_see_no_member_data_unless_granted(client, demo_site):
    contractor = UserFactory(groups=["Contractor editors"])
    client.force_login(contractor)
    assert client.get(LIST).status_code in (302, 403)
    assert client.get("/admin/reports/figures/members/").status_code in (302, 403)
    contractor.user_permissions.add(Permission.objects.get(codename="view_membership"))
    assert client.get(LIST).status_code == 200


def test_csv_export_escapes_formulas_and_is_logged(client, city):
    MembershipFactory(relationship_note="=cmd|' /C calc'!A0", name_kana="+81")
    client.force_login(city)
    response = client.get(f"{LIST}?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "'=cmd" in body and "'+81" in body
    assert ",=cmd" not in body
    assert PersonalDataAccessLog.objects.filter(staff=city, action="export").exists()


def test_export_needs_the_export_permission(client, demo_site):
    viewer = UserFactory(groups=["Contractor editors"])
    viewer.user_permissions.add(Permission.objects.get(codename="view_membership"))
    client.force_login(viewer)
    response = client.get(f"{LIST}?export=csv")
    assert response.status_code in (302, 403)
    assert "csv" not in response.get("Content-Type", "")


def test_figures_count_active_members(client, city):
    """Staff read the real numbers: members active now, and how many of them chose each
    relationship; a registration still waiting for its e-mail is counted by its status only."""
    from bs4 import BeautifulSoup

    MembershipFactory(relationships=["nozei"])
    MembershipFactory(relationships=["nozei", "born"])
    MembershipFactory(relationships=["born"])
    MembershipFactory(relationships=["nozei"], status="pending", activate=False)
    client.force_login(city)
    response = client.get("/admin/reports/figures/members/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find(id="figure-total").get_text() == "3"
    assert page.find(id="figure-new").get_text() == "3"
    rows = {}
    for table in page.find_all("table"):
        heading = table.find_previous("h2").get_text(strip=True)
        for row in table.find_all("tr"):
            cells = [cell.get_text(strip=True) for cell in row.find_all("td")]
            if cells:
                rows[heading, cells[0]] = cells[1:]
    # Members and new in the period, in the staff member's language (Japanese): the pending
    # registration is not among them.
    with translation.override("ja"):
        relationships, statuses = _("By relationship"), _("Registered in the period, by status")
        nozei, born = Relationship.FURUSATO_NOZEI.label, Relationship.BORN_HERE.label
        active, pending = Membership.Status.ACTIVE.label, Membership.Status.PENDING.label
        assert rows[relationships, str(nozei)] == ["2", "2"]
        assert rows[relationships, str(born)] == ["2", "2"]
        assert rows[statuses, str(active)] == ["3"] and rows[statuses, str(pending)] == ["1"]


def test_export_survives_a_deleted_account(client, city):
    from members import services

    kept = MembershipFactory()
    gone = MembershipFactory()
    gone_number = gone.member_number
    services.delete_account(gone.user)
    client.force_login(city)
    body = b"".join(client.get(f"{LIST}?export=csv").streaming_content).decode()
    # The export still works after a deletion, and the deleted member is not in it: the
    # anonymous row stays only for the reports' counts.
    assert kept.member_number in body
    assert gone_number not in body


def test_the_admin_cannot_add_edit_or_delete_members_or_the_log(client, demo_site):
    member = MembershipFactory()
    admin = get_user_model().objects.get(email="admin@example.jp")
    client.force_login(admin)
    assert client.get(f"{LIST}add/").status_code in (302, 403)
    assert client.get(f"{LIST}edit/{member.pk}/").status_code in (302, 403)
    assert client.get(f"{LIST}delete/{member.pk}/").status_code in (302, 403)
    client.get(LIST)
    entry = PersonalDataAccessLog.objects.first()
    log = "/admin/personal_data_access_log/"
    assert client.get(f"{log}edit/{entry.pk}/").status_code in (302, 403)
    assert client.get(f"{log}delete/{entry.pk}/").status_code in (302, 403)
