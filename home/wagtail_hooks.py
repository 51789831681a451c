from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_lists import SnippetListViewSet
from core.roles import is_source_language, is_translator_only
from home import admin_emails, workflow_names
from home.models import NavigationMenu, SiteIdentity, StoryTheme

# Wagtail imports every wagtail_hooks module at start-up (wagtail.snippets' ready()), in the web
# process and in the task worker alike: the admin's workflow names and e-mails follow the
# reader's language from then on (see each module).
workflow_names.install()
admin_emails.install()


class NavigationMenuViewSet(SnippetListViewSet):
    model = NavigationMenu
    icon = "list-ul"
    list_display = ["title", "location", "locale"]
    list_filter = ["location"]
    menu_label = _("Navigation menus")


class SiteIdentityViewSet(SnippetListViewSet):
    model = SiteIdentity
    icon = "site"
    list_display = ["site_name", "city_name", "locale"]
    menu_label = _("Site identity")


class StoryThemeViewSet(SnippetListViewSet):
    model = StoryTheme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    menu_label = _("Story themes")


class SiteStructureViewSetGroup(SnippetViewSetGroup):
    items = (NavigationMenuViewSet, SiteIdentityViewSet, StoryThemeViewSet)
    menu_icon = "site"
    menu_label = _("Site structure")
    menu_name = "site-structure"


register_snippet(SiteStructureViewSetGroup)


def _refuse_source_language_edit(request, obj):
    # Translators work on translations; the Japanese original belongs to the editors.
    if is_translator_only(request.user) and is_source_language(obj):
        raise PermissionDenied


@hooks.register("register_log_actions", order=100)  # after Wagtail's own (order 0)
def workflow_names_in_history(actions):
    workflow_names.translate_history_names(actions)


@hooks.register("before_edit_page")
def translators_edit_translations_only(request, page):
    _refuse_source_language_edit(request, page)


@hooks.register("before_delete_page")
def translators_delete_translations_only(request, page):
    _refuse_source_language_edit(request, page)


@hooks.register("before_move_page")
def translators_do_not_move_originals(request, page, destination):
    _refuse_source_language_edit(request, page)


@hooks.register("before_edit_snippet")
def translators_edit_snippet_translations_only(request, instance):
    _refuse_source_language_edit(request, instance)
