from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """The consultation desk (相談窓口): public form, the person's thread, the staff inbox."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = _("Consultation desk")

    def ready(self):
        from django.db.models.signals import post_save

        from consultations import my_page, services
        from consultations.signals import consultation_saved
        from members.signals import account_deleting, collect_member_data

        post_save.connect(
            consultation_saved,
            sender="consultations.Consultation",
            dispatch_uid="consultations.topics",
        )

        collect_member_data.connect(
            services.member_consultations_data, dispatch_uid="consultations.member_data"
        )
        account_deleting.connect(
            services.erase_member_consultations, dispatch_uid="consultations.account_deleting"
        )
        # The account's consultations on My page (members never imports consultations).
        my_page.register()
        # The desk's e-mails that finally failed show with the site's other unsent e-mails.
        from core.mail import register_failed_email_source

        register_failed_email_source(services.finally_failed_deliveries)
