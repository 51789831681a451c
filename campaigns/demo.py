"""Demo content of the campaigns: the campaign index, a running winter campaign and an ended
summer one (ja + en), two creators, tracking links on several channels, fees and budgets, and
recorded clicks and conversions so that the campaign dashboard shows believable figures.
Idempotent: running seed_demo twice changes nothing."""

import hashlib
import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from campaigns.attribution import link_touch
from campaigns.models import (
    CampaignCost,
    CampaignCreator,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedPage,
    Click,
    Conversion,
    ConversionKind,
    Creator,
    TrackingLink,
)
from home.demo_builder import DemoPortal
from home.demo_images import get_or_create_demo_image
from home.services import translate_through_localize

LOGINS = []

INDEX = {
    "title": ("キャンペーン", "Campaigns"),
    "intro": (
        "苫小牧市が発信者のみなさんと行っているキャンペーンです。広告を含むページには"
        "「広告・PR」と表示しています。",
        "Campaigns that Tomakomai City runs with creators. Pages that contain advertising are "
        "labelled as such.",
    ),
}

PR_LABEL = ("広告・PR", "Advertisement / PR")
PR_NOTE = (
    "このキャンペーンは、苫小牧市が下記の発信者に依頼して行っています。",
    "Tomakomai City runs this campaign and has paid the creators below to take part.",
)
FURUSATO_NOZEI = (
    "ふるさと納税で苫小牧を応援する",
    "Support Tomakomai with furusato nozei",
)
FURUSATO_NOZEI_URL = "https://www.furusato-tax.jp/city/product/01213"

CREATORS = [
    {
        "handle": "@aki_tomakomai_life",
        "platform": "instagram",
        "photo": "food",
        "name": ("あき｜苫小牧ぐらし", "Aki | Life in Tomakomai"),
        "bio": (
            "札幌から苫小牧へ移住して3年。ほっき貝の朝ごはん、ウトナイ湖の朝焼け、"
            "港のまちの日常を写真で発信しています。",
            "Moved from Sapporo to Tomakomai three years ago. Posts photos of hokki clam "
            "breakfasts, sunrise over Lake Utonai and everyday life in the port town.",
        ),
        "profile_url": "https://www.instagram.com/aki_tomakomai_life/",
    },
    {
        "handle": "@ken_kitano_outdoor",
        "platform": "youtube",
        "photo": "mountain",
        "name": ("北のアウトドア ケン", "Ken, Outdoors in the North"),
        "bio": (
            "北海道の山と海を歩く動画を配信。樽前山の登山、冬の支笏湖、"
            "苫小牧港からのフェリー旅が人気です。",
            "Makes videos about walking Hokkaido's mountains and coast. His climbs of Mount "
            "Tarumae, winter trips to Lake Shikotsu and ferry journeys from Tomakomai Port are "
            "the favourites.",
        ),
        "profile_url": "https://www.youtube.com/@ken_kitano_outdoor",
    },
]

