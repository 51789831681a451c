"""The "Reports" submenu of the Wagtail admin and reports' pages in it (KPI dashboard, KPI
targets, results reports, the figures pages), and the page-view count of every served page.

Every custom admin page of the site is added one way: a ViewSet (its URLs, under its
`url_prefix`, named in the namespace `name`) registered with the hook
`register_admin_viewset`; its menu items go to the menu of its `menu_hook`. Other apps add
to the Reports menu with the hook `register_reports_menu_item`."""

from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_views import MenuItemsViewSet
from reports import admin_views, figures_pages, pageviews
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


class ReportsMenuViewSet(MenuItemsViewSet):
    """Admin pages of reports: their URLs, and their items in the Reports menu, each shown to
    those who hold its permission (`menu_items`: see core.admin_views.MenuItemsViewSet)."""

    menu_hook = "register_reports_menu_item"


class KPIViewSet(ReportsMenuViewSet):
    """The KPI dashboard, the targets of a fiscal year, and a report's versions (generate,
    follow, preview, download), under /admin/reports/."""

    name = "reports_admin"
    url_prefix = "reports"
    menu_items = [
        (_("KPI dashboard"), "dashboard", "kpi-dashboard", "table", 100, admin_views.DASHBOARD),
        (_("KPI targets"), "targets", "kpi-targets", "list-ol", 110, admin_views.TARGETS),
        (
            _("Results reports"),
            report_viewset.get_url_name("index"),
            "results-reports",
            "doc-full",
            120,
            admin_views.REPORTS,
        ),
    ]

    def get_urlpatterns(self):
        return [
            path("dashboard/", admin_views.dashboard, name="dashboard"),
            path("targets/", admin_views.targets, name="targets"),
            path("targets/<int:year>/", admin_views.targets, name="targets_year"),
            path("report/<int:pk>/versions/", admin_views.versions, name="versions"),
            path("report/<int:pk>/generate/", admin_views.generate, name="generate"),
            path("report/<int:pk>/preview/", admin_views.preview, name="preview"),
            path("report/<int:pk>/v<int:number>/status/", admin_views.status, name="status"),
            path(
                "report/<int:pk>/v<int:number>/<str:kind>/",
                admin_views.download,
                name="download",
            ),
        ]


class FiguresViewSet(ReportsMenuViewSet):
    """The figures pages of the furusato residents, the Entry Pass and the consultation desk
    (reports/figures_pages.py), under /admin/reports/figures/."""

    name = "reports_figures"
    url_prefix = "reports/figures"
    menu_items = [
        (
            _("Member figures"),
            "members",
            "member-figures",
            "group",
            200,
            figures_pages.MEMBERS_PERMISSION,
        ),
        (
            _("Entry Pass figures"),
            "entry_pass",
            "entry-pass-figures",
            "tag",
            210,
            figures_pages.ENTRY_PASS_PERMISSION,
        ),
        (
            _("Consultation figures"),
            "consultations",
            "consultation-figures",
            "mail",
            220,
            figures_pages.CONSULTATIONS_PERMISSION,
        ),
    ]

    def get_urlpatterns(self):
        return [
            path("members/", figures_pages.members_figures, name="members"),
            path("entry-pass/", figures_pages.entry_pass_figures, name="entry_pass"),
            path("consultations/", figures_pages.consultations_figures, name="consultations"),
            path(
                "consultations/survey.csv",
                figures_pages.consultations_survey_csv,
                name="consultations_csv",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_reports_viewsets():
    return [report_viewset, KPIViewSet(), FiguresViewSet()]


# The project's Reports menu replaces Wagtail's: it keeps Wagtail's hook names, so the reports
# that Wagtail and wagtail-localize register, and `construct_reports_menu` hooks, apply to it.
reports_menu = Menu(
    register_hook_name="register_reports_menu_item",
    construct_hook_name="construct_reports_menu",
)


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    return SubmenuMenuItem(_("Reports"), reports_menu, name="reports", icon_name="table", order=900)
