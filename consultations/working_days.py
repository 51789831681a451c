"""The desk's working days, the one calendar behind every promise of an answer: the page's
"within N working days", the acknowledgement's date, the person's thread and the staff's
"overdue".

A working day is Monday to Friday, except
- Japan's national holidays (国民の祝日, 振替休日, 国民の休日), from the `holidays` package,
  which follows the Cabinet Office's list and computes the equinoxes for future years;
- the days the desk is closed every year, settings.CONSULTATION_DESK_CLOSED_DAYS ("MM-DD").
  By default the city's year-end closure, 29 December to 3 January: 12/29–12/31 and 1/2–1/3
  are not national holidays, but a municipality's offices close then by its ordinance
  (地方自治法 4条の2), and the desk with them. Set it empty for a desk that answers then.
"""

from datetime import timedelta
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import pgettext

from core import japan_time

YEAR_END_CLOSURE = ("12-29", "12-30", "12-31", "01-01", "01-02", "01-03")


def answer_working_days():
    """How many working days the desk takes at most to answer (the page and the e-mail)."""
    return getattr(settings, "CONSULTATION_RESPONSE_DAYS", 3)


def desk_closed_days():
    """The "MM-DD" days the desk is closed every year."""
    return tuple(getattr(settings, "CONSULTATION_DESK_CLOSED_DAYS", YEAR_END_CLOSURE))


@lru_cache(maxsize=1)
def _national_holidays():
    # Years are added on first use of a date in them; one calendar for the process.
    return holidays.country_holidays("JP")


def is_national_holiday(day):
    return day in _national_holidays()


def is_working_day(day):
    if day.weekday() >= 5 or is_national_holiday(day):
        return False
    return day.strftime("%m-%d") not in desk_closed_days()


def add_working_days(day, days):
    """The `days`-th working day after `day` (the day itself not counted): a consultation
    received on Monday 7 December with 3 working days is due on Thursday 10 December."""
    while days > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def answer_due_date(received):
    """The last day of the promised answer for something received at `received` (a datetime,
    in Japan time, or a date)."""
    return add_working_days(japan_time.japan_date(received), answer_working_days())


def overdue_received_before(now=None):
    """Anything received before this moment and not answered yet is overdue at `now`: its due
    date (answer_due_date) is before today in Japan. The inverse of answer_due_date, so the
    inbox and the person's date always agree."""
    today = japan_time.japan_date(now) if now else japan_time.today()
    day, days = today, answer_working_days()
    # Received on day D is overdue today iff at least N working days lie between D (excluded)
    # and today (excluded): D must be before the N-th working day counted back from today.
    while days > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return japan_time.start_of_day(day)


def format_date_with_weekday(day):
    """ "Thursday, December 10, 2026", "2026年12月10日（木）": the date a person is promised."""
    # Translators: a date format with Django's date format characters (Y year, n month,
    # j day, D short weekday, l weekday, F month name).
    return date_format(day, pgettext("date with weekday", "l, F j, Y"))
