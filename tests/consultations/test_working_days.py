"""The desk's working days: weekends, Japan's national holidays and the city's year-end
closure (configurable) are not counted; one setting is the page's and the e-mail's number."""

from datetime import date, timedelta

import pytest
from django.test import override_settings
from django.utils import translation

from consultations import working_days
from consultations.working_days import add_working_days, answer_due_date, is_working_day

YEAR_END = ("12-29", "12-30", "12-31", "01-01", "01-02", "01-03")


def test_a_weekend_is_skipped():
    friday = date(2030, 5, 10)
    assert add_working_days(friday, 1) == date(2030, 5, 13)  # Monday
    assert add_working_days(date(2026, 12, 7), 3) == date(2026, 12, 10)  # Mon → Thu


def test_coming_of_age_day_is_skipped():
    # Thursday 7 January 2027: Fri 8 (1), Mon 11 is 成人の日, Tue 12 (2), Wed 13 (3).
    assert not is_working_day(date(2027, 1, 11))
    assert add_working_days(date(2027, 1, 7), 3) == date(2027, 1, 13)


def test_a_substitute_holiday_is_skipped():
    # 春分の日 2027 is Sunday 21 March: Monday 22 March is the 振替休日.
    assert not is_working_day(date(2027, 3, 22))
    assert add_working_days(date(2027, 3, 19), 1) == date(2027, 3, 23)


@override_settings(CONSULTATION_DESK_CLOSED_DAYS=YEAR_END)
def test_the_year_end_closure_is_skipped_when_configured():
    # Monday 28 December 2026: 29 Dec – 3 Jan closed, then Mon 4, Tue 5, Wed 6 January.
    for day in range(29, 32):
        assert not is_working_day(date(2026, 12, day))
    assert add_working_days(date(2026, 12, 28), 3) == date(2027, 1, 6)


@override_settings(CONSULTATION_DESK_CLOSED_DAYS=[])
def test_without_a_closure_only_weekends_and_national_holidays_count():
    # 12/29–12/31 are ordinary weekdays for the national calendar; 1 January is a holiday.
    assert is_working_day(date(2026, 12, 31))
    assert not is_working_day(date(2027, 1, 1))
    assert add_working_days(date(2026, 12, 28), 3) == date(2026, 12, 31)
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_the_default_closure_is_the_city_year_end(settings):
    if hasattr(settings, "CONSULTATION_DESK_CLOSED_DAYS"):
        del settings.CONSULTATION_DESK_CLOSED_DAYS
    assert working_days.desk_closed_days() == YEAR_END


@pytest.mark.parametrize("days", [1, 3, 5])
def test_the_due_date_and_overdue_limit_agree_day_by_day(days):
    """Overdue exactly from the day after the promised date, across holidays and closures."""
    with override_settings(CONSULTATION_RESPONSE_DAYS=days, CONSULTATION_DESK_CLOSED_DAYS=YEAR_END):
        for offset in range(0, 60):
            received = date(2026, 12, 1) + timedelta(days=offset)
            due = answer_due_date(received)
            for today in (due, due + timedelta(days=1)):
                limit = working_days.overdue_received_before(today).date()
                assert (received < limit) == (today > due), (received, today, due)


def test_the_due_date_names_its_weekday():
    with translation.override("en"):
        assert working_days.format_date_with_weekday(date(2026, 12, 10)) == (
            "Thursday, December 10, 2026"
        )
