"""Where someone lives is shown in the visitor's script: kanji in Japanese and Chinese, Hangul
prefectures in Korean, romaji in English — in the forms' choices and in the labels."""

import pytest
from django.utils import translation

from members.residence import (
    grouped_municipality_choices,
    municipality_name,
    prefecture_choices,
    prefecture_name,
    residence_label,
)


@pytest.mark.parametrize(
    ("language", "hokkaido", "tokyo", "okinawa", "label"),
    [
        ("ja", "北海道", "東京都", "沖縄県", "東京都 千代田区"),
        ("zh-hans", "北海道", "東京都", "沖縄県", "東京都 千代田区"),
        ("zh-hant", "北海道", "東京都", "沖縄県", "東京都 千代田区"),
        ("ko", "홋카이도", "도쿄도", "오키나와현", "도쿄도, Chiyoda Ward"),
        ("en", "Hokkaido", "Tokyo", "Okinawa", "Tokyo, Chiyoda Ward"),
    ],
)
def test_prefectures_in_the_visitors_script(language, hokkaido, tokyo, okinawa, label):
    with translation.override(language):
        assert prefecture_name("01") == hokkaido
        assert prefecture_name("13") == tokyo
        choices = dict(prefecture_choices(include_overseas=False))
        assert (choices["01"], choices["47"]) == (hokkaido, okinawa)
        assert len(choices) == 47
        assert residence_label("13", "13101") == label
        assert grouped_municipality_choices()[1][0] == hokkaido


def test_every_prefecture_has_a_korean_name_in_hangul():
    with translation.override("ko"):
        names = [name for _code, name in prefecture_choices(include_overseas=False)]
    assert len(set(names)) == 47
    for name in names:
        assert all("\uac00" <= ch <= "\ud7a3" for ch in name), name


def test_municipalities_keep_kanji_for_chinese_and_romaji_for_korean():
    with translation.override("zh-hans"):
        assert municipality_name("01213") == "苫小牧市"
    with translation.override("ko"):
        assert municipality_name("01213") == municipality_name("01213").encode("ascii").decode()
