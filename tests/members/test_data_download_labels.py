"""The member's own data download keeps the stored codes (what the city's reports count) and
puts their labels beside them, in the language of the page it was asked from: "01" and
"北海道", ["born", "nozei"] and what the member ticked."""

import csv
import io
import json

import pytest

from members import services
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory, add_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(demo_site):
    membership = MembershipFactory(user=UserFactory(first_name="花子", last_name="山田"))
    membership.residence_prefecture = "01"
    membership.residence_municipality = "01101"
    membership.relationships = ["born", "nozei"]
    membership.interests = ["two_region"]
    membership.age_band = "30s"
    membership.language = "ko"
    membership.save()
    return membership


def test_json_has_the_labels_beside_the_codes(client, member, activity_index):
    services.sign_up(add_activity(activity_index), member.user)
    client.force_login(member.user)
    data = json.loads(client.get("/ja/members/my/data.json").content)
    m = data["membership"]
    assert (m["residence_prefecture"], m["residence_prefecture_label"]) == ("01", "北海道")
    assert (m["residence_municipality"], m["residence_municipality_label"]) == (
        "01101",
        "札幌市中央区",
    )
    assert m["relationships"] == ["born", "nozei"]
    assert len(m["relationships_labels"]) == 2 and "born" not in m["relationships_labels"]
    assert m["status"] == "active" and m["status_label"] not in ("", "active")
    assert m["tier"] == "basic" and m["tier_label"] not in ("", "basic")
    assert m["age_band"] == "30s" and m["age_band_label"] not in ("", "30s")
    assert m["language_label"] == "한국어"
    signup = data["activity_signups"][0]
    assert signup["status"] == "confirmed" and signup["status_label"] not in ("", "confirmed")


def test_english_download_has_english_labels_and_csv_too(client, member):
    client.force_login(member.user)
    data = json.loads(client.get("/en/members/my/data.json").content)
    m = data["membership"]
    assert m["residence_prefecture_label"] == "Hokkaido"
    assert m["relationships_labels"] == ["I was born here", "I donate through furusato nozei"]
    assert m["interests_labels"] == ["Two-region living"]
    assert m["age_band_label"] == "30–39"
    assert m["status_label"] == "Active" and m["tier_label"] == "Basic"
    rows = list(csv.reader(io.StringIO(client.get("/en/members/my/data.csv").content.decode())))
    assert ["membership", "", "residence_prefecture", "01"] in rows
    assert ["membership", "", "residence_prefecture_label", "Hokkaido"] in rows
    assert ["membership", "relationships_labels", "", "I was born here"] in rows
