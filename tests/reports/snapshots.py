"""Results-report snapshots for tests: what the report's figures freeze, in the fixed schema
(format 1) that the renderers in reports/render.py read.

``japanese_snapshot()`` is a realistic fiscal-year report of a city's portal in Japanese: seven
sections, tables and charts with real-looking numbers, one suppressed cell ("<5"), one empty
narrative, one photo (``PHOTO_FILE`` under MEDIA_ROOT: write it with ``write_photo``).
"""

import copy
import io
from pathlib import Path

PHOTO_FILE = "images/report-desk.jpg"

MONTHS = ["4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月"]
MONTHS_EN = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]

PHONE = [98, 112, 105, 120, 131, 96, 101, 88, 76, 92, 110, 105]  # 1,234 in the year
EMAIL = [45, 52, 61, 58, 70, 66, 59, 63, 48, 55, 60, 72]  # 709
FORM = [30, 34, 41, None, 47, 50, 52, 49, 44, 51, 58, 63]  # July: form under maintenance
CONSULTATIONS_TOTAL = sum(PHONE)  # 1,234


def write_photo(media_root):
    """A small JPEG at PHOTO_FILE under ``media_root``."""
    from PIL import Image

    path = Path(media_root) / PHOTO_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (40, 110, 160)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _table(block_id, title, columns, rows, note=""):
    return {
        "type": "table",
        "id": block_id,
        "title": title,
        "columns": columns,
        "rows": rows,
        "note": note,
    }


def _chart(block_id, chart, title, description, categories, series, unit, note=""):
    return {
        "type": "chart",
        "id": block_id,
        "chart": chart,
        "title": title,
        "description": description,
        "categories": categories,
        "series": [{"name": name, "values": values} for name, values in series],
        "unit": unit,
        "note": note,
    }


