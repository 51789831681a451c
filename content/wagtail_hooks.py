"""The "Hand-over" submenu of the Wagtail admin.

Its items are HANDOVER_MENU_ITEMS, in `order`. To add one (the content bundle, the static
copy), append a MenuItem whose `is_shown` checks the user's right, here or from another
module's wagtail_hooks at import time, or register it with the hook
`register_handover_menu_item` (a function returning a MenuItem). The submenu shows only when
at least one of its items does, so a user with none of the rights sees no "Hand-over" at all."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from content import admin_views, data_export, urls_admin


class DataExportMenuItem(MenuItem):
    def is_shown(self, request):
        # Asked for each item and again for the submenu on every admin page: once a request.
        if not hasattr(request, "_handover_allowed"):
            request._handover_allowed = data_export.can_export(request.user)
        return request._handover_allowed


HANDOVER_MENU_ITEMS = [
    DataExportMenuItem(
        _("Content bundle"),
        reverse_lazy("content_bundle"),
        name="content-bundle",
        icon_name="download",
        order=90,
    ),
    DataExportMenuItem(
        _("Data export"),
        reverse_lazy("content_data:export"),
        name="data-export",
        icon_name="download",
        order=100,
    ),
]

handover_menu = Menu(register_hook_name="register_handover_menu_item", items=HANDOVER_MENU_ITEMS)


@hooks.register("register_admin_urls")
def register_data_export_urls():
    return [
        path("hand-over/data/", include(urls_admin, namespace="content_data")),
        path("hand-over/content/", admin_views.content_bundle_view, name="content_bundle"),
    ]


@hooks.register("register_admin_menu_item")
def register_handover_menu():
    return SubmenuMenuItem(
        _("Hand-over"), handover_menu, name="hand-over", icon_name="folder-open-inverse", order=950
    )
