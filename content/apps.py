from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """Hand-over: content bundles (export/import), the static copy and the city's data export.

    It sits at the top of the dependency graph (it reads every app's content); no app imports it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "content"
    verbose_name = _("Hand-over")

    def ready(self):
        from content import snippet_translation_review  # connects its signal receivers
        from core import locales

        if snippet_translation_review.unapproved_translation_keys not in (
            locales.unapproved_translation_keys
        ):
            locales.unapproved_translation_keys.append(
                snippet_translation_review.unapproved_translation_keys
            )