CAMPAIGNS = [
    {
        "slug": "winter-2026",
        "code": "winter-2026",
        "start_days": -14,
        "end_days": 42,
        "image": "snow",
        "title": (
            "冬の苫小牧、ふるさと住民になろう",
            "Winter in Tomakomai: become a furusato resident",
        ),
        "catch_copy": (
            "雪の少ない北海道の冬を、港のまちで。",
            "A Hokkaido winter with little snow, in a port town.",
        ),
        "lead": (
            "苫小牧は北海道のなかでも雪が少なく、冬も晴れの日が続きます。"
            "ふるさと住民に登録して、エントリーパスで冬の苫小牧を体験してください。",
            "Tomakomai gets less snow than most of Hokkaido, and winter days are often sunny. "
            "Register as a furusato resident and try winter in Tomakomai with the Entry Pass.",
        ),
        "body": [
            ("heading", "冬こそ、ほっき貝", "Winter is hokki clam season"),
            (
                "paragraph",
                "苫小牧は、ほっき貝の水揚げ量が日本一のまちです。冬の漁で獲れた身の厚いほっき貝を、"
                "マルトマ食堂のほっきカレーや、市場の炭火焼きで味わえます。",
                "Tomakomai lands more hokki clams than any other town in Japan. Try the thick "
                "winter catch in a hokki curry at Marutoma Shokudo or grilled over charcoal at "
                "the market.",
            ),
            ("heading", "凍ったウトナイ湖と樽前山", "Frozen Lake Utonai and Mount Tarumae"),
            (
                "paragraph",
                "1月から2月にかけて、ウトナイ湖にはオオハクチョウが羽を休めます。"
                "晴れた朝には、雪をかぶった樽前山の溶岩ドームがくっきりと見えます。",
                "From January to February, whooper swans rest on Lake Utonai. On clear "
                "mornings the snow-capped lava dome of Mount Tarumae stands out sharply.",
            ),
            ("heading", "フェリーで、気軽に行き来", "Come and go by ferry"),
            (
                "paragraph",
                "苫小牧港からは、仙台・名古屋・八戸・大洗・秋田・新潟・敦賀行きのフェリーが出ています。"
                "車ごと渡れるので、二地域居住の行き来にも便利です。",
                "Ferries leave Tomakomai Port for Sendai, Nagoya, Hachinohe, Oarai, Akita, "
                "Niigata and Tsuruga. You can take your car, which makes living in two places "
                "easy.",
            ),
        ],
        "posts": [
            (
                0,
                "https://www.instagram.com/p/winter-hokki-breakfast/",
                "food",
                (
                    "朝の市場で、ほっき貝の炭火焼き。",
                    "Hokki clams grilled over charcoal at the morning market.",
                ),
            ),
            (
                1,
                "https://www.youtube.com/watch?v=tarumae-winter",
                "mountain",
                (
                    "冬の樽前山、7合目からの景色。",
                    "Mount Tarumae in winter: the view from the seventh station.",
                ),
            ),
        ],
        "ended_message": (
            "冬のキャンペーンは終了しました。ふるさと住民登録とエントリーパスは、"
            "引き続きご利用いただけます。",
            "The winter campaign has ended. Furusato resident registration and the Entry Pass "
            "remain open.",
        ),
        "links": [
            # code, channel, creator index, target, clicks, unique share
            ("winter-aki-ig", "instagram", 0, "campaign", 140, 0.8),
            ("winter-aki-tiktok", "tiktok", 0, "campaign", 60, 0.85),
            ("winter-ken-yt", "youtube", 1, "campaign", 90, 0.8),
            ("winter-ken-x", "x", 1, "campaign", 35, 0.9),
            ("winter-line", "line", None, "register", 45, 0.75),
            ("winter-press", "press_release", None, "campaign", 25, 0.9),
            ("winter-flyer", "flyer", None, "entry_pass", 20, 0.95),
            ("winter-newsletter", "newsletter", None, "campaign", 30, 0.7),
        ],
        "costs": [
            (0, "", 150000, ("あきさん 投稿3回と動画1本", "Aki: three posts and one video")),
            (1, "", 200000, ("ケンさん 動画2本", "Ken: two videos")),
            (None, "flyer", 60000, ("チラシ印刷 5,000部", "5,000 printed flyers")),
            (None, "web_ad", 80000, ("ウェブ広告", "Web advertisements")),
        ],
    },
    {
        "slug": "summer-2026",
        "code": "summer-2026",
        "start_days": -150,
        "end_days": -90,
        "image": "lake",
        "title": ("夏の苫小牧で、ワーケーション", "Workcation in Tomakomai this summer"),
        "catch_copy": (
            "涼しい夏、海と森のそばで働く。",
            "A cool summer, working by the sea and the forest.",
        ),
        "lead": (
            "最高気温が25℃前後の苫小牧の夏。駅前のコワーキングスペースで働き、"
            "夕方はウトナイ湖や海辺を散歩する一週間を過ごしてみませんか。",
            "Summer highs in Tomakomai stay around 25°C. Spend a week working at a co-working "
            "space by the station and walking by Lake Utonai or the sea in the evening.",
        ),
        "body": [
            ("heading", "夏の苫小牧の過ごし方", "Summer days in Tomakomai"),
            (
                "paragraph",
                "朝は苫小牧港の漁港でほっき貝の水揚げを見学し、日中は駅前で仕事、"
                "週末は樽前山に登る。そんな夏の一週間を紹介します。",
                "Watch the hokki clam catch come in at the fishing port in the morning, work "
                "by the station during the day and climb Mount Tarumae at the weekend: one "
                "summer week in Tomakomai.",
            ),
        ],
        "posts": [
            (
                0,
                "https://www.instagram.com/p/summer-utonai-evening/",
                "lake",
                ("夕方のウトナイ湖で、仕事終わりの散歩。", "An after-work walk by Lake Utonai."),
            ),
        ],
        "ended_message": (
            "夏のワーケーションキャンペーンは終了しました。たくさんのご参加ありがとうございました。"
            "現在開催中のキャンペーンもご覧ください。",
            "The summer workcation campaign has ended. Thank you to everyone who took part. "
            "Have a look at the campaigns running now.",
        ),
        "links": [
            ("summer-aki-ig", "instagram", 0, "campaign", 110, 0.8),
            ("summer-ken-yt", "youtube", 1, "campaign", 70, 0.85),
            ("summer-x", "x", None, "campaign", 40, 0.9),
            ("summer-web-ad", "web_ad", None, "campaign", 95, 0.95),
            ("summer-flyer", "flyer", None, "consult", 15, 0.95),
        ],
        "costs": [
            (0, "", 120000, ("あきさん 投稿2回", "Aki: two posts")),
            (None, "web_ad", 100000, ("ウェブ広告", "Web advertisements")),
        ],
    },
]

