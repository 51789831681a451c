from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import spreadsheet_export
        from core.csv_export import safe_cell

        # Wagtail's own CSV exports (snippets, reports) escape formulas like ours do.
        spreadsheet_export.install(safe_cell)
