"""Query budgets of the member pages (after a warm-up request)."""

import pytest

from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db

PUBLIC = [
    ("/ja/furusato-resident/", 8),
    ("/en/furusato-resident/", 8),
    ("/ja/activities/", 9),
    ("/ja/activities/beach-cleanup/", 10),
    ("/ja/members/benefits/", 10),
    ("/ja/members/register/", 8),
]
MEMBER = [
    ("/ja/members/my/", 16),
    ("/ja/members/benefits/", 14),
    ("/ja/activities/beach-cleanup/", 20),
    ("/ja/members/my/profile/", 12),
]


@pytest.mark.parametrize(("url", "budget"), PUBLIC)
def test_public_query_budget(client, demo_site, django_assert_max_num_queries, url, budget):
    client.get(url)
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "budget"), MEMBER)
def test_member_query_budget(client, demo_site, django_assert_max_num_queries, url, budget):
    client.force_login(MembershipFactory().user)
    client.get(url)
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
