"""Demo content of the Entry Pass: the landing page at /entry-pass/ and the partner directory
below it, 14 fictional partners in Tomakomai with their offers (Japanese, translated into
English), a partner staff login, a pass holder, and a few recorded uses for the figures.
Idempotent: what exists is left alone."""

import hashlib
from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale, Page

from home.demo_builder import DemoPortal
from home.demo_content import DEMO_PASSWORD
from home.demo_images import get_or_create_demo_image
from home.services import translate_through_localize
from passes.models import (
    SHORT_CODE_ALPHABET,
    EntryPassPage,
    Offer,
    Partner,
    PartnerIndexPage,
    PartnerStaff,
    Pass,
    PassStatus,
    Use,
    margin_days,
)

PARTNER_EMAIL = "partner@example.jp"
VISITOR_EMAIL = "visitor@example.jp"
LOGINS = [
    (PARTNER_EMAIL, "Entry Pass partner staff (Work Lounge, counter screen /ja/pass/staff/)"),
    (VISITOR_EMAIL, "Entry Pass holder from Tokyo (active pass: /ja/pass/)"),
]

LANDING = {
    "slug": "entry-pass",
    "title": ("苫小牧エントリーパス", "Tomakomai Entry Pass"),
    "intro": (
        "市外から苫小牧を訪れる方が、市内の協力店舗・施設で使える無料の優待パスです。",
        (
            "A free pass for visitors from outside the city, with offers at participating "
            "shops and facilities in Tomakomai."
        ),
    ),
    "body": [
        ("heading", "使えるお店と施設", "Where you can use it"),
        (
            "paragraph",
            (
                "コワーキングスペース、レンタカー、レンタサイクル、観光施設、飲食店、宿泊施設、"
                "おみやげ店などで、割引やサービスを受けられます。優待の内容は店舗・施設ごとに"
                "異なります。協力店舗の一覧からご確認ください。"
            ),
            (
                "Coworking spaces, car and bicycle rentals, tourist facilities, restaurants, "
                "hotels and souvenir shops give pass holders discounts and extras. Each has its "
                "own offer: see the list of partners."
            ),
        ),
        ("heading", "対象となる方", "Who can get it"),
        (
            "paragraph",
            (
                "苫小牧市外にお住まいで、観光、ワーケーション、仕事、帰省、二地域居住や移住の"
                "下見などで苫小牧に滞在する方が対象です。パスは無料で、滞在の期間（前後1日を"
                "含む）に使えます。お一人につき、同時に持てるパスは1枚です。"
            ),
            (
                "Anyone who lives outside Tomakomai and stays in the city for sightseeing, a "
                "workcation, business, a family visit, or to try out two-region living or "
                "moving. The pass is free and works during your stay (plus a day either side). "
                "Each person holds one pass at a time."
            ),
        ),
        ("heading", "使い方", "How to use it"),
        (
            "paragraph",
            (
                "1. このページからパスを発行し、届いたメールのリンクでアドレスを確認します。"
                "2. お店に貼ってあるQRコードをスマートフォンで読み取り、使う優待の「使う」を"
                "スタッフの前で押します。完了画面の動く時計をスタッフが確認します。"
                "3. または、パスの画面に表示されるQRコードとコードをスタッフに見せてください。"
                "コードは1分ごとに変わり、一度しか使えません。"
            ),
            (
                "1. Get your pass on this page and confirm your e-mail address with the link we "
                "send you. 2. At the counter, scan the QR code on the partner's poster with your "
                "phone and tap Use on the offer in front of the staff; they check the moving "
                "clock on the completion screen. 3. Or show the staff the QR code and the code "
                "on your pass screen. The code changes every minute and works only once."
            ),
        ),
    ],
}

DIRECTORY = {
    "slug": "partners",
    "title": ("協力店舗・施設", "Partners and offers"),
    "intro": (
        "エントリーパスが使える苫小牧市内の店舗と施設です。分類で絞り込めます。",
        "Shops and facilities in Tomakomai that welcome Entry Pass holders. Filter by category.",
    ),
}

