"""Japan time and the Japanese fiscal year (April to March), the one place every app reads them.

Public bodies in Japan count the year from 1 April: the contract, the KPI targets, the
registration counts on My page and the desk's yearly figures all use it. Dates shown to people
and days that figures are grouped by are days in Japan time, whatever the server's zone."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

JST = ZoneInfo("Asia/Tokyo")
FISCAL_YEAR_FIRST_MONTH = 4


def now():
    """The current time, aware, in Japan time."""
    return timezone.localtime(timezone.now(), JST)


def today():
    """Today's date in Japan."""
    return now().date()


def japan_date(value):
    """The day in Japan of a date or a datetime (an aware one converted to Japan time)."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value, JST).date() if timezone.is_aware(value) else value.date()
    return value


def fiscal_year_of(day):
    """The fiscal year a date or datetime belongs to, named by the year in which it starts
    (1 April 2026 – 31 March 2027 is fiscal year 2026)."""
    day = japan_date(day)
    return day.year if day.month >= FISCAL_YEAR_FIRST_MONTH else day.year - 1


def current_fiscal_year():
    """The fiscal year today (in Japan) belongs to."""
    return fiscal_year_of(today())


def fiscal_year_start(day=None):
    """1 April of the fiscal year that `day` (default: today in Japan) belongs to."""
    return dt.date(fiscal_year_of(day or today()), FISCAL_YEAR_FIRST_MONTH, 1)


def fiscal_year_months(fiscal_year):
    """(year, month) from April to March."""
    return [(fiscal_year + (m < FISCAL_YEAR_FIRST_MONTH), m) for m in (*range(4, 13), 1, 2, 3)]


def start_of_day(day):
    """The aware datetime at which a Japan day begins."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=JST)


def isoformat_japan(value):
    """The ISO 8601 text of an aware datetime in Japan time (+09:00), whatever zone is active;
    None stays None. Every data download writes its times this way."""
    return timezone.localtime(value, JST).isoformat() if value is not None else None
