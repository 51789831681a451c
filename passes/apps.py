from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PassesConfig(AppConfig):
    """The Entry Pass: partners, offers, passes and redemption."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "passes"
    verbose_name = _("Entry Pass")

    def ready(self):
        from members.signals import collect_member_data
        from passes import my_page, services, signals  # noqa: F401

        collect_member_data.connect(services.holder_data, dispatch_uid="passes.holder_data")
        # The pass's section on My page, the pass as a purpose of an account (members'
        # login and e-mails), the residence a pass holder gave: members never imports passes.
        my_page.register()
