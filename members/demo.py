"""Demo content for the membership: benefits, local activities (some designated for the
premium tier) and demo members, in Japanese with English translations."""

from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from home.demo_builder import DemoPortal
from home.demo_content import DEMO_PASSWORD
from home.demo_images import get_or_create_demo_image
from members.models import (
    ActivityIndexPage,
    ActivityPage,
    ActivitySignup,
    Benefit,
    FurusatoResidentPage,
    MemberNotice,
    Membership,
)
from members.services import activate_membership, site_settings

LOGINS = [("member2@example.jp", "Member on a waiting list")]

BENEFITS = [
    {
        "title": ("市内協力店でのお買い物10%割引", "10% off at partner shops"),
        "provider": ("苫小牧市商店街振興組合連合会", "Tomakomai shopping street association"),
        "description": (
            "市内の協力店で会員証を見せると、お買い物が10%割引になります。協力店の入口には"
            "「ふるさと住民歓迎」のステッカーを貼っています。",
            "Show your membership card at partner shops in the city for 10% off. Partner shops "
            "have a “Furusato residents welcome” sticker at the entrance.",
        ),
        "how_to_use": (
            "お会計の前に、マイページの会員証を店員にお見せください。",
            "Show the membership card on My page to the staff before you pay.",
        ),
        "relationships": [],
    },
    {
        "title": ("ふるさと便り（季刊）のお届け", "Quarterly newsletter from your furusato"),
        "provider": ("苫小牧市 政策推進課", "Tomakomai City, Policy Promotion Division"),
        "description": (
            "季節の行事、移住・二地域居住の支援制度、ふるさと住民限定の活動をまとめた便りを"
            "年4回お届けします。",
            "Four times a year we send news of seasonal events, support for moving and "
            "two-region living, and activities just for furusato residents.",
        ),
        "how_to_use": (
            "マイページでメールマガジンの受け取りを選ぶと届きます。",
            "Choose to receive the newsletter on My page.",
        ),
        "relationships": [],
    },
    {
        "title": (
            "科学センター・美術博物館の入館料無料",
            "Free entry to the science centre and museum",
        ),
        "provider": ("苫小牧市教育委員会", "Tomakomai Board of Education"),
        "description": (
            "苫小牧市科学センターと苫小牧市美術博物館の常設展を、会員ご本人は無料でご覧いただけます。",
            "Members get free entry to the permanent exhibitions of the Tomakomai Science "
            "Centre and the Tomakomai City Museum.",
        ),
        "how_to_use": (
            "受付で会員証のQRコードをお見せください。",
            "Show the QR code of your membership card at the reception.",
        ),
        "relationships": [],
    },
    {
        "title": ("ふるさと納税返礼品の先行案内", "Early news of furusato nozei gifts"),
        "provider": ("苫小牧市 ふるさと納税担当", "Tomakomai City, furusato nozei office"),
        "description": (
            "ホッキ貝や新鮮な海産物など、季節限定の返礼品を一般公開より先にご案内します。",
            "Hear about seasonal gifts such as surf clams (hokki) and fresh seafood before "
            "everyone else.",
        ),
        "how_to_use": (
            "ご案内はメールでお送りします。お申し込みはふるさと納税サイトから。",
            "We tell you by e-mail; you donate through the furusato nozei site.",
        ),
        "relationships": ["nozei"],
    },
    {
        "title": ("コワーキングスペース1日無料体験", "A free day at a coworking space"),
        "provider": (
            "苫小牧駅前コワーキング「ミナトベース」",
            "Minato Base coworking, station square",
        ),
        "description": (
            "ワーケーションや出張で苫小牧に滞在する会員は、駅前のコワーキングスペースを1日"
            "無料でお試しいただけます。",
            "Members staying in Tomakomai for a workcation or business can try the coworking "
            "space by the station for a day, free.",
        ),
        "how_to_use": (
            "予約時に会員番号をお伝えください。年度内に1回ご利用いただけます。",
            "Give your member number when you book. Once per fiscal year.",
        ),
        "relationships": ["stays", "work"],
    },
]

