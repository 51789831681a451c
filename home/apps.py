from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Portal")

    def ready(self):
        from core import spreadsheet_export
        from core.csv_export import safe_cell
        from home import chrome, search  # noqa: F401  (connect their signal receivers)
        from home.checks import register_checks

        # Wagtail's own CSV exports (snippets, reports) escape formulas like ours do.
        spreadsheet_export.install(safe_cell)
        # The default Site's root URL agrees with WAGTAILADMIN_BASE_URL (the public address).
        register_checks()
