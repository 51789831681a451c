"""The "Reports" submenu of the Wagtail admin (KPI dashboard, KPI targets, results reports;
other figures pages add themselves with the hook `register_reports_menu_item`), and the
page-view count of every served page."""

from django.urls import include, path, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from reports import admin_views, figures_pages, pageviews, urls_admin  # noqa: F401
from reports.figures_pages import PermissionMenuItem
from reports.forms import ReportForm
from reports.models import Report, Section

hooks.register("before_serve_page", pageviews.mark_page_view)


def _narrative_panel(section):
    return MultiFieldPanel(
        [
            FieldPanel(f"{section.value}_text"),
        ],
        heading=section.label,
    )


class VersionsColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>',
            admin_views.versions_url(instance),
            _("Generate, preview and download"),
        )


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "doc-full"
    menu_label = _("Results reports")
    add_to_admin_menu = False
    url_prefix = "reports/report"
    list_display = [
        "title",
        "kind",
        "start",
        "end",
        "language",
        VersionsColumn("versions", label=_("Versions")),
    ]
    list_filter = ["kind", "language"]
    search_fields = ["title"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("fiscal_year")]),
                FieldRowPanel([FieldPanel("month"), FieldPanel("quarter")]),
                FieldPanel("language"),
            ],
            heading=_("Report"),
        ),
        *[_narrative_panel(section) for section in Section],
        InlinePanel("photos", heading=_("Photos"), label=_("Photo")),
        InlinePanel(
            "highlights", heading=_("Highlighted stories, events and news"), label=_("Page")
        ),
    ]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=ReportForm).bind_to_model(self.model)


report_viewset = ReportViewSet("reports")


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return report_viewset


REPORT_MENU_ITEMS = [
    PermissionMenuItem(
        _("KPI dashboard"),
        reverse_lazy("reports_admin:dashboard"),
        name="kpi-dashboard",
        icon_name="table",
        order=100,
        permission=admin_views.DASHBOARD,
    ),
    PermissionMenuItem(
        _("KPI targets"),
        reverse_lazy("reports_admin:targets"),
        name="kpi-targets",
        icon_name="list-ol",
        order=110,
        permission=admin_views.TARGETS,
    ),
    PermissionMenuItem(
        _("Results reports"),
        reverse_lazy("reports:index"),
        name="results-reports",
        icon_name="doc-full",
        order=120,
        permission=admin_views.REPORTS,
    ),
]

# The project's Reports menu replaces Wagtail's: it keeps Wagtail's hook names, so the reports
# that Wagtail and wagtail-localize register, and `construct_reports_menu` hooks, apply to it.
reports_menu = Menu(
    register_hook_name="register_reports_menu_item",
    construct_hook_name="construct_reports_menu",
    items=REPORT_MENU_ITEMS,
)


@hooks.register("register_admin_urls")
def register_reports_urls():
    return [path("reports/", include(urls_admin, namespace="reports_admin"))]


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    return SubmenuMenuItem(_("Reports"), reports_menu, name="reports", icon_name="table", order=900)