ACTIVITIES = [
    {
        "slug": "beach-cleanup",
        "title": ("錦大沼公園と海岸のクリーン活動", "Clean-up at Nishikioonuma Park and the coast"),
        "organizer": ("苫小牧市環境保全課", "Tomakomai City, Environment Division"),
        "summary": (
            "市民ボランティアと一緒に、公園と海岸のごみを拾います。道具は用意します。",
            "Pick up litter in the park and on the beach with local volunteers. We provide the "
            "tools.",
        ),
        "days": 12,
        "hours": (9, 11),
        "venue": ("錦大沼公園 管理事務所前", "In front of the Nishikioonuma Park office"),
        "capacity": 20,
        "designated": True,
        "image": "forest",
    },
    {
        "slug": "hokki-festival-staff",
        "title": ("ほっき貝まつり 運営ボランティア", "Volunteer at the Hokki Clam Festival"),
        "organizer": ("ほっき貝まつり実行委員会", "Hokki Clam Festival committee"),
        "summary": (
            "受付や会場案内など、まつりの運営をお手伝いいただきます。少人数の募集です。",
            "Help run the festival: reception, guiding visitors and more. Only a few places.",
        ),
        "days": 20,
        "hours": (8, 15),
        "venue": ("苫小牧港 漁港区", "Tomakomai fishing port"),
        "capacity": 2,
        "designated": True,
        "image": "port",
    },
    {
        "slug": "online-furusato-meeting",
        "title": ("オンライン ふるさと住民ミーティング", "Online furusato resident meeting"),
        "organizer": ("苫小牧市 政策推進課", "Tomakomai City, Policy Promotion Division"),
        "summary": (
            "市外に住むふるさと住民と市職員が、まちの課題とアイデアを話し合います。",
            "Furusato residents living elsewhere and city staff talk about the city's "
            "challenges and ideas.",
        ),
        "days": 30,
        "hours": (19, 20),
        "venue": None,
        "capacity": None,
        "designated": False,
        "image": "town",
    },
    {
        "slug": "farm-support",
        "title": ("農家の収穫お手伝い（通年）", "Helping farmers with the harvest (all year)"),
        "organizer": ("苫小牧広域農業協同組合", "Tomakomai regional agricultural cooperative"),
        "summary": (
            "季節ごとの収穫や出荷作業をお手伝いします。日程は農家と相談して決めます。",
            "Help with seasonal harvests and shipping. Dates are agreed with the farmers.",
        ),
        "days": None,
        "schedule": ("5月〜10月の土曜日 9:00〜12:00", "Saturdays from May to October, 9:00–12:00"),
        "venue": ("市内の協力農家", "Partner farms in the city"),
        "capacity": None,
        "designated": True,
        "image": "forest",
    },
    {
        "slug": "autumn-tree-planting",
        "title": ("秋の植樹活動", "Autumn tree planting"),
        "organizer": ("苫小牧市緑化推進協議会", "Tomakomai greening council"),
        "summary": (
            "北大研究林の近くで、在来種の苗木を植えました。",
            "We planted native saplings near the university research forest.",
        ),
        "days": -30,
        "hours": (9, 12),
        "venue": ("高丘緑地", "Takaoka green area"),
        "capacity": 30,
        "designated": True,
        "image": "forest",
    },
]

MEMBERS = [
    {
        "email": "member@example.jp",
        "first_name": "花子",
        "last_name": "山田",
        "name_kana": "ヤマダ ハナコ",
        "prefecture": "13",
        "municipality": "13113",
        "age_band": "30s",
        "relationships": ["lived", "stays"],
        "interests": ["two_region", "activities", "events"],
        "newsletter": True,
    },
    {
        "email": "member2@example.jp",
        "first_name": "健太",
        "last_name": "佐藤",
        "name_kana": "サトウ ケンタ",
        "prefecture": "01",
        "municipality": "01101",
        "age_band": "40s",
        "relationships": ["born", "nozei"],
        "interests": ["products", "nozei"],
        "newsletter": False,
    },
    {
        "email": "member3@example.jp",
        "first_name": "美咲",
        "last_name": "鈴木",
        "name_kana": "スズキ ミサキ",
        "prefecture": "27",
        "municipality": "27127",
        "age_band": "20s",
        "relationships": ["visitor"],
        "interests": ["migration", "events"],
        "newsletter": True,
    },
]


def seed(home, stdout):
    builder = DemoPortal(home)
    seed_benefits(builder)
    activities = seed_activities(builder, home)
    seed_members(activities)
    settings_ = site_settings()
    if settings_.privacy_policy_page_id is None:
        privacy = home.get_children().filter(slug="privacy", locale=home.locale).first()
        if privacy is not None:
            settings_.privacy_policy_page = privacy
            settings_.save(update_fields=["privacy_policy_page"])