# slug, category, photo, (name ja, en), (description ja, en), (address ja, en),
# (hours ja, en), phone, lat, lng, offers: (title ja/en, benefit ja/en, kind, value, limit, cap)
PARTNERS = [
    (
        "work-lounge-station",
        "coworking",
        "work",
        ("ワークラウンジ苫小牧駅前", "Work Lounge Tomakomai Station"),
        (
            "苫小牧駅南口から徒歩3分のコワーキングスペース。電源・Wi-Fi完備、個室ブースもあります。",
            "A coworking space three minutes from the south exit of Tomakomai Station, with "
            "power, Wi-Fi and private booths.",
        ),
        ("苫小牧市表町（苫小牧駅南口 徒歩3分）", "Omote-machi, Tomakomai (3 min from the station)"),
        ("平日 8:00〜21:00／土日 10:00〜18:00", "Weekdays 8:00–21:00, weekends 10:00–18:00"),
        "0144-00-1001",
        "42.637900",
        "141.605400",
        [
            (
                ("1日利用 500円引き", "¥500 off a day pass"),
                ("1日利用料金から500円割引します。", "¥500 off the price of a day pass."),
                "amount",
                500,
                "daily",
                None,
            ),
            (
                ("会議室1時間無料", "One hour in a meeting room, free"),
                ("空きがあれば会議室を1時間無料で使えます。", "A free hour in a meeting room."),
                "free_item",
                None,
                "once",
                None,
            ),
        ],
    ),
    (
        "harbour-desk",
        "coworking",
        "port",
        ("港町シェアオフィス ハーバーデスク", "Harbour Desk Shared Office"),
        (
            "苫小牧港を望むシェアオフィス。ワーケーションの長期滞在プランもあります。",
            "A shared office overlooking Tomakomai Port, with long-stay workcation plans.",
        ),
        ("苫小牧市港町", "Minato-machi, Tomakomai"),
        ("9:00〜20:00（水曜定休）", "9:00–20:00, closed Wednesdays"),
        "0144-00-1002",
        "42.633100",
        "141.612800",
        [
            (
                ("ドロップイン2時間無料", "Two hours drop-in, free"),
                ("ドロップイン利用が2時間無料です。", "Two hours of drop-in use at no charge."),
                "free_item",
                None,
                "once",
                None,
            )
        ],
    ),
    (
        "hokkai-rent-a-car",
        "rental_car",
        "town",
        ("北海レンタカー 苫小牧・新千歳ルート店", "Hokkai Rent-a-Car Tomakomai–New Chitose"),
        (
            "新千歳空港への送迎つき。苫小牧で借りて空港で返せます。",
            "Pick-up from New Chitose Airport; rent in Tomakomai and return at the airport.",
        ),
        ("苫小牧市植苗（新千歳空港へ車で15分）", "Uenae, Tomakomai (15 min to New Chitose)"),
        ("8:00〜20:00", "8:00–20:00"),
        "0144-00-1003",
        "42.760500",
        "141.660200",
        [
            (
                ("基本料金10％引き", "10% off the basic rate"),
                ("レンタカーの基本料金が10％引きになります。", "10% off the basic rental rate."),
                "percent",
                10,
                "once",
                200,
            )
        ],
    ),
    (
        "ferry-cycle",
        "rental_cycle",
        "sea",
        ("フェリーターミナル レンタサイクル", "Ferry Terminal Cycle Rental"),
        (
            "苫小牧西港フェリーターミナルで借りられる電動アシスト自転車。",
            "Electric-assist bicycles at the Tomakomai West Port ferry terminal.",
        ),
        ("苫小牧市入船町 フェリーターミナル1階", "Ferry terminal, Irifune-cho, Tomakomai"),
        ("7:00〜19:00（冬期休業）", "7:00–19:00, closed in winter"),
        "0144-00-1004",
        "42.641200",
        "141.592000",
        [
            (
                ("1日レンタル 300円引き", "¥300 off a day's rental"),
                ("電動アシスト自転車の1日レンタルが300円引き。", "¥300 off an e-bike for a day."),
                "amount",
                300,
                "daily",
                None,
            )
        ],
    ),
    (
        "star-science-hall",
        "tourist_facility",
        "mountain",
        ("とまこまい星と科学の館", "Tomakomai Hall of Stars and Science"),
        (
            "プラネタリウムと体験展示がそろう科学館。雨の日の家族連れにも。",
            "A science hall with a planetarium and hands-on exhibits, good on rainy days.",
        ),
        ("苫小牧市旭町", "Asahi-machi, Tomakomai"),
        ("9:30〜17:00（月曜休館）", "9:30–17:00, closed Mondays"),
        "0144-00-1005",
        "42.636500",
        "141.603100",
        [
            (
                ("プラネタリウム観覧料 半額", "Half-price planetarium"),
                ("プラネタリウムの観覧料が半額になります。", "Half price for the planetarium."),
                "percent",
                50,
                "once",
                None,
            )
        ],
    ),
    (
        "utonai-bird-guides",
        "tourist_facility",
        "wetland",
        ("ウトナイ湖 野鳥ガイドの会", "Lake Utonai Bird Guides"),
        (
            "ラムサール条約登録湿地・ウトナイ湖を、地元のガイドと歩く野鳥観察ツアー。",
            "Birdwatching walks with local guides at Lake Utonai, a Ramsar wetland.",
        ),
        ("苫小牧市植苗 ウトナイ湖畔", "Lake Utonai shore, Uenae, Tomakomai"),
        ("ツアー 9:00／13:00（要予約）", "Tours at 9:00 and 13:00, booking needed"),
        "0144-00-1006",
        "42.699800",
        "141.693000",
        [
            (
                ("ガイドツアー 500円引き", "¥500 off a guided walk"),
                ("ガイドツアー参加費が500円引き。", "¥500 off the guided walk fee."),
                "amount",
                500,
                "once",
                None,
            ),
            (
                ("双眼鏡の無料貸し出し", "Free binoculars"),
                ("ツアー中、双眼鏡を無料で貸し出します。", "Borrow binoculars during the walk."),
                "free_item",
                None,
                "unlimited",
                None,
            ),
        ],
    ),
    (
        "marutomi-hokki",
        "restaurant",
        "food",
        ("ほっき貝食堂 マルトミ", "Marutomi Hokki Clam Diner"),
        (
            "水揚げ日本一のホッキ貝を、カレーや丼で。漁港近くの食堂です。",
            "Hokki surf clams, Tomakomai's pride, in curry and rice bowls, by the fishing port.",
        ),
        ("苫小牧市汐見町（漁港前）", "Shiomi-cho, Tomakomai (by the fishing port)"),
        ("6:00〜14:00（日曜定休）", "6:00–14:00, closed Sundays"),
        "0144-00-1007",
        "42.634800",
        "141.618900",
        [
            (
                ("ほっきカレー大盛り無料", "Free large serving of hokki curry"),
                ("ほっきカレーを大盛りにできます。", "Your hokki clam curry, large, same price."),
                "free_item",
                None,
                "daily",
                None,
            )
        ],
    ),
    (
        "hokkitei",
        "restaurant",
        "food",
        ("浜の台所 ほっき亭", "Hokkitei Seaside Kitchen"),
        (
            "ほっき丼とほっき刺しが名物。先着順の優待です。",
            "Known for hokki clam bowls and sashimi. The offer is first come, first served.",
        ),
        ("苫小牧市港町", "Minato-machi, Tomakomai"),
        ("11:00〜15:00／17:00〜21:00", "11:00–15:00 and 17:00–21:00"),
        "0144-00-1008",
        "42.633900",
        "141.614500",
        [
            (
                ("ほっき丼 200円引き（先着50名）", "¥200 off a hokki bowl (first 50)"),
                ("ほっき丼が200円引き。先着50名様まで。", "¥200 off a hokki bowl, first 50 only."),
                "amount",
                200,
                "once",
                50,
            )
        ],
    ),
    (
        "tarumae-coffee",
        "restaurant",
        "forest",
        ("樽前珈琲", "Tarumae Coffee"),
        (
            "自家焙煎のコーヒーとハスカップのケーキが人気のカフェ。",
            "A café that roasts its own coffee; try the haskap berry cake.",
        ),
        ("苫小牧市錦町", "Nishiki-cho, Tomakomai"),
        ("10:00〜19:00（火曜定休）", "10:00–19:00, closed Tuesdays"),
        "0144-00-1009",
        "42.638900",
        "141.600700",
        [
            (
                ("ドリンク1サイズアップ", "One size up on any drink"),
                ("ドリンクを1サイズ大きくします。", "Any drink one size larger, same price."),
                "free_item",
                None,
                "daily",
                None,
            )
        ],
    ),
    (
        "yunomori-onsen",
        "accommodation",
        "lake",
        ("樽前温泉ホテル 湯の森", "Yunomori Tarumae Onsen Hotel"),
        (
            "樽前山を望む温泉ホテル。日帰り入浴もできます。",
            "An onsen hotel looking out on Mt Tarumae; day bathing welcome.",
        ),
        ("苫小牧市樽前", "Tarumae, Tomakomai"),
        ("日帰り入浴 11:00〜21:00", "Day bathing 11:00–21:00"),
        "0144-00-1010",
        "42.594700",
        "141.470800",
        [
            (
                ("日帰り入浴 無料", "Free day bathing"),
                ("日帰り入浴が1回無料です。", "One free visit to the baths."),
                "free_item",
                None,
                "once",
                None,
            ),
            (
                ("宿泊料金10％引き", "10% off your stay"),
                ("宿泊料金が10％引きになります（直接予約のみ）。", "10% off (direct booking)."),
                "percent",
                10,
                "once",
                None,
            ),
        ],
    ),
    (
        "shiokaze-souvenirs",
        "shop",
        "berries",
        ("苫小牧みやげ処 しおかぜ", "Shiokaze Tomakomai Souvenirs"),
        (
            "ハスカップ菓子やほっき貝の加工品など、苫小牧のおみやげがそろいます。",
            "Haskap sweets, hokki clam delicacies and other gifts from Tomakomai.",
        ),
        ("苫小牧市表町（駅前通り）", "Ekimae-dori, Omote-machi, Tomakomai"),
        ("9:00〜19:00", "9:00–19:00"),
        "0144-00-1011",
        "42.637200",
        "141.604200",
        [
            (
                ("お買い上げ5％引き", "5% off your purchase"),
                ("お会計から5％引きします。", "5% off at the till."),
                "percent",
                5,
                "daily",
                None,
            )
        ],
    ),
    (
        "haskap-workshop",
        "shop",
        "berries",
        ("ハスカップ工房 みのり", "Minori Haskap Workshop"),
        (
            "ハスカップのジャム作り体験ができる工房の直売所。",
            "A workshop shop where you can make your own haskap berry jam.",
        ),
        ("苫小牧市美沢", "Misawa, Tomakomai"),
        ("10:00〜16:00（土日祝のみ）", "10:00–16:00, weekends and holidays"),
        "0144-00-1012",
        "42.734000",
        "141.681000",
        [
            (
                ("ジャム作り体験 300円引き", "¥300 off jam making"),
                ("ジャム作り体験が300円引き。", "¥300 off the jam-making session."),
                "amount",
                300,
                "once",
                None,
            )
        ],
    ),
    (
        "harbour-photo",
        "other",
        "festival",
        ("まちなか写真館 フォトスタジオ港", "Minato Photo Studio"),
        (
            "旅の記念写真を撮影します。着物のレンタルもあります。",
            "Souvenir portraits of your trip; kimono rental too.",
        ),
        ("苫小牧市本町", "Hon-cho, Tomakomai"),
        ("10:00〜18:00（木曜定休）", "10:00–18:00, closed Thursdays"),
        "0144-00-1013",
        "42.635500",
        "141.607000",
        [
            (
                ("記念写真1枚プレゼント", "One souvenir print, free"),
                ("撮影した写真を1枚プリントして差し上げます。", "One print of your photo, free."),
                "free_item",
                None,
                "once",
                None,
            )
        ],
    ),
    (
        "snow-trail-outfitters",
        "other",
        "snow",
        ("スノートレイル苫小牧", "Snow Trail Tomakomai"),
        (
            "スノーシューや釣り道具のレンタルと、冬の湖のアクティビティ。",
            "Snowshoe and fishing gear rental, and winter lake activities.",
        ),
        ("苫小牧市高丘", "Takaoka, Tomakomai"),
        ("9:00〜17:00", "9:00–17:00"),
        "0144-00-1014",
        "42.651000",
        "141.575000",
        [
            (
                ("スノーシューレンタル無料", "Free snowshoe rental"),
                ("スノーシューを半日無料で貸し出します。", "Snowshoes free for half a day."),
                "free_item",
                None,
                "once",
                None,
            )
        ],
    ),
]

