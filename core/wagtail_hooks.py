"""The "E-mails not sent" page in the admin's Reports menu (core.admin_views)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from core import admin_views


@hooks.register("register_reports_menu_item")
def register_failed_emails_menu_item():
    return admin_views.ShownToMenuItem(
        _("E-mails not sent"),
        reverse_lazy("core_failed_emails:index"),
        name="failed-emails",
        icon_name="mail",
        order=9100,
        shown_to=admin_views.can_see_failed_emails,
    )


class FailedEmailsViewSet(ViewSet):
    """The "E-mails not sent" page (its menu item is in Reports, above)."""

    name = "core_failed_emails"
    url_prefix = "reports/failed-emails"

    def get_urlpatterns(self):
        return [
            path("", admin_views.failed_emails, name="index"),
            path("<int:pk>/send-again/", admin_views.send_again, name="send_again"),
        ]


@hooks.register("register_admin_viewset")
def register_failed_emails_viewset():
    return FailedEmailsViewSet()
