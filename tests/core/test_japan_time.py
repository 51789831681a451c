"""Japan time has one home (core.japan_time) and the BOM one (core.csv_export): the day, the
start of a day and the ISO time of a download are Japan's whatever zone is active."""

import io
from datetime import UTC, date, datetime

import time_machine
from django.utils import timezone

from campaigns import dashboard
from core import japan_time
from core.csv_export import BOM, excel_text_stream
from home.feeds import NewsFeed

LATE_EVENING_UTC = datetime(2026, 3, 31, 23, 30, tzinfo=UTC)  # 08:30 on 1 April in Japan


def test_the_iso_time_of_a_download_is_in_japan_time_whatever_zone_is_active():
    with timezone.override("UTC"):
        assert japan_time.isoformat_japan(LATE_EVENING_UTC) == "2026-04-01T08:30:00+09:00"
    assert japan_time.isoformat_japan(None) is None


def test_today_is_japans_date_late_in_the_utc_evening():
    with time_machine.travel(LATE_EVENING_UTC, tick=False), timezone.override("UTC"):
        assert japan_time.today() == date(2026, 4, 1)


def test_a_japan_day_starts_at_midnight_in_japan_for_the_dashboard_and_the_feed():
    with timezone.override("UTC"):
        start, end = dashboard.period(date(2026, 4, 1), date(2026, 4, 1))
        assert start == datetime(2026, 3, 31, 15, 0, tzinfo=UTC)
        assert end == datetime(2026, 4, 1, 15, 0, tzinfo=UTC)

        class News:
            date = date(2026, 4, 1)

        assert NewsFeed().item_pubdate(News) == start


def test_a_csv_written_row_by_row_starts_with_one_byte_order_mark():
    out = io.BytesIO()
    stream = excel_text_stream(out)
    stream.write("名前,市\r\n")
    stream.write("花子,苫小牧\r\n")
    stream.flush()
    raw = out.getvalue()
    assert raw.startswith(BOM.encode("utf-8"))
    assert raw.decode("utf-8") == BOM + "名前,市\r\n花子,苫小牧\r\n"
