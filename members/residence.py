"""Where a person lives: a prefecture and a municipality from the shipped list, or overseas.

Members, pass holders and people who consult all give their residence the same way, so the
city's figures by prefecture line up across the three. The municipality list is
members/data/municipalities.json (全国地方公共団体コード, built by scripts/build_municipalities.py).
"""

import json
from functools import cache
from pathlib import Path

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).resolve().parent / "data" / "municipalities.json"
OVERSEAS = "99"

# JIS X 0401 codes; English names as the prefectures spell them.
PREFECTURES = [
    ("01", "北海道", "Hokkaido"),
    ("02", "青森県", "Aomori"),
    ("03", "岩手県", "Iwate"),
    ("04", "宮城県", "Miyagi"),
    ("05", "秋田県", "Akita"),
    ("06", "山形県", "Yamagata"),
    ("07", "福島県", "Fukushima"),
    ("08", "茨城県", "Ibaraki"),
    ("09", "栃木県", "Tochigi"),
    ("10", "群馬県", "Gunma"),
    ("11", "埼玉県", "Saitama"),
    ("12", "千葉県", "Chiba"),
    ("13", "東京都", "Tokyo"),
    ("14", "神奈川県", "Kanagawa"),
    ("15", "新潟県", "Niigata"),
    ("16", "富山県", "Toyama"),
    ("17", "石川県", "Ishikawa"),
    ("18", "福井県", "Fukui"),
    ("19", "山梨県", "Yamanashi"),
    ("20", "長野県", "Nagano"),
    ("21", "岐阜県", "Gifu"),
    ("22", "静岡県", "Shizuoka"),
    ("23", "愛知県", "Aichi"),
    ("24", "三重県", "Mie"),
    ("25", "滋賀県", "Shiga"),
    ("26", "京都府", "Kyoto"),
    ("27", "大阪府", "Osaka"),
    ("28", "兵庫県", "Hyogo"),
    ("29", "奈良県", "Nara"),
    ("30", "和歌山県", "Wakayama"),
    ("31", "鳥取県", "Tottori"),
    ("32", "島根県", "Shimane"),
    ("33", "岡山県", "Okayama"),
    ("34", "広島県", "Hiroshima"),
    ("35", "山口県", "Yamaguchi"),
    ("36", "徳島県", "Tokushima"),
    ("37", "香川県", "Kagawa"),
    ("38", "愛媛県", "Ehime"),
    ("39", "高知県", "Kochi"),
    ("40", "福岡県", "Fukuoka"),
    ("41", "佐賀県", "Saga"),
    ("42", "長崎県", "Nagasaki"),
    ("43", "熊本県", "Kumamoto"),
    ("44", "大分県", "Oita"),
    ("45", "宮崎県", "Miyazaki"),
    ("46", "鹿児島県", "Kagoshima"),
    ("47", "沖縄県", "Okinawa"),
]
OVERSEAS_LABEL = _("Overseas")


# The 47 prefectures as Korean writes them (Hangul); Chinese readers read the kanji names.
KOREAN_NAMES = {
    "01": "홋카이도", "02": "아오모리현", "03": "이와테현", "04": "미야기현", "05": "아키타현",
    "06": "야마가타현", "07": "후쿠시마현", "08": "이바라키현", "09": "도치기현", "10": "군마현",
    "11": "사이타마현", "12": "지바현", "13": "도쿄도", "14": "가나가와현", "15": "니가타현",
    "16": "도야마현", "17": "이시카와현", "18": "후쿠이현", "19": "야마나시현", "20": "나가노현",
    "21": "기후현", "22": "시즈오카현", "23": "아이치현", "24": "미에현", "25": "시가현",
    "26": "교토부", "27": "오사카부", "28": "효고현", "29": "나라현", "30": "와카야마현",
    "31": "돗토리현", "32": "시마네현", "33": "오카야마현", "34": "히로시마현", "35": "야마구치현",
    "36": "도쿠시마현", "37": "가가와현", "38": "에히메현", "39": "고치현", "40": "후쿠오카현",
    "41": "사가현", "42": "나가사키현", "43": "구마모토현", "44": "오이타현", "45": "미야자키현",
    "46": "가고시마현", "47": "오키나와현",
}  # fmt: skip


def _script():
    """How place names are written for the active language: kanji for Japanese and Chinese,
    Hangul prefectures (romaji municipalities) for Korean, romaji otherwise."""
    language = get_language() or "ja"
    if language.startswith(("ja", "zh")):
        return "kanji"
    if language.startswith("ko"):
        return "hangul"
    return "romaji"


