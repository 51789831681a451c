"""Create the editorial roles and the "City approval" workflow on every install.

Contractor editors write and submit; only City editors publish (the city owns the content).
Translators translate; the consultation staff group is used by the consultation desk.
Wagtail's default Editors/Moderators groups and their workflow are removed so that no
unnamed role can publish.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

CITY_EDITORS = "City editors"
CONTRACTOR_EDITORS = "Contractor editors"
TRANSLATORS = "Translators"
CONSULTATION_STAFF = "Consultation staff"

MODEL_PERMISSIONS = {
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
    ],
    CONTRACTOR_EDITORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "home.add_storytheme",
        "home.change_storytheme",
    ],
    TRANSLATORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "home.change_navigationmenu",
        "home.change_siteidentity",
        "home.change_storytheme",
    ],
    CONSULTATION_STAFF: [
        "wagtailadmin.access_admin",
    ],
}

PAGE_PERMISSIONS = {
    CITY_EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page",
                   "bulk_delete_page"],
    CONTRACTOR_EDITORS: ["add_page", "change_page", "lock_page"],
    TRANSLATORS: ["change_page"],
    CONSULTATION_STAFF: [],
}

COLLECTION_PERMISSIONS = {
    CITY_EDITORS: [
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtailimages.delete_image", "wagtaildocs.add_document", "wagtaildocs.change_document",
        "wagtaildocs.choose_document", "wagtaildocs.delete_document",
    ],
    CONTRACTOR_EDITORS: [
        "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
        "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
    ],
    TRANSLATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    CONSULTATION_STAFF: [],
}


def _permission(apps, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; these ones are needed now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    # Wagtail's starter roles would let an unnamed group publish.
    for workflow in Workflow.objects.filter(workflow_tasks__task__name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.delete()
    GroupApprovalTask.objects.filter(name="Moderators approval").delete()
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    groups = {}
    for name, dotted_names in MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(apps, dotted) for dotted in dotted_names])
        groups[name] = group
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{codename}")
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for dotted in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _created = GroupApprovalTask.objects.get_or_create(
        name="City editor approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups[CITY_EDITORS]])
    workflow, _created = Workflow.objects.get_or_create(name="City approval", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow.objects.filter(name="City approval").delete()
    GroupApprovalTask.objects.filter(name="City editor approval").delete()
    Group.objects.filter(name__in=list(MODEL_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
