"""What each role may do with the membership (members/migrations/0003_member_roles.py)."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

EXPECTED = {
    "City editors": {
        "view_membership",
        "export_membership",
        "view_personaldataaccesslog",
        "view_loginevent",
        "add_benefit",
        "change_benefit",
        "delete_benefit",
        "view_benefit",
        "checkin_activity",
    },
    "Contractor editors": {"add_benefit", "change_benefit", "view_benefit", "checkin_activity"},
    "Translators": {"change_benefit", "view_benefit"},
    "Consultation staff": set(),
}


@pytest.mark.parametrize("group_name", sorted(EXPECTED))
def test_member_permissions_of_each_role(group_name):
    group = Group.objects.get(name=group_name)
    codenames = set(
        group.permissions.filter(content_type__app_label="members").values_list(
            "codename", flat=True
        )
    )
    assert codenames == EXPECTED[group_name]
