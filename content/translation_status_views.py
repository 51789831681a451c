"""The "Translation status" report (Reports menu): content/translation_status.py's rows,
filtered by language and status, with links to translate, edit or sync."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail_localize.models import TranslationSource

from content import translation_status

# Everyone who translates or edits content: City editors, Contractor editors, Translators.
PERMISSION = "wagtail_localize.submit_translation"


def can_see_translation_status(user):
    return user.has_perm(PERMISSION)


class TranslationStatusFilterSet(django_filters.FilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=translation_status.target_languages, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=translation_status.STATUSES, empty_label=_("All")
    )


class ActionsColumn(Column):
    cell_template_name = "content/translation_status_actions_cell.html"


class TranslationStatusView(ReportView):
    page_title = _("Translation status")
    header_icon = "site"
    index_url_name = "content_translation_status:index"
    index_results_url_name = "content_translation_status:results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 100
    export_headings = {
        "kind": _("Type"),
        "title": _("Japanese original"),
        "language_name": _("Language"),
        "status_label": _("Status"),
    }
    list_export = ["kind", "title", "language_name", "status_label"]
    columns = [
        TitleColumn("title", label=_("Japanese original"), get_url=lambda row: row.source_url),
        Column("kind", label=_("Type")),
        Column("language_name", label=_("Language")),
        Column("status_label", label=_("Status")),
        ActionsColumn("actions", label=_("Actions")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        # The rows are computed, not a queryset: the filter set only reads and checks the form.
        return {**super().get_filterset_kwargs(), "queryset": TranslationSource.objects.none()}

    def get_queryset(self):
        return self.filter_queryset(translation_status.translation_status_rows(self.language))

    @property
    def language(self):
        if self.filters and self.filters.is_valid() and self.filters.form.cleaned_data["language"]:
            return [self.filters.form.cleaned_data["language"]]
        return None

    def get_filtered_queryset(self):
        return self.get_queryset()

    def filter_queryset(self, rows):
        if self.filters and self.filters.is_valid():
            status = self.filters.form.cleaned_data["status"]
            if status:
                rows = [row for row in rows if row.status == status]
        return rows