# Fictional pass holders behind the demo figures: (residence, municipality, purpose, uses).
SAMPLE_HOLDERS = [
    ("13", "13113", "workcation", ["work-lounge-station", "tarumae-coffee", "marutomi-hokki"]),
    ("01", "01101", "sightseeing", ["star-science-hall", "marutomi-hokki", "shiokaze-souvenirs"]),
    ("27", "27128", "business", ["hokkai-rent-a-car", "hokkitei"]),
    ("23", "23106", "relocation", ["harbour-desk", "utonai-bird-guides", "yunomori-onsen"]),
    ("04", "04101", "family", ["ferry-cycle", "hokkitei", "tarumae-coffee"]),
    ("14", "14103", "event", ["shiokaze-souvenirs", "ferry-cycle"]),
]


def seed_pages(home, stdout):
    """The landing page at "entry-pass" (the home page's call to action points there) with
    the partner directory below it, in Japanese and English."""
    builder = DemoPortal(home)
    ja = builder.ja
    landing = Page.objects.child_of(home).filter(slug=LANDING["slug"], locale=ja).first()
    if landing is None:
        landing = EntryPassPage(
            title=builder.pair(LANDING["title"]),
            slug=LANDING["slug"],
            intro=builder.pair(LANDING["intro"]),
            body=builder.stream(LANDING["body"]),
        )
        landing, _created = builder.add(home, landing)
    else:
        builder.pair(LANDING["title"])
        builder.pair(LANDING["intro"])
        builder.stream(LANDING["body"])
    landing = landing.specific
    builder.translate(landing)
    if isinstance(landing, EntryPassPage):
        directory = PartnerIndexPage(
            title=builder.pair(DIRECTORY["title"]),
            slug=DIRECTORY["slug"],
            intro=builder.pair(DIRECTORY["intro"]),
        )
        directory, _created = builder.add(landing, directory)
        builder.translate(directory)


