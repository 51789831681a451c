import importlib
import os

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import post_migrate
from wagtail.models import Collection, Locale, Page, Workflow

from core import roles

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _wagtail_base_is_there():
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    return (
        Locale.objects.filter(language_code__in=languages).count() == len(languages)
        and Page.objects.filter(depth=1).exists()
        and Collection.objects.filter(depth=1).exists()
        and Group.objects.filter(name__in=roles.ROLES).count() == len(roles.ROLES)
        and Workflow.objects.filter(name=roles.CITY_APPROVAL_WORKFLOW).exists()
    )


def ensure_wagtail_base():
    """Recreate what migrations made (locales, root page, root collection, roles).

    Transactional tests flush the database after each test, and with it the rows that data
    migrations created; browser tests run transactionally, so they rebuild them. A database
    built without migrations (pytest --nomigrations, the default here) gets them the same way.
    Idempotent and cheap: when they are there (a migrated database, or one built already) it
    costs a handful of queries.
    """
    ContentType.objects.clear_cache()
    cache.clear()
    if _wagtail_base_is_there():
        return
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
    # What the migrations granted to the roles, from its one home (core.roles).
    roles.grant_roles()
    # The glossary's fixed terms, which content's migration seeds.
    importlib.import_module("content.migrations.0003_glossary_seed_and_permissions").seed_terms(
        apps, None
    )


def _sqlite_search_index(using):
    """The SQLite full-text table of Wagtail's search: a virtual FTS5 table and its triggers,
    made by wagtailsearch's migration 0006 with raw SQL. Without migrations the table is a
    plain one, and every search fails."""
    from django.db.migrations import RunSQL, SeparateDatabaseAndState
    from wagtail.search.backends.database.sqlite.utils import fts5_available

    if connections[using].vendor != "sqlite" or not fts5_available():
        return
    migration = importlib.import_module("wagtail.search.migrations.0006_customise_indexentry")
    statements = [
        sql_operation.sql
        for operation in migration.Migration.operations
        if isinstance(operation, SeparateDatabaseAndState)
        for sql_operation in operation.database_operations
        if isinstance(sql_operation, RunSQL)
    ]
    assert statements, "wagtailsearch 0006 no longer creates the FTS table: update this"
    with connections[using].cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS wagtailsearch_indexentry_fts")
        for statement in statements:
            cursor.execute(statement)


_migration_modules = {}


def _after_syncdb(sender, app_config, using, **kwargs):
    """--nomigrations: once syncdb has built the test database (post_migrate is sent for
    each app, the last one after the permissions of all), build what migrations would add."""
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    if app_config is not last_app:
        return
    # Only the database's creation: post_migrate also follows every flush.
    post_migrate.disconnect(dispatch_uid="tests.after_syncdb")
    _sqlite_search_index(using)
    # wagtail-localize reads django_migrations (the schema version of a translation source);
    # syncdb does not make it, and on PostgreSQL the failed query breaks the transaction.
    MigrationRecorder(connections[using]).ensure_schema()
    ensure_wagtail_base()
    # pytest-django disables the migration modules for good; tests that read migrations
    # (MigrationLoader) need them back once the database is built. Load them now, while the
    # database may be used: wagtail_localize's first migration queries it when imported.
    settings.MIGRATION_MODULES = _migration_modules["saved"]
    MigrationLoader(None, ignore_no_migrations=True)


def pytest_configure(config):
    if config.getoption("nomigrations", default=False):
        _migration_modules["saved"] = settings.MIGRATION_MODULES
        post_migrate.connect(_after_syncdb, dispatch_uid="tests.after_syncdb", weak=False)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The local-memory cache outlives each test's database; start every test without it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the test site (tests/sites.py) once per test database; each test's changes are
    rolled back."""
    from django.test.utils import teardown_databases

    from tests.sites import build_test_site, ensure_test_database

    with django_db_blocker.unblock():
        created = ensure_test_database()
        build_test_site()
    yield
    if created is not None:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


def pytest_collection_modifyitems(items):
    # Browser tests and transactional tests (real threads) flush the database after each
    # test: run them last so that the other tests keep the test site built once per session.
    # The tests about the demo build it on top of the test site: after the others, before the
    # flushing ones.
    items.sort(
        key=lambda item: (
            "/e2e/" in str(item.fspath),
            _is_transactional(item),
            "/demo/" in str(item.fspath),
        )
    )


_TRANSACTIONAL_START = {"emptied": False}


@pytest.fixture(autouse=True)
def _transactional_tests_start_empty(request):
    """Every test that flushes the database sees an empty one, the first of them included.

    They run after the others (ordered above), so the first one in a session would otherwise
    find the test site and the demo built for the tests before it (the demo's page-view days
    among them), while every later one starts from the flush of the one before: a test that
    passed or failed by its place in the run. Browser tests build their own demo."""
    item = request.node
    in_browser = "/e2e/" in str(item.fspath)
    if _TRANSACTIONAL_START["emptied"] or not _is_transactional(item) or in_browser:
        yield
        return
    from django.core.management import call_command
    from django.db import connections

    request.getfixturevalue("transactional_db")
    for alias in connections:
        call_command("flush", database=alias, interactive=False, verbosity=0)
    _TRANSACTIONAL_START["emptied"] = True
    yield


@pytest.fixture
def demo_site(db):
    """The test site (tests/sites.py): the test bundle's pages in Japanese and English, and one
    login per role. (tests/demo/ overrides it with the whole demo.)"""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def staff_without_authenticator_app():
    """Staff made or granted a role in this test have no authenticator app (tests of the
    two-factor setup); see _staff_have_authenticator_apps."""
    from tests.factories import STAFF_GET_AUTHENTICATOR_APPS

    STAFF_GET_AUTHENTICATOR_APPS["on"] = False
    yield
    STAFF_GET_AUTHENTICATOR_APPS["on"] = True


@pytest.fixture(autouse=True)
def _staff_have_authenticator_apps(request):
    """A user who becomes a superuser or is granted a role or permission that requires
    two-factor authentication (members/two_factor.py) in a test gets an authenticator app, as
    staff on the live site have: force_login then reaches their pages. The UserFactory does
    the same for the users it makes."""
    if "staff_without_authenticator_app" in request.fixturenames:
        yield
        return
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_save

    from members.two_factor import requires_two_factor
    from tests.factories import give_authenticator_app

    user_model = get_user_model()

    def check(users):
        for user in users:
            if requires_two_factor(user):
                give_authenticator_app(user)

    def on_user_saved(sender, instance, **kwargs):
        if instance.is_superuser:
            check([instance])

    def on_granted(sender, instance, action, reverse, model, pk_set, **kwargs):
        if action != "post_add":
            return
        if isinstance(instance, user_model):
            check([instance])
        elif model is user_model:  # group.user_set.add(...)
            check(user_model.objects.filter(pk__in=pk_set))
        else:  # group.permissions.add(...)
            check(user_model.objects.filter(groups=instance))

    through_models = [
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ]
    post_save.connect(on_user_saved, sender=user_model, dispatch_uid="tests.2fa.user")
    for through in through_models:
        m2m_changed.connect(on_granted, sender=through, dispatch_uid=f"tests.2fa.{through}")
    yield
    post_save.disconnect(sender=user_model, dispatch_uid="tests.2fa.user")
    for through in through_models:
        m2m_changed.disconnect(sender=through, dispatch_uid=f"tests.2fa.{through}")


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with the authenticator app every superuser must have."""
    from tests.factories import give_authenticator_app

    give_authenticator_app(admin_user)
    return admin_user
