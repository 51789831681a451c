"""The e-mails that could not be sent: those that finally failed (with "Send again") and those
still being retried. For superusers and City editors (migration core.0002): the recipients'
addresses are personal data. The content is never shown: it may hold a login code or a
password-reset link.

Also what every app's own admin pages share: `require_permission` for their views, and
`ShownToMenuItem` / `MenuItemsViewSet` for their menu items, each shown only to those who may
open the page it leads to."""

import functools
import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from core import mail
from core.models import OutgoingEmail
from core.responses import make_private

logger = logging.getLogger(__name__)
PERMISSION = "core.view_failed_emails"
LISTED = 200


def require_permission(request, permission):
    """For an admin view: 403 unless the user holds `permission` (e.g. "reports.view_kpi")."""
    if not request.user.has_perm(permission):
        raise PermissionDenied


class ShownToMenuItem(MenuItem):
    """A menu item shown only to those `shown_to` lets in: a permission name, or a function of
    the user (the same rule the page's view applies)."""

    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        if isinstance(self.shown_to, str):
            return request.user.has_perm(self.shown_to)
        return self.shown_to(request.user)


def menu_item_class_shown_to(shown_to):
    """A ViewSet's `menu_item_class` whose item is a ShownToMenuItem (Wagtail calls it with the
    label, URL, name, icon and order)."""
    return functools.partial(ShownToMenuItem, shown_to=shown_to)


class MenuItemsViewSet(ViewSet):
    """Admin pages with several items in the menu of `menu_hook` (a submenu such as Reports).
    `menu_items`: (label, URL name, menu name, icon, order, shown_to); a URL name without a
    namespace is one of this viewset's; `shown_to` as for ShownToMenuItem."""

    menu_items = ()
    menu_item = ShownToMenuItem

    def get_menu_items(self):
        return [
            self.menu_item(
                label,
                reverse_lazy(url_name if ":" in url_name else self.get_url_name(url_name)),
                name=name,
                icon_name=icon,
                order=order,
                shown_to=shown_to,
            )
            for label, url_name, name, icon, order, shown_to in self.menu_items
        ]

    def register_menu_item(self):
        for item in self.get_menu_items():
            hooks.register(self.menu_hook, lambda item=item: item)


def can_see_failed_emails(user):
    return user.is_active and user.has_perm(PERMISSION)


def _require(request):
    if not can_see_failed_emails(request.user):
        raise PermissionDenied


def failed_emails(request):
    _require(request)
    # Staff views of personal data are logged (who, when).
    logger.info("User %s viewed the e-mails that could not be sent", request.user.pk)
    unsent = OutgoingEmail.objects.filter(sent_at__isnull=True).defer(
        "body", "alternatives", "attachments"
    )
    failed = list(unsent.filter(mail.failed_q()).order_by("-created_at")[:LISTED])
    retrying = list(
        unsent.exclude(mail.failed_q()).filter(attempts__gt=0).order_by("next_attempt_at")[:LISTED]
    )
    response = TemplateResponse(
        request,
        "core/admin/failed_emails.html",
        {
            "page_title": _("E-mails not sent"),
            "header_icon": "mail",
            "failed": failed,
            "retrying": retrying,
            "other_failed": mail.other_failed_emails(LISTED),
            "max_attempts": mail.max_attempts(),
        },
    )
    make_private(response)
    return response


@require_POST
def send_again(request, pk):
    _require(request)
    if mail.send_again(pk):
        logger.info("User %s sent e-mail %s again", request.user.pk, pk)
        messages.success(request, _("The e-mail is queued again; the list shows how it goes."))
    else:
        messages.warning(request, _("This e-mail is no longer among the failed ones."))
    return redirect("core_failed_emails:index")
