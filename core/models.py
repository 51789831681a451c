from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """An e-mail the site sends, kept until the mail server has taken it: a mail outage delays
    it, loses nothing (core.mail). Plain JSON fields, no pickle: a stored row can never run
    code when it is read back."""

    subject = models.TextField(_("subject"), blank=True)
    body = models.TextField(blank=True)
    content_subtype = models.CharField(max_length=20, default="plain")
    from_email = models.CharField(max_length=300, blank=True)
    to = models.JSONField(default=list, blank=True)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # [[content, mimetype], …]
    alternatives = models.JSONField(default=list, blank=True)
    # [{"filename", "mimetype", "content", "base64": bool}, …] or {"mime": base64 of a MIME part}
    attachments = models.JSONField(default=list, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    # Without the recipient's address (see core.mail.send_now).
    last_error = models.TextField(_("last error"), blank=True)
    # When the next attempt is due; set when the e-mail is stored (due at once) and after
    # each attempt (see core.mail.retry_delay).
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        permissions = [
            ("view_failed_emails", "Can see and resend e-mails that could not be sent"),
        ]

    def __str__(self):
        return f"{self.pk}: {self.subject[:60]}"

    @property
    def recipients(self):
        return [*self.to, *self.cc, *self.bcc]
