import importlib
import os

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def ensure_wagtail_base():
    """Recreate what migrations made (locales, root page, root collection, roles).

    Transactional tests flush the database after each test, and with it the rows that data
    migrations created; browser tests run transactionally, so they rebuild them.
    """
    ContentType.objects.clear_cache()
    cache.clear()
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE),
            )
        )
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    # Permissions that Wagtail and wagtail-localize create in migrations, not after them.
    for app_label, model, codename, name in [
        ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
        ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
    ]:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
    roles = importlib.import_module("home.migrations.0002_roles_and_city_approval_workflow")
    roles.create_roles(apps, None)
    # The apps' own grants to these roles (their migrations), which create_roles resets.
    importlib.import_module("members.migrations.0003_member_roles").grant_member_permissions(
        apps, None
    )
    importlib.import_module("passes.migrations.0002_roles").create_roles(apps, None)
    importlib.import_module("consultations.migrations.0002_staff_permissions").grant(apps, None)
    importlib.import_module("campaigns.migrations.0002_roles").grant(apps, None)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The local-memory cache outlives each test's database; start every test without it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo site once per test database; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


def pytest_collection_modifyitems(items):
    # Browser tests and transactional tests (real threads) flush the database after each
    # test: run them last so that the other tests keep the demo site built once per session.
    items.sort(key=lambda item: ("/e2e/" in str(item.fspath), _is_transactional(item)))


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it: the portal in Japanese and English, users."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)
