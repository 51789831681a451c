import factory
from django.utils import timezone

from members.models import ActivityPage, Membership
from members.services import activate_membership
from tests.factories import UserFactory


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active membership (numbered) unless status="pending" is given."""

    class Meta:
        model = Membership
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    residence_prefecture = "13"
    residence_municipality = "13101"
    age_band = "30s"
    relationships = factory.LazyFunction(lambda: ["lived"])
    interests = factory.LazyFunction(lambda: ["events"])
    privacy_policy_version = "2026-04"
    consented_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def activate(self, create, extracted, **kwargs):
        if create and extracted is not False and self.status == Membership.Status.PENDING:
            activate_membership(self, notify=False)
            self.refresh_from_db()


def add_activity(parent, capacity=None, designated=False, start=None, **kwargs):
    """An activity page under `parent` (the demo's activity index), published."""
    start = start or timezone.now() + timezone.timedelta(days=7)
    page = ActivityPage(
        title=kwargs.pop("title", "テスト活動"),
        organizer="苫小牧市",
        start=start,
        end=start + timezone.timedelta(hours=2),
        venue="市役所",
        capacity=capacity,
        counts_toward_premium=designated,
        **kwargs,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
