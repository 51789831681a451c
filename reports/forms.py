"""The period picker of the dashboard, the KPI targets of a fiscal year and the report form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from core import japan_time
from reports import periods
from reports.models import KPI, LEVEL_KPIS, KPITarget

FISCAL_MONTHS = [(m, m) for m in (*range(4, 13), 1, 2, 3)]


def month_choices():
    return [(m, _("Month %(month)d") % {"month": m}) for m, _m in FISCAL_MONTHS]


def quarter_choices():
    return [
        (1, gettext_lazy("Q1 (April–June)")),
        (2, gettext_lazy("Q2 (July–September)")),
        (3, gettext_lazy("Q3 (October–December)")),
        (4, gettext_lazy("Q4 (January–March)")),
    ]


def fiscal_year_field(**kwargs):
    return forms.IntegerField(
        label=gettext_lazy("Fiscal year"),
        min_value=2000,
        max_value=2100,
        help_text=gettext_lazy("The year in which the fiscal year starts (April)."),
        **kwargs,
    )


def period_from(kind, fiscal_year, month=None, quarter=None):
    if kind == periods.MONTH:
        year = fiscal_year + (1 if month < 4 else 0)
        return periods.Period.month(year, month)
    if kind == periods.QUARTER:
        return periods.Period.quarter(fiscal_year, quarter)
    return periods.Period.fiscal_year(fiscal_year)


class PeriodForm(forms.Form):
    """The dashboard's period: a month, a quarter or a fiscal year, or two dates."""

    kind = forms.ChoiceField(label=gettext_lazy("Period"), choices=periods.KIND_CHOICES)
    year = fiscal_year_field(required=False)
    month = forms.TypedChoiceField(
        label=gettext_lazy("Month"), coerce=int, required=False, choices=month_choices
    )
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Quarter"), coerce=int, required=False, choices=quarter_choices
    )
    start = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def full_clean(self):
        super().full_clean()
        # Each field's error is read with it (the template gives the message this id).
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"

    @classmethod
    def initial_for_today(cls):
        today = japan_time.today()
        return {
            "kind": periods.FISCAL_YEAR,
            "year": japan_time.fiscal_year_of(today),
            "month": today.month,
            "quarter": (
                japan_time.fiscal_year_months(japan_time.fiscal_year_of(today)).index(
                    (today.year, today.month)
                )
            )
            // 3
            + 1,
            "start": today.replace(day=1),
            "end": today,
        }

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind is None:
            return data
        if kind == periods.CUSTOM:
            start, end = data.get("start"), data.get("end")
            for name in ("start", "end"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Enter a date."))
            if not (start and end):
                return data
            period = periods.Period.custom(start, end)
        else:
            if data.get("year") is None:
                if "year" not in self.errors:
                    self.add_error("year", _("Enter a fiscal year."))
                return data
            if kind == periods.MONTH and not data.get("month"):
                self.add_error("month", _("Choose a month."))
                return data
            if kind == periods.QUARTER and not data.get("quarter"):
                self.add_error("quarter", _("Choose a quarter."))
                return data
            period = period_from(kind, data["year"], data.get("month"), data.get("quarter"))
        try:
            period.validate()
        except ValidationError as error:
            self.add_error("end" if error.code == "reversed" else None, error)
            return data
        data["period"] = period
        return data


class TargetsForm(forms.Form):
    """Every KPI's target for one fiscal year: the year's figure, and optionally the twelve
    months (April to March). Months left empty are spread evenly."""

    def __init__(self, fiscal_year, *args, **kwargs):
        self.fiscal_year = fiscal_year
        existing = {t.kpi: t for t in KPITarget.objects.filter(fiscal_year=fiscal_year)}
        initial = {}
        for kpi, target in existing.items():
            initial[f"{kpi}-annual"] = target.annual
            for (_year, month), value in zip(
                japan_time.fiscal_year_months(fiscal_year), target.monthly or [], strict=False
            ):
                initial[f"{kpi}-m{month}"] = value
        super().__init__(*args, initial=initial, **kwargs)
        self.months = japan_time.fiscal_year_months(fiscal_year)
        for kpi in KPI:
            self.fields[f"{kpi}-annual"] = forms.IntegerField(
                label=_("%(kpi)s: target for FY%(year)d") % {"kpi": kpi.label, "year": fiscal_year},
                min_value=0,
                max_value=100_000_000,
                required=False,
            )
            for year, month in self.months:
                self.fields[f"{kpi}-m{month}"] = forms.IntegerField(
                    label=_("%(kpi)s: target for %(year)d-%(month)02d")
                    % {"kpi": kpi.label, "year": year, "month": month},
                    min_value=0,
                    max_value=100_000_000,
                    required=False,
                )

    def rows(self):
        """[(kpi, annual bound field, [month bound fields])] for the template."""
        return [
            (
                kpi,
                self[f"{kpi}-annual"],
                [self[f"{kpi}-m{month}"] for _year, month in self.months],
            )
            for kpi in KPI
        ]

    def clean(self):
        data = super().clean()
        self.targets = {}
        for kpi in KPI:
            annual = data.get(f"{kpi}-annual")
            months = [data.get(f"{kpi}-m{month}") for _year, month in self.months]
            if any(
                f"{kpi}-{suffix}" in self.errors
                for suffix in ["annual"] + [f"m{m}" for _y, m in self.months]
            ):
                continue
            entered = [value for value in months if value is not None]
            if entered and len(entered) < 12:
                self.add_error(
                    f"{kpi}-annual",
                    _(
                        "%(kpi)s: enter all twelve months, or leave every month empty "
                        "to spread the year's target evenly."
                    )
                    % {"kpi": kpi.label},
                )
                continue
            if entered and annual is None:
                annual = months[-1] if kpi in LEVEL_KPIS else sum(months)
            if entered and kpi not in LEVEL_KPIS and sum(months) != annual:
                self.add_error(
                    f"{kpi}-annual",
                    _("%(kpi)s: the months add up to %(sum)s, not the year's %(annual)s.")
                    % {"kpi": kpi.label, "sum": f"{sum(months):,}", "annual": f"{annual:,}"},
                )
                continue
            self.targets[kpi] = (annual, months if entered else [])
        return data

    def save(self, user):
        for kpi, (annual, months) in self.targets.items():
            if annual is None:
                KPITarget.objects.filter(fiscal_year=self.fiscal_year, kpi=kpi).delete()
                continue
            KPITarget.objects.update_or_create(
                fiscal_year=self.fiscal_year,
                kpi=kpi,
                defaults={"annual": annual, "monthly": months, "updated_by": user},
            )


class ReportForm(WagtailAdminModelForm):
    """The period is chosen as a fiscal year and a month or quarter; the dates follow."""

    fiscal_year = fiscal_year_field()
    month = forms.TypedChoiceField(
        label=gettext_lazy("Month"),
        coerce=int,
        required=False,
        choices=[("", "—"), *[(m, m) for m, _m in FISCAL_MONTHS]],
        help_text=gettext_lazy("For a monthly report."),
    )
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Quarter"),
        coerce=int,
        required=False,
        choices=[("", "—"), *quarter_choices()],
        help_text=gettext_lazy("For a quarterly report."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Draftail's textbox has no accessible name: the field's <label> points at the hidden
        # input it replaces (wagtail#14205, open in 8.0). Name it by the label Wagtail renders.
        for name, field in self.fields.items():
            if name.endswith("_text") and hasattr(field.widget, "options"):
                label_id = f"{self[name].id_for_label}-label"
                field.widget.options = {**field.widget.options, "ariaLabelledBy": label_id}
        instance = self.instance
        if instance.pk and instance.start:
            period = instance.period
            self.initial.setdefault("fiscal_year", period.fiscal_year_number)
            if instance.kind == periods.MONTH:
                self.initial.setdefault("month", instance.start.month)
            if instance.kind == periods.QUARTER:
                self.initial.setdefault("quarter", period.quarter_number)
        else:
            self.initial.setdefault("fiscal_year", japan_time.current_fiscal_year())

    def clean(self):
        data = super().clean()
        kind, year = data.get("kind"), data.get("fiscal_year")
        if not kind or year is None:
            return data
        if kind == periods.MONTH and not data.get("month"):
            self.add_error("month", _("Choose the month of a monthly report."))
            return data
        if kind == periods.QUARTER and not data.get("quarter"):
            self.add_error("quarter", _("Choose the quarter of a quarterly report."))
            return data
        period = period_from(kind, year, data.get("month"), data.get("quarter"))
        try:
            period.validate()
        except ValidationError as error:
            self.add_error("fiscal_year", error)
            return data
        self.instance.start, self.instance.end = period.start, period.end
        return data


def default_title(kind, period):
    labels = {
        periods.MONTH: _("Monthly report %(period)s"),
        periods.QUARTER: _("Quarterly report %(period)s"),
        periods.FISCAL_YEAR: _("Results report %(period)s"),
    }
    return labels[kind] % {"period": period.label}
