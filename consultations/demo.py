"""Demo scenarios of the consultation desk: consultations in every status and channel, sent
through the public form (submit_consultation) or entered by the staff after a phone call, a
visit to the desk or a fair (create_manual_consultation), then answered, noted and moved on
with the staff's own services. The consultation page itself is content (the bundle).
Idempotent: a consultation already there is left alone."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from consultations.models import (
    Channel,
    Consultation,
    Delivery,
    Message,
    PlaceKind,
    PreferredReply,
    StaffViewLog,
    Status,
)
from consultations.services import (
    add_note,
    create_manual_consultation,
    reply_to_person,
    submit_consultation,
    update_consultation,
)
from members.demo import no_mail
from members.services import site_settings

LOGINS = []  # consult@example.jp is one of the portal's demo logins (home.demo_content)
STAFF_EMAIL = "consult@example.jp"
DESK = "苫小牧市 二地域居住・移住相談窓口"

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
    staff = get_user_model().objects.filter(email=STAFF_EMAIL).first()
    created = 0
    with no_mail():
        # Oldest first, so that reference numbers follow the dates.
        for spec in sorted(DEMO_CONSULTATIONS, key=lambda spec: -spec["days_ago"]):
            if Consultation.objects.filter(name=spec["name"], channel=spec["channel"]).exists():
                continue
            consult(spec, staff)
            created += 1
    if created:
        stdout.write(f"Consultation desk: {created} demo consultations.")


def consult(spec, staff):
    now = timezone.now()
    received = now - timedelta(days=spec["days_ago"])
    data = {
        key: spec[key]
        for key in (
            "name",
            "email",
            "phone",
            "residence_prefecture",
            "topics",
            "message",
            "preferred_reply",
            "preferred_dates",
            "channel",
            "place_kind",
            "place_name",
        )
    }
    if spec["channel"] == Channel.WEB:
        # The person sends the public form (and gets its acknowledgement).
        consultation, _created = submit_consultation(
            data,
            language=spec.get("language", "ja"),
            privacy_version=site_settings().privacy_policy_version,
        )
    else:
        # Taken by phone, at the desk or at a fair: the staff enter it, answered on the spot.
        consultation = create_manual_consultation(
            {**data, "status": spec["status"], "created_at": received}, staff_user=staff
        )
    times = {"received": received}
    if spec.get("note"):
        add_note(consultation, spec["note"], staff_user=staff)
        times["note"] = received + timedelta(hours=2)
    if spec.get("reply"):
        reply_to_person(consultation, spec["reply"], staff_user=staff)  # → waiting
        times["reply"] = received + timedelta(hours=spec["reply_after_hours"])
    consultation.refresh_from_db()
    if consultation.status != spec["status"]:
        update_consultation(consultation, staff_user=staff, status=spec["status"])
    backdate(consultation, times, closed=now - timedelta(days=30))


def backdate(consultation, times, closed):
    """The scenario ran just now; the demo's consultations arrived days ago. Move their times
    (and those of their messages, e-mails and the staff's log) back to when they happened."""
    received = times["received"]
    replied = times.get("reply")
    first_response = replied or (
        received if consultation.channel not in (Channel.WEB, Channel.EMAIL) else None
    )
    Consultation.objects.filter(pk=consultation.pk).update(
        created_at=received,
        consent_at=received if consultation.consent_at else None,
        first_response_at=first_response,
        closed_at=closed if consultation.status == Status.CLOSED else None,
    )
    messages = Message.objects.filter(consultation=consultation)
    messages.filter(kind=Message.Kind.PERSON).update(created_at=received)
    logs = StaffViewLog.objects.filter(consultation=consultation)
    logs.filter(action=StaffViewLog.Action.CREATE).update(at=received)
    deliveries = Delivery.objects.filter(consultation=consultation)
    deliveries.exclude(kind=Delivery.Kind.REPLY).update(created_at=received)
    deliveries.exclude(kind=Delivery.Kind.REPLY).filter(sent_at__isnull=False).update(
        sent_at=received
    )
    if "note" in times:
        messages.filter(kind=Message.Kind.NOTE).update(created_at=times["note"])
        logs.filter(action=StaffViewLog.Action.NOTE).update(at=times["note"])
    if replied:
        messages.filter(kind=Message.Kind.REPLY).update(created_at=replied)
        logs.filter(action=StaffViewLog.Action.REPLY).update(at=replied)
        replies = deliveries.filter(kind=Delivery.Kind.REPLY)
        replies.update(created_at=replied)
        replies.filter(sent_at__isnull=False).update(sent_at=replied)
    last = replied or times.get("note") or received
    logs.filter(action=StaffViewLog.Action.UPDATE).update(at=last)
