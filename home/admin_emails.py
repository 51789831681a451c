"""Moderation and comment e-mails in the recipient's admin language.

Wagtail renders each notification under the recipient's `UserProfile.get_preferred_language()`.
For a recipient who chose no language that falls back to the *active* language, which is the
sender's: a translator working in English who submits a page would send the city editors —
Japanese staff who never touched the setting — an English e-mail. The account form promises
those staff "Use server language: 日本語", so the project sends every admin notification with
the server language (settings.LANGUAGE_CODE) active; a recipient's explicit choice still wins.

Wagtail sends workflow notifications from four signal receivers (wagtail.admin.signal_handlers)
and comment notifications from the page editor through `wagtail.admin.mail.send_notification`;
`install()` reconnects the former and wraps the latter, nothing else changes.
"""

import functools

from django.conf import settings
from django.utils.translation import override
from wagtail.admin import signal_handlers
from wagtail.admin.views.pages import edit as page_edit_view
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted


def in_server_language(send):
    """`send` with the server language active, so that recipients without a preferred
    language get it rather than the sender's language."""
    if getattr(send, "in_server_language", False):
        return send

    def wrapper(*args, **kwargs):
        with override(settings.LANGUAGE_CODE):
            return send(*args, **kwargs)

    functools.update_wrapper(wrapper, send, updated=())
    wrapper.in_server_language = True
    return wrapper


# (signal, sender, Wagtail's dispatch_uid, Wagtail's notifier)
WORKFLOW_NOTIFIERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        signal_handlers.task_submission_email_notifier,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        signal_handlers.workflow_submission_email_notifier,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        signal_handlers.workflow_rejection_email_notifier,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        signal_handlers.workflow_approval_email_notifier,
    ),
]


def install():
    """Idempotent: the same dispatch_uid replaces Wagtail's receiver (or ours)."""
    for signal, sender, dispatch_uid, notifier in WORKFLOW_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(
            in_server_language(notifier), sender=sender, dispatch_uid=dispatch_uid, weak=False
        )
    page_edit_view.send_notification = in_server_language(page_edit_view.send_notification)
