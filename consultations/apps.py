from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """The consultation desk (相談窓口): public form, the person's thread, the staff inbox."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = _("Consultation desk")
