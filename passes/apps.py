from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PassesConfig(AppConfig):
    """The Entry Pass: partners, offers, passes and redemption (built by its own issue)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "passes"
    verbose_name = _("Entry Pass")
