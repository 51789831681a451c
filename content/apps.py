from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """Hand-over: content bundles (export/import), the static copy and the city's data export.

    It sits at the top of the dependency graph (it reads every app's content); no app imports it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "content"
    verbose_name = _("Hand-over")
