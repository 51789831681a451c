"""Reporting periods in Japan time: months, quarters and fiscal years (April to March, as
Japanese public bodies count), or a custom range of days. Both ends are included; `bounds()`
gives the half-open datetime range the queries use, so 31 March 23:59 JST belongs to one fiscal
year and 1 April 00:00 JST to the next. Japan time and the fiscal year themselves are
core.japan_time's."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.japan_time import JST, fiscal_year_months, fiscal_year_of, start_of_day, today

MONTH, QUARTER, FISCAL_YEAR, CUSTOM = "month", "quarter", "fiscal_year", "custom"
KIND_CHOICES = [
    (MONTH, gettext_lazy("Month")),
    (QUARTER, gettext_lazy("Quarter")),
    (FISCAL_YEAR, gettext_lazy("Fiscal year")),
    (CUSTOM, gettext_lazy("Custom")),
]


MAX_CUSTOM_DAYS = 731


def month_key(value):
    """(year, month) in Japan time of a datetime or date, e.g. a TruncMonth value (aware with
    USE_TZ on PostgreSQL and SQLite)."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value, JST)
    return (value.year, value.month)


def first_day_after(year, month):
    return dt.date(year + (month == 12), month % 12 + 1, 1)


def site_start():
    """The first day the site has figures for (REPORTS_SITE_START, an ISO date)."""
    return dt.date.fromisoformat(getattr(settings, "REPORTS_SITE_START", "2025-04-01"))


@dataclass(frozen=True)
class Period:
    kind: str
    start: dt.date
    end: dt.date  # included

    @classmethod
    def month(cls, year, month):
        return cls(MONTH, dt.date(year, month, 1), first_day_after(year, month) - dt.timedelta(1))

    @classmethod
    def quarter(cls, fiscal_year, number):
        """Quarter 1 is April–June, 4 is January–March of the next calendar year."""
        year, month = fiscal_year_months(fiscal_year)[(number - 1) * 3]
        end_year, end_month = fiscal_year_months(fiscal_year)[number * 3 - 1]
        return cls(
            QUARTER,
            dt.date(year, month, 1),
            first_day_after(end_year, end_month) - dt.timedelta(1),
        )

    @classmethod
    def fiscal_year(cls, fiscal_year):
        months = fiscal_year_months(fiscal_year)
        return cls(FISCAL_YEAR, cls.month(*months[0]).start, cls.month(*months[-1]).end)

    @classmethod
    def custom(cls, start, end):
        return cls(CUSTOM, start, end)

    @property
    def fiscal_year_number(self):
        return fiscal_year_of(self.start)

    @property
    def quarter_number(self):
        return (
            fiscal_year_months(self.fiscal_year_number).index((self.start.year, self.start.month))
            // 3
            + 1
        )

    def bounds(self):
        """[start 00:00 JST, day after end 00:00 JST) as aware datetimes."""
        return start_of_day(self.start), start_of_day(self.end + dt.timedelta(1))

    def months(self):
        """(year, month) of every month the period touches, in order."""
        months, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def days(self):
        return (self.end - self.start).days + 1

    @property
    def label(self):
        if self.kind == MONTH:
            return _("%(year)d-%(month)02d") % {"year": self.start.year, "month": self.start.month}
        if self.kind == QUARTER:
            return _("FY%(year)d Q%(quarter)d") % {
                "year": self.fiscal_year_number,
                "quarter": self.quarter_number,
            }
        if self.kind == FISCAL_YEAR:
            return _("FY%(year)d") % {"year": self.fiscal_year_number}
        return _("%(start)s to %(end)s") % {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }

    def validate(self, allow_future=False):
        """A clear message for a reversed period, one in the future or one before the site."""
        if self.end < self.start:
            raise ValidationError(_("The period ends before it starts."), code="reversed")
        if not allow_future and self.start > today():
            raise ValidationError(_("The period has not started yet."), code="future")
        if self.end < site_start():
            raise ValidationError(
                _("The period ends before the site existed (%(date)s).")
                % {"date": site_start().isoformat()},
                code="before_site",
            )
        if self.kind == CUSTOM:
            # Two dates are the editor's own: they must lie within the site's life, and a
            # range of years is better asked for as fiscal years.
            if self.start < site_start():
                raise ValidationError(
                    _("The period starts before the site existed (%(date)s).")
                    % {"date": site_start().isoformat()},
                    code="before_site",
                )
            if not allow_future and self.end > today():
                raise ValidationError(_("The period ends after today."), code="future")
            if self.days() > MAX_CUSTOM_DAYS:
                raise ValidationError(
                    _("Choose at most %(days)d days, or a fiscal year.")
                    % {"days": MAX_CUSTOM_DAYS},
                    code="too_long",
                )
        return self

    def to_dict(self):
        return {"kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_dict(cls, data):
        return cls(
            data["kind"], dt.date.fromisoformat(data["start"]), dt.date.fromisoformat(data["end"])
        )
