from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    """Campaign pages, creators, tracking links and attribution (built by its own issue)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "campaigns"
    verbose_name = _("Campaigns")
