from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PassesConfig(AppConfig):
    """The Entry Pass: partners, offers, passes and redemption."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "passes"
    verbose_name = _("Entry Pass")

    def ready(self):
        from passes import signals  # noqa: F401