# Conversions per link: registrations, passes, offer uses, consultations, activity sign-ups.
CONVERSIONS = {
    "winter-aki-ig": (9, 6, 8, 2, 2),
    "winter-aki-tiktok": (3, 2, 2, 0, 1),
    "winter-ken-yt": (6, 5, 6, 2, 1),
    "winter-ken-x": (1, 1, 0, 1, 0),
    "winter-line": (5, 2, 3, 1, 1),
    "winter-press": (2, 1, 1, 1, 0),
    "winter-flyer": (1, 3, 4, 0, 0),
    "winter-newsletter": (2, 1, 1, 1, 1),
    "summer-aki-ig": (6, 5, 7, 1, 2),
    "summer-ken-yt": (4, 3, 4, 1, 1),
    "summer-x": (1, 1, 1, 0, 0),
    "summer-web-ad": (2, 2, 2, 1, 0),
    "summer-flyer": (0, 1, 1, 2, 0),
    "press-furusato-registration": (4, 1, 0, 1, 0),
}
KINDS = [
    ConversionKind.REGISTRATION,
    ConversionKind.ENTRY_PASS,
    ConversionKind.OFFER_USE,
    ConversionKind.CONSULTATION,
    ConversionKind.ACTIVITY_SIGNUP,
]

# A press release of the portal's demo carries its own short link (not tied to a campaign):
# copies of the release in the media lead to the registration and are counted.
PRESS_LINK = {
    "code": "press-furusato-registration",
    "news_slug": "furusato-resident-registration-starts",
    "clicks": 48,
    "unique": 0.85,
    "note": "ふるさと住民登録の開始（プレスリリース）",
}


def seed(home, stdout):
    builder = DemoPortal(home)
    creators = seed_creators(builder)
    index = seed_index(builder, home)
    campaigns = {}
    for spec in CAMPAIGNS:
        campaigns[spec["code"]] = seed_campaign(builder, index, spec, creators)
    links = seed_links(campaigns, creators)
    seed_costs(campaigns, creators)
    periods = {
        code: (link.campaign.starts_at, link.campaign.ends_at) for code, link in links.items()
    }
    press = seed_press_release(builder.ja)
    if press is not None:
        links[PRESS_LINK["code"]], periods[PRESS_LINK["code"]] = press
    seed_clicks(links, periods)
    seed_conversions(links, periods)
    stdout.write("Campaigns: demo campaigns, links, clicks and conversions ready.")


def _translate(instance, strings):
    en = Locale.objects.get(language_code="en")
    if instance.get_translation_or_none(en) is None:
        translate_through_localize(instance, "en", strings)


