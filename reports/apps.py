from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """KPI targets, the KPI dashboard, first-party page views and the results report: the one
    place for figures that cross apps. Other apps never import it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from .checks import register_checks

        register_checks()
