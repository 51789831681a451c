"""The figures pages of the furusato residents, the Entry Pass and the consultation desk, with
their CSV exports, in one "Figures" menu. Each page keeps the right it had in its app; the
figures themselves are computed in reports (membership_figures, entry_pass,
consultation_figures and the cross-app reports.figures).

The menu is reports' own: the members' and the Entry Pass menus belong to their apps, which do
not import reports. The pages' URLs and menu items: reports/wagtail_hooks.py (FiguresViewSet)."""

import io

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from consultations import services as consultation_services
from consultations.models import Channel, PlaceKind, StaffViewLog, Topic
from core import japan_time
from core.admin_views import require_permission
from core.csv_export import csv_response
from core.responses import make_private
from reports import consultation_figures, entry_pass, membership_figures, periods

MEMBERS_PERMISSION = "members.view_membership"
ENTRY_PASS_PERMISSION = "passes.view_pass_analytics"
CONSULTATIONS_PERMISSION = "consultations.view_consultation"


# Furusato residents -----------------------------------------------------------------------


class PeriodForm(forms.Form):
    """Japan-time dates, both included; empty means the current fiscal year."""

    date_from = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("date_from") or cleaned.get("date_to")):
            period = default_period()
        else:
            # A missing end is today (a custom period may not end in the future).
            period = periods.Period.custom(
                cleaned.get("date_from") or default_period().start,
                cleaned.get("date_to") or min(default_period().end, japan_time.today()),
            )
        # A reversed period, one not started yet or one before the site: the form's error.
        cleaned["period"] = period.validate()
        return cleaned


def default_period():
    return periods.Period.fiscal_year(japan_time.current_fiscal_year())


def members_figures(request):
    require_permission(request, MEMBERS_PERMISSION)
    form = PeriodForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return make_private(
            TemplateResponse(request, "reports/admin/members_figures.html", {"form": form})
        )
    period = form.cleaned_data["period"] if form.is_bound else default_period()
    data = membership_figures.membership_figures(period)
    if request.GET.get("format") == "csv":
        return csv_response(
            membership_figures.csv_text(data),
            f"member-figures-{period.start.isoformat()}-{period.end.isoformat()}.csv",
        )
    query = request.GET.copy()
    query["format"] = "csv"
    return make_private(
        TemplateResponse(
            request,
            "reports/admin/members_figures.html",
            {"form": form, "figures": data, "csv_query": query.urlencode()},
        )
    )


# Entry Pass -------------------------------------------------------------------------------


def entry_pass_figures(request):
    require_permission(request, ENTRY_PASS_PERMISSION)
    data = entry_pass.figures()
    if request.GET.get("format") == "csv":
        out = io.StringIO()
        entry_pass.write_csv(out, data)
        stamp = japan_time.today().isoformat()
        return csv_response(out.getvalue(), f"entry-pass-{stamp}.csv")
    top = max([n for _d, n in data["by_day"]] + [n for _h, n in data["by_hour"]] + [1])
    return make_private(
        TemplateResponse(
            request,
            "reports/admin/entry_pass_figures.html",
            {"data": data, "top": top, "default": Locale},
        )
    )


# Consultations ----------------------------------------------------------------------------

FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR = 2000, 2100


def _fiscal_year(request):
    """The fiscal year asked for, within 2000 … 2100 (a year like 99999 would not make a
    date); anything else gives the current one."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return japan_time.current_fiscal_year()
    return min(max(year, FIRST_FISCAL_YEAR), LAST_FISCAL_YEAR)


def consultations_figures(request):
    require_permission(request, CONSULTATIONS_PERMISSION)
    year = _fiscal_year(request)
    data = consultation_figures.figures(year)
    month_rows = [
        (f"{y}-{m:02d}", [data["by_month"][(y, m)][c] for c in data["channels"]])
        for y, m in data["months"]
    ]
    topic_rows = [
        (t.label, [data["by_topic"][t][c] for c in data["channels"]]) for t in data["by_topic"]
    ]
    place_rows = [
        (p.label, [data["by_place"][p][c] for c in data["channels"]]) for p in data["by_place"]
    ]
    return make_private(
        TemplateResponse(
            request,
            "reports/admin/consultation_figures.html",
            {
                "page_title": _("Consultation figures"),
                "header_icon": "table",
                "data": data,
                "response_days": consultation_services.response_days(),
                "year": year,
                "years": range(year - 3, year + 2),
                "month_rows": month_rows,
                "topic_rows": topic_rows,
                "place_rows": place_rows,
                "detailed_rows": [
                    (f"{y}-{m:02d}", Channel(c).label, Topic(t).label, PlaceKind(k).label, n)
                    for ((y, m), c, t, k), n in data["detailed"]
                ],
            },
        )
    )


def consultations_survey_csv(request):
    require_permission(request, CONSULTATIONS_PERMISSION)
    year = _fiscal_year(request)
    consultation_services.log_staff_action(
        request.user, None, StaffViewLog.Action.EXPORT, detail=f"survey CSV FY{year}"
    )
    return csv_response(consultation_figures.survey_csv(year), f"consultations-fy{year}.csv")