def _japanese():
    return _script() == "kanji"


def _prefecture_label(code, name, name_en):
    script = _script()
    if script == "kanji":
        return name
    if script == "hangul":
        return KOREAN_NAMES[code]
    return name_en


def prefecture_name(code):
    if code == OVERSEAS:
        return str(OVERSEAS_LABEL)
    for pref_code, name, name_en in PREFECTURES:
        if pref_code == code:
            return _prefecture_label(pref_code, name, name_en)
    return ""


def prefecture_choices(include_overseas=True):
    """(code, name) in the active language's script, in JIS order; overseas last."""
    choices = [(code, _prefecture_label(code, name, en)) for code, name, en in PREFECTURES]
    if include_overseas:
        choices.append((OVERSEAS, str(OVERSEAS_LABEL)))
    return choices


@cache
def municipalities():
    """Every municipality: {code: {"code", "prefecture", "name", "kana", "name_en"}}."""
    rows = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {row["code"]: row for row in rows}


def municipality_name(code):
    row = municipalities().get(code)
    if row is None:
        return ""
    return row["name"] if _japanese() else row["name_en"]


def municipality_choices(prefecture=None):
    rows = municipalities().values()
    if prefecture:
        rows = [row for row in rows if row["prefecture"] == prefecture]
    key = "name" if _japanese() else "name_en"
    return [(row["code"], row[key]) for row in rows]


def is_valid_residence(prefecture, municipality):
    """A municipality must belong to the prefecture; overseas has none."""
    if prefecture == OVERSEAS:
        return not municipality
    row = municipalities().get(municipality)
    return row is not None and row["prefecture"] == prefecture


def same_municipality(code, city_code):
    """Whether `code` is the city itself (a ward of a designated city counts as the city)."""
    if not code or not city_code:
        return False
    if code == city_code:
        return True
    # Designated cities (政令指定都市) end in 00 and their wards share the first four digits.
    return city_code.endswith("00") and code[:4] == city_code[:4] and code != city_code


def residence_label(prefecture, municipality):
    if prefecture == OVERSEAS:
        return str(OVERSEAS_LABEL)
    parts = [prefecture_name(prefecture), municipality_name(municipality)]
    return (" " if _japanese() else ", ").join(part for part in parts if part)


def grouped_municipality_choices():
    """Municipalities grouped by prefecture, for a <select> with <optgroup>s."""
    by_prefecture = {}
    for code, name in municipality_choices():
        by_prefecture.setdefault(code[:2], []).append((code, name))
    return [("", "—")] + [
        (name, by_prefecture.get(code, [])) for code, name in prefecture_choices(False)
    ]


class ResidenceFields(forms.Form):
    """Prefecture and municipality (or overseas), for any form that asks where someone lives.

    Mix in before the form's own base: ``class PassForm(ResidenceFields, forms.ModelForm)``.
    Without JavaScript the municipality list is grouped by prefecture; static/js/residence.js
    narrows it to the chosen prefecture.
    """

    residence_prefecture = forms.ChoiceField(
        label=_("Prefecture"),
        help_text=_("Choose “Overseas” if you live outside Japan."),
    )
    residence_municipality = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        help_text=_("City, ward, town or village."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prefecture = self.fields["residence_prefecture"]
        prefecture.choices = [("", "—"), *prefecture_choices()]
        prefecture.widget.attrs.update({"autocomplete": "address-level1"})
        municipality = self.fields["residence_municipality"]
        municipality.choices = grouped_municipality_choices()
        municipality.widget.attrs.update(
            {"autocomplete": "address-level2", "data-residence-municipality": ""}
        )

    def clean(self):
        cleaned = super().clean()
        prefecture = cleaned.get("residence_prefecture")
        municipality = cleaned.get("residence_municipality") or ""
        if self.has_error("residence_municipality"):
            # The form's own check refused the choice (the pass: the city itself) and took it
            # out of cleaned_data; "choose your municipality" would be a second, false error.
            return cleaned
        if prefecture and prefecture != OVERSEAS and not municipality:
            self.add_error("residence_municipality", _("Choose your municipality."))
        elif prefecture and not is_valid_residence(prefecture, municipality):
            self.add_error(
                "residence_municipality",
                _("This municipality is not in the prefecture you chose."),
            )
        return cleaned
