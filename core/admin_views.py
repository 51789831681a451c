"""The e-mails that could not be sent: those that finally failed (with "Send again") and those
still being retried. For superusers and City editors (migration core.0002): the recipients'
addresses are personal data. The content is never shown: it may hold a login code or a
password-reset link."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import mail
from core.models import OutgoingEmail
from core.responses import make_private

logger = logging.getLogger(__name__)
PERMISSION = "core.view_failed_emails"
LISTED = 200


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
