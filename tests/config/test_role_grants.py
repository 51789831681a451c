"""core.roles is the one home of what each role may do; the migrations keep their historical
copies. A test database is built without migrations and gets its rights from
core.roles.grant_roles(): both must give every role the same rights."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, WorkflowPage

from core import roles

# Every migration that grants rights to the roles, in the order they run.
GRANTING_MIGRATIONS = [
    ("home.migrations.0002_roles_and_city_approval_workflow", "create_roles"),
    ("members.migrations.0003_member_roles", "grant_member_permissions"),
    ("passes.migrations.0002_roles", "create_roles"),
    ("consultations.migrations.0002_staff_permissions", "grant"),
    ("campaigns.migrations.0002_roles", "grant"),
    ("reports.migrations.0002_roles", "grant"),
    ("core.migrations.0002_failed_emails_permission", "grant"),
    ("members.migrations.0009_failed_logins_permission", "grant"),
    ("content.migrations.0003_glossary_seed_and_permissions", "grant"),
]


def rights():
    return {
        group.name: (
            sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()),
            sorted(p.permission.codename for p in group.page_permissions.all()),
            sorted(
                f"{p.permission.content_type.app_label}.{p.permission.codename}"
                for p in group.collection_permissions.all()
            ),
        )
        for group in Group.objects.filter(name__in=roles.ROLES)
    }


def run_the_migrations_grants():
    # home.0002 sets models_module on every app config (historical registries lack it) and
    # clears it after; on the live registry that would stop post_migrate: put them back.
    models_modules = {config.label: config.models_module for config in apps.get_app_configs()}
    try:
        for module, function in GRANTING_MIGRATIONS:
            getattr(importlib.import_module(module), function)(apps, None)
    finally:
        for config in apps.get_app_configs():
            config.models_module = models_modules[config.label]


@pytest.mark.django_db
def test_grant_roles_gives_each_role_what_the_migrations_granted():
    Group.objects.filter(name__in=roles.ROLES).delete()
    run_the_migrations_grants()
    migrated = rights()

    Group.objects.filter(name__in=roles.ROLES).delete()
    roles.grant_roles()

    assert set(migrated) == set(roles.ROLES)
    assert rights() == migrated


@pytest.mark.django_db
def test_only_city_editors_approve_and_publish():
    roles.grant_roles()
    publishers = {
        name for name, (_models, pages, _collections) in rights().items() if "publish_page" in pages
    }
    assert publishers == {roles.CITY_EDITORS}
    # Names as stored (home.workflow_names shows them in the reader's language).
    tasks = GroupApprovalTask.objects.filter(groups__name=roles.CITY_EDITORS)
    assert list(tasks.values_list("name", "workflow_tasks__workflow__name")) == [
        (roles.CITY_APPROVAL_TASK, roles.CITY_APPROVAL_WORKFLOW)
    ]
    assert list(GroupApprovalTask.objects.values_list("groups__name", flat=True)) == [
        roles.CITY_EDITORS
    ]
    assert (
        WorkflowPage.objects.get(page__depth=1).workflow.pk
        == tasks.get().workflow_tasks.get().workflow_id
    )


@pytest.mark.django_db
def test_grant_roles_takes_back_a_right_given_by_hand():
    roles.grant_roles()
    contractors = Group.objects.get(name=roles.CONTRACTOR_EDITORS)
    contractors.permissions.add(
        *Group.objects.get(name=roles.CITY_EDITORS).permissions.filter(codename="export_membership")
    )
    roles.grant_roles()
    assert not contractors.permissions.filter(codename="export_membership").exists()


@pytest.mark.django_db
def test_the_database_holds_what_grant_roles_gives():
    """Run by .ci/run on databases built by the real migrations too (-k role): there the rights
    are the migrations' own."""
    built = rights()
    roles.grant_roles()
    assert rights() == built


def test_the_translated_workflow_names_are_the_ones_core_roles_creates():
    # gettext needs the names as literals where they are translated (home/workflow_names.py);
    # they must stay the names core.roles gives the workflow and its task.
    from home.workflow_names import TRANSLATABLE_NAMES

    assert TRANSLATABLE_NAMES == (roles.CITY_APPROVAL_WORKFLOW, roles.CITY_APPROVAL_TASK)