def seed(home, stdout):
    ensure_group_rights()
    partners = ensure_partners()
    staff_user = ensure_user(PARTNER_EMAIL, "窓口", "ワークラウンジ", groups=["Partner staff"])
    PartnerStaff.objects.get_or_create(
        user=staff_user, defaults={"partner": partners["work-lounge-station"]}
    )
    visitor = ensure_user(VISITOR_EMAIL, "花子", "東京")
    today = timezone.localdate()
    if not Pass.objects.filter(user=visitor).exists():
        Pass.objects.create(
            user=visitor,
            residence_prefecture="13",
            residence_municipality="13104",
            stay_from=today - timedelta(days=1),
            stay_until=today + timedelta(days=5),
            purpose="workcation",
            party_size=1,
            status=PassStatus.ACTIVE,
            issued_at=timezone.now() - timedelta(days=2),
            valid_from=today - timedelta(days=1) - margin_days(),
            valid_until=today + timedelta(days=5) + margin_days(),
        )
    ensure_sample_uses(partners, today)


def ensure_group_rights():
    """The rows migration 0002 made; a flushed test database needs them again."""
    Group.objects.get_or_create(name="Partner staff")
    editors = Group.objects.filter(name="City editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="passes",
                codename__in=[
                    "view_pass_analytics",
                    *(
                        f"{a}_{m}"
                        for a in ("add", "change", "delete", "view")
                        for m in ("partner", "offer", "partnerstaff")
                    ),
                ],
            )
        )


