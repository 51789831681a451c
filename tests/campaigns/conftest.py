"""Campaigns as the city runs them, built for the tests that need them: a winter campaign
running now and a summer one that has ended, both translated into English, each with the
test site's creators, their posts and a hero photo; the summer one relates to the
activities page."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from campaigns.models import CampaignCreator, CampaignRelatedPage, Creator
from tests.factories.campaigns import CampaignPageFactory, PortalImageFactory, translate_campaign

FURUSATO_NOZEI_URL = "https://www.furusato-tax.jp/city/product/01213"

# Each text in Japanese and as the translator put it into English.
PR_NOTE = (
    "このキャンペーンは、苫小牧市が下記の発信者に依頼して行っています。",
    "Tomakomai City runs this campaign and has paid the creators below to take part.",
)
FURUSATO_NOZEI = ("ふるさと納税で苫小牧を応援する", "Support Tomakomai with furusato nozei")

WINTER = {
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
    "ended_message": (
        "冬のキャンペーンは終了しました。"
        "ふるさと住民登録とエントリーパスは、引き続きご利用いただけます。",
        "The winter campaign has ended. "
        "Furusato resident registration and the Entry Pass remain open.",
    ),
}
WINTER_BODY = [
    ("冬こそ、ほっき貝", "Winter is hokki clam season"),
    (
        "苫小牧は、ほっき貝の水揚げ量が日本一のまちです。冬の漁で獲れた身の厚いほっき貝を、"
        "マルトマ食堂のほっきカレーや、市場の炭火焼きで味わえます。",
        "Tomakomai lands more hokki clams than any other town in Japan. Try the thick winter "
        "catch in a hokki curry at Marutoma Shokudo or grilled over charcoal at the market.",
    ),
    ("フェリーで、気軽に行き来", "Come and go by ferry"),
    (
        "苫小牧港からは、仙台・名古屋・八戸・大洗・秋田・新潟・敦賀行きのフェリーが出ています。"
        "車ごと渡れるので、二地域居住の行き来にも便利です。",
        "Ferries leave Tomakomai Port for Sendai, Nagoya, Hachinohe, Oarai, Akita, Niigata "
        "and Tsuruga. You can take your car, which makes living in two places easy.",
    ),
]
WINTER_CAPTIONS = [
    (
        "朝の市場で、ほっき貝の炭火焼き。",
        "Hokki clams grilled over charcoal at the morning market.",
    ),
    (
        "冬の樽前山、7合目からの景色。",
        "Mount Tarumae in winter: the view from the seventh station.",
    ),
]

SUMMER = {
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
    "ended_message": (
        "夏のワーケーションキャンペーンは終了しました。たくさんのご参加ありがとうございました。"
        "現在開催中のキャンペーンもご覧ください。",
        "The summer workcation campaign has ended. Thank you to everyone who took part. "
        "Have a look at the campaigns running now.",
    ),
}
SUMMER_BODY = [
    ("夏の苫小牧の過ごし方", "Summer days in Tomakomai"),
    (
        "朝は苫小牧港の漁港でほっき貝の水揚げを見学し、日中は駅前で仕事、週末は樽前山に登る。"
        "そんな夏の一週間を紹介します。",
        "Watch the hokki clam catch come in at the fishing port in the morning, work by the "
        "station during the day and climb Mount Tarumae at the weekend: one summer week in "
        "Tomakomai.",
    ),
]
SUMMER_CAPTIONS = [("夕方のウトナイ湖で、仕事終わりの散歩。", "An after-work walk by Lake Utonai.")]


def japanese(fields):
    return {name: ja for name, (ja, _en) in fields.items()}


def english(*texts):
    """Japanese → English for translate_campaign(), from (ja, en) pairs and dicts of them."""
    pairs = []
    for text in texts:
        pairs += text.values() if isinstance(text, dict) else text
    return dict(pairs)


def body(pairs):
    """Alternating h2 headings and paragraphs, in Japanese."""
    return [
        ("heading", {"level": "h2", "text": ja})
        if n % 2 == 0
        else ("paragraph", RichText(f"<p>{ja}</p>"))
        for n, (ja, _en) in enumerate(pairs)
    ]


def post(creator, url, caption, image):
    return (
        "post",
        {"creator": creator, "url": url, "embed": False, "image": image, "caption": caption[0]},
    )


@pytest.fixture
def campaigns(demo_site):
    """The winter campaign, running for two weeks now, and the summer one, ended two months
    ago, each with its English translation; the creators are the test site's own (they have
    English translations and photos)."""
    now = timezone.now()
    ja = Locale.objects.get(language_code="ja")
    aki = Creator.objects.get(locale=ja, handle="@aki_tomakomai_life")
    ken = Creator.objects.get(locale=ja, handle="@ken_kitano_outdoor")
    winter = CampaignPageFactory(
        **japanese(WINTER),
        slug="winter-2026",
        code="winter-2026",
        starts_at=now - timedelta(days=14),
        ends_at=now + timedelta(days=45),
        pr_note=PR_NOTE[0],
        hero_image=PortalImageFactory(
            title="雪の苫小牧港",
            description="雪の積もった岸壁と、停泊するフェリー",
            colour="#dfe8f0",
        ),
        body=body(WINTER_BODY),
        featured_creators=[CampaignCreator(creator=aki), CampaignCreator(creator=ken)],
        posts=[
            post(
                aki,
                "https://www.instagram.com/p/winter-hokki-breakfast/",
                WINTER_CAPTIONS[0],
                PortalImageFactory(
                    title="ほっき貝の炭火焼き",
                    description="炭火の網で焼けるほっき貝",
                    colour="#c8703c",
                ),
            ),
            post(
                ken,
                "https://www.youtube.com/watch?v=tarumae-winter",
                WINTER_CAPTIONS[1],
                PortalImageFactory(
                    title="冬の樽前山",
                    description="雪をかぶった樽前山の溶岩ドーム",
                    colour="#f4f6f8",
                ),
            ),
        ],
        external_cta_label=FURUSATO_NOZEI[0],
        external_cta_url=FURUSATO_NOZEI_URL,
    )
    summer = CampaignPageFactory(
        **japanese(SUMMER),
        slug="summer-2026",
        code="summer-2026",
        starts_at=now - timedelta(days=150),
        ends_at=now - timedelta(days=60),
        pr_note=PR_NOTE[0],
        hero_image=PortalImageFactory(
            title="夏のウトナイ湖", description="湖畔の木道から見た夏のウトナイ湖", colour="#5a8fb0"
        ),
        body=body(SUMMER_BODY),
        featured_creators=[CampaignCreator(creator=aki), CampaignCreator(creator=ken)],
        posts=[
            post(
                aki,
                "https://www.instagram.com/p/summer-utonai-evening/",
                SUMMER_CAPTIONS[0],
                PortalImageFactory(
                    title="夕方のウトナイ湖",
                    description="夕日に染まるウトナイ湖の水面",
                    colour="#e09a50",
                ),
            )
        ],
        external_cta_label=FURUSATO_NOZEI[0],
        external_cta_url=FURUSATO_NOZEI_URL,
        related_pages=[
            CampaignRelatedPage(related=Page.objects.get(locale=ja, slug="activities", depth=3))
        ],
    )
    common = [PR_NOTE, FURUSATO_NOZEI]
    return SimpleNamespace(
        winter=winter,
        summer=summer,
        winter_en=translate_campaign(winter, english(WINTER, WINTER_BODY, WINTER_CAPTIONS, common)),
        summer_en=translate_campaign(summer, english(SUMMER, SUMMER_BODY, SUMMER_CAPTIONS, common)),
    )
