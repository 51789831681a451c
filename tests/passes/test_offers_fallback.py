"""Entry Pass partners and offers not translated into the visitor's language show as their
Japanese originals, marked lang="ja" on the element that holds the text: the directory, a
partner's page, the offers a pass holder sees after scanning a poster, the completion screen
and My Entry Pass. A translated partner or offer shows instead of its original, never beside
it, and a translated partner whose offers are not all translated yet still lists them all."""

import pytest
from django.utils import translation

from passes import services
from passes.models import Partner, Use
from tests.factories.translations import translate
from tests.html_lang import between, lang_of
from tests.passes.conftest import OfferFactory, PartnerFactory, PassFactory, form_value

pytestmark = pytest.mark.django_db

# A partner of the test bundle, in Japanese and English only, with two current offers.
BUNDLE_PARTNER = "樽前温泉ホテル 湯の森"
BUNDLE_OFFERS = ("日帰り入浴 無料", "宿泊料金10％引き")


def ui(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def shop(db):
    """A Japanese partner with two offers; the partner and the first offer are translated into
    Simplified Chinese, the second offer is not."""
    partner = PartnerFactory(
        name="ほっき食堂 みなと",
        slug="hokki-minato",
        description="ほっき貝料理の食堂です。",
        address="苫小牧市汐見町",
    )
    first = OfferFactory(
        partner=partner, title="ほっきカレー100円引き", benefit="ほっきカレーが100円引き"
    )
    second = OfferFactory(
        partner=partner,
        title="ドリンク1杯無料",
        benefit="ソフトドリンクを1杯サービス",
        limit_per_pass="unlimited",
    )
    translate(
        partner,
        "zh-hans",
        {
            "ほっき食堂 みなと": "北寄贝食堂 港",
            "ほっき貝料理の食堂です。": "北寄贝料理食堂。",
            "苫小牧市汐見町": "苫小牧市汐见町",
        },
    )
    translate(
        first,
        "zh-hans",
        {
            "ほっきカレー100円引き": "北寄贝咖喱减100日元",
            "ほっきカレーが100円引き": "咖喱减100日元",
        },
    )
    return {"partner": partner, "first": first, "second": second}


def partner_count(html):
    return html.count('<li class="partner-card">')


def test_directory_in_chinese_lists_every_partner_translated_or_japanese(client, shop):
    html = client.get("/zh-hans/entry-pass/partners/").content.decode()
    assert '<html lang="zh-hans">' in html
    # The translated partner and offer instead of their originals, in the visitor's language.
    assert lang_of(html, "北寄贝食堂 港") == "zh-hans"
    assert lang_of(html, "北寄贝咖喱减100日元") == "zh-hans"
    assert "ほっき食堂 みなと" not in html and "ほっきカレー100円引き" not in html
    # The untranslated offer of the translated partner is there, marked Japanese.
    assert lang_of(html, "ドリンク1杯無料") == "ja"
    # Partners not translated into Chinese are all there, marked Japanese.
    assert lang_of(html, BUNDLE_PARTNER) == "ja"
    for title in BUNDLE_OFFERS:
        assert lang_of(html, title) == "ja"
    assert partner_count(html) == partner_count(
        client.get("/ja/entry-pass/partners/").content.decode()
    )
    # The page's own labels stay in the visitor's language.
    assert lang_of(html, ui("zh-hans", "All categories")) == "zh-hans"


@pytest.mark.parametrize("language", ["zh-hant", "ko"])
def test_directory_without_any_translation_shows_the_japanese_partners_marked(
    client, shop, language
):
    html = client.get(f"/{language}/entry-pass/partners/").content.decode()
    assert f'<html lang="{language}">' in html
    assert lang_of(html, "ほっき食堂 みなと") == "ja"
    assert lang_of(html, "ほっきカレー100円引き") == "ja"
    assert lang_of(html, BUNDLE_PARTNER) == "ja"
    assert "北寄贝" not in html
    assert lang_of(html, ui(language, "All categories")) == language
    assert (
        partner_count(html)
        == Partner.objects.filter(locale__language_code="ja", active=True).count()
    )


def test_english_directory_lists_a_partner_not_translated_into_english(client, shop):
    html = client.get("/en/entry-pass/partners/").content.decode()
    assert lang_of(html, "ほっき食堂 みなと") == "ja"
    assert lang_of(html, "ドリンク1杯無料") == "ja"
    assert lang_of(html, "Yunomori Tarumae Onsen Hotel") == "en"  # not its original
    assert BUNDLE_PARTNER not in html


def test_partner_page_shows_the_translation_and_the_untranslated_offer(client, shop):
    html = client.get("/zh-hans/entry-pass/partners/hokki-minato/").content.decode()
    main = between(html, "<main", "</main>")
    assert lang_of(html, "北寄贝食堂 港") == "zh-hans"
    assert lang_of(html, "北寄贝咖喱减100日元") == "zh-hans"
    assert lang_of(html, "ドリンク1杯無料") == "ja"
    assert lang_of(html, "ソフトドリンクを1杯サービス") == "ja"
    assert "ほっき食堂 みなと" not in main and "ほっきカレー100円引き" not in main
    assert lang_of(html, ui("zh-hans", "Offers for Entry Pass holders")) == "zh-hans"


def test_partner_page_of_an_untranslated_partner_is_japanese_marked(client, shop):
    html = client.get("/ko/entry-pass/partners/yunomori-onsen/").content.decode()
    assert '<html lang="ko">' in html
    main = between(html, "<main", "</main>")
    assert lang_of(main, BUNDLE_PARTNER, default="ko") == "ja"
    for title in BUNDLE_OFFERS:
        assert lang_of(main, title, default="ko") == "ja"
    assert lang_of(main, ui("ko", "Offers for Entry Pass holders"), default="ko") == "ko"
    assert lang_of(main, ui("ko", "Opening hours"), default="ko") == "ko"


def test_entry_pass_landing_page_marks_only_its_japanese_text(client, shop):
    html = client.get("/zh-hans/entry-pass/").content.decode()
    main = between(html, "<main", "</main>")
    assert lang_of(main, "苫小牧エントリーパス", default="zh-hans") == "ja"
    assert lang_of(main, "使えるお店と施設", default="zh-hans") == "ja"
    # The buttons are the visitor's language, not inside an element marked Japanese.
    assert lang_of(main, ui("zh-hans", "Get your pass"), default="zh-hans") == "zh-hans"
    assert lang_of(main, ui("zh-hans", "Partners and offers"), default="zh-hans") == "zh-hans"


def test_pass_holder_sees_every_offer_and_uses_an_untranslated_one(client, shop):
    entry_pass = PassFactory()
    client.force_login(entry_pass.user)
    url = f"/zh-hans/pass/p/{services.poster_token(shop['partner'])}/"
    html = client.get(url).content.decode()
    assert lang_of(html, "北寄贝食堂 港") == "zh-hans"
    assert lang_of(html, "北寄贝咖喱减100日元") == "zh-hans"
    assert "ほっきカレー100円引き" not in html
    assert lang_of(html, "ドリンク1杯無料") == "ja"
    assert lang_of(html, "ソフトドリンクを1杯サービス") == "ja"
    # Two Use buttons; the Japanese title inside the Chinese button is marked.
    assert html.count('class="button--use"') == 2
    assert '<span lang="ja">ドリンク1杯無料</span>' in html
    response = client.post(url, {"offer": shop["second"].pk, "nonce": form_value(html, "nonce")})
    assert response.status_code == 302
    use = Use.objects.get(entry_pass=entry_pass)
    assert use.offer == shop["second"]
    done = client.get(response["Location"]).content.decode()
    assert lang_of(done, "北寄贝食堂 港") == "zh-hans"
    assert lang_of(done, "ドリンク1杯無料") == "ja"
    mine = client.get("/zh-hans/pass/").content.decode()
    uses = between(mine, '<ul class="use-list">', "</ul>")
    assert lang_of(uses, "北寄贝食堂 港", default="zh-hans") == "zh-hans"
    assert lang_of(uses, "ドリンク1杯無料", default="zh-hans") == "ja"


def test_pass_holder_in_korean_sees_the_japanese_offers_marked(client, shop):
    client.force_login(PassFactory().user)
    url = f"/ko/pass/p/{services.poster_token(shop['partner'])}/"
    html = client.get(url).content.decode()
    assert '<html lang="ko">' in html
    assert lang_of(html, "ほっき食堂 みなと") == "ja"
    assert lang_of(html, "ほっきカレー100円引き") == "ja"
    assert lang_of(html, "ドリンク1杯無料") == "ja"
    assert "北寄贝" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/zh-hans/entry-pass/partners/",
        "/ko/entry-pass/partners/?category=restaurant",
        "/zh-hans/entry-pass/partners/hokki-minato/",
    ],
)
def test_fallback_listings_keep_the_query_budget(client, shop, django_assert_max_num_queries, url):
    client.get(url)  # warm-up
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