def seed_benefits(builder):
    for order, spec in enumerate(BENEFITS):
        title = builder.pair(spec["title"])
        benefit = Benefit.objects.filter(locale=builder.ja, title=title).first()
        if benefit is None:
            benefit = Benefit.objects.create(
                locale=builder.ja,
                title=title,
                provider=builder.pair(spec["provider"]),
                description=f"<p>{builder.pair(spec['description'])}</p>",
                how_to_use=builder.pair(spec["how_to_use"]),
                audience_relationships=spec["relationships"],
                sort_order=order * 10,
            )
        else:
            for key in ("provider", "description", "how_to_use"):
                builder.pair(spec[key])
        builder.translate(benefit)


def at(days, hour):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def seed_activities(builder, home):
    index = ActivityIndexPage(
        title=builder.pair(("地域の活動に参加する", "Take part in local activities")),
        slug="activities",
        intro=builder.pair(
            (
                "ふるさと住民が参加できる、苫小牧の担い手活動です。市が指定する活動に年3回参加すると、"
                "プレミアム登録の条件を満たします。",
                "Local activities in Tomakomai that furusato residents can join. Attending three "
                "activities the city designates in a year meets the premium tier's condition.",
            )
        ),
    )
    index, _created = builder.add(home, index)
    builder.translate(index)
    activities = {}
    for spec in ACTIVITIES:
        page = ActivityPage(
            title=builder.pair(spec["title"]),
            slug=spec["slug"],
            organizer=builder.pair(spec["organizer"]),
            summary=builder.pair(spec["summary"]),
            venue=builder.pair(spec["venue"]) if spec["venue"] else "",
            is_online=spec["venue"] is None,
            capacity=spec["capacity"],
            counts_toward_premium=spec["designated"],
            hero_image=get_or_create_demo_image(spec["image"]),
        )
        if spec["days"] is not None:
            page.start = at(spec["days"], spec["hours"][0])
            page.end = at(spec["days"], spec["hours"][1])
        else:
            page.schedule_note = builder.pair(spec["schedule"])
        page, _created = builder.add(index, page)
        builder.translate(page)
        activities[spec["slug"]] = page
    return activities


@transaction.atomic
def seed_members(activities):
    User = get_user_model()
    for spec in MEMBERS:
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            user = User.objects.create_user(
                email=spec["email"],
                password=DEMO_PASSWORD,
                first_name=spec["first_name"],
                last_name=spec["last_name"],
            )
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if Membership.objects.filter(user=user).exists():
            continue
        membership = Membership.objects.create(
            user=user,
            name_kana=spec["name_kana"],
            residence_prefecture=spec["prefecture"],
            residence_municipality=spec["municipality"],
            age_band=spec["age_band"],
            relationships=spec["relationships"],
            interests=spec["interests"],
            newsletter=spec["newsletter"],
            privacy_policy_version=site_settings().privacy_policy_version,
            consented_at=timezone.now(),
        )
        activate_membership(membership, notify=False)
    hanako = User.objects.get(email="member@example.jp")
    kenta = User.objects.get(email="member2@example.jp")
    misaki = User.objects.get(email="member3@example.jp")
    if not ActivitySignup.objects.exists():
        confirmed = ActivitySignup.Status.CONFIRMED
        signups = [
            (activities["beach-cleanup"], hanako, confirmed, None),
            (activities["hokki-festival-staff"], hanako, confirmed, None),
            (activities["hokki-festival-staff"], misaki, confirmed, None),
            (activities["hokki-festival-staff"], kenta, ActivitySignup.Status.WAITLISTED, None),
            (activities["autumn-tree-planting"], hanako, confirmed, at(-30, 9)),
            (activities["autumn-tree-planting"], misaki, confirmed, at(-30, 9)),
        ]
        for activity, user, status, attended in signups:
            ActivitySignup.objects.create(
                activity=activity, user=user, status=status, attended_at=attended
            )
        MemberNotice.objects.create(
            user=hanako,
            message="秋の植樹活動へのご参加ありがとうございました。出席を記録しました。",
        )


def seed_pages(home, stdout):
    """The registration's landing page, at the slug the home page's call to action uses."""
    from home import demo_portal

    spec = next(s for s in demo_portal.STANDARD_PAGES if s["slug"] == "furusato-resident")
    builder = DemoPortal(home)
    page = FurusatoResidentPage(
        title=builder.pair(spec["title"]),
        slug=spec["slug"],
        intro=builder.pair(spec["intro"]),
        body=builder.stream(spec["body"]),
    )
    page, _created = builder.add(home, page)
    builder.translate(page)
