"""The figures pages in reports: the member figures of a period (exact counts, by the day a
member became active, Japan time), their CSV export, the period's error messages, and who may
see them."""

import csv
import datetime as dt
import io

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from core.japan_time import JST
from members.choices import Relationship
from members.models import Membership
from members.residence import prefecture_name
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db

MEMBERS = "/admin/reports/figures/members/"
JUNE = {"date_from": "2025-06-01", "date_to": "2025-06-30"}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def staff(group):
    user = UserFactory(groups=[group])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def at(*args):
    return dt.datetime(*args, tzinfo=JST)


def member(activated, registered=None, **kwargs):
    membership = MembershipFactory(**kwargs)
    Membership.objects.filter(pk=membership.pk).update(
        activated_at=activated, registered_at=registered or activated
    )
    return membership


@pytest.fixture
def june_members(demo_site):
    """Two members who became active in June 2025 (one at 23:30 on its last day, Japan time),
    one before, one just after, and one still waiting for confirmation."""
    member(at(2025, 6, 10, 12), relationships=["nozei"], residence_prefecture="27")
    member(at(2025, 6, 30, 23, 30), relationships=["nozei", "lived"])
    member(at(2025, 7, 1, 0, 0), relationships=["nozei"])
    member(at(2025, 5, 1, 9), registered=at(2025, 4, 20, 9))
    pending = MembershipFactory(status="pending", activate=False)
    Membership.objects.filter(pk=pending.pk).update(registered_at=at(2025, 6, 15, 9))


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def label(choices, code):
    """The English label (a request leaves the default language active after it)."""
    with translation.override("en"):
        return str(dict(choices)[code]) if choices else prefecture_name(code)


def test_member_figures_count_the_period_exactly(client, june_members):
    client.force_login(staff("City editors"))
    response = client.get(MEMBERS, JUNE)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    # Active at the end of June: the two of June and the one of May; new in June: two.
    assert '<td id="figure-total">3</td>' in html
    assert '<td id="figure-new">2</td>' in html
    assert "2025-06-01 – 2025-06-30" in html


def test_member_figures_csv_has_the_same_figures(client, june_members):
    client.force_login(staff("City editors"))
    rows = csv_rows(client.get(MEMBERS, {**JUNE, "format": "csv"}))
    cells = {(row[0], row[1]): row[2:] for row in rows}
    assert cells[("Active members", "Total")] == ["3", "2"]
    assert cells[("By relationship", label(Relationship.choices, "nozei"))] == ["2", "2"]
    assert cells[("By relationship", label(Relationship.choices, "lived"))] == ["2", "1"]
    assert cells[("By prefecture", label(None, "27"))] == ["1", "1"]
    assert cells[("By prefecture", label(None, "13"))] == ["2", "1"]
    status = "Registered in the period, by status"
    assert cells[(status, label(Membership.Status.choices, "active"))] == ["2", ""]
    assert cells[(status, label(Membership.Status.choices, "pending"))] == ["1", ""]
    response = client.get(MEMBERS, {**JUNE, "format": "csv"})
    assert "member-figures-2025-06-01-2025-06-30.csv" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_member_figures_csv_escapes_formulas(client, demo_site):
    """A prefecture code the list does not know is shown as it is: never as a formula."""
    member(at(2025, 6, 10, 12), residence_prefecture="=1")
    member(at(2025, 6, 11, 12), residence_prefecture="@A")
    client.force_login(staff("City editors"))
    rows = csv_rows(client.get(MEMBERS, {**JUNE, "format": "csv"}))
    cells = [cell for row in rows for cell in row]
    assert "'=1" in cells and "'@A" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_a_reversed_period_is_the_forms_error(client, june_members):
    client.force_login(staff("City editors"))
    reversed_period = {"date_from": "2025-06-30", "date_to": "2025-06-01"}
    response = client.get(MEMBERS, reversed_period)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The period ends before it starts." in html
    assert 'id="figure-total"' not in html
    response = client.get(MEMBERS, {**reversed_period, "format": "csv"})
    assert not response["Content-Type"].startswith("text/csv")
    html = client.get(MEMBERS, {"date_from": "2019-01-01", "date_to": "2019-12-31"}).content
    assert "The period ends before the site existed" in html.decode()


def test_without_dates_the_current_fiscal_year(client, demo_site):
    from core.japan_time import current_fiscal_year
    from reports.periods import Period

    MembershipFactory()
    client.force_login(staff("City editors"))
    html = client.get(MEMBERS).content.decode()
    year = Period.fiscal_year(current_fiscal_year())
    assert f"{year.start.isoformat()} – {year.end.isoformat()}" in html
    assert '<td id="figure-new">1</td>' in html


@pytest.mark.parametrize("group", ["Translators", "Consultation staff", "Partner staff"])
def test_other_roles_do_not_see_the_member_figures(client, demo_site, group):
    client.force_login(staff(group))
    assert client.get(MEMBERS, JUNE).status_code in (302, 403)
    response = client.get(MEMBERS, {**JUNE, "format": "csv"})
    assert response.status_code in (302, 403)
    assert "csv" not in response.get("Content-Type", "")


def test_city_editors_find_the_member_figures_in_the_figures_menu(client, demo_site):
    client.force_login(staff("City editors"))
    assert client.get(MEMBERS).status_code == 200
    assert MEMBERS in client.get("/admin/").content.decode()


def test_a_start_date_alone_runs_to_today(client):
    from core import japan_time

    user = UserFactory(groups=["City editors"])
    client.force_login(user)
    response = client.get(MEMBERS, {"date_from": japan_time.today().replace(day=1).isoformat()})
    assert response.status_code == 200
    assert response.context["form"].errors == {}
