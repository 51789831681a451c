"""content's admin pages: the "Hand-over" submenu (content bundle, data export), the
"Translation status" report, the glossary, and the City approval of translations.

Custom admin pages are added one way, as everywhere on this site: a ViewSet (URLs under its
`url_prefix`, named in the namespace `name`) registered with the hook
`register_admin_viewset`, whose menu items go to the menu of its `menu_hook`. To add a page to
the Hand-over submenu (the static copy), register a ViewSet whose `menu_hook` is
`register_handover_menu_item`, or a function returning a MenuItem with that hook. The
submenu shows only when at least one of its items does, so a user with none of the rights
sees no "Hand-over" at all."""

import copy

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail_localize.views import edit_translation

from content import admin_views, data_export, translation_status_views, translation_workflow
from content.models import GlossaryTerm
from core.admin_lists import SnippetListViewSet
from core.admin_views import MenuItemsViewSet, ShownToMenuItem, menu_item_class_shown_to


class DataExportMenuItem(ShownToMenuItem):
    def is_shown(self, request):
        # Asked for each item and again for the submenu on every admin page: once a request.
        if not hasattr(request, "_handover_allowed"):
            request._handover_allowed = super().is_shown(request)
        return request._handover_allowed


class HandOverViewSet(MenuItemsViewSet):
    """What the city takes away: the content bundle and the data export, under
    /admin/hand-over/, for those who may export (content.data_export.can_export)."""

    name = "content_data"
    url_prefix = "hand-over"
    menu_hook = "register_handover_menu_item"
    menu_item = DataExportMenuItem
    menu_items = [
        (_("Content bundle"), "bundle", "content-bundle", "download", 90, data_export.can_export),
        (_("Data export"), "export", "data-export", "download", 100, data_export.can_export),
    ]

    def get_urlpatterns(self):
        return [
            path("data/", admin_views.data_export_view, name="export"),
            path("content/", admin_views.content_bundle_view, name="bundle"),
        ]


handover_menu = Menu(register_hook_name="register_handover_menu_item")


@hooks.register("register_admin_menu_item")
def register_handover_menu():
    return SubmenuMenuItem(
        _("Hand-over"), handover_menu, name="hand-over", icon_name="folder-open-inverse", order=950
    )


# Translations: drafts submitted to City approval (content/translation_workflow.py).
# Registered before wagtail-localize's hooks and URLs (order=-1), which they refine.
hooks.register("before_edit_page", translation_workflow.handle_translation_editor_post, order=-1)
hooks.register("construct_page_action_menu", translation_workflow.editor_actions_for_translators)
hooks.register(
    "before_edit_snippet", translation_workflow.handle_snippet_translation_editor_post, order=-1
)


# Not pages of their own but wagtail-localize's, at wagtail-localize's paths: they must come
# before its URLs (order=-1), which a ViewSet's URLs (added with Wagtail's own) do not.
@hooks.register("register_admin_urls", order=-1)
def register_translation_workflow_urls():
    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_workflow.convert_to_alias,
            name="content_convert_to_alias",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translation_workflow.UpdateTranslationsView.as_view(),
            name="content_update_translations",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            translation_workflow.SubmitPageTranslationView.as_view(),
            name="content_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translation_workflow.SubmitSnippetTranslationView.as_view(),
            name="content_submit_snippet_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            translation_workflow.stop_translation,
            name="content_stop_translation",
        ),
        # The strings of a page waiting in the City approval change only by its reviewers.
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            translation_workflow.unchanged_while_in_review(
                edit_translation.edit_string_translation
            ),
            name="content_edit_string_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            translation_workflow.unchanged_while_in_review(edit_translation.edit_override),
            name="content_edit_override",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            translation_workflow.unchanged_while_in_review(edit_translation.upload_pofile),
            name="content_upload_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            translation_workflow.unchanged_while_in_review(edit_translation.machine_translate),
            name="content_machine_translate",
        ),
    ]


class GlossaryViewSet(SnippetListViewSet):
    """The fixed terms: City and Contractor editors keep them, translators read them (the
    "view" permission; content.0003)."""

    model = GlossaryTerm
    icon = "doc-full"
    menu_label = _("Glossary")
    menu_name = "glossary"
    menu_order = 960
    add_to_admin_menu = True
    url_namespace = "content_glossaryterm"
    url_prefix = "glossary"
    list_display = ["ja", "en", "zh_hans", "zh_hant", "ko", "note"]
    list_export = ["ja", "en", "zh_hans", "zh_hant", "ko", "note"]  # for translation agencies
    search_fields = ["ja", "en", "zh_hans", "zh_hant", "ko"]
    inspect_view_enabled = True
    copy_view_enabled = False


register_snippet(GlossaryViewSet)


class TranslationStatusViewSet(ViewSet):
    """The "Translation status" report, under /admin/reports/translation-status/, in the
    Reports menu."""

    name = "content_translation_status"
    url_prefix = "reports/translation-status"
    menu_hook = "register_reports_menu_item"
    menu_item_class = menu_item_class_shown_to(translation_status_views.can_see_translation_status)
    menu_label = _("Translation status")
    menu_name = "translation-status"
    icon = "site"
    menu_order = 8990

    def get_urlpatterns(self):
        view = translation_status_views.TranslationStatusView
        return [
            path("", view.as_view(), name="index"),
            path("results/", view.as_view(results_only=True), name="results"),
        ]


@hooks.register("register_admin_viewset")
def register_content_viewsets():
    return [HandOverViewSet(), TranslationStatusViewSet()]


@hooks.register("construct_reports_menu")
def translations_report_label_in_readers_language(request, menu_items):
    """wagtail-localize labels its "Translations" report with gettext, not gettext_lazy, when
    Wagtail first builds the menu, so every later reader saw the language of the first request
    (an English label in the Japanese admin). Label it again for each request."""
    url = reverse("wagtail_localize:translations_report")
    for index, item in enumerate(menu_items):
        if item.url == url:
            item = copy.copy(item)
            item.label = gettext("Translations")
            menu_items[index] = item
