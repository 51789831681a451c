from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PassesConfig(AppConfig):
    """The Entry Pass: partners, offers, passes and redemption."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "passes"
    verbose_name = _("Entry Pass")

    def ready(self):
        from members.signals import collect_member_data
        from passes import services, signals  # noqa: F401

        collect_member_data.connect(services.holder_data, dispatch_uid="passes.holder_data")
