"""Editorial roles and the City approval workflow, as the data migration creates them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowPage

from home.models import NavigationMenu
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EXPECTED_MODEL_PERMISSIONS = {
    "City editors": {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "home.add_navigationmenu",
        "home.change_navigationmenu",
        "home.delete_navigationmenu",
        "home.add_siteidentity",
        "home.change_siteidentity",
        "home.change_sitesettings",
        "home.add_storytheme",
        "home.change_storytheme",
        "home.delete_storytheme",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    },
    "Contractor editors": {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "home.add_storytheme",
        "home.change_storytheme",
    },
    "Translators": {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "home.change_navigationmenu",
        "home.change_siteidentity",
        "home.change_storytheme",
    },
    "Consultation staff": {"wagtailadmin.access_admin"},
}
EXPECTED_PAGE_PERMISSIONS = {
    "City editors": {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    },
    "Contractor editors": {"add_page", "change_page", "lock_page"},
    "Translators": {"change_page"},
    "Consultation staff": set(),
}
EXPECTED_COLLECTION_PERMISSIONS = {
    "City editors": {
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    },
    "Contractor editors": {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    },
    "Translators": {"choose_image", "choose_document"},
    "Consultation staff": set(),
}


# The product's apps grant their own permissions to these roles in their own migrations and
# test them there (tests/members/test_roles.py, ...); this file checks the portal's part.
APP_LABELS = {"members", "passes", "consultations", "campaigns", "reports", "content", "core"}


def test_exactly_the_four_editorial_roles_and_the_partner_staff_role_exist():
    assert set(Group.objects.values_list("name", flat=True)) == set(EXPECTED_MODEL_PERMISSIONS) | {
        "Partner staff"
    }


@pytest.mark.parametrize("group_name", sorted(EXPECTED_MODEL_PERMISSIONS))
def test_each_group_has_its_exact_permission_set(group_name):
    group = Group.objects.get(name=group_name)
    model_permissions = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
        if p.content_type.app_label not in APP_LABELS
    }
    assert model_permissions == EXPECTED_MODEL_PERMISSIONS[group_name]
    page_permissions = {gpp.permission.codename for gpp in group.page_permissions.all()}
    assert page_permissions == EXPECTED_PAGE_PERMISSIONS[group_name]
    assert {gpp.page.depth for gpp in group.page_permissions.all()} <= {1}
    collection_permissions = {gcp.permission.codename for gcp in group.collection_permissions.all()}
    assert collection_permissions == EXPECTED_COLLECTION_PERMISSIONS[group_name]


def test_only_city_editors_can_publish(demo_site):
    home = demo_site.root_page
    city = UserFactory(groups=["City editors"])
    contractor = UserFactory(groups=["Contractor editors"])
    translator = UserFactory(groups=["Translators"])
    assert home.permissions_for_user(city).can_publish()
    assert not home.permissions_for_user(contractor).can_publish()
    assert home.permissions_for_user(contractor).can_edit()
    assert not home.permissions_for_user(translator).can_publish()


def test_city_approval_workflow_covers_the_whole_tree(demo_site):
    workflow = Workflow.objects.get(name="City approval")
    assert WorkflowPage.objects.get(page__depth=1).workflow == workflow
    tasks = [wt.task.specific for wt in workflow.workflow_tasks.all()]
    assert len(tasks) == 1 and isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == ["City editors"]
    en_home = demo_site.root_page.get_translation(Locale.objects.get(language_code="en"))
    assert demo_site.root_page.get_workflow() == workflow
    assert en_home.get_workflow() == workflow
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_contractor_submits_and_city_approves(demo_site):
    home = demo_site.root_page.specific
    contractor = UserFactory(groups=["Contractor editors"])
    city = UserFactory(groups=["City editors"])
    home.hero_catch_copy = "苫小牧で、もうひとつの暮らしを始めよう。"
    revision = home.save_revision(user=contractor)
    workflow_state = home.get_workflow().start(home, contractor)
    task = workflow_state.current_task_state.task.specific
    assert "approve" not in {action[0] for action in task.get_actions(home, contractor)}
    assert "approve" in {action[0] for action in task.get_actions(home, city)}
    assert Page.objects.get(pk=home.pk).specific.hero_catch_copy != home.hero_catch_copy
    task.on_action(workflow_state.current_task_state, city, "approve")
    home.refresh_from_db()
    assert home.live_revision_id == revision.pk
    assert home.hero_catch_copy == "苫小牧で、もうひとつの暮らしを始めよう。"


def test_city_rejects_with_a_comment(demo_site):
    home = demo_site.root_page.specific
    contractor = UserFactory(groups=["Contractor editors"])
    city = UserFactory(groups=["City editors"])
    home.save_revision(user=contractor)
    workflow_state = home.get_workflow().start(home, contractor)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(
        task_state, city, "reject", comment="表記を市の用字用語に合わせてください。"
    )
    task_state.refresh_from_db()
    workflow_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert task_state.comment == "表記を市の用字用語に合わせてください。"
    assert workflow_state.status == "needs_changes"


def test_translators_edit_translations_but_not_the_japanese_original(client, demo_site):
    translator = UserFactory(groups=["Translators"])
    client.force_login(translator)
    ja_home = demo_site.root_page
    en_home = ja_home.get_translation(Locale.objects.get(language_code="en"))
    assert_refused(client.get(f"/admin/pages/{ja_home.pk}/edit/"))
    assert client.get(f"/admin/pages/{en_home.pk}/edit/").status_code == 200
    ja_menu = NavigationMenu.objects.get(locale__language_code="ja", location="header")
    en_menu = ja_menu.get_translation(Locale.objects.get(language_code="en"))
    assert_refused(client.get(f"/admin/snippets/home/navigationmenu/edit/{ja_menu.pk}/"))
    assert client.get(f"/admin/snippets/home/navigationmenu/edit/{en_menu.pk}/").status_code == 200


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


def test_contractor_cannot_change_site_settings_or_menus(client, demo_site):
    contractor = UserFactory(groups=["Contractor editors"])
    client.force_login(contractor)
    assert client.get("/admin/").status_code == 200
    menu = NavigationMenu.objects.first()
    assert_refused(client.get(f"/admin/snippets/home/navigationmenu/edit/{menu.pk}/"))
    assert_refused(client.get(f"/admin/settings/home/sitesettings/{demo_site.pk}/"))


def test_roles_exist_on_a_fresh_database_without_demo_content():
    # No seed_demo here: the migration alone created them.
    assert Group.objects.filter(name="Consultation staff").exists()
    assert Workflow.objects.filter(name="City approval").exists()


def test_translators_cannot_delete_or_move_japanese_pages(client, demo_site):
    from home.models import StandardPage

    translator = UserFactory(groups=["Translators"])
    client.force_login(translator)
    draft = StandardPage(
        title="下書きのページ", slug="draft-page", locale=demo_site.root_page.locale, live=False
    )
    demo_site.root_page.add_child(instance=draft)
    assert_refused(client.post(f"/admin/pages/{draft.pk}/delete/"))
    assert StandardPage.objects.filter(pk=draft.pk).exists()
    target = demo_site.root_page.get_children().type(StandardPage).exclude(pk=draft.pk).first()
    assert_refused(client.post(f"/admin/pages/{draft.pk}/move/{target.pk}/confirm/"))
    draft.refresh_from_db()
    assert draft.get_parent().pk == demo_site.root_page.pk
