"""The "E-mails not sent" page in the admin's Reports menu (core.admin_views)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core import admin_views


class FailedEmailsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_failed_emails(request.user)


@hooks.register("register_reports_menu_item")
def register_failed_emails_menu_item():
    return FailedEmailsMenuItem(
        _("E-mails not sent"),
        reverse_lazy("core_failed_emails"),
        name="failed-emails",
        icon_name="mail",
        order=9100,
    )


@hooks.register("register_admin_urls")
def register_failed_emails_urls():
    return [
        path("reports/failed-emails/", admin_views.failed_emails, name="core_failed_emails"),
        path(
            "reports/failed-emails/<int:pk>/send-again/",
            admin_views.send_again,
            name="core_failed_email_send_again",
        ),
    ]