def japanese_snapshot():
    channels = [
        ["電話", sum(PHONE), 52.4],
        ["メール", sum(EMAIL), 30.1],
        ["相談フォーム", sum(v for v in FORM if v), 17.3],
        ["窓口（来所）", "<5", None],
    ]
    return {
        "format": 1,
        "language": "ja",
        "title": "令和8年度 移住・関係人口ポータル 成果報告書",
        "site_name": "つながる苫小牧",
        "period": {
            "kind": "fiscal_year",
            "start": "2026-04-01",
            "end": "2027-03-31",
            "label": "令和8年度（2026年度）",
        },
        "generated_at": "2027-04-10T09:30:00+09:00",
        "sections": [
            {
                "key": "consultations",
                "title": "(1) 相談窓口",
                "narrative": (
                    "<p>移住相談は年間を通じて電話が最も多く、夏の移住フェア後に増えました。</p>"
                    "<ul><li>平日夜間の電話相談を開始</li><li>フォームの入力項目を削減</li></ul>"
                ),
                "photos": [
                    {
                        "file": PHOTO_FILE,
                        "alt": "相談窓口で職員が来訪者に説明している様子",
                        "caption": "市役所1階の移住相談窓口",
                    }
                ],
                "highlights": [],
                "blocks": [
                    _table(
                        "consultations-by-channel",
                        "経路別の相談件数",
                        ["経路", "件数", "割合（%）"],
                        channels,
                        note="5件未満は個人が特定されないよう「<5」と表示しています。",
                    ),
                    _chart(
                        "consultations-by-month",
                        "bar",
                        "月別・経路別の相談件数",
                        "4月から3月までの相談件数を電話・メール・フォーム別に示す棒グラフ。"
                        "電話は8月の131件が最多です。",
                        MONTHS,
                        [("電話", PHONE), ("メール", EMAIL), ("フォーム", FORM)],
                        "件",
                        note="7月はフォームの保守のため計測していません。",
                    ),
                ],
            },
            {
                "key": "residents",
                "title": "(2) ふるさと住民登録",
                "narrative": "<p>登録者は前年度から2倍に増えました。</p>",
                "photos": [],
                "highlights": [],
                "blocks": [
                    _chart(
                        "residents-cumulative",
                        "line",
                        "ふるさと住民登録者数（累計）",
                        "月末時点の登録者数の推移を示す折れ線グラフ。3月末に2,480人。",
                        MONTHS,
                        [
                            (
                                "登録者数",
                                [
                                    820,
                                    905,
                                    990,
                                    1102,
                                    1320,
                                    1455,
                                    1580,
                                    1701,
                                    1850,
                                    2040,
                                    2260,
                                    2480,
                                ],
                            )
                        ],
                        "人",
                    ),
                    _table(
                        "residents-by-region",
                        "居住地域別の登録者数",
                        ["地域", "登録者数"],
                        [["北海道内", 1120], ["首都圏", 860], ["関西", 240], ["その他", 260]],
                    ),
                ],
            },
            {
                "key": "passes",
                "title": "(3) 関係人口パス",
                "narrative": "<p>協力店は42店舗、利用は延べ3,905回でした。</p>",
                "photos": [],
                "highlights": [],
                "blocks": [
                    _chart(
                        "pass-uses-by-partner-type",
                        "barh",
                        "業種別のパス利用回数",
                        "協力店の業種ごとのパス利用回数を示す横棒グラフ。飲食店が最多。",
                        ["飲食店", "宿泊施設", "温浴施設", "小売店", "体験・観光"],
                        [("利用回数", [1520, 880, 640, 515, 350])],
                        "回",
                    ),
                ],
            },
            {
                "key": "campaigns",
                "title": "(4) キャンペーン",
                "narrative": "",  # the empty narrative: the report says "No comment."
                "photos": [],
                "highlights": [
                    {
                        "title": "冬の移住体験キャンペーン",
                        "url": "https://tsunagaru.example.jp/ja/campaigns/winter/",
                        "kind": "Campaign",
                    }
                ],
                "blocks": [
                    _chart(
                        "campaign-results",
                        "stacked",
                        "キャンペーン別の成果",
                        "キャンペーンごとの会員登録・パス発行・相談の件数を積み上げた棒グラフ。",
                        ["冬の移住体験", "夏の帰省応援", "SNSフォト"],
                        [
                            ("会員登録", [310, 185, 96]),
                            ("パス発行", [240, 150, 70]),
                            ("相談", [52, 31, 12]),
                        ],
                        "件",
                    ),
                    _table(
                        "campaign-links",
                        "流入経路別の訪問数",
                        ["経路", "訪問数", "登録数"],
                        [
                            ["Instagram", 8450, 212],
                            ['=HYPERLINK("x")', 12, 0],
                            ["チラシQR", 1930, 88],
                        ],
                    ),
                ],
            },
            {
                "key": "portal",
                "title": "(5) ポータルサイト",
                "narrative": "<p>年間の閲覧数は<strong>245,310</strong>ページビューでした。</p>",
                "photos": [],
                "highlights": [
                    {
                        "title": "移住者インタビュー：港町で始めたパン屋",
                        "url": "https://tsunagaru.example.jp/ja/stories/bakery/",
                        "kind": "Story",
                    },
                    {
                        "title": "移住フェア2026 開催報告",
                        "url": "https://tsunagaru.example.jp/ja/news/fair-2026/",
                        "kind": "News",
                    },
                ],
                "blocks": [
                    _table(
                        "portal-top-pages",
                        "閲覧数の多いページ",
                        ["ページ", "閲覧数"],
                        [["トップページ", 58210], ["仕事を探す", 31440], ["住まいの支援", 27905]],
                    ),
                ],
            },
            {
                "key": "analysis",
                "title": "分析",
                "narrative": "<p>夏のフェアと冬のキャンペーンが登録増の主因と考えられます。</p>",
                "photos": [],
                "highlights": [],
                "blocks": [],
            },
            {
                "key": "plan",
                "title": "次年度の計画",
                "narrative": (
                    "<h3>重点施策</h3><ol><li>オンライン相談の拡充</li><li>協力店の倍増</li></ol>"
                ),
                "photos": [],
                "highlights": [],
                "blocks": [],
            },
        ],
    }


def english_snapshot():
    """The same report in English (the headings and the report's own text in English)."""
    snapshot = copy.deepcopy(japanese_snapshot())
    snapshot["language"] = "en"
    snapshot["title"] = "FY2026 results report of the relocation portal"
    snapshot["site_name"] = "Tsunagaru Tomakomai"
    snapshot["period"]["label"] = "Fiscal year 2026"
    titles = [
        "(1) Consultation desk",
        "(2) Furusato residents",
        "(3) Entry Pass",
        "(4) Campaigns",
        "(5) Portal",
        "Analysis",
        "Next year's plan",
    ]
    for section, title in zip(snapshot["sections"], titles):
        section["title"] = title
    chart = snapshot["sections"][0]["blocks"][1]
    chart["title"] = "Consultations by month and channel"
    chart["categories"] = MONTHS_EN
    for item, name in zip(chart["series"], ["Phone", "E-mail", "Form"]):
        item["name"] = name
    return snapshot
