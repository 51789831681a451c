"""Demo content for Tomakomai, in Japanese with English translations.

The city is data: another city replaces this module's text, nothing else.
"""

SITE = {
    "hostname": "localhost",
    "site_name": "Tsunagaru",
}

SETTINGS = {
    "contact_phone": "0144-00-1234",
    "contact_email": "tsunagaru@example.jp",
    "x_url": "https://x.com/example_tomakomai",
    "instagram_url": "https://www.instagram.com/example_tomakomai/",
    "line_url": "https://line.me/R/ti/p/@example_tomakomai",
    "city_municipality_code": "01213",
}

HOME = {
    "title": "ホーム",
    "slug": "home",
    "seo_title": "つながる苫小牧 — 苫小牧との関わり方を見つけるポータル",
    "search_description": (
        "苫小牧市の関係人口ポータル。ふるさと住民登録、二地域居住、ワーケーション、"
        "移住・定住、ふるさと納税の入り口と、まちの人のストーリーをお届けします。"
    ),
    "hero_catch_copy": "苫小牧と、もうひとつの暮らしを。",
    "lead": (
        "太平洋と樽前山に抱かれた港町、苫小牧。新千歳空港から車で約25分。"
        "ふるさと住民として、二地域居住やワーケーションで、あなたらしい関わり方を見つけてください。"
    ),
}

HOME_EN = {
    "ホーム": "Home",
    "home": "home",
    HOME["seo_title"]: "Tsunagaru Tomakomai — find your way to connect with Tomakomai",
    HOME["search_description"]: (
        "The relationship-population portal of Tomakomai City: furusato resident registration, "
        "two-region living, workcations, moving here, hometown tax donations, and stories of "
        "the people who make the city."
    ),
    HOME["hero_catch_copy"]: "Tomakomai: a second place to live.",
    HOME["lead"]: (
        "A port city between the Pacific Ocean and Mt. Tarumae, about 25 minutes by car from "
        "New Chitose Airport. Become a furusato resident, try two-region living or a workcation, "
        "and find your own way to connect."
    ),
}

IDENTITY = {
    "site_name": "つながる苫小牧",
    "city_name": "苫小牧市",
    "tagline": "海と森と港のまちで、あなたの関わり方を見つけよう",
    "contact_hours": "平日 8:45〜17:15（土日祝日・年末年始を除く）",
    "address": "北海道苫小牧市旭町4丁目5番6号",
    "copyright_holder": "苫小牧市",
}

IDENTITY_EN = {
    "つながる苫小牧": "Tsunagaru Tomakomai",
    "苫小牧市": "Tomakomai City",
    IDENTITY["tagline"]: "Find your way to connect with a city of sea, forest and harbour",
    IDENTITY["contact_hours"]: (
        "Weekdays 8:45–17:15 (closed on weekends, public holidays and over the New Year)"
    ),
    IDENTITY["address"]: "4-5-6 Asahimachi, Tomakomai, Hokkaido",
}

CITY_WEBSITE = "https://www.city.tomakomai.hokkaido.jp/"

# Menu items: (Japanese label, target) where target is the slug of a page under the home
# page, "home", or an external URL.
MENUS = {
    "header": {
        "title": "ヘッダーメニュー",
        "items": [
            ("移住・定住", "moving"),
            ("二地域居住", "two-region-living"),
            ("ワーケーション", "workcation"),
            ("ふるさと納税", "furusato-nozei"),
            ("ストーリー", "stories"),
            ("お知らせ", "news"),
            ("イベント", "events"),
        ],
    },
    "footer": {
        "title": "フッターメニュー",
        "items": [
            ("このサイトについて", "about"),
            ("プライバシーポリシー", "privacy"),
            ("利用規約", "terms"),
            ("アクセシビリティ方針", "accessibility"),
            ("苫小牧市公式サイト", CITY_WEBSITE),
        ],
    },
}

MENUS_EN = {
    "ヘッダーメニュー": "Header menu",
    "フッターメニュー": "Footer menu",
    "移住・定住": "Moving here",
    "二地域居住": "Two-region living",
    "ワーケーション": "Workcation",
    "ふるさと納税": "Furusato nozei",
    "ストーリー": "Stories",
    "お知らせ": "News",
    "イベント": "Events",
    "このサイトについて": "About this site",
    "プライバシーポリシー": "Privacy policy",
    "利用規約": "Terms of use",
    "アクセシビリティ方針": "Accessibility",
    "苫小牧市公式サイト": "Tomakomai City official website",
}

# One demo login per role. Printed by `seed_demo` in development only.
DEMO_PASSWORD = "tsunagaru-demo-2026"
USERS = [
    {
        "email": "admin@example.jp",
        "first_name": "管理者",
        "last_name": "デモ",
        "role": None,
        "superuser": True,
        "label": "Administrator (all rights)",
    },
    {
        "email": "city@example.jp",
        "first_name": "市子",
        "last_name": "苫小牧",
        "role": "City editors",
        "label": "City editor (approves and publishes)",
    },
    {
        "email": "contractor@example.jp",
        "first_name": "請負",
        "last_name": "佐藤",
        "role": "Contractor editors",
        "label": "Contractor editor (writes, submits for approval)",
    },
    {
        "email": "translator@example.jp",
        "first_name": "Alex",
        "last_name": "Smith",
        "role": "Translators",
        "label": "Translator (translates content)",
    },
    {
        "email": "consult@example.jp",
        "first_name": "相談",
        "last_name": "高橋",
        "role": "Consultation staff",
        "label": "Consultation staff",
    },
    {
        "email": "member@example.jp",
        "first_name": "花子",
        "last_name": "山田",
        "role": None,
        "label": "Member (card, sign-ups, one attended activity)",
    },
]
