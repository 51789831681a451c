from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """The consultation desk (相談窓口): public form, the person's thread, the staff inbox."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = _("Consultation desk")

    def ready(self):
        from consultations import services
        from members.signals import account_deleting, collect_member_data

        collect_member_data.connect(
            services.member_consultations_data, dispatch_uid="consultations.member_data"
        )
        account_deleting.connect(
            services.erase_member_consultations, dispatch_uid="consultations.account_deleting"
        )
