"""Demo content of the consultation desk: the consultation page (ja + en) at the slug the
home page's call to action points at, and a few consultations in various states and channels.
Idempotent: running seed_demo twice changes nothing."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from consultations.models import (
    Channel,
    Consultation,
    ConsultationPage,
    Message,
    PlaceKind,
    PreferredReply,
    Status,
)
from consultations.services import allocate_reference

LOGINS = []  # consult@example.jp is one of the portal's demo logins (home.demo_content)

DESK = "苫小牧市 二地域居住・移住相談窓口"
THANK_YOU = (
    "原則として3営業日以内に、担当の相談員からお返事します。"
    "お急ぎの場合は、受付番号をお伝えのうえお電話ください。",
    "An adviser will normally reply within three working days. If it is urgent, call us and "
    "give your reference number.",
)


def seed_pages(home, stdout):
    """Put the ConsultationPage at /consultation/ before the portal would build a plain page."""
    from home import demo_portal
    from home.demo_builder import DemoPortal

    ja = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    existing = Page.objects.child_of(home).filter(slug="consultation", locale=ja).first()
    if existing is not None and not isinstance(existing.specific, ConsultationPage):
        return  # an older install's plain page: leave the editors' page alone
    portal = DemoPortal(home)
    spec = next(s for s in demo_portal.STANDARD_PAGES if s["slug"] == "consultation")
    page = existing.specific if existing else None
    if page is None:
        page = ConsultationPage(
            title=portal.pair(spec["title"]),
            slug="consultation",
            intro=portal.pair(spec["intro"]),
            body=portal.stream(spec["body"]),
            thank_you_text=portal.pair(THANK_YOU),
            locale=ja,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    else:
        portal.pair(spec["title"])
        portal.pair(spec["intro"])
        portal.stream(spec["body"])
        portal.pair(THANK_YOU)
    portal.translate(page)


def _message(consultation, kind, body, when, author=None):
    Message.objects.create(
        consultation=consultation, kind=kind, body=body, created_at=when, author=author
    )


DEMO_CONSULTATIONS = [
    {
        "name": "佐藤 花子",
        "email": "hanako.sato@example.com",
        "phone": "090-1234-5678",
        "residence_prefecture": "13",
        "topics": ["two_region", "housing"],
        "channel": Channel.WEB,
        "place_kind": PlaceKind.DESK,
        "place_name": "",
        "preferred_reply": PreferredReply.ONLINE,
        "preferred_dates": "平日の18時以降、または土曜日の午前中",
        "status": Status.WAITING,
        "days_ago": 6,
        "message": (
            "東京在住の会社員です。夏の間だけ苫小牧で暮らす二地域居住を考えています。"
            "テレワーク中心なので、光回線が使える短期賃貸や空き家はありますか。"
            "オンラインで相談できればうれしいです。"
        ),
        "reply": (
            "佐藤様、ご相談ありがとうございます。苫小牧市二地域居住・移住相談窓口の高橋です。"
            "市内には家具付きの短期賃貸のほか、空き家バンクに登録された物件があり、"
            "光回線の引き込み済みのものもございます。ご希望の土曜日の午前中（10時から）に、"
            "Zoomでのオンライン相談を予約いたしました。前日までに接続先をお送りします。"
        ),
        "note": "空き家バンク担当（住宅課）に、光回線ありの物件リストを依頼済み。",
        "reply_after_hours": 20,
    },
    {
        "name": "田中 健一",
        "email": "kenichi.tanaka@example.com",
        "phone": "",
        "residence_prefecture": "27",
        "topics": ["workcation"],
        "channel": Channel.WEB,
        "place_kind": PlaceKind.DESK,
        "place_name": "",
        "preferred_reply": PreferredReply.EMAIL,
        "preferred_dates": "",
        "status": Status.NEW,
        "days_ago": 5,
        "message": (
            "9月に1週間ほど苫小牧でワーケーションをしたいと考えています。"
            "駅の近くで使えるコワーキングスペースと、補助制度があれば教えてください。"
        ),
    },
    {
        "name": "山本 美咲",
        "email": "",
        "phone": "011-000-0000",
        "residence_prefecture": "01",
        "topics": ["childcare", "support"],
        "channel": Channel.PHONE,
        "place_kind": PlaceKind.DESK,
        "place_name": DESK,
        "preferred_reply": PreferredReply.PHONE,
        "preferred_dates": "",
        "status": Status.IN_PROGRESS,
        "days_ago": 3,
        "message": (
            "札幌市から家族4人で移住を検討。保育園の空き状況と、"
            "子育て世帯向けの移住支援金について電話で質問があった。"
            "こども支援課に確認のうえ、折り返し電話する約束。"
        ),
        "first_response_now": True,
    },
    {
        "name": "鈴木 一郎",
        "email": "",
        "phone": "",
        "residence_prefecture": "04",
        "topics": ["support", "work"],
        "channel": Channel.IN_PERSON,
        "place_kind": PlaceKind.DESK,
        "place_name": DESK,
        "preferred_reply": "",
        "preferred_dates": "",
        "status": Status.CLOSED,
        "days_ago": 40,
        "message": (
            "仙台市から来庁。苫小牧港関連の物流企業への転職と、移住支援金の要件について相談。"
            "ハローワーク苫小牧の求人と支援金の申請の流れを案内し、その場で解決。"
        ),
        "first_response_now": True,
    },
    {
        "name": "高田 由紀",
        "email": "yuki.takada@example.com",
        "phone": "",
        "residence_prefecture": "13",
        "topics": ["furusato", "entry_pass", "two_region"],
        "channel": Channel.IN_PERSON,
        "place_kind": PlaceKind.EVENT,
        "place_name": "北海道移住フェア（東京・有楽町）",
        "preferred_reply": PreferredReply.EMAIL,
        "preferred_dates": "",
        "status": Status.RESOLVED,
        "days_ago": 20,
        "message": (
            "移住フェアの苫小牧市ブースで相談。まずはふるさと住民登録をして、"
            "エントリーパスで市内の施設を使いながら、年に数回通う形から始めたいとのこと。"
            "登録方法と、パスで使える施設の一覧をお渡しした。"
        ),
        "first_response_now": True,
    },
    {
        "name": "Emily Clark",
        "email": "emily.clark@example.com",
        "phone": "",
        "residence_prefecture": "99",
        "topics": ["transport", "two_region"],
        "channel": Channel.WEB,
        "place_kind": PlaceKind.DESK,
        "place_name": "",
        "preferred_reply": PreferredReply.EMAIL,
        "preferred_dates": "",
        "status": Status.WAITING,
        "days_ago": 9,
        "language": "en",
        "message": (
            "I live in Singapore and would like to spend the winters in Tomakomai. "
            "How do people get around in winter without a car, and how long does the bus "
            "from New Chitose Airport take?"
        ),
        "reply": (
            "Dear Ms Clark, thank you for your question. Buses and the JR line connect the "
            "airport with Tomakomai Station in about 40 minutes, and city buses run all winter. "
            "We have sent you our winter life guide in English."
        ),
        "reply_after_hours": 30,
    },
]


def seed(home, stdout):
    if Consultation.objects.filter(email="hanako.sato@example.com").exists():
        return
    staff = get_user_model().objects.filter(email="consult@example.jp").first()
    now = timezone.now()
    # Oldest first, so that reference numbers follow the dates.
    for spec in sorted(DEMO_CONSULTATIONS, key=lambda spec: -spec["days_ago"]):
        received = now - timedelta(days=spec["days_ago"])
        with transaction.atomic():
            consultation = Consultation.objects.create(
                reference=allocate_reference(received),
                name=spec["name"],
                email=spec["email"],
                phone=spec["phone"],
                residence_prefecture=spec["residence_prefecture"],
                topics=Consultation.join_topics(spec["topics"]),
                message=spec["message"],
                preferred_reply=spec["preferred_reply"],
                preferred_dates=spec["preferred_dates"],
                channel=spec["channel"],
                place_kind=spec["place_kind"],
                place_name=spec["place_name"],
                status=spec["status"],
                assignee=staff if spec["status"] != Status.NEW else None,
                language=spec.get("language", "ja"),
                created_at=received,
                consent_at=received if spec["channel"] == Channel.WEB else None,
                first_response_at=received if spec.get("first_response_now") else None,
                closed_at=now - timedelta(days=30) if spec["status"] == Status.CLOSED else None,
            )
            # Taken by phone, at the desk or at an event: the desk's record of their words.
            recorded_by = staff if spec["channel"] not in (Channel.WEB, Channel.EMAIL) else None
            _message(consultation, Message.Kind.PERSON, spec["message"], received, recorded_by)
            if spec.get("note"):
                _message(
                    consultation,
                    Message.Kind.NOTE,
                    spec["note"],
                    received + timedelta(hours=2),
                    staff,
                )
            if spec.get("reply"):
                replied = received + timedelta(hours=spec["reply_after_hours"])
                _message(consultation, Message.Kind.REPLY, spec["reply"], replied, staff)
                consultation.first_response_at = replied
                consultation.save(update_fields=["first_response_at"])
    stdout.write("Consultation desk: demo consultations created.")
