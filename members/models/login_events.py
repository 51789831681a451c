"""Failed logins, kept for staff to see who is being attacked and from where (issue 15)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginEvent(models.Model):
    """One refused or held-back login. Never the password: only the address typed, the
    account it names (if any), the client's address and what happened."""

    class Outcome(models.TextChoices):
        FAILED_PASSWORD = "failed_password", _("Wrong password or unknown account")
        RATE_LIMITED = "rate_limited", _("Refused: too many attempts from this address")
        CODE_REQUIRED = "code_required", _("Right password; e-mailed code required")

    at = models.DateTimeField(_("when"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.CharField(_("e-mail address typed"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)

    class Meta:
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")
        ordering = ["-at"]
        indexes = [models.Index(fields=["ip_address", "at"], name="members_login_ip_at")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.email} {self.outcome}"
