from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Portal")

    def ready(self):
        from home import chrome, search  # noqa: F401  (connect their signal receivers)
        from home.checks import register_checks

        # The default Site's root URL agrees with WAGTAILADMIN_BASE_URL (the public address).
        register_checks()
