"""The KPI dashboard, the targets of a fiscal year, and a report's versions: generate,
follow the progress, preview, download. City and contractor editors only (migration
reports.0002_roles)."""

from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import japan_time
from core.admin_views import require_permission
from core.responses import make_private
from reports import generation, periods, sections
from reports.forms import PeriodForm, TargetsForm
from reports.models import KPI, Report, ReportVersion

DASHBOARD = "reports.view_kpi_dashboard"
TARGETS = "reports.change_kpitarget"
REPORTS = "reports.change_report"


def dashboard(request):
    require_permission(request, DASHBOARD)
    form = PeriodForm(request.GET or None, initial=PeriodForm.initial_for_today())
    period = None
    if not request.GET:
        period = periods.Period.fiscal_year(japan_time.current_fiscal_year())
    elif form.is_valid():
        period = form.cleaned_data["period"]
    context = {
        "page_title": _("KPI dashboard"),
        "header_icon": "table",
        "form": form,
        "period": period,
    }
    if period is not None:
        built = sections.Figures(period)
        context["kpis"] = [built.kpis[code] for code in KPI.values]
        context["trends"] = [built.trend(code) for code in KPI.values]
        context["sections"] = sections.build(period, figures_of_period=built)
    return make_private(TemplateResponse(request, "reports/admin/dashboard.html", context))


def targets(request, year=None):
    require_permission(request, TARGETS)
    year = year or japan_time.current_fiscal_year()
    if not 2000 <= year <= 2100:
        raise Http404
    form = TargetsForm(year, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save(request.user)
        messages.success(request, _("The targets for FY%(year)d are saved.") % {"year": year})
        return redirect("reports_admin:targets_year", year=year)
    return make_private(
        TemplateResponse(
            request,
            "reports/admin/targets.html",
            {
                "page_title": _("KPI targets"),
                "header_icon": "list-ol",
                "form": form,
                "year": year,
                "years": range(year - 2, year + 3),
                "months": form.months,
            },
        )
    )


def _report(request, pk):
    require_permission(request, REPORTS)
    return get_object_or_404(Report, pk=pk)


def versions(request, pk):
    report = _report(request, pk)
    return make_private(
        TemplateResponse(
            request,
            "reports/admin/versions.html",
            {
                "page_title": report.title,
                "header_icon": "doc-full",
                "report": report,
                "versions": report.versions.order_by("-number"),
            },
        )
    )


@require_POST
def generate(request, pk):
    report = _report(request, pk)
    version = generation.request_generation(report, request.user)
    messages.success(
        request,
        _("Version %(number)d of the report is being generated.") % {"number": version.number},
    )
    return redirect("reports_admin:versions", pk=report.pk)


def status(request, pk, number):
    report = _report(request, pk)
    version = get_object_or_404(ReportVersion, report=report, number=number)
    return make_private(
        JsonResponse(
            {
                "status": version.status,
                "label": version.get_status_display(),
                "progress": version.progress,
                "step": version.step,
            }
        )
    )


def preview(request, pk):
    """The report as it would be generated now: the latest version's frozen figures (or
    today's, before the first generation) with the text and photos as they are now."""
    from reports import render

    report = _report(request, pk)
    latest = report.versions.filter(status=ReportVersion.Status.DONE).order_by("-number").first()
    figures = latest.snapshot["sections"] if latest else None
    snapshot = generation.build_snapshot(report, figures=figures)
    html = render.render_html(snapshot)
    response = TemplateResponse(
        request,
        "reports/admin/preview.html",
        {
            "page_title": _("Preview: %(title)s") % {"title": report.title},
            "header_icon": "view",
            "report": report,
            "latest": latest,
            "document": html,
        },
    )
    return make_private(response)


FILES = {
    "pdf": ("pdf", "application/pdf"),
    "data": ("data_zip", "application/zip"),
    "docx": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


def download(request, pk, number, kind):
    report = _report(request, pk)
    version = get_object_or_404(
        ReportVersion, report=report, number=number, status=ReportVersion.Status.DONE
    )
    if kind not in FILES:
        raise Http404
    field, content_type = FILES[kind]
    file = getattr(version, field)
    if not file:
        raise Http404
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=file.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
    return make_private(response)


def versions_url(report):
    return reverse("reports_admin:versions", args=[report.pk])
