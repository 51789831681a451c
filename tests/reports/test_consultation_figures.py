"""The consultation figures of a fiscal year and the 総務省 survey CSV are grouped queries
(issue 13: breakdowns are computed in the database, not in Python loops): the same number of
queries, fetching the same number of rows, for 3 consultations as for 30, and the counts are
those of the consultations (several topics, two channels, desk and event, the fiscal year's
boundary: 31 March 23:59 JST is the year before, 1 April 00:00 JST is the year)."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.db.backends.utils import CursorWrapper
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from consultations.models import Consultation
from core.japan_time import JST, fiscal_year_months
from reports import consultation_figures
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db

FIGURES_QUERIES = 7  # by month, by channel × place, topics, 3 for the response times, open/overdue
SURVEY_QUERIES = 1


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def rows_fetched(monkeypatch):
    """The number of rows the database returns: a loop over the consultations in Python would
    fetch one row per consultation."""
    fetched = {"rows": 0}

    def counting(name, size):
        def method(self, *args, **kwargs):
            result = getattr(self.cursor, name)(*args, **kwargs)
            fetched["rows"] += size(result)
            return result

        monkeypatch.setattr(CursorWrapper, name, method, raising=False)

    counting("fetchone", lambda row: row is not None)
    counting("fetchmany", len)
    counting("fetchall", len)
    return fetched


def at(*args):
    return datetime(*args, tzinfo=JST)


def add_consultations():
    """Three consultations: one the fiscal year before, two in fiscal year 2030."""
    for created, channel, place, topics, status, hours in [
        (at(2030, 3, 31, 23, 59), "web", "desk", "|housing|work|", "closed", 1),
        (at(2030, 4, 1, 0, 0), "web", "desk", "|housing|work|", "resolved", 2),
        (at(2031, 3, 31, 23, 59), "email", "event", "|housing|childcare|", "new", 5),
    ]:
        ConsultationFactory(
            created_at=created,
            channel=channel,
            place_kind=place,
            topics=topics,
            status=status,
            first_response_at=created + timedelta(hours=hours),
        )


def measured(function, expected_queries, fetched):
    before = fetched["rows"]
    with CaptureQueriesContext(connection) as queries:
        result = function(2030)
    assert len(queries) == expected_queries, [q["sql"] for q in queries]
    return result, fetched["rows"] - before


def check_figures(data, n):
    assert data["total"] == 2 * n
    assert set(data["by_month"]) == set(fiscal_year_months(2030))
    for month, counts in data["by_month"].items():
        expected = {"web": n} if month == (2030, 4) else {"email": n} if month == (2031, 3) else {}
        assert counts == {c: expected.get(c, 0) for c in ("web", "email", "phone", "in_person")}
    topics = {t: dict(counts) for t, counts in data["by_topic"].items() if any(counts.values())}
    zero = {"web": 0, "email": 0, "phone": 0, "in_person": 0}
    assert topics == {
        "housing": {**zero, "web": n, "email": n},
        "work": {**zero, "web": n},
        "childcare": {**zero, "email": n},
    }
    assert data["by_place"] == {"desk": {**zero, "web": n}, "event": {**zero, "email": n}}
    assert data["detailed"] == [
        (((2030, 4), "web", "housing", "desk"), n),
        (((2030, 4), "web", "work", "desk"), n),
        (((2031, 3), "email", "childcare", "event"), n),
        (((2031, 3), "email", "housing", "event"), n),
    ]
    assert data["median_hours"] == 3.5  # of 2 h and 5 h
    assert data["p90_hours"] == 5
    assert data["open"] == n
    assert data["overdue"] == 0


def check_survey(text, n):
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == ["Desk or event", "Channel"] + [
        f"{y}-{m:02d}" for y, m in fiscal_year_months(2030)
    ] + ["Total"]
    cells = {(row[0], row[1]): [int(cell) for cell in row[2:]] for row in rows[1:]}
    assert len(cells) == 2 * 4
    april, march = [0] * 12, [0] * 12
    april[0] = march[11] = n
    for key, values in cells.items():
        if key == ("Desk", "Web form"):
            assert values == [*april, n]
        elif key == ("Event", "E-mail"):
            assert values == [*march, n]
        else:
            assert values == [0] * 13


def test_figures_and_survey_are_grouped_queries(rows_fetched):
    Consultation.objects.all().delete()
    add_consultations()
    figures_3, figures_rows_3 = measured(
        consultation_figures.figures, FIGURES_QUERIES, rows_fetched
    )
    survey_3, survey_rows_3 = measured(
        consultation_figures.survey_csv, SURVEY_QUERIES, rows_fetched
    )
    check_figures(figures_3, 1)
    check_survey(survey_3, 1)
    for _copy in range(9):
        add_consultations()
    assert Consultation.objects.count() == 30
    figures_30, figures_rows_30 = measured(
        consultation_figures.figures, FIGURES_QUERIES, rows_fetched
    )
    survey_30, survey_rows_30 = measured(
        consultation_figures.survey_csv, SURVEY_QUERIES, rows_fetched
    )
    check_figures(figures_30, 10)
    check_survey(survey_30, 10)
    # Grouped rows, bounded by months × channels × topics × places: not one per consultation.
    assert figures_rows_30 == figures_rows_3
    assert survey_rows_30 == survey_rows_3