def seed_creators(builder):
    ja = builder.ja
    creators = []
    for spec in CREATORS:
        creator = Creator.objects.filter(locale=ja, handle=spec["handle"]).first()
        if creator is None:
            creator = Creator.objects.create(
                locale=ja,
                name=spec["name"][0],
                handle=spec["handle"],
                platform=spec["platform"],
                photo=get_or_create_demo_image(spec["photo"]),
                bio=spec["bio"][0],
                profile_url=spec["profile_url"],
            )
        _translate(
            creator,
            {
                spec["name"][0]: spec["name"][1],
                spec["bio"][0]: spec["bio"][1],
                spec["handle"]: spec["handle"],
            },
        )
        creators.append(creator)
    return creators


def seed_index(builder, home):
    index = CampaignIndexPage(
        title=builder.pair(INDEX["title"]), slug="campaigns", intro=builder.pair(INDEX["intro"])
    )
    index, _created = builder.add(home, index)
    builder.translate(index)
    return index


def _at(days, hour):
    now = timezone.localtime()
    return (now + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def seed_campaign(builder, index, spec, creators):
    page = CampaignPage(
        title=builder.pair(spec["title"]),
        slug=spec["slug"],
        code=spec["code"],
        starts_at=_at(spec["start_days"], 10),
        ends_at=_at(spec["end_days"], 23),
        pr_label=builder.pair(PR_LABEL),
        pr_note=builder.pair(PR_NOTE),
        catch_copy=builder.pair(spec["catch_copy"]),
        lead=builder.pair(spec["lead"]),
        hero_image=get_or_create_demo_image(spec["image"]),
        body=builder.stream(spec["body"]),
        posts=[
            {
                "type": "post",
                "value": {
                    "creator": creators[who].pk,
                    "url": url,
                    "embed": False,
                    "image": get_or_create_demo_image(image).pk,
                    "caption": builder.pair(caption),
                },
            }
            for who, url, image, caption in spec["posts"]
        ],
        external_cta_label=builder.pair(FURUSATO_NOZEI),
        external_cta_url=FURUSATO_NOZEI_URL,
        ended_message=builder.pair(spec["ended_message"]),
    )
    builder.strings[spec["code"]] = spec["code"]
    creator_indexes = sorted({who for *_rest, who, _t, _c, _u in spec["links"] if who is not None})
    page.featured_creators = [CampaignCreator(creator=creators[i]) for i in creator_indexes]
    if spec["code"] == "summer-2026":
        activities = (
            index.get_parent().get_children().filter(slug="activities", locale=index.locale)
        )
        page.related_pages = [CampaignRelatedPage(related=p) for p in activities]
    page, _created = builder.add(index, page)
    builder.translate(page)
    return page


def seed_links(campaigns, creators):
    links = {}
    for spec in CAMPAIGNS:
        campaign = campaigns[spec["code"]]
        for code, channel, who, target, _clicks, _unique in spec["links"]:
            creator = creators[who] if who is not None else None
            link, _created = TrackingLink.objects.get_or_create(
                code=code,
                defaults={
                    "campaign": campaign,
                    "channel": channel,
                    "creator": creator,
                    "target": target,
                    "utm_content": creator.handle.lstrip("@") if creator else "",
                },
            )
            links[code] = link
    return links


def seed_costs(campaigns, creators):
    for spec in CAMPAIGNS:
        campaign = campaigns[spec["code"]]
        if campaign.costs.exists():
            continue
        CampaignCost.objects.bulk_create(
            CampaignCost(
                campaign=campaign,
                creator=creators[who] if who is not None else None,
                channel=channel,
                amount=amount,
                description=description[0],
            )
            for who, channel, amount, description in spec["costs"]
        )


def seed_press_release(ja):
    """Give the demo's press release about the registration its tracking link."""
    from home.models import NewsPage

    news = NewsPage.objects.filter(locale=ja, slug=PRESS_LINK["news_slug"]).first()
    if news is None:
        return None
    link, _created = TrackingLink.objects.get_or_create(
        code=PRESS_LINK["code"],
        defaults={
            "channel": "press_release",
            "target": "register",
            "utm_campaign": "furusato-registration",
            "note": PRESS_LINK["note"],
        },
    )
    for page in [news, *news.get_translations()]:
        if page.tracking_link_id is None:
            page.tracking_link = link
            revision = page.save_revision()
            if page.live:
                revision.publish()
    start = timezone.make_aware(datetime.combine(news.date, time(10)))
    return link, (start, timezone.now())


def _visitor(seed):
    return hashlib.sha256(f"demo-visitor:{seed}".encode()).hexdigest()[:32]


def _spread(rng, period, now):
    """A random time within the link's period so far, more often early on and in the
    evening (when people read their feeds)."""
    start, end = period
    end = min(end, now)
    span = (end - start).total_seconds()
    moment = start + timedelta(seconds=span * (rng.random() ** 1.6))
    local = timezone.localtime(moment)
    hour = rng.choice([7, 8, 12, 12, 19, 20, 21, 21, 22, 23])
    local = local.replace(hour=hour, minute=rng.randrange(60))
    return min(max(local, start), end)


@transaction.atomic
def seed_clicks(links, periods):
    if Click.objects.filter(link__in=list(links.values())).exists():
        return
    rng = random.Random(2026)
    now = timezone.now()
    devices = ["mobile"] * 7 + ["tablet"] + ["desktop"] * 2
    clicks = []
    volumes = [
        (code, count, unique_share)
        for spec in CAMPAIGNS
        for code, _channel, _who, _target, count, unique_share in spec["links"]
    ]
    if PRESS_LINK["code"] in links:
        volumes.append((PRESS_LINK["code"], PRESS_LINK["clicks"], PRESS_LINK["unique"]))
    for code, count, unique_share in volumes:
        link = links[code]
        visitors = [_visitor(f"{code}:{n}") for n in range(max(1, int(count * unique_share)))]
        for n in range(count):
            visitor = visitors[n] if n < len(visitors) else rng.choice(visitors)
            clicks.append(
                Click(
                    **link_touch(link),
                    clicked_at=_spread(rng, periods[code], now),
                    visitor=visitor,
                    device=rng.choice(devices),
                )
            )
    Click.objects.bulk_create(clicks)


def _real_objects():
    """Ids of the other demos' records, per kind: conversions point at them first."""
    from consultations.models import Channel as ConsultationChannel
    from consultations.models import Consultation
    from members.models import ActivitySignup, Membership
    from passes.models import Pass, Use

    return {
        ConversionKind.REGISTRATION: list(Membership.objects.values_list("pk", flat=True)),
        ConversionKind.ENTRY_PASS: list(Pass.objects.values_list("pk", flat=True)),
        ConversionKind.OFFER_USE: list(Use.objects.values_list("pk", flat=True)),
        ConversionKind.CONSULTATION: list(
            Consultation.objects.filter(channel=ConsultationChannel.WEB).values_list(
                "pk", flat=True
            )
        ),
        ConversionKind.ACTIVITY_SIGNUP: list(ActivitySignup.objects.values_list("pk", flat=True)),
    }


@transaction.atomic
def seed_conversions(links, periods):
    if Conversion.objects.filter(link__in=list(links.values())).exists():
        return
    rng = random.Random(7)
    now = timezone.now()
    taken = {
        kind: set(Conversion.objects.filter(kind=kind).values_list("object_id", flat=True))
        for kind in KINDS
    }
    available = {
        kind: [str(pk) for pk in pks if str(pk) not in taken[kind]]
        for kind, pks in _real_objects().items()
    }
    conversions = []
    for code, counts in CONVERSIONS.items():
        link = links.get(code)
        if link is None:
            continue
        for kind, count in zip(KINDS, counts, strict=True):
            for n in range(count):
                # Real demo records first; then records that exist only in these figures
                # (ids that can never collide with a real record's conversion).
                object_id = available[kind].pop(0) if available[kind] else f"demo-{code}-{n}"
                occurred = _spread(rng, periods[code], now)
                touched = max(periods[code][0], occurred - timedelta(hours=rng.randrange(1, 72)))
                conversions.append(
                    Conversion(
                        **link_touch(link),
                        kind=kind,
                        object_id=object_id,
                        occurred_at=occurred,
                        touched_at=touched,
                    )
                )
    Conversion.objects.bulk_create(conversions)