def ensure_user(email, first_name, last_name, groups=(), password=True):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name=first_name, last_name=last_name)
        if password:
            user.set_password(DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def ensure_partners():
    ja = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    found = {}
    for spec in PARTNERS:
        slug, category, photo, name, description, address, hours, phone, lat, lng, offers = spec
        partner = Partner.objects.filter(slug=slug, locale=ja).first()
        if partner is None:
            partner = Partner.objects.create(
                locale=ja,
                slug=slug,
                category=category,
                name=name[0],
                description=description[0],
                address=address[0],
                opening_hours=hours[0],
                phone=phone,
                latitude=lat,
                longitude=lng,
                photo=get_or_create_demo_image(photo),
                short_code=_short_code(slug),
            )
        _translate(partner, dict([name, description, address, hours]))
        for title, benefit, kind, value, limit, cap in offers:
            offer = Offer.objects.filter(partner=partner, title=title[0]).first()
            if offer is None:
                offer = Offer.objects.create(
                    locale=ja,
                    partner=partner,
                    title=title[0],
                    benefit=benefit[0],
                    kind=kind,
                    value=value,
                    limit_per_pass=limit,
                    total_cap=cap,
                )
            _translate(offer, dict([title, benefit]))
        found[slug] = partner
    return found


def _short_code(slug):
    """A stable demo code per partner (real partners get a random one)."""
    digest = hashlib.sha256(slug.encode()).digest()
    return "".join(SHORT_CODE_ALPHABET[b % len(SHORT_CODE_ALPHABET)] for b in digest[:6])


def _translate(instance, strings):
    if instance.get_translation_or_none(Locale.objects.get(language_code="en")) is None:
        translate_through_localize(instance, "en", strings)


def ensure_sample_uses(partners, today):
    if Use.objects.exists():
        return
    offers = {}
    for slug, partner in partners.items():
        offers[slug] = partner.offers.order_by("pk").first()
    for n, (prefecture, municipality, purpose, used) in enumerate(SAMPLE_HOLDERS, start=1):
        user = ensure_user(f"pass-sample{n}@example.jp", "サンプル", f"来訪者{n}", password=False)
        start = today - timedelta(days=3 + n * 2)
        entry_pass = Pass.objects.create(
            user=user,
            residence_prefecture=prefecture,
            residence_municipality=municipality,
            stay_from=start,
            stay_until=start + timedelta(days=3),
            purpose=purpose,
            party_size=1 + n % 3,
            status=PassStatus.EXPIRED,
            issued_at=timezone.make_aware(datetime.combine(start - timedelta(days=2), time(20))),
            valid_from=start - margin_days(),
            valid_until=start + timedelta(days=3) + margin_days(),
        )
        for i, slug in enumerate(used):
            offer = offers[slug]
            day = start + timedelta(days=i % 3)
            used_at = timezone.make_aware(datetime.combine(day, time(9 + (n * 3 + i * 4) % 11)))
            Use.objects.create(
                entry_pass=entry_pass,
                offer=offer,
                partner=offer.partner,
                limit=offer.limit_per_pass,
                used_at=used_at,
                day=day,
                via=Use.VIA_POSTER if i % 2 else Use.VIA_STAFF,
            )
