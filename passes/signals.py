"""A pending pass becomes active when its holder confirms the e-mail address."""

from allauth.account.signals import email_confirmed
from django.contrib.auth import login
from django.dispatch import receiver

from passes.services import SESSION_PENDING_USER, activate_pending_passes


@receiver(email_confirmed, dispatch_uid="passes.activate_on_email_confirmed")
def activate_on_email_confirmed(request, email_address, **kwargs):
    user = email_address.user
    if not activate_pending_passes(user) or request is None:
        return
    # The browser that applied a moment ago opened the link: log it in, as allauth does for
    # its own sign-up, so the visitor sees the pass at once. Any other browser logs in.
    session = getattr(request, "session", None)
    if session is not None and session.get(SESSION_PENDING_USER) == user.pk:
        if not request.user.is_authenticated:
            login(request, user, backend="allauth.account.auth_backends.AuthenticationBackend")
        session.pop(SESSION_PENDING_USER, None)
