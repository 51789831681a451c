"""30 simultaneous submissions: 30 consultations, 30 distinct reference numbers (real threads;
run on file SQLite and, with DATABASE_URL, on PostgreSQL)."""

import threading

import pytest
from django.db import close_old_connections, connection

from consultations import services
from consultations.models import Consultation, ReferenceCounter
from tests.conftest import ensure_wagtail_base

N = 30


@pytest.mark.django_db(transaction=True)
def test_thirty_simultaneous_submissions_get_distinct_references():
    ensure_wagtail_base()
    before = set(Consultation.objects.values_list("reference", flat=True))
    barrier = threading.Barrier(N)
    errors = []

    def submit(number):
        try:
            barrier.wait(timeout=30)
            services.submit_consultation(
                {
                    "name": f"利用者{number}",
                    "email": f"person{number}@example.com",
                    "topics": ["two_region"],
                    "message": "同時送信のテスト",
                },
                language="ja",
                token=f"token-{number}",
            )
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(N)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    references = list(
        Consultation.objects.exclude(reference__in=before).values_list("reference", flat=True)
    )
    assert len(references) == N
    assert len(set(references)) == N
    numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in references)
    assert numbers == list(range(numbers[0], numbers[0] + N))  # no gaps, no repeats
    year = int(references[0].split("-")[1])
    assert ReferenceCounter.objects.get(year=year).last_number == numbers[-1]


@pytest.mark.django_db(transaction=True)
def test_the_same_confirmation_sent_five_times_at_once_stores_one():
    ensure_wagtail_base()
    barrier = threading.Barrier(5)
    results, errors = [], []

    def send():
        try:
            barrier.wait(timeout=30)
            consultation, _created = services.submit_consultation(
                {
                    "name": "同時 太郎",
                    "email": "double@example.com",
                    "topics": ["other"],
                    "message": "ダブルクリック",
                },
                token="same-token",
            )
            results.append(consultation.reference)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Consultation.objects.filter(submission_token="same-token").count() == 1
    assert len(set(results)) == 1 and len(results) == 5
