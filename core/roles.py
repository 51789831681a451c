"""The site's roles: their group names, what each is granted, and the rules tied to them.

This is the one home of both. The migrations that first created the groups and granted their
rights (home.0002, members.0003 and 0009, passes.0002, consultations.0002, campaigns.0002,
reports.0002, core.0002, content.0003) keep their own literal copies on purpose: a migration
is history and must do tomorrow what it did when it was written, so it never imports this
module. A change of rights is a new migration that calls `grant_roles` and a change here.

Contractor editors write and submit; only City editors publish (the city owns the content)
and approve translations; translators translate; consultation staff run the desk; partner
staff redeem offers at their counter and get no admin rights at all."""

from django.conf import settings

CITY_EDITORS = "City editors"
CONTRACTOR_EDITORS = "Contractor editors"
TRANSLATORS = "Translators"
CONSULTATION_STAFF = "Consultation staff"
PARTNER_STAFF = "Partner staff"
# The roles of the Wagtail admin (partner staff work on the public site only).
ALL_GROUPS = (CITY_EDITORS, CONTRACTOR_EDITORS, TRANSLATORS, CONSULTATION_STAFF)
ROLES = (*ALL_GROUPS, PARTNER_STAFF)

# "Only City editors publish": the approval every page change goes through.
CITY_APPROVAL_WORKFLOW = "City approval"
CITY_APPROVAL_TASK = "City editor approval"


def _crud(app_label, model, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{action}_{model}" for action in actions]


# Model permissions ("app_label.codename") of each role.
ROLE_PERMISSIONS = {
    CITY_EDITORS: [
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
        # The members' data (list, figures, export, access log) is the city's.
        "members.view_membership",
        "members.export_membership",
        "members.view_personaldataaccesslog",
        *_crud("members", "benefit"),
        "members.checkin_activity",
        "members.view_loginevent",
        *_crud("passes", "partner"),
        *_crud("passes", "offer"),
        *_crud("passes", "partnerstaff"),
        "passes.view_pass_analytics",
        "consultations.view_consultation",
        *_crud("campaigns", "creator"),
        *_crud("campaigns", "trackinglink"),
        *_crud("campaigns", "campaigncost"),
        "campaigns.view_campaign_dashboard",
        *_crud("reports", "kpitarget"),
        *_crud("reports", "report"),
        "reports.view_kpi_dashboard",
        "core.view_failed_emails",
        *_crud("content", "glossaryterm"),
    ],
    CONTRACTOR_EDITORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "home.add_storytheme",
        "home.change_storytheme",
        # Member data only when the city grants "view furusato residents" explicitly.
        *_crud("members", "benefit", ("add", "change", "view")),
        "members.checkin_activity",
        *_crud("campaigns", "creator"),
        *_crud("campaigns", "trackinglink"),
        *_crud("campaigns", "campaigncost"),
        "campaigns.view_campaign_dashboard",
        # The targets measure the contractor's work: seen, not set; a report's delivered
        # versions go with it, so no delete.
        "reports.view_kpitarget",
        "reports.view_kpi_dashboard",
        *_crud("reports", "report", ("add", "change", "view")),
        *_crud("content", "glossaryterm"),
    ],
    TRANSLATORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "home.change_navigationmenu",
        "home.change_siteidentity",
        "home.change_storytheme",
        *_crud("members", "benefit", ("change", "view")),
        *_crud("campaigns", "creator", ("change", "view")),
        "content.view_glossaryterm",
    ],
    CONSULTATION_STAFF: [
        "wagtailadmin.access_admin",
        # Editing the consultation page goes through page permissions and the City approval.
        *_crud("consultations", "consultation", ("add", "change", "view")),
    ],
    PARTNER_STAFF: [],
}

# Page permissions (wagtailcore codenames) of each role, on the whole tree.
PAGE_PERMISSIONS = {
    CITY_EDITORS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
    CONTRACTOR_EDITORS: ["add_page", "change_page", "lock_page"],  # never publish_page
    TRANSLATORS: ["change_page"],
    CONSULTATION_STAFF: [],
    PARTNER_STAFF: [],
}

_IMAGES = ["wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image"]
_DOCUMENTS = ["wagtaildocs.add_document", "wagtaildocs.change_document"]
# Image and document permissions of each role, on the whole collection tree.
COLLECTION_PERMISSIONS = {
    CITY_EDITORS: [
        *_IMAGES,
        "wagtailimages.delete_image",
        *_DOCUMENTS,
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
    ],
    CONTRACTOR_EDITORS: [*_IMAGES, *_DOCUMENTS, "wagtaildocs.choose_document"],
    TRANSLATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    CONSULTATION_STAFF: [],
    PARTNER_STAFF: [],
}


def grant_roles():
    """Give each role exactly the rights above (creating the groups that are missing) and
    make City editors the approvers of the City approval workflow on the whole tree. For a
    database that has the permissions but not what the migrations granted: the demo and the
    test setup (tests build their database without migrations). Idempotent."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    def permission(dotted):
        app_label, codename = dotted.split(".")
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {}
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set([permission(dotted) for dotted in ROLE_PERMISSIONS[name]])
        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(
                group=group, page=root_page, permission=permission(f"wagtailcore.{codename}")
            )
            for codename in PAGE_PERMISSIONS[name]
        )
        GroupCollectionPermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(
                group=group, collection=root_collection, permission=permission(dotted)
            )
            for dotted in COLLECTION_PERMISSIONS[name]
        )

    task = GroupApprovalTask.objects.filter(name=CITY_APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=CITY_APPROVAL_TASK,
            active=True,
            content_type=ContentType.objects.get_for_model(GroupApprovalTask),
        )
    task.groups.set([groups[CITY_EDITORS]])
    workflow, _created = Workflow.objects.get_or_create(
        name=CITY_APPROVAL_WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    return groups


def is_translator_only(user) -> bool:
    """True for a translator who holds no editing role: they may translate, not author."""
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and not names & {CITY_EDITORS, CONTRACTOR_EDITORS}


def is_source_language(obj) -> bool:
    locale = getattr(obj, "locale", None)
    return locale is not None and locale.language_code == settings.LANGUAGE_CODE
