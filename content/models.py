"""What an import left behind: one row per imported object, so that a later import of the same
bundle can tell an object it wrote (and may update) from one an editor changed since."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    key = models.CharField(_("natural key"), max_length=255, unique=True)
    digest = models.CharField(
        _("digest"),
        max_length=64,
        help_text=_("SHA-256 of the object as exported right after the import."),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported object")
        verbose_name_plural = _("imported objects")

    def __str__(self):
        return self.key
