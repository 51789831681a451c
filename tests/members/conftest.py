import pytest
from django.core.cache import cache

from members.models import ActivityIndexPage


@pytest.fixture(autouse=True)
def _no_rate_limit_carry_over():
    cache.clear()


@pytest.fixture
def activity_index(demo_site):
    return ActivityIndexPage.objects.get(locale__language_code="ja")
