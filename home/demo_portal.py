"""Demo portal content for Tomakomai (苫小牧市): sections, stories, news, events and pages.

Pure data, no Django imports. Every string a visitor sees is a (Japanese, English) pair; the
importer maps Japanese to English, so one Japanese string always has the same English twin.
The people in the stories are invented; contact details use example.jp and 0144-00-xxxx.
Image keys refer to home.demo_images.IMAGE_SPECS.
"""

# Story themes: (slug, Japanese, English).
THEMES = [
    ("food", "食", "Food"),
    ("nature", "自然", "Nature"),
    ("work", "仕事", "Work"),
    ("childcare", "子育て", "Childcare"),
    ("moving", "移住", "Moving here"),
    ("two-region", "二地域居住", "Two-region living"),
    ("community", "地域活動", "Community"),
]

# The four entrances of the portal, in menu order.
SECTIONS = [
    {
        "slug": "furusato-nozei",
        "title": ("ふるさと納税", "Furusato nozei"),
        "intro": (
            (
                "ふるさと納税で苫小牧を応援してください。いただいた寄附は、"
                "子育てや自然環境の保全など、まちづくりに役立てます。"
            ),
            (
                "Support Tomakomai through furusato nozei, the hometown tax donation. Your "
                "donation goes to the city's work on childcare, protecting nature and more."
            ),
        ),
        "body": [
            ("heading", "ふるさと納税のしくみ", "How furusato nozei works"),
            (
                "paragraph",
                (
                    "ふるさと納税は、応援したい自治体を選んで寄附ができる制度です。"
                    "寄附額のうち一定の金額が、所得税や住民税から控除されます。"
                    "控除の上限額は収入や家族構成によって異なりますので、"
                    "お住まいの自治体や税務署でご確認ください。"
                ),
                (
                    "Furusato nozei lets you choose a municipality you want to support and donate "
                    "to it. Part of the donation is deducted from your income tax and residential "
                    "tax. The upper limit depends on your income and household, so please check "
                    "with your own municipality or tax office."
                ),
            ),
            ("heading", "苫小牧のお礼の品", "Tomakomai's thank-you gifts"),
            (
                "paragraph",
                (
                    "お礼の品には、水揚げ量が全国有数のホッキ貝をはじめ、"
                    "勇払原野で古くから親しまれてきたハスカップを使ったお菓子やジャム、"
                    "港町ならではの海産物などがあります。品目や受付状況は時期によって変わります。"
                ),
                (
                    "Thank-you gifts include surf clams, of which Tomakomai lands one of the "
                    "largest catches in Japan, sweets and jams made with haskap berries long "
                    "loved on the Yufutsu plain, and other seafood from this port city. Items and "
                    "availability change through the year."
                ),
            ),
            ("heading", "寄附の使いみち", "How donations are used"),
            (
                "paragraph",
                (
                    "寄附をするときには、子育て支援や自然環境の保全、スポーツ・文化の振興など、"
                    "使いみちを指定することができます。選べる項目や活用の実績は、"
                    "市の公式ホームページでご確認ください。"
                ),
                (
                    "When you donate, you can say what it should be used for, such as support for "
                    "families with children, protecting the natural environment, or sports and "
                    "culture. The options and reports on how donations were used are on the "
                    "city's official website."
                ),
            ),
            (
                "paragraph",
                (
                    "寄附の手続きや受領証明書、ワンストップ特例の申請については、"
                    "各ポータルサイトのご案内をご覧いただくか、"
                    "詳しくは市の担当窓口へお問い合わせください。"
                ),
                (
                    "For how to donate, receipts and the one-stop exception application, see the "
                    "guidance on each portal site, or ask the city's furusato nozei office for "
                    "details."
                ),
            ),
        ],
        "external_links": [
            {
                "title": ("苫小牧市公式ホームページ", "Tomakomai City official website"),
                "url": "https://www.city.tomakomai.hokkaido.jp/",
                "description": (
                    "ふるさと納税の使いみちや活用の実績、市の担当窓口を掲載しています。",
                    (
                        "How donations are used, reports on what they achieved, and the city "
                        "office to contact."
                    ),
                ),
            },
            {
                "title": ("ふるさとチョイス", "Furusato Choice"),
                "url": "https://www.furusato-tax.jp/",
                "description": (
                    (
                        "ふるさと納税のポータルサイトです。トップページから「苫小牧市」"
                        "で検索してください。"
                    ),
                    "A furusato nozei portal site. Search for “Tomakomai” from its top page.",
                ),
            },
            {
                "title": ("さとふる", "Satofull"),
                "url": "https://www.satofull.jp/",
                "description": (
                    (
                        "ふるさと納税のポータルサイトです。お礼の品の一覧は、"
                        "サイト内で自治体名から探せます。"
                    ),
                    (
                        "A furusato nozei portal site. Find the thank-you gifts by searching for "
                        "the municipality's name."
                    ),
                ),
            },
        ],
        "image": "food",
    },
    {
        "slug": "moving",
        "title": ("移住・定住", "Moving here"),
        "intro": (
            (
                "苫小牧での暮らしを考えている方へ。住まい、仕事、子育てなど、"
                "移住に役立つ情報をまとめました。"
            ),
            (
                "For anyone thinking of living in Tomakomai: information on housing, work, "
                "raising children and more, in one place."
            ),
        ),
        "body": [
            ("heading", "苫小牧の暮らし", "Life in Tomakomai"),
            (
                "paragraph",
                (
                    "苫小牧は太平洋に面した港町です。北海道のなかでは雪が少なく、"
                    "夏は涼しく過ごしやすい気候です。新千歳空港まで車で約25分、"
                    "札幌へも高速道路やJRで行き来しやすく、"
                    "都市の便利さと自然の近さをあわせ持っています。"
                ),
                (
                    "Tomakomai is a port city on the Pacific Ocean. It gets little snow for "
                    "Hokkaido, and its summers are cool and comfortable. New Chitose Airport is "
                    "about 25 minutes away by car and Sapporo is easy to reach by expressway or "
                    "JR train, so you have the convenience of a city with nature close at hand."
                ),
            ),
            ("heading", "住まいと仕事", "Housing and work"),
            (
                "paragraph",
                (
                    "市内には、駅に近い中心部から、沼ノ端のような新しい住宅地、"
                    "植苗や樽前のような自然豊かな地域まで、さまざまな住環境があります。"
                    "製紙や自動車部品の工場、港湾や物流の仕事も多く、"
                    "ものづくりの経験を生かせる職場がそろっています。"
                ),
                (
                    "The city offers many kinds of neighbourhoods, from the centre near the "
                    "station to newer residential areas such as Numanohata and green districts "
                    "such as Uenae and Tarumae. There are paper mills, car parts factories and "
                    "plenty of port and logistics jobs, so people with manufacturing experience "
                    "can find a place to use it."
                ),
            ),
            ("heading", "支援制度について", "Support schemes"),
            (
                "paragraph",
                (
                    "移住や住まいに関する支援制度は、年度ごとに内容や条件が変わることがあります。"
                    "対象になるかどうかや申請の方法は、"
                    "詳しくは市の窓口または二地域居住・移住相談窓口へお問い合わせください。"
                ),
                (
                    "Support schemes for moving and housing can change in content and conditions "
                    "from one fiscal year to the next. To find out whether you qualify and how to "
                    "apply, please ask the city offices or the two-region living and moving "
                    "consultation desk."
                ),
            ),
        ],
        "external_links": [
            {
                "title": ("苫小牧市公式ホームページ", "Tomakomai City official website"),
                "url": "https://www.city.tomakomai.hokkaido.jp/",
                "description": (
                    (
                        "移住・定住に関する支援制度や手続き、市の窓口の案内は、"
                        "市の公式ホームページでご確認ください。"
                    ),
                    (
                        "See the city's official website for support schemes, procedures and the "
                        "city offices that handle moving and settling."
                    ),
                ),
            },
        ],
        "image": "town",
    },
    {
        "slug": "workcation",
        "title": ("ワーケーション", "Workcation"),
        "intro": (
            (
                "海を眺めながら働き、仕事のあとは湖や山へ。空港から近い苫小牧なら、"
                "短い滞在でも気軽にワーケーションを楽しめます。"
            ),
            (
                "Work with a view of the sea, then head for the lakes and mountains. Tomakomai is "
                "close to the airport, so even a short stay makes an easy workcation."
            ),
        ),
        "body": [
            ("heading", "働く場所", "Places to work"),
            (
                "paragraph",
                (
                    "市内にはコワーキングスペースやWi-Fiを備えたカフェがあり、"
                    "数時間の利用から長期の滞在まで対応しています。"
                    "苫小牧エントリーパスを提示すると、"
                    "協力しているコワーキングスペースを割引料金で利用できます。"
                ),
                (
                    "The city has coworking spaces and cafés with Wi-Fi for anything from a few "
                    "hours to a long stay. Show the Tomakomai Entry Pass and you can use "
                    "participating coworking spaces at a discount."
                ),
            ),
            ("heading", "仕事のあとに", "After work"),
            (
                "paragraph",
                (
                    "車で少し足をのばせば、透明度の高い支笏湖や、"
                    "溶岩ドームで知られる樽前山があります。"
                    "ウトナイ湖では季節ごとに渡り鳥を観察でき、夕食には名物のホッキ貝を味わえます。"
                ),
                (
                    "A short drive takes you to the clear waters of Lake Shikotsu or to Mt. "
                    "Tarumae with its famous lava dome. At Lake Utonai you can watch migrating "
                    "birds through the seasons, and for dinner there are Tomakomai's famous surf "
                    "clams."
                ),
            ),
            ("heading", "企業の方へ", "For companies"),
            (
                "paragraph",
                (
                    "社員研修やチームでの滞在を検討している企業の方には、宿泊施設や会議室、"
                    "地域の事業者との交流プログラムについてご相談を承ります。"
                    "日程や人数に合わせてご案内しますので、お気軽にお問い合わせください。"
                ),
                (
                    "If your company is planning staff training or a team stay, we can advise on "
                    "accommodation, meeting rooms and exchange programmes with local businesses. "
                    "We will suggest options to fit your dates and group size, so please get in "
                    "touch."
                ),
            ),
        ],
        "external_links": [
            {
                "title": ("苫小牧市公式ホームページ", "Tomakomai City official website"),
                "url": "https://www.city.tomakomai.hokkaido.jp/",
                "description": (
                    (
                        "観光やワーケーションに関する市の取り組みは、"
                        "市の公式ホームページでご覧いただけます。"
                    ),
                    (
                        "The city's work on tourism and workcations is described on its official "
                        "website."
                    ),
                ),
            },
        ],
        "image": "sea",
    },
    {
        "slug": "two-region-living",
        "title": ("二地域居住", "Two-region living"),
        "intro": (
            (
                "都市の暮らしを続けながら、苫小牧にもうひとつの拠点を。空と海の玄関口があるまちで、"
                "新しい暮らし方を始めてみませんか。"
            ),
            (
                "Keep your life in the city and make Tomakomai your second base. Why not start a "
                "new way of living in a city with its own gateways by air and by sea?"
            ),
        ),
        "body": [
            ("heading", "なぜ苫小牧なのか", "Why Tomakomai"),
            (
                "paragraph",
                (
                    "新千歳空港まで車で約25分、"
                    "北海道最大の港である苫小牧港からは本州各地へのフェリーが発着しています。"
                    "首都圏や東北などとの行き来がしやすく、車ごと移動できるのも大きな魅力です。"
                ),
                (
                    "New Chitose Airport is about 25 minutes away by car, and ferries link "
                    "Tomakomai Port, the largest port in Hokkaido, with many parts of Honshu. "
                    "Travel to and from the Tokyo area or Tohoku is easy, and you can even bring "
                    "your car."
                ),
            ),
            ("heading", "はじめの一歩", "Taking the first step"),
            (
                "paragraph",
                (
                    "まずは短期の滞在やワーケーションで、"
                    "季節ごとのまちの表情を確かめてみてください。苫小牧エントリーパスを使えば、"
                    "市内の協力店舗や施設を割引で利用できます。"
                ),
                (
                    "Start with a short stay or a workcation and see how the city changes with "
                    "the seasons. With the Tomakomai Entry Pass you get discounts at "
                    "participating shops and facilities in the city."
                ),
            ),
            (
                "paragraph",
                (
                    "住まい探しや仕事、子どもの学校のことなど、"
                    "気になることは二地域居住・移住相談窓口にご相談ください。"
                    "ふるさと住民として登録すると、地域の活動やイベントの情報もお届けします。"
                ),
                (
                    "Ask the two-region living and moving consultation desk about anything on "
                    "your mind, from finding a home to work and your children's schooling. "
                    "Register as a furusato resident and we will also send you news of local "
                    "activities and events."
                ),
            ),
        ],
        "external_links": [
            {
                "title": ("苫小牧市公式ホームページ", "Tomakomai City official website"),
                "url": "https://www.city.tomakomai.hokkaido.jp/",
                "description": (
                    "住まいや子育て、交通など、暮らしに関わる市の情報を掲載しています。",
                    (
                        "City information on everyday life, including housing, childcare and "
                        "transport."
                    ),
                ),
            },
        ],
        "image": "port",
    },
]

# Stories of people and places. Body items: ("paragraph"|"heading", ja, en) or
# ("quote", ja, en, attribution_ja, attribution_en).
STORIES = [
    {
        "slug": "hokki-clam-mornings",
        "title": (
            "ホッキ漁の朝、ふるさとの浜へ帰る",
            "Surf-clam mornings: coming home to the shore",
        ),
        "summary": (
            (
                "水揚げ量が全国有数の苫小牧のホッキ貝。東京での会社員生活を経て、"
                "父の船に乗るため地元へ戻った若手漁師に話を聞きました。"
            ),
            (
                "Tomakomai lands one of Japan's largest catches of surf clams. We talked to a "
                "young fisherman who left office life in Tokyo to work on his father's boat."
            ),
        ),
        "interviewee": ("漁師 田村 航さん", "Wataru Tamura, fisherman"),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("港町", "Minatomachi"),
        "themes": [
            "food",
            "work",
            "moving",
        ],
        "published": "2026-06-03",
        "body": [
            (
                "paragraph",
                (
                    "夜明け前の苫小牧港。エンジンの音とともに、小さな漁船が次々と沖へ出ていきます。"
                    "狙うのは、苫小牧が全国有数の水揚げ量を誇るホッキ貝です。"
                    "田村航さんは東京での会社員生活を経て、3年前、"
                    "父の船に乗るために地元へ戻ってきました。"
                ),
                (
                    "Tomakomai Port before dawn. One after another, small fishing boats head out "
                    "to sea with their engines humming. They are after surf clams, of which "
                    "Tomakomai lands one of the largest catches in Japan. Three years ago, after "
                    "years as an office worker in Tokyo, Wataru Tamura came home to work on his "
                    "father's boat."
                ),
            ),
            (
                "paragraph",
                (
                    "苫小牧のホッキ貝は身が大きく、甘みが強いのが特徴です。刺身や寿司はもちろん、"
                    "火を通すと身が鮮やかな紅色に変わり、甘みがいっそう増します。"
                    "地元では炊き込みご飯やカレー、フライにして、家庭でも気軽に味わわれています。"
                ),
                (
                    "Tomakomai's surf clams are large and especially sweet. They are delicious "
                    "raw as sashimi or sushi, and when cooked the flesh turns a bright pinkish "
                    "red and tastes even sweeter. Local families enjoy them every day in seasoned "
                    "rice, curry or deep-fried."
                ),
            ),
            ("heading", "資源を守りながら獲る", "Fishing while protecting the stock"),
            (
                "paragraph",
                (
                    "ホッキ貝は、漁に出せる大きさに育つまで何年もかかります。"
                    "苫小牧では漁場を区切って順番に休ませたり、小さな貝は海に戻したりと、"
                    "漁業者どうしが話し合って決まりをつくってきました。"
                ),
                (
                    "Surf clams take years to grow large enough to be caught. In Tomakomai the "
                    "fishers have agreed their own rules, such as dividing the fishing grounds "
                    "and resting them in turn and putting small clams back into the sea."
                ),
            ),
            (
                "quote",
                (
                    "目の前の量より、十年後も獲れることのほうが大事。父の世代が守ってきた浜を、"
                    "次の世代に渡すのが自分の仕事だと思っています。"
                ),
                (
                    "Being able to fish here in ten years matters more than today's catch. I see "
                    "my job as handing on the shore my father's generation looked after to the "
                    "generation that comes next."
                ),
                "田村 航さん",
                "Wataru Tamura",
            ),
            (
                "paragraph",
                (
                    "漁の時間は短く、朝のうちに港へ戻ると、すぐに選別と出荷の作業が始まります。"
                    "大きさをそろえ、傷のある貝をはじいていく手つきは、"
                    "まだ父にはかなわないと田村さんは笑います。"
                ),
                (
                    "The fishing itself is short. Back in port in the morning, sorting and "
                    "shipping begin straight away. When it comes to grading the clams by size and "
                    "picking out damaged ones, Tamura laughs that he is still no match for his "
                    "father."
                ),
            ),
            ("heading", "港の外にも広がる仲間", "Friends beyond the port"),
            (
                "paragraph",
                (
                    "漁を終えた昼過ぎには市内の飲食店に顔を出し、"
                    "ホッキカレーやホッキご飯の新しい食べ方を店主と一緒に考えることもあります。"
                    "最近は市外から訪れた人向けに、"
                    "港の朝を案内する小さな見学会も手伝うようになりました。"
                ),
                (
                    "In the early afternoon, once the day's fishing is done, he drops in at "
                    "restaurants in town and sometimes works out new ways to serve surf-clam "
                    "curry or surf-clam rice with the owners. Recently he has also started "
                    "helping with small tours that show visitors from outside the city what a "
                    "morning at the port looks like."
                ),
            ),
            (
                "paragraph",
                (
                    "東京にいた頃は、"
                    "地元の魚がどこで誰に食べられているのか考えたこともなかったという田村さん。"
                    "いまは、"
                    "ふるさと納税のお礼の品として届いたホッキ貝の感想を読むのが楽しみだそうです。"
                    "「遠くに住んでいても、苫小牧の浜を応援してくれる人がいる。"
                    "それが励みになります」"
                ),
                (
                    "When he lived in Tokyo, Tamura never wondered where, or by whom, the fish "
                    "from his home town were eaten. Now he looks forward to reading what people "
                    "say about the surf clams they receive as furusato nozei thank-you gifts. "
                    "“There are people far away who support Tomakomai's shore. That keeps me "
                    "going.”"
                ),
            ),
        ],
        "image": "food",
        "translate": True,
    },
    {
        "slug": "haskap-farm-misawa",
        "title": (
            "美沢のハスカップ農園、夏の二週間",
            "Two weeks of summer on a haskap farm in Misawa",
        ),
        "summary": (
            (
                "7月の短い収穫期、美沢のハスカップ農園には市外からも摘み取りの人が集まります。"
                "札幌から移り住んだ農園主に話を聞きました。"
            ),
            (
                "During the short harvest in July, people come from outside the city to pick "
                "berries at a haskap farm in Misawa. We met the farmer, who moved here from "
                "Sapporo."
            ),
        ),
        "interviewee": ("ハスカップ農園主 大西 千尋さん", "Chihiro Onishi, haskap farmer"),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("美沢", "Misawa"),
        "themes": [
            "food",
            "nature",
            "moving",
        ],
        "published": "2026-07-21",
        "body": [
            (
                "paragraph",
                (
                    "ハスカップは、勇払原野に自生していた小さな青紫色の実です。"
                    "名前はアイヌ語に由来するといわれ、苫小牧では古くから、"
                    "夏になると原野で実を摘み、塩漬けやジャムにして味わってきました。"
                ),
                (
                    "Haskap is a small blue-purple berry that grew wild on the Yufutsu plain. Its "
                    "name is said to come from the Ainu language, and for generations people in "
                    "Tomakomai have picked the berries on the plain in summer and preserved them "
                    "with salt or made them into jam."
                ),
            ),
            (
                "paragraph",
                (
                    "美沢で農園を営む大西千尋さんは、札幌で看護師として働いたのち、"
                    "10年前に夫婦で苫小牧へ移り住みました。きっかけは、"
                    "知人に誘われて参加した摘み取り体験だったそうです。"
                    "「青い実を夢中で摘んでいるうちに、"
                    "この土地で暮らしてみたいと思うようになりました」"
                ),
                (
                    "Chihiro Onishi, who runs a farm in Misawa, worked as a nurse in Sapporo "
                    "before she and her husband moved to Tomakomai ten years ago. It all started, "
                    "she says, with a berry-picking day a friend invited her to. “As I picked "
                    "those blue berries, completely absorbed, I began to want to live here.”"
                ),
            ),
            ("heading", "甘さと酸っぱさの一粒", "Sweet and sour in a single berry"),
            (
                "paragraph",
                (
                    "収穫期は7月のおよそ2週間。実はやわらかく傷みやすいため、"
                    "ひと粒ずつ手で摘み取ります。強い酸味のなかにほのかな甘さがあり、"
                    "朝摘みの実をその場で口にできるのは、産地ならではの楽しみです。"
                ),
                (
                    "The harvest lasts about two weeks in July. The berries are soft and bruise "
                    "easily, so each one is picked by hand. They are sharply sour with a hint of "
                    "sweetness, and eating them fresh off the bush in the morning is a treat you "
                    "only get where they grow."
                ),
            ),
            (
                "paragraph",
                (
                    "ハスカップは寒さに強く、苫小牧の冷涼な夏にもよく合う果樹です。"
                    "大西さんの農園では品種の異なる木を少しずつ植え増やし、"
                    "いまでは数百本が並びます。摘み取りの日には朝早くから家族連れや観光客が訪れ、"
                    "かごを手に畑を歩きます。"
                ),
                (
                    "Haskap bushes are hardy and suit Tomakomai's cool summers well. Onishi has "
                    "gradually planted more bushes of different varieties, and now several "
                    "hundred stand in rows. On picking days, families and tourists arrive early "
                    "in the morning and walk the rows, baskets in hand."
                ),
            ),
            (
                "quote",
                (
                    "摘みに来た人が「また来年も来ます」と言ってくれる。"
                    "その言葉に毎年支えられています。"
                ),
                (
                    "Every year, pickers tell me they will come back next year. Those words are "
                    "what keep me going."
                ),
                "大西 千尋さん",
                "Chihiro Onishi",
            ),
            ("heading", "畑を手伝う人たち", "The people who help on the farm"),
            (
                "paragraph",
                (
                    "収穫期には人手が足りなくなるため、"
                    "数年前から市外のボランティアを受け入れています。"
                    "東京や大阪から毎年通ってくる人もいて、"
                    "作業のあとはみんなでハスカップのジュースを飲みながら話すのが恒例になりました。"
                ),
                (
                    "There are never enough hands at harvest time, so for a few years now the "
                    "farm has welcomed volunteers from outside the city. Some come every year "
                    "from Tokyo or Osaka, and chatting over glasses of haskap juice after the "
                    "work has become a tradition."
                ),
            ),
            (
                "paragraph",
                (
                    "「畑を手伝ってくれる人たちは、もうお客さんではなく仲間です」と大西さん。"
                    "来年は、ふるさと住民登録をした人たちに向けて、"
                    "春の剪定作業を体験できる日もつくる予定だといいます。"
                    "剪定は実のつき方を左右する大切な作業で、"
                    "大西さん自身も近所の農家に教わりながら覚えてきました。"
                ),
                (
                    "“The people who help on the farm aren't customers any more, they're "
                    "friends,” says Onishi. Next year she plans a day when registered furusato "
                    "residents can try pruning the bushes in spring. Pruning decides how well the "
                    "bushes fruit, and Onishi herself learned it from neighbouring farmers."
                ),
            ),
        ],
        "image": "berries",
        "translate": True,
    },
    {
        "slug": "tokyo-and-tomakomai",
        "title": ("東京と苫小牧、ふたつの机で働く", "Working at two desks: Tokyo and Tomakomai"),
        "summary": (
            (
                "ITエンジニアの森本さんは、夏の3か月を緑町の家で過ごします。"
                "飛行機で行き来する二地域居住の実際を聞きました。"
            ),
            (
                "Software engineer Kenta Morimoto spends three summer months at his house in "
                "Midorimachi. We asked what two-region living by plane is really like."
            ),
        ),
        "interviewee": ("ITエンジニア 森本 健太さん", "Kenta Morimoto, software engineer"),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("緑町", "Midorimachi"),
        "themes": [
            "two-region",
            "work",
        ],
        "published": "2026-05-19",
        "body": [
            (
                "paragraph",
                (
                    "森本健太さんの一年は、東京と苫小牧のふたつの拠点で回っています。"
                    "6月から8月は緑町に借りた一軒家で、それ以外の季節は東京のマンションで暮らし、"
                    "どちらでも同じようにオンラインで仕事をしています。"
                ),
                (
                    "Kenta Morimoto's year turns between two bases, Tokyo and Tomakomai. From "
                    "June to August he lives in a house he rents in Midorimachi, and the rest of "
                    "the year in his Tokyo flat, working online in exactly the same way in both."
                ),
            ),
            ("heading", "空港まで25分という近さ", "Just 25 minutes from the airport"),
            (
                "paragraph",
                (
                    "苫小牧を選んだ理由を尋ねると、真っ先に挙がったのが交通の便でした。"
                    "新千歳空港までは車で約25分、羽田との便も多く、"
                    "急な打ち合わせが入っても東京へ日帰りできます。「思っていたより遠くない、"
                    "というのが最初の感想でした」"
                ),
                (
                    "Asked why he chose Tomakomai, the first thing he mentions is access. New "
                    "Chitose Airport is about 25 minutes away by car and there are many flights "
                    "to and from Haneda, so even when a meeting comes up at short notice he can "
                    "go to Tokyo and back in a day. “My first impression was that it wasn't as "
                    "far away as I'd thought.”"
                ),
            ),
            (
                "paragraph",
                (
                    "緑町を選んだのは、市の中心部に近く、買い物や病院に困らないからです。"
                    "借りている一軒家は、もともと空き家だったもので、"
                    "相談窓口で紹介された不動産会社を通して見つけました。"
                ),
                (
                    "He chose Midorimachi because it is close to the city centre, with shops and "
                    "hospitals within easy reach. The house he rents had been standing empty; he "
                    "found it through an estate agent the consultation desk put him in touch "
                    "with."
                ),
            ),
            (
                "paragraph",
                (
                    "夏の苫小牧は東京の猛暑がうそのように涼しく、"
                    "冷房なしで仕事に集中できる日がほとんどです。朝は海沿いを走り、"
                    "昼休みには近所の食堂で定食を食べる。"
                    "そんな毎日のリズムが気に入っているそうです。"
                ),
                (
                    "Summer in Tomakomai is so cool that Tokyo's heat waves feel unreal, and on "
                    "most days he can concentrate on work without air conditioning. A run along "
                    "the sea in the morning, a set lunch at a local diner at noon: he has come to "
                    "love that daily rhythm."
                ),
            ),
            ("heading", "まちとの関わりが増えていく", "More and more ties to the town"),
            (
                "paragraph",
                (
                    "最初の年は家と仕事の往復だけだったという森本さん。"
                    "町内会の清掃に誘われたのをきっかけに顔見知りが増え、"
                    "いまでは地元の高校生向けにプログラミング教室を開くまでになりました。最近は、"
                    "高校生と一緒に地元の商店のウェブサイトをつくる計画も進んでいます。"
                ),
                (
                    "In his first year, Morimoto says, it was just home and work. Then he was "
                    "invited to a neighbourhood association clean-up, got to know more people, "
                    "and now he even runs a programming class for local high school students. "
                    "Lately he and the students have been planning websites for local shops."
                ),
            ),
            (
                "quote",
                "ふたつの場所を持つと、どちらの暮らしも少し丁寧になる気がします。",
                "Having two places seems to make me live a little more carefully in both.",
                "森本 健太さん",
                "Kenta Morimoto",
            ),
            (
                "paragraph",
                (
                    "二地域居住を考えている人へのアドバイスは、「まず一度、"
                    "季節を変えて滞在してみること」。冬に晴れの日が多いことも、"
                    "暮らしてみて初めて知った苫小牧の魅力だといいます。今年の冬は、"
                    "初めて1か月ほど滞在してみる予定です。"
                ),
                (
                    "His advice to anyone considering two-region living: “First, come and stay "
                    "once in a different season.” The many sunny winter days were one of the "
                    "things he only discovered about Tomakomai by living here. This winter he "
                    "plans to stay for about a month for the first time."
                ),
            ),
        ],
        "image": "work",
        "translate": True,
    },
    {
        "slug": "utonai-lake-birds",
        "title": (
            "ウトナイ湖、渡り鳥の季節を数える人",
            "Counting the migrating birds at Lake Utonai",
        ),
        "summary": (
            (
                "ラムサール条約の登録湿地、ウトナイ湖。植苗に暮らし、"
                "湖畔で野鳥の観察会を続けるボランティアガイドを訪ねました。"
            ),
            (
                "Lake Utonai is a wetland listed under the Ramsar Convention. We visited a "
                "volunteer guide who lives in Uenae and leads birdwatching walks by the lake."
            ),
        ),
        "interviewee": ("野鳥観察ガイド 石川 陽子さん", "Yoko Ishikawa, birdwatching guide"),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("植苗", "Uenae"),
        "themes": [
            "nature",
            "community",
        ],
        "published": "2026-04-22",
        "body": [
            (
                "paragraph",
                (
                    "苫小牧市の東部、植苗にあるウトナイ湖は、"
                    "1991年に国内で4番目にラムサール条約に登録された湿地です。"
                    "湖の周りには湿原や森が広がり、多くの生き物のすみかになっています。"
                    "春と秋にはガンやハクチョウの仲間が羽を休めに立ち寄り、"
                    "湖面が鳥の声でにぎやかになります。"
                ),
                (
                    "Lake Utonai, in Uenae in the east of Tomakomai, became the fourth wetland in "
                    "Japan to be listed under the Ramsar Convention, in 1991. Marshes and woods "
                    "surround the lake and are home to many living things. In spring and autumn, "
                    "geese and swans stop here to rest, and the lake fills with their calls."
                ),
            ),
            (
                "paragraph",
                (
                    "石川陽子さんは、"
                    "湖のほとりで月に一度の観察会を案内しているボランティアガイドです。"
                    "もとは小学校の先生で、退職後に植苗へ移り住み、"
                    "毎朝湖を歩くうちに鳥の名前を覚えていったといいます。"
                    "「最初はカモの見分けもつかなかったんですよ」と笑います。"
                ),
                (
                    "Yoko Ishikawa is a volunteer guide who leads a monthly birdwatching walk by "
                    "the lake. She used to be a primary school teacher, moved to Uenae after "
                    "retiring, and learned the names of the birds by walking around the lake "
                    "every morning. “At first I couldn't even tell one duck from another,” she "
                    "laughs."
                ),
            ),
            ("heading", "数えることで見えてくるもの", "What counting reveals"),
            (
                "paragraph",
                (
                    "観察会では、参加者と一緒に双眼鏡をのぞき、見つけた鳥の種類と数を記録します。"
                    "積み重ねた記録は、湿地の環境がどう変わっているかを知る手がかりになります。"
                    "初めての人にも、図鑑を片手に丁寧に教えてくれます。"
                ),
                (
                    "On the walks, she and the participants look through binoculars and record "
                    "the species and numbers of the birds they find. Over the years the records "
                    "become clues to how the wetland is changing. Beginners are welcome: she "
                    "explains everything patiently, field guide in hand."
                ),
            ),
            (
                "quote",
                "鳥の名前をひとつ覚えると、同じ景色がまったく違って見えるんです。",
                (
                    "Learn the name of just one bird, and the same landscape looks completely "
                    "different."
                ),
                "石川 陽子さん",
                "Yoko Ishikawa",
            ),
            (
                "paragraph",
                (
                    "春の観察会では、"
                    "湖面を埋めるほどのガンの群れが一斉に飛び立つ瞬間に出会えることもあります。"
                    "羽音が響くその光景を見るために、毎年この時期に遠方から訪れる人もいます。"
                ),
                (
                    "On the spring walks you may see a flock of geese big enough to cover the "
                    "lake take off all at once. Some people travel a long way at this time every "
                    "year just to see it and hear the roar of their wings."
                ),
            ),
            ("heading", "湖を守る仲間を増やしたい", "More friends to look after the lake"),
            (
                "paragraph",
                (
                    "湖畔の清掃や外来植物の抜き取りなど、湿地を守る活動には多くの人手が必要です。"
                    "最近は札幌や本州から観察会に通う人も増え、"
                    "清掃のあとにみんなで観察会に参加するのが、いつもの流れになりました。"
                ),
                (
                    "Looking after the wetland, from clearing litter on the shore to pulling out "
                    "invasive plants, takes many hands. More and more people now come from "
                    "Sapporo and Honshu, and a clean-up followed by a birdwatching walk together "
                    "has become the usual routine."
                ),
            ),
            (
                "paragraph",
                (
                    "「苫小牧に住んでいなくても、この湖を気にかけてくれる人がいるのは心強い」"
                    "と石川さん。観察会の日程は、つながる苫小牧のイベント情報でお知らせしています。"
                    "ふるさと住民として登録すると、こうした活動の案内もメールで届きます。"
                ),
                (
                    "“It's reassuring that people care about this lake even if they don't live in "
                    "Tomakomai,” says Ishikawa. Dates for the walks are announced in the "
                    "Tsunagaru Tomakomai events listings, and registered furusato residents also "
                    "receive news of activities like these by e-mail."
                ),
            ),
        ],
        "image": "wetland",
        "translate": True,
    },
    {
        "slug": "hockey-town-kids",
        "title": (
            "氷の上で育つ、アイスホッケーのまちの子どもたち",
            "Growing up on the ice in an ice hockey town",
        ),
        "summary": (
            (
                "大阪から家族で移住した中村さん。長男が始めたアイスホッケーを通じて、"
                "地域とのつながりが大きく広がりました。"
            ),
            (
                "The Nakamuras moved here from Osaka. Through the ice hockey their eldest son "
                "took up, their ties to the community have grown enormously."
            ),
        ),
        "interviewee": (
            "大阪から移住した 中村 さおりさん",
            "Saori Nakamura, who moved here from Osaka",
        ),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("日吉町", "Hiyoshicho"),
        "themes": [
            "childcare",
            "moving",
            "community",
        ],
        "published": "2026-10-08",
        "body": [
            (
                "paragraph",
                (
                    "苫小牧は、古くからアイスホッケーが盛んな「氷都」として知られています。"
                    "冬になると、市内のリンクには放課後の子どもたちの歓声が響きます。"
                ),
                (
                    "Tomakomai has long been known as the “City of Ice”, a place where ice hockey "
                    "thrives. In winter the city's rinks ring with the cheers of children after "
                    "school."
                ),
            ),
            (
                "paragraph",
                (
                    "市内には屋内のスケートリンクがあり、"
                    "学校の体育の授業でスケートを習うこともあります。苫小牧の子どもたちの多くは、"
                    "小さなころから氷の上に立つことに慣れています。"
                ),
                (
                    "The city has indoor ice rinks, and children sometimes learn to skate in "
                    "school PE lessons. Many children in Tomakomai are used to standing on the "
                    "ice from an early age."
                ),
            ),
            (
                "paragraph",
                (
                    "中村さおりさんの家族が大阪から日吉町へ移り住んだのは4年前。"
                    "夫の転勤がきっかけでしたが、"
                    "当時小学2年生だった長男が同級生に誘われて少年団のアイスホッケーを始めたこと"
                    "で、暮らしが大きく変わったといいます。"
                ),
                (
                    "Saori Nakamura's family moved from Osaka to Hiyoshicho four years ago when "
                    "her husband was transferred. Life changed completely, she says, when her "
                    "eldest son, then in second grade, was invited by a classmate to join a youth "
                    "ice hockey team."
                ),
            ),
            ("heading", "親も一緒にチームの一員", "Parents are part of the team too"),
            (
                "paragraph",
                (
                    "早朝の練習への送り迎えや、試合の日のお弁当づくり、リンクでの応援。"
                    "保護者どうしで役割を分け合ううちに、知り合いがどんどん増えていきました。"
                    "道具はチームのお下がりを譲ってもらえることも多く、始めやすかったそうです。"
                ),
                (
                    "Driving to early-morning practice, making packed lunches on match days, "
                    "cheering at the rink: as the parents shared out the jobs, she got to know "
                    "more and more people. Equipment is often handed down within the team, which "
                    "made it easy to start."
                ),
            ),
            (
                "quote",
                (
                    "大阪では近所づきあいが少なかったので、"
                    "こんなにたくさんの人に子どもを見守ってもらえるとは思っていませんでした。"
                ),
                (
                    "We didn't have much to do with our neighbours in Osaka, so I never expected "
                    "so many people to keep an eye on my children."
                ),
                "中村 さおりさん",
                "Saori Nakamura",
            ),
            ("heading", "雪が少なく、冬も暮らしやすい", "Little snow makes winter easier"),
            (
                "paragraph",
                (
                    "北海道の冬に不安もあったという中村さん。実際に暮らしてみると、"
                    "苫小牧は雪が比較的少なく、晴れる日が多いことに驚きました。"
                    "雪かきの負担が少ない分、週末は家族でスケートや雪遊びを楽しんでいます。"
                ),
                (
                    "Nakamura admits she was worried about Hokkaido winters. Living here, she was "
                    "surprised how little snow Tomakomai gets and how many sunny days there are. "
                    "With less snow to shovel, the family spends weekends skating and playing in "
                    "the snow."
                ),
            ),
            (
                "paragraph",
                (
                    "「子どもが地域の人に育ててもらっている感覚があります」と話す中村さん。"
                    "いまでは、"
                    "新しく移住してきた家族にリンクやチームのことを案内する側になっています。"
                    "長男は今年から中学生のチームに進み、弟も兄の背中を追って練習を始めました。"
                ),
                (
                    "“It feels like the whole neighbourhood is helping to raise my children,” "
                    "says Nakamura. These days she is the one showing newly arrived families "
                    "around the rinks and teams. This year her eldest moved up to a junior high "
                    "school team, and his younger brother has started practising too, following "
                    "in his footsteps."
                ),
            ),
        ],
        "image": "snow",
        "translate": True,
    },
    {
        "slug": "tarumae-lava-dome",
        "title": ("樽前山へ、溶岩ドームを見に行く", "Up Mt. Tarumae to see the lava dome"),
        "summary": (
            (
                "苫小牧の市街地から見える樽前山。山頂の溶岩ドームを間近に望む、"
                "初心者にも歩きやすいコースを編集部が歩きました。"
            ),
            (
                "Mt. Tarumae can be seen from the streets of Tomakomai. The editors walked a "
                "beginner-friendly route to a close-up view of the lava dome at its summit."
            ),
        ),
        "interviewee": None,
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("樽前", "Tarumae"),
        "themes": [
            "nature",
        ],
        "published": "2026-08-26",
        "body": [
            (
                "paragraph",
                (
                    "苫小牧の市街地から北西を見上げると、"
                    "頂上にこぶのような膨らみをのせた山が見えます。"
                    "市民に親しまれている標高1,041メートルの樽前山です。"
                    "この膨らみは噴火でできた溶岩ドームで、"
                    "晴れた日には海沿いからもその姿がよく見えます。"
                ),
                (
                    "Look north-west from the streets of Tomakomai and you see a mountain with a "
                    "bump on its summit. This is Mt. Tarumae, 1,041 metres high and much loved by "
                    "the people of the city. The bump is a lava dome formed by an eruption, and "
                    "on clear days it stands out even from the coast."
                ),
            ),
            ("heading", "七合目から外輪山へ", "From the seventh station to the crater rim"),
            (
                "paragraph",
                (
                    "編集部が歩いたのは、七合目の登山口から外輪山をめざす定番のコースです。"
                    "森林限界を越えた斜面は見晴らしがよく、振り返ると太平洋と苫小牧の街並み、"
                    "晴れていれば支笏湖まで見渡せます。"
                ),
                (
                    "We took the classic route from the trailhead at the seventh station up to "
                    "the crater rim. Above the tree line the views open up: behind you lie the "
                    "Pacific and the streets of Tomakomai, and on a clear day you can see as far "
                    "as Lake Shikotsu."
                ),
            ),
            (
                "paragraph",
                (
                    "登山口から外輪山までは、ゆっくり歩いて1時間ほど。"
                    "木の階段や砂礫の道が続きますが、急な岩場は少なく、"
                    "初めての山歩きにも向いています。"
                ),
                (
                    "From the trailhead to the rim takes about an hour at an easy pace. The path "
                    "is wooden steps and gravel most of the way, with few steep rocky sections, "
                    "so it suits people new to hiking."
                ),
            ),
            (
                "paragraph",
                (
                    "外輪山に着くと、目の前に黒々とした溶岩ドームが現れます。"
                    "ところどころから白い噴気が上がり、山が今も生きていることを実感します。"
                    "ドームの周辺は立ち入りが規制されているので、"
                    "決められた登山道から外れないようにしましょう。"
                    "外輪山を一周するコースもありますが、"
                    "体力と天候に合わせて無理のない計画を立ててください。"
                ),
                (
                    "At the rim, the dark lava dome appears right in front of you. White steam "
                    "rises here and there, a reminder that the mountain is still alive. Access "
                    "around the dome is restricted, so always stay on the marked trail. There is "
                    "also a route all the way round the rim, but plan within your fitness and the "
                    "weather."
                ),
            ),
            (
                "quote",
                (
                    "毎年この景色を見に来ています。街から見上げていた山に、"
                    "こんなに気軽に登れるとは思いませんでした。"
                ),
                (
                    "I come to see this view every year. I never imagined the mountain I used to "
                    "look up at from town would be so easy to climb."
                ),
                "札幌から来た登山者",
                "A hiker from Sapporo",
            ),
            ("heading", "出かける前に", "Before you go"),
            (
                "paragraph",
                (
                    "樽前山は活火山です。出かける前には、気象庁の火山情報や、"
                    "登山口までの道路の通行状況を確認してください。"
                    "季節によっては道路が通行止めになります。"
                    "夏でも山頂付近は風が強く冷えることがあるので、上着と十分な水を用意しましょう。"
                ),
                (
                    "Mt. Tarumae is an active volcano. Before you set out, check the Japan "
                    "Meteorological Agency's volcano information and whether the road to the "
                    "trailhead is open; it is closed in some seasons. Even in summer it can be "
                    "windy and cold near the top, so bring a jacket and plenty of water."
                ),
            ),
            (
                "paragraph",
                (
                    "下山したあとは、樽前地区の海沿いで夕日を眺めるのもおすすめです。"
                    "山と海がこれほど近いのも、苫小牧ならではの魅力です。"
                ),
                (
                    "After coming down, we recommend watching the sunset on the coast in the "
                    "Tarumae district. Having the mountains and the sea this close together is "
                    "one of the things that make Tomakomai special."
                ),
            ),
        ],
        "image": "mountain",
        "translate": True,
    },
    {
        "slug": "ferry-move-numanohata",
        "title": (
            "フェリーに車を積んで、仙台から沼ノ端へ",
            "From Sendai to Numanohata by ferry, car and all",
        ),
        "summary": (
            (
                "仙台から移住した佐藤さん夫妻。フェリーでの引っ越しから、自動車部品工場での仕事、"
                "新しい住宅地での暮らしまでを聞きました。"
            ),
            (
                "Daisuke and Akemi Sato moved here from Sendai. They told us about moving by "
                "ferry, working at a car parts factory and life in a new residential area."
            ),
        ),
        "interviewee": (
            "仙台から移住した 佐藤 大輔さん・明美さん",
            "Daisuke and Akemi Sato, who moved here from Sendai",
        ),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("沼ノ端", "Numanohata"),
        "themes": [
            "moving",
            "work",
        ],
        "published": "2026-06-16",
        "body": [
            (
                "paragraph",
                (
                    "夕方に仙台港を出たフェリーが苫小牧港に着いたのは、翌日の昼前でした。"
                    "佐藤大輔さんと明美さんは、荷物を積んだ自家用車ごとフェリーに乗り、"
                    "苫小牧での新しい生活を始めました。"
                ),
                (
                    "The ferry left Sendai in the evening and reached Tomakomai Port before noon "
                    "the next day. Daisuke and Akemi Sato drove their own car, packed with their "
                    "belongings, onto the ferry and began their new life in Tomakomai."
                ),
            ),
            ("heading", "工場の仕事を選んだ理由", "Why a factory job"),
            (
                "paragraph",
                (
                    "大輔さんは宮城で自動車整備の仕事をしていました。"
                    "苫小牧周辺に自動車部品の工場が集まっていることを知り、転職を決めたそうです。"
                    "「ものづくりの現場が近くにあって、"
                    "経験を生かせる仕事が見つかったのは大きかった」と振り返ります。"
                ),
                (
                    "Daisuke used to work as a car mechanic in Miyagi. When he learned how many "
                    "car parts factories there are around Tomakomai, he decided to change jobs. "
                    "“Finding work close by where I could use my experience made all the "
                    "difference,” he recalls."
                ),
            ),
            (
                "paragraph",
                (
                    "住まいに選んだのは、市の東部にある沼ノ端です。JRの駅や大型の商業施設があり、"
                    "新しい住宅が並ぶ落ち着いたまちで、職場へも車ですぐに通えます。明美さんも、"
                    "近くの医療機関で事務の仕事を見つけました。"
                ),
                (
                    "They chose to live in Numanohata in the east of the city, a quiet area of "
                    "new houses with a JR station and a large shopping centre, and a short drive "
                    "from work. Akemi has also found an office job at a clinic nearby."
                ),
            ),
            (
                "quote",
                (
                    "知り合いが一人もいない土地でしたが、"
                    "相談窓口の方が住まい探しから地域の情報まで丁寧に教えてくれて、"
                    "不安が少しずつ消えていきました。"
                ),
                (
                    "We didn't know a single person here, but the consultation desk patiently "
                    "helped us with everything from finding a home to local information, and "
                    "little by little our worries went away."
                ),
                "佐藤 明美さん",
                "Akemi Sato",
            ),
            (
                "paragraph",
                (
                    "北海道の冬に身構えていた二人ですが、苫小牧は雪が少なく、"
                    "晴れる日が多いことに驚いたといいます。沼ノ端からはウトナイ湖も近く、"
                    "明美さんは湖畔を散歩するのが週末の楽しみになりました。"
                ),
                (
                    "The couple had braced themselves for a Hokkaido winter, and were surprised "
                    "at how little snow Tomakomai gets and how many sunny days there are. Lake "
                    "Utonai is close to Numanohata, and a walk along its shore has become Akemi's "
                    "weekend treat."
                ),
            ),
            ("heading", "行き来しやすいことも安心材料", "Easy travel back home is reassuring"),
            (
                "paragraph",
                (
                    "宮城には今も両親が暮らしています。フェリーなら車ごと帰省でき、"
                    "飛行機を使えば半日もかからずに移動できます。「行き来しやすいから、"
                    "思い切って引っ越せた」と二人は口をそろえます。"
                ),
                (
                    "Their parents still live in Miyagi. By ferry they can go home with the car, "
                    "and by plane the journey takes less than half a day. “It's easy to travel "
                    "back and forth, and that's why we dared to move,” they both say."
                ),
            ),
            (
                "paragraph",
                (
                    "休日には、勇払原野や海沿いの道をドライブするのが楽しみだという二人。次の夏は、"
                    "仙台の友人たちを苫小牧に招いて、"
                    "ホッキ貝のバーベキューをする計画を立てています。"
                    "「今度はこちらが案内する番です」"
                ),
                (
                    "On days off they love driving across the Yufutsu plain or along the coast. "
                    "Next summer they plan to invite friends from Sendai to Tomakomai for a "
                    "surf-clam barbecue. “Now it's our turn to show people around.”"
                ),
            ),
        ],
        "image": "port",
        "translate": False,
    },
    {
        "slug": "yufutsu-history-walk",
        "title": (
            "勇払、まちの始まりを歩いて伝える",
            "Yufutsu: passing on where the city began, on foot",
        ),
        "summary": (
            (
                "江戸時代の終わりに八王子千人同心が入植した勇払。郷土の歴史を調べ、"
                "歩いて伝える地域の会を訪ねました。"
            ),
            (
                "Yufutsu was settled by the Hachioji Sennin Doshin at the end of the Edo period. "
                "We visited a local group that researches this history and shares it on walks."
            ),
        ),
        "interviewee": (
            "郷土史の会 代表 高橋 正夫さん",
            "Masao Takahashi, head of a local history group",
        ),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("勇払", "Yufutsu"),
        "themes": [
            "community",
        ],
        "published": "2026-09-09",
        "body": [
            (
                "paragraph",
                (
                    "勇払原野が広がる市の東部の勇払地区は、苫小牧の歴史の出発点といわれる場所です。"
                    "1800年、江戸幕府の命を受けた八王子千人同心の一行がこの地に入り、"
                    "蝦夷地の警備と開拓にあたりました。その縁で、"
                    "苫小牧市は東京都八王子市と姉妹都市になっています。"
                ),
                (
                    "The Yufutsu district in the east of the city, where the Yufutsu plain opens "
                    "out, is said to be where Tomakomai's history began. In 1800 a party of the "
                    "Hachioji Sennin Doshin arrived here on the orders of the Tokugawa shogunate "
                    "to guard and develop the land then called Ezo. Because of that link, "
                    "Tomakomai and Hachioji in Tokyo are sister cities."
                ),
            ),
            (
                "paragraph",
                (
                    "勇払原野は、かつて見渡すかぎりの湿原と草原が広がっていた土地です。"
                    "いまも一部に原野の面影が残り、野鳥や湿原の植物を見ることができます。"
                ),
                (
                    "The Yufutsu plain was once marshland and grassland as far as the eye could "
                    "see. Parts of it still look much as they did, and you can see wild birds and "
                    "wetland plants there."
                ),
            ),
            (
                "paragraph",
                (
                    "高橋正夫さんは地元の仲間とともに郷土の歴史を調べ、"
                    "史跡を案内する活動を20年近く続けています。"
                    "厳しい寒さのなかで暮らした同心たちの記録を読み解き、"
                    "子どもたちにもわかる言葉で伝えてきました。"
                ),
                (
                    "For almost twenty years Masao Takahashi and his neighbours have researched "
                    "local history and guided people around historic sites. They study the "
                    "records of the settlers who lived through the bitter cold, and retell them "
                    "in words even children understand."
                ),
            ),
            ("heading", "歩くことで、歴史が身近になる", "Walking brings history closer"),
            (
                "paragraph",
                (
                    "会が年に数回開く歴史散歩では、地区に残る記念碑や墓所をめぐりながら、"
                    "当時の暮らしを想像します。参加者のなかには八王子から毎年訪れる人もいて、"
                    "ふたつのまちの縁を感じる時間になっています。"
                ),
                (
                    "On the history walks the group holds a few times a year, participants visit "
                    "the district's memorials and graves and imagine life as it was then. Some "
                    "come from Hachioji every year, and the walks have become a time to feel the "
                    "bond between the two cities."
                ),
            ),
            (
                "quote",
                (
                    "歴史は本の中ではなく、この土地の上にあります。歩いてみると、"
                    "それがよくわかるんです。"
                ),
                "History isn't in books, it's in this land. Walk it and you understand that.",
                "高橋 正夫さん",
                "Masao Takahashi",
            ),
            (
                "paragraph",
                (
                    "会では、地元の小学校に出向いて出前授業も行っています。"
                    "子どもたちが書いた感想文を読むのが、"
                    "高橋さんにとって何よりの楽しみだといいます。"
                ),
                (
                    "The group also visits local primary schools to give lessons. Reading the "
                    "children's thoughts afterwards is what Takahashi enjoys most of all."
                ),
            ),
            ("heading", "次の担い手を探して", "Looking for the next generation"),
            (
                "paragraph",
                (
                    "会員の高齢化が進み、案内役を引き継ぐ人を探すことが課題だといいます。"
                    "高橋さんは「住んでいなくても、関心を持ってくれる人と一緒に活動できたら」と、"
                    "ふるさと住民として関わってくれる人に期待を寄せています。"
                    "歴史散歩は市外の方も参加でき、案内役の研修も少しずつ始めています。"
                ),
                (
                    "The members are getting older, and finding people to take over as guides is "
                    "a challenge. “It would be wonderful to work with people who are interested, "
                    "even if they don't live here,” says Takahashi, who hopes furusato residents "
                    "will get involved. The history walks are open to people from outside the "
                    "city, and the group has begun training new guides little by little."
                ),
            ),
        ],
        "image": "forest",
        "translate": False,
    },
    {
        "slug": "raising-kids-in-itoi",
        "title": (
            "糸井で子育て、公園と海が近い毎日",
            "Raising children in Itoi, close to parks and the sea",
        ),
        "summary": (
            (
                "東京の会社でリモートワークを続けながら、糸井で2人の子どもを育てる山下さん。"
                "移住後の子育ての日々を聞きました。"
            ),
            (
                "Aya Yamashita works remotely for a Tokyo company while raising two children in "
                "Itoi. She told us about family life since the move."
            ),
        ),
        "interviewee": ("リモートワークで働く 山下 綾さん", "Aya Yamashita, remote worker"),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("糸井", "Itoi"),
        "themes": [
            "childcare",
            "moving",
        ],
        "published": "2026-11-04",
        "body": [
            (
                "paragraph",
                (
                    "市の西部にある糸井は、JRの駅や学校、スーパーが身近にそろう住宅地です。"
                    "山下綾さんは3年前、東京の会社に勤めたまま、"
                    "夫と2人の子どもと一緒にこのまちへ移り住みました。"
                ),
                (
                    "Itoi, in the west of the city, is a residential area with a JR station, "
                    "schools and supermarkets close by. Three years ago Aya Yamashita moved here "
                    "with her husband and two children, keeping her job with a Tokyo company."
                ),
            ),
            (
                "paragraph",
                (
                    "夫は苫小牧港に関わる物流会社に転職しました。「港のまちらしく、"
                    "物流や工場の仕事が多いのは心強かった」と山下さん。"
                    "東京の仕事を続ける人と地元で働く人、夫婦それぞれの形で暮らしを組み立てました。"
                ),
                (
                    "Her husband changed jobs to a logistics company connected with Tomakomai "
                    "Port. “As you'd expect in a port city, there's a lot of work in logistics "
                    "and factories, which was reassuring,” she says. One of them kept a job in "
                    "Tokyo and the other found one locally, and they built their life around "
                    "both."
                ),
            ),
            ("heading", "保育園探しは早めの相談から", "Ask early about nursery places"),
            (
                "paragraph",
                (
                    "移住でいちばん気がかりだったのは、下の子の保育園でした。"
                    "市の窓口で入園の手続きや空き状況について相談し、"
                    "それから引っ越しの時期を決めたそうです。「地域によって状況が違うので、"
                    "早めに相談して本当によかった」と振り返ります。"
                ),
                (
                    "Her biggest worry about moving was finding a nursery for her younger child. "
                    "She asked the city offices about applications and available places, and only "
                    "then decided when to move. “It differs from area to area, so I'm really glad "
                    "I asked early,” she says."
                ),
            ),
            (
                "paragraph",
                (
                    "平日はリビングの一角で仕事をし、夕方は子どもたちと近くの公園へ。"
                    "休日には海岸で貝殻を拾ったり、"
                    "少し足をのばして森の中の公園でどんぐりを集めたりと、"
                    "自然の近さを実感する毎日です。"
                ),
                (
                    "On weekdays she works from a corner of the living room, and in the evening "
                    "takes the children to a nearby park. At weekends they pick up shells on the "
                    "beach or go a little further to gather acorns in a park in the woods, and "
                    "feel every day how close nature is."
                ),
            ),
            (
                "quote",
                (
                    "東京では週末に自然を探しに出かけていましたが、"
                    "ここでは家を出ればすぐそこにある。子どもたちの遊び方が変わりました。"
                ),
                (
                    "In Tokyo we went looking for nature at the weekend. Here it's right outside "
                    "the front door, and it has changed the way the children play."
                ),
                "山下 綾さん",
                "Aya Yamashita",
            ),
            (
                "paragraph",
                (
                    "初めての冬は寒さに驚いたものの、雪が少なく晴れた日が多いので、"
                    "外遊びの時間は思ったより減らなかったそうです。子どもたちは、"
                    "近所のリンクでのスケートに夢中になっています。"
                ),
                (
                    "Their first winter was colder than she expected, but with little snow and "
                    "plenty of sunshine, the children spent less time indoors than she had "
                    "feared. Now they are hooked on skating at the local rink."
                ),
            ),
            ("heading", "仕事も子育ても、自分たちのペースで", "Work and family at our own pace"),
            (
                "paragraph",
                (
                    "月に一度の東京出張も、新千歳空港からの便を使えば日帰りできます。"
                    "通勤がなくなった分、家族と過ごす時間が増えたと山下さんは話します。"
                    "最近は近所の子育てサークルの運営を手伝い、"
                    "移住してきた家族の相談にのることも増えました。"
                ),
                (
                    "Her monthly business trip to Tokyo can be done in a day by flying from New "
                    "Chitose Airport. With no commute, she says, she has more time with her "
                    "family. Lately she helps run a local parents' group and often advises other "
                    "families who have just moved here."
                ),
            ),
        ],
        "image": "town",
        "translate": False,
    },
    {
        "slug": "workcation-nishikimachi",
        "title": (
            "錦町のコワーキングで過ごした二週間",
            "Two weeks at a coworking space in Nishikimachi",
        ),
        "summary": (
            (
                "福岡のデザイナー、松井さんは苫小牧エントリーパスを使って二週間のワーケーションに。"
                "仕事と滞在の様子を聞きました。"
            ),
            (
                "Fukuoka designer Haruka Matsui came for a two-week workcation with the Tomakomai "
                "Entry Pass. She told us about her work and her stay."
            ),
        ),
        "interviewee": ("グラフィックデザイナー 松井 遥さん", "Haruka Matsui, graphic designer"),
        "author": ("つながる苫小牧編集部", "Tsunagaru Tomakomai editors"),
        "area": ("錦町", "Nishikimachi"),
        "themes": [
            "work",
            "two-region",
        ],
        "published": "2026-09-30",
        "body": [
            (
                "paragraph",
                (
                    "9月の二週間、福岡からやってきたグラフィックデザイナーの松井遥さんは、"
                    "苫小牧駅に近い錦町のコワーキングスペースを仕事場にしました。"
                    "北海道での長期滞在は初めてだったといいます。"
                    "「涼しい場所で集中して働きたかった」と、夏の終わりの北海道を選びました。"
                ),
                (
                    "For two weeks in September, graphic designer Haruka Matsui from Fukuoka made "
                    "a coworking space in Nishikimachi, near Tomakomai Station, her office. It "
                    "was her first long stay in Hokkaido. “I wanted to concentrate on work "
                    "somewhere cool,” she says of choosing Hokkaido at the end of summer."
                ),
            ),
            ("heading", "エントリーパスで身軽に", "Travelling light with the Entry Pass"),
            (
                "paragraph",
                (
                    "滞在中に活用したのが、市外からの来訪者向けの苫小牧エントリーパスです。"
                    "スマートフォンの画面を窓口で見せるだけで、"
                    "コワーキングスペースやレンタサイクル、飲食店で割引を受けられました。"
                    "「手続きが簡単で、使うたびにまちに歓迎されている感じがしました」"
                ),
                (
                    "During her stay she made good use of the Tomakomai Entry Pass for visitors "
                    "from outside the city. Just by showing her phone at the counter she got "
                    "discounts at the coworking space, on rental bikes and in restaurants. “It "
                    "was easy to use, and every time I felt welcomed by the town.”"
                ),
            ),
            (
                "paragraph",
                (
                    "午前中はデザインの仕事に集中し、夕方はレンタサイクルで海沿いへ。"
                    "夕焼けに染まる港と、沖を行き交うフェリーを眺める時間が、"
                    "一日の区切りになったそうです。"
                ),
                (
                    "She focused on design work in the mornings and rode a rental bike to the "
                    "coast in the evenings. Watching the harbour glow at sunset and the ferries "
                    "coming and going offshore became the way she closed each day."
                ),
            ),
            (
                "paragraph",
                (
                    "夜は、エントリーパスで割引になった飲食店をめぐり、"
                    "ホッキ貝の刺身やホッキカレーを味わいました。地元の人に勧められた店で、"
                    "カウンター越しにまちの話を聞くのも楽しみのひとつだったそうです。"
                ),
                (
                    "In the evenings she tried restaurants where the Entry Pass gave a discount, "
                    "enjoying surf-clam sashimi and surf-clam curry. Hearing stories about the "
                    "town across the counter, at places locals had recommended, was another "
                    "highlight."
                ),
            ),
            ("heading", "仕事がつないだ縁", "Connections made through work"),
            (
                "paragraph",
                (
                    "コワーキングスペースで隣の席になった地元の菓子店の店主と話すうちに、"
                    "ハスカップを使った新商品のパッケージを手がけることになりました。"
                    "滞在を終えたいまも、オンラインで打ち合わせを続けています。"
                    "コワーキングスペースには地元の会社員やフリーランス、出張中の人が集まり、"
                    "自然と会話が生まれる雰囲気があったといいます。"
                ),
                (
                    "Talking to the owner of a local sweet shop who sat next to her at the "
                    "coworking space, she ended up designing the packaging for a new haskap "
                    "product. Now that her stay is over, they still meet online. Local office "
                    "workers, freelancers and people on business trips all use the coworking "
                    "space, she says, and conversations start naturally there."
                ),
            ),
            (
                "quote",
                (
                    "旅行では素通りしていたまちに、仕事を通じて知り合いができました。"
                    "次は季節を変えて、また来るつもりです。"
                ),
                (
                    "As a tourist I would have passed straight through this town, but through "
                    "work I made friends here. Next time I'll come back in a different season."
                ),
                "松井 遥さん",
                "Haruka Matsui",
            ),
        ],
        "image": "sea",
        "translate": False,
    },
]

# News releases; category is press_release, notice or event_report.
NEWS = [
    {
        "slug": "consultation-desk-opens",
        "title": (
            "二地域居住・移住相談窓口を開設しました",
            "Two-region living and moving consultation desk now open",
        ),
        "date": "2026-06-10",
        "category": "press_release",
        "summary": (
            (
                "苫小牧での二地域居住や移住を考えている方のための相談窓口を開設しました。電話、"
                "メール、ウェブフォームで受け付けます。"
            ),
            (
                "We have opened a consultation desk for people thinking about two-region living "
                "in Tomakomai or moving here. Contact us by phone, e-mail or web form."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "苫小牧市は、"
                    "二地域居住や移住を検討している方を対象とした相談窓口を開設しました。"
                    "住まいや仕事、子育て、交通など、暮らしに関するさまざまなご相談に、"
                    "経験のある相談員がお答えします。"
                ),
                (
                    "Tomakomai City has opened a consultation desk for people considering "
                    "two-region living or moving here. Experienced advisers answer all kinds of "
                    "questions about daily life, including housing, work, childcare and "
                    "transport."
                ),
            ),
            ("heading", "受付方法", "How to contact the desk"),
            (
                "paragraph",
                (
                    "ご相談は、電話、メール、ウェブフォームで受け付けています。"
                    "オンラインでの面談や、ご希望に合わせた現地の案内にも対応します。"
                    "詳しくは相談窓口のページをご覧ください。"
                ),
                (
                    "You can contact us by phone, e-mail or web form. We also offer online "
                    "meetings and local visits arranged around what you want to see. See the "
                    "consultation desk page for details."
                ),
            ),
        ],
        "translate": True,
    },
    {
        "slug": "entry-pass-partners-wanted",
        "title": (
            "苫小牧エントリーパスの協力店舗・施設を募集しています",
            "Businesses wanted for the Tomakomai Entry Pass",
        ),
        "date": "2026-07-01",
        "category": "notice",
        "summary": (
            "市外から訪れる方に優待を提供していただける、市内の店舗や施設を募集しています。",
            (
                "We are looking for shops and facilities in the city willing to offer special "
                "deals to visitors from outside Tomakomai."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "苫小牧エントリーパスは、市外から訪れる方が、"
                    "市内のコワーキングスペースや観光施設、レンタカー、レンタサイクル、"
                    "飲食店などで優待を受けられる割引パスです。"
                ),
                (
                    "The Tomakomai Entry Pass is a discount pass that gives visitors from outside "
                    "the city special deals at coworking spaces, tourist facilities, car rentals, "
                    "bicycle rentals, restaurants and more."
                ),
            ),
            (
                "paragraph",
                (
                    "協力店舗・施設としての参加を希望される事業者の方は、"
                    "相談窓口までお問い合わせください。優待の内容は、"
                    "各店舗・施設で無理のない範囲で決めていただけます。"
                ),
                (
                    "Businesses that would like to take part should contact the consultation "
                    "desk. Each shop or facility decides on an offer that works for it."
                ),
            ),
        ],
        "translate": True,
    },
    {
        "slug": "haskap-picking-report",
        "title": (
            "ハスカップ摘み取り体験と交流会を開催しました",
            "Report: haskap picking and get-together",
        ),
        "date": "2026-07-28",
        "category": "event_report",
        "summary": (
            (
                "7月中旬、美沢のハスカップ農園で、"
                "市外からの参加者と地域の方による摘み取り体験と交流会を開催しました。"
            ),
            (
                "In mid-July, visitors from outside the city and local people picked berries "
                "together and met at a haskap farm in Misawa."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "当日は札幌や首都圏などから参加した方々が、"
                    "農園の方に教わりながらハスカップの摘み取りを体験しました。"
                    "午後は地域の方との交流会を開き、摘みたての実を使ったジャムづくりも行いました。"
                ),
                (
                    "Participants from Sapporo, the Tokyo area and elsewhere learned to pick "
                    "haskap from the farmers. In the afternoon they met local people and made jam "
                    "from the freshly picked berries."
                ),
            ),
            (
                "paragraph",
                (
                    "参加者からは「次は畑仕事の手伝いにも来たい」「ふるさと住民登録をしてみたい」"
                    "といった声が寄せられました。ご参加いただいた皆さま、"
                    "ご協力いただいた農園の皆さまに感謝申し上げます。"
                ),
                (
                    "Participants told us they would like to come back and help on the farm, and "
                    "that they want to register as furusato residents. Our thanks to everyone who "
                    "took part and to the farm for its help."
                ),
            ),
        ],
        "translate": True,
    },
    {
        "slug": "furusato-resident-registration-starts",
        "title": (
            "ふるさと住民登録の受け付けを開始しました",
            "Furusato resident registration is now open",
        ),
        "date": "2026-09-15",
        "category": "press_release",
        "summary": (
            (
                "苫小牧に住んでいなくても、まちに関わり続けたい方を「ふるさと住民」"
                "として登録する受け付けを、市独自に始めました。"
            ),
            (
                "The city has started its own registration of “furusato residents”: people who do "
                "not live in Tomakomai but want to stay involved with it."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "総務省が創設を進めている「ふるさと住民登録制度」の運用開始に先立ち、"
                    "苫小牧市では独自に登録の受け付けを始めました。登録はこのサイトから、"
                    "数分で手続きできます。"
                ),
                (
                    "Ahead of the launch of the national furusato resident registration scheme "
                    "being set up by the Ministry of Internal Affairs and Communications, "
                    "Tomakomai has started taking registrations on its own. Registering on this "
                    "site takes only a few minutes."
                ),
            ),
            ("heading", "登録するとできること", "What registration gives you"),
            (
                "paragraph",
                (
                    "登録された方には、デジタル会員証の発行、メールマガジンによる地域情報のお届け、"
                    "協力店舗での特典、地域の活動やイベントのご案内を予定しています。"
                    "国の制度が始まった後の取り扱いについては、決まり次第お知らせします。"
                ),
                (
                    "Registered members will receive a digital membership card, local news by "
                    "e-mail newsletter, offers at participating businesses and invitations to "
                    "local activities and events. We will announce how registrations are handled "
                    "once the national scheme starts as soon as this is decided."
                ),
            ),
        ],
        "translate": True,
    },
    {
        "slug": "system-maintenance-november",
        "title": (
            "システムメンテナンスに伴うサービスの一時停止について",
            "Services temporarily unavailable for system maintenance",
        ),
        "date": "2026-10-28",
        "category": "notice",
        "summary": (
            (
                "11月10日（火）午前1時から午前5時まで、"
                "メンテナンス作業のため一部のサービスをご利用いただけません。"
            ),
            (
                "Some services will be unavailable for maintenance from 1:00 to 5:00 a.m. on "
                "Tuesday 10 November."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "作業中は、ふるさと住民の会員ページ、相談のウェブフォーム、"
                    "エントリーパスの発行がご利用いただけません。"
                    "記事やイベント情報の閲覧には影響ありません。"
                ),
                (
                    "During the work, the furusato resident member pages, the consultation web "
                    "form and Entry Pass issuing will be unavailable. Reading articles and event "
                    "information is not affected."
                ),
            ),
            (
                "paragraph",
                (
                    "作業の状況により、終了時刻が前後する場合があります。ご不便をおかけしますが、"
                    "ご理解とご協力をお願いいたします。"
                ),
                (
                    "Depending on progress, the work may finish earlier or later than planned. We "
                    "apologise for the inconvenience and thank you for your understanding."
                ),
            ),
        ],
        "translate": False,
    },
    {
        "slug": "workcation-tour-autumn-report",
        "title": (
            "秋のワーケーション体験ツアーを実施しました",
            "Report: autumn workcation trial tour",
        ),
        "date": "2026-11-12",
        "category": "event_report",
        "summary": (
            "10月に2泊3日のワーケーション体験ツアーを実施し、首都圏や関西から8名が参加しました。",
            (
                "In October we ran a three-day workcation trial tour, with eight participants "
                "from the Tokyo and Kansai areas."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "参加者は錦町のコワーキングスペースで仕事をしながら、樽前山のふもとの散策や、"
                    "ウトナイ湖での野鳥観察、地元企業との交流会に参加しました。"
                ),
                (
                    "Between work sessions at a coworking space in Nishikimachi, participants "
                    "walked at the foot of Mt. Tarumae, watched birds at Lake Utonai and met "
                    "local businesses."
                ),
            ),
            ("heading", "参加者の声", "What participants said"),
            (
                "paragraph",
                (
                    "アンケートでは、参加者全員が「また苫小牧に来たい」と答えました。一方で、"
                    "冬の暮らしを知りたいという声も多かったため、"
                    "次回は冬の生活を体験できる内容を検討しています。"
                ),
                (
                    "In our survey every participant said they would like to come back to "
                    "Tomakomai. Many also wanted to know what winter is like, so we are planning "
                    "a next tour where people can experience winter life."
                ),
            ),
        ],
        "translate": False,
    },
]

# Upcoming events; dates are relative to the day the demo is built.
EVENTS = [
    {
        "slug": "online-two-region-seminar",
        "title": (
            "オンラインセミナー「苫小牧ではじめる二地域居住」",
            "Online seminar: Starting two-region living in Tomakomai",
        ),
        "days_from_today": 14,
        "start_time": "19:00",
        "end_time": "20:30",
        "duration_days": 0,
        "venue": None,
        "online": True,
        "fee": ("無料", "Free"),
        "capacity": 100,
        "application_url": "https://example.jp/apply/two-region-seminar",
        "summary": (
            (
                "二地域居住・移住相談窓口の相談員と、実際に苫小牧と首都圏を行き来している方が、"
                "暮らしの実際をお話しします。"
            ),
            (
                "An adviser from the consultation desk and someone who already lives between "
                "Tomakomai and the Tokyo area talk about what daily life is really like."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "前半は相談員が、苫小牧の気候や交通、住まい探しのポイントをご紹介します。"
                    "後半は二地域居住を実践している方をゲストに迎え、移動の費用や仕事の進め方、"
                    "地域とのつきあい方について伺います。"
                ),
                (
                    "In the first half, an adviser introduces Tomakomai's climate and transport "
                    "and gives tips on finding a home. In the second half, a guest who lives in "
                    "two regions talks about travel costs, how they organise their work and how "
                    "they fit into the community."
                ),
            ),
            (
                "paragraph",
                (
                    "ビデオ会議ツールを使って開催します。カメラやマイクをオフにしたまま参加でき、"
                    "質問はチャットで受け付けます。お申し込みの方には、"
                    "前日までに参加用のリンクをメールでお送りします。"
                ),
                (
                    "The seminar is held by video conference. You can join with your camera and "
                    "microphone off, and questions are taken by chat. We will e-mail the joining "
                    "link to everyone who has applied by the day before."
                ),
            ),
        ],
        "image": "port",
        "translate": True,
    },
    {
        "slug": "haskap-jam-community-day",
        "title": (
            "ハスカップジャムづくりと植苗の地域交流デー",
            "Haskap jam making and community day in Uenae",
        ),
        "days_from_today": 30,
        "start_time": "10:00",
        "end_time": "15:00",
        "duration_days": 0,
        "venue": (
            "植苗地区の集会所（詳しい場所は参加者にお知らせします）",
            "A community hall in the Uenae district (participants will be told the exact location)",
        ),
        "online": False,
        "fee": ("1,000円（材料費）", "¥1,000 (materials)"),
        "capacity": 20,
        "application_url": "https://example.jp/apply/haskap-community-day",
        "summary": (
            (
                "午前は地元のハスカップを使ったジャムづくり、"
                "午後は地域の方と一緒に集会所周辺の環境整備を行います。"
            ),
            (
                "Make jam from local haskap in the morning, then join local people in tidying up "
                "the area around the community hall in the afternoon."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "午前中は、地域のお母さんたちに教わりながら、"
                    "冷凍保存しておいたハスカップでジャムをつくります。"
                    "つくったジャムはお持ち帰りいただけます。"
                ),
                (
                    "In the morning, local cooks show you how to make jam from haskap berries "
                    "kept in the freezer. You can take your jam home with you."
                ),
            ),
            (
                "paragraph",
                (
                    "昼食を囲んで交流したあと、午後は町内会の皆さんと一緒に、"
                    "集会所の周りの落ち葉集めや花壇の手入れをします。"
                    "汚れてもよい服装と軍手をご用意ください。市外の方も、市内の方も歓迎します。"
                ),
                (
                    "After lunch together, you will spend the afternoon with the neighbourhood "
                    "association raking leaves and tending the flower beds around the hall. "
                    "Please wear clothes that can get dirty and bring work gloves. Everyone is "
                    "welcome, whether you live in the city or not."
                ),
            ),
        ],
        "image": "berries",
        "translate": True,
    },
    {
        "slug": "workcation-trial-tour",
        "title": (
            "ワーケーション体験ツアー（2泊3日）",
            "Workcation trial tour (three days, two nights)",
        ),
        "days_from_today": 60,
        "start_time": "13:00",
        "end_time": "15:00",
        "duration_days": 2,
        "venue": (
            "錦町のコワーキングスペースほか市内各所",
            "A coworking space in Nishikimachi and other places around the city",
        ),
        "online": False,
        "fee": ("3,000円（体験料・保険料）", "¥3,000 (activities and insurance)"),
        "capacity": 10,
        "application_url": "https://example.jp/apply/workcation-trial-tour",
        "summary": (
            (
                "苫小牧で働き、暮らす3日間。コワーキングスペースでの仕事に、"
                "地元企業との交流や自然の中での体験を組み合わせたツアーです。"
            ),
            (
                "Three days of working and living in Tomakomai: a tour that combines work at a "
                "coworking space with meeting local businesses and time in nature."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "日中はコワーキングスペースで普段どおりに仕事をしていただき、朝や夕方の時間に、"
                    "海辺の散策や地元企業との交流会、ホッキ貝料理の夕食会などを予定しています。"
                ),
                (
                    "During the day you work as usual at the coworking space. Mornings and "
                    "evenings are planned around a walk by the sea, a get-together with local "
                    "businesses and a surf-clam dinner."
                ),
            ),
            (
                "paragraph",
                (
                    "宿泊費と、苫小牧までの交通費は各自でご負担ください。"
                    "宿泊先はツアー参加者向けにご案内します。苫小牧エントリーパスを発行すると、"
                    "滞在中に協力店舗の優待もご利用いただけます。"
                ),
                (
                    "Please pay for your own accommodation and travel to Tomakomai; we will "
                    "suggest places to stay for tour participants. Get a Tomakomai Entry Pass and "
                    "you can also use the offers at participating businesses during your stay."
                ),
            ),
        ],
        "image": "work",
        "translate": False,
    },
]

# Past events, so that past-event listings are not empty.
PAST_EVENTS = [
    {
        "slug": "utonai-lake-cleanup",
        "title": ("ウトナイ湖 湖畔清掃と野鳥観察会", "Lake Utonai shore clean-up and birdwatching"),
        "days_from_today": -45,
        "start_time": "09:00",
        "end_time": "12:00",
        "duration_days": 0,
        "venue": ("ウトナイ湖畔（植苗）", "Shore of Lake Utonai (Uenae)"),
        "online": False,
        "fee": ("無料", "Free"),
        "capacity": 30,
        "application_url": "https://example.jp/apply/utonai-lake-cleanup",
        "summary": (
            "ボランティアガイドと一緒に湖畔のごみを拾い、そのあと渡り鳥を観察しました。",
            (
                "With a volunteer guide, participants picked up litter along the shore and then "
                "watched the migrating birds."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "前半は湖畔の遊歩道沿いでごみ拾いを行い、"
                    "後半は双眼鏡を使って水辺の鳥を観察しました。双眼鏡は貸し出しを行い、"
                    "初めての方も気軽に参加できる内容としました。"
                ),
                (
                    "First we collected litter along the lakeside path, then we watched water "
                    "birds through binoculars. Binoculars were lent out, so first-timers could "
                    "join in easily."
                ),
            ),
        ],
        "image": "wetland",
        "translate": True,
    },
    {
        "slug": "tomakomai-night-tokyo",
        "title": (
            "苫小牧ナイト in 東京 関係人口交流会",
            "Tomakomai Night in Tokyo: a get-together for friends of the city",
        ),
        "days_from_today": -120,
        "start_time": "18:30",
        "end_time": "21:00",
        "duration_days": 0,
        "venue": ("東京都千代田区内の会場", "A venue in Chiyoda, Tokyo"),
        "online": False,
        "fee": ("2,000円（飲食代）", "¥2,000 (food and drinks)"),
        "capacity": 40,
        "application_url": "https://example.jp/apply/tomakomai-night-tokyo",
        "summary": (
            (
                "苫小牧にゆかりのある方や、苫小牧に関心のある方が東京に集まり、"
                "地元の味を囲んで交流しました。"
            ),
            (
                "People with ties to Tomakomai, or simply curious about it, met in Tokyo over "
                "food from the city."
            ),
        ),
        "body": [
            (
                "paragraph",
                (
                    "ホッキ貝やハスカップを使った料理を味わいながら、苫小牧出身の方や、"
                    "ワーケーションで訪れたことのある方が、"
                    "それぞれのまちとの関わりを語り合いました。"
                ),
                (
                    "Over dishes made with surf clams and haskap, people from Tomakomai and "
                    "people who had visited on a workcation talked about their ties to the city."
                ),
            ),
            (
                "paragraph",
                "会場では相談員が、二地域居住やふるさと住民登録についての個別相談にも応じました。",
                (
                    "Advisers from the consultation desk were also there for one-to-one questions "
                    "about two-region living and furusato resident registration."
                ),
            ),
        ],
        "image": "festival",
        "translate": False,
    },
]

# Fixed pages linked from the footer and the calls to action.
STANDARD_PAGES = [
    {
        "slug": "about",
        "title": ("つながる苫小牧について", "About Tsunagaru Tomakomai"),
        "intro": (
            "「つながる苫小牧」は、苫小牧市が運営する関係人口ポータルサイトです。",
            "Tsunagaru Tomakomai is the relationship-population portal run by Tomakomai City.",
        ),
        "body": [
            ("heading", "このサイトの目的", "What this site is for"),
            (
                "paragraph",
                (
                    "苫小牧に住んでいなくても、このまちに関わり続けたいと思ってくださる方と、"
                    "まちをつなぐことを目的にしています。ふるさと納税、移住・定住、ワーケーション、"
                    "二地域居住の入り口として、まちの人のストーリーやイベントの情報をお届けします。"
                ),
                (
                    "Its aim is to connect the city with people who want to stay involved with "
                    "Tomakomai, even if they do not live here. As a gateway to furusato nozei, "
                    "moving here, workcations and two-region living, it brings you stories of the "
                    "people who live here and news of events."
                ),
            ),
            ("heading", "関係人口とは", "What “relationship population” means"),
            (
                "paragraph",
                (
                    "関係人口とは、移住した定住人口でも、観光に来た交流人口でもなく、"
                    "地域とさまざまな形で関わり続ける人々のことです。ふるさと納税での応援、"
                    "繰り返しの訪問、地域活動への参加など、関わり方は人それぞれです。"
                ),
                (
                    "The relationship population means people who are neither residents who have "
                    "moved here nor tourists passing through, but who keep up a tie with the area "
                    "in many different ways. Supporting it through furusato nozei, visiting again "
                    "and again, taking part in local activities: everyone connects in their own "
                    "way."
                ),
            ),
            ("heading", "運営体制", "Who runs the site"),
            (
                "paragraph",
                (
                    "このサイトは苫小牧市が運営し、記事の作成や更新、"
                    "相談窓口の運営などの業務の一部を、市が委託した事業者が行っています。"
                    "掲載内容についての最終的な責任は苫小牧市が負います。"
                ),
                (
                    "The site is run by Tomakomai City. Part of the work, such as writing and "
                    "updating articles and running the consultation desk, is done by a contractor "
                    "engaged by the city. The city remains responsible for everything published "
                    "here."
                ),
            ),
            ("heading", "お問い合わせ", "Contact"),
            (
                "paragraph",
                (
                    "このサイトに関するお問い合わせは、"
                    "二地域居住・移住相談窓口（電話 0144-00-1234、メール tsunagaru@example.jp）"
                    "までお寄せください。"
                ),
                (
                    "For questions about this site, please contact the two-region living and "
                    "moving consultation desk (phone 0144-00-1234, e-mail tsunagaru@example.jp)."
                ),
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": ("個人情報の取り扱いについて", "Privacy policy"),
        "intro": (
            (
                "苫小牧市は、このサイトで取得する個人情報を、"
                "個人情報の保護に関する法律その他の関係法令に基づき、適切に取り扱います。"
            ),
            (
                "Tomakomai City handles the personal information collected on this site properly, "
                "in line with the Act on the Protection of Personal Information and other "
                "relevant laws."
            ),
        ),
        "body": [
            ("heading", "取得する情報", "Information we collect"),
            (
                "paragraph",
                (
                    "ふるさと住民登録、相談のウェブフォーム、エントリーパスの発行、"
                    "イベントへの申し込みの際に、氏名、メールアドレス、お住まいの市区町村、"
                    "電話番号などをご入力いただきます。"
                    "必要な範囲を超えて情報を取得することはありません。"
                ),
                (
                    "When you register as a furusato resident, use the consultation web form, get "
                    "an Entry Pass or apply for an event, we ask for your name, e-mail address, "
                    "municipality of residence, phone number and similar details. We never "
                    "collect more than we need."
                ),
            ),
            ("heading", "利用目的", "How we use it"),
            (
                "paragraph",
                (
                    "取得した個人情報は、ご相談への回答、会員サービスの提供、優待の利用確認、"
                    "イベントの運営、お知らせの送付、"
                    "および個人を特定できない形に集計した統計の作成のために利用します。"
                ),
                (
                    "We use personal information to answer your enquiries, provide member "
                    "services, confirm the use of offers, run events, send you notices, and "
                    "produce statistics aggregated so that no individual can be identified."
                ),
            ),
            ("heading", "Cookieとキャンペーンの効果測定", "Cookies and campaign measurement"),
            (
                "paragraph",
                (
                    "キャンペーンの効果を測るため、このサイトの短縮リンク（/go/）や"
                    "UTMパラメータ付きのリンクから来られた場合、その経路（リンクの種類と日時）を"
                    "このサイト自身のCookieに30日間記録し、その間の登録や相談の件数を集計します。"
                    "IPアドレスは保存せず、第三者の解析ツールや広告タグは使用していません。"
                ),
                (
                    "To measure campaigns, when you arrive through this site's short links (/go/) "
                    "or a link with UTM parameters, the route (which link, and when) is kept for "
                    "30 days in this site's own cookie, and registrations or consultations in "
                    "that time are counted. IP addresses are not stored, and no third-party "
                    "analytics or advertising tags are used."
                ),
            ),
            ("heading", "第三者への提供", "Disclosure to third parties"),
            (
                "paragraph",
                (
                    "法令に基づく場合を除き、"
                    "ご本人の同意なく個人情報を第三者に提供することはありません。"
                    "業務を委託する事業者には、契約により個人情報の適切な管理を義務づけています。"
                ),
                (
                    "Except where required by law, we never give personal information to third "
                    "parties without your consent. Contractors working for the city are bound by "
                    "contract to manage personal information properly."
                ),
            ),
            ("heading", "安全管理措置", "Security measures"),
            (
                "paragraph",
                (
                    "個人情報への不正なアクセスや、漏えい、改ざん、滅失を防ぐため、通信の暗号化、"
                    "アクセス権限の管理、操作記録の保存など、必要な安全管理措置を講じます。"
                ),
                (
                    "To prevent unauthorised access to personal information and its leakage, "
                    "alteration or loss, we take the necessary security measures, including "
                    "encrypted connections, access control and keeping records of operations."
                ),
            ),
            ("heading", "アクセス解析について", "Website analytics"),
            (
                "paragraph",
                (
                    "このサイトでは、利用状況を把握して改善に役立てるため、"
                    "アクセス解析を行うことがあります。解析に使う情報には、"
                    "個人を特定できるものは含まれません。"
                ),
                (
                    "We may analyse how this site is used so that we can improve it. The "
                    "information used for this does not identify individuals."
                ),
            ),
            ("heading", "開示等の請求", "Requests for disclosure and correction"),
            (
                "paragraph",
                (
                    "ご本人からご自身の個人情報の開示、訂正、利用停止などの請求があった場合は、"
                    "関係法令と市の定める手続きに従って対応します。会員の方は、"
                    "会員ページから登録内容の確認や変更、退会ができます。"
                ),
                (
                    "If you ask us to disclose, correct or stop using your personal information, "
                    "we will respond according to the relevant laws and the city's procedures. "
                    "Members can check and change their details, or cancel their membership, on "
                    "the member pages."
                ),
            ),
            ("heading", "お問い合わせ", "Contact"),
            (
                "paragraph",
                (
                    "個人情報の取り扱いに関するお問い合わせは、"
                    "二地域居住・移住相談窓口までご連絡ください。"
                ),
                (
                    "For questions about how we handle personal information, please contact the "
                    "two-region living and moving consultation desk."
                ),
            ),
            ("paragraph", "2026年4月1日 制定", "Adopted 1 April 2026"),
        ],
    },
    {
        "slug": "terms",
        "title": ("サイトのご利用にあたって", "Terms of use"),
        "intro": (
            "このサイトをご利用いただく前に、以下の内容をご確認ください。",
            "Please read the following before using this site.",
        ),
        "body": [
            ("heading", "リンクについて", "Linking to this site"),
            (
                "paragraph",
                (
                    "このサイトへのリンクは、原則として自由です。ただし、"
                    "公序良俗に反するサイトからのリンクや、"
                    "市との関係を誤解させるような方法でのリンクはお断りします。"
                ),
                (
                    "You are generally free to link to this site. However, we do not accept links "
                    "from sites that are contrary to public order and morals, or links made in a "
                    "way that suggests a relationship with the city that does not exist."
                ),
            ),
            ("heading", "著作権について", "Copyright"),
            (
                "paragraph",
                (
                    "このサイトに掲載している文章、写真、イラストなどの著作権は、"
                    "苫小牧市または各著作権者に帰属します。"
                    "私的使用や引用など法律で認められた範囲を超えて、"
                    "無断で転載や改変をすることはできません。"
                ),
                (
                    "Copyright in the text, photographs, illustrations and other material on this "
                    "site belongs to Tomakomai City or the respective rights holders. Beyond what "
                    "the law allows, such as private use and quotation, the material may not be "
                    "reproduced or altered without permission."
                ),
            ),
            ("heading", "免責事項", "Disclaimer"),
            (
                "paragraph",
                (
                    "掲載する情報には細心の注意を払っていますが、"
                    "その正確性や完全性を保証するものではありません。"
                    "このサイトの利用によって生じた損害について、市は責任を負いかねます。"
                    "リンク先の外部サイトの内容は、それぞれの運営者にお問い合わせください。"
                ),
                (
                    "We take great care over the information on this site but cannot guarantee "
                    "that it is accurate or complete. The city accepts no liability for any loss "
                    "arising from the use of this site. For the content of external sites we link "
                    "to, please contact their operators."
                ),
            ),
            ("heading", "掲載内容の変更", "Changes to the content"),
            (
                "paragraph",
                (
                    "掲載内容は、予告なく変更または削除することがあります。"
                    "制度や手続きの最新の情報は、市の担当窓口でご確認ください。"
                ),
                (
                    "Content may be changed or removed without notice. For the latest information "
                    "on schemes and procedures, please check with the relevant city office."
                ),
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": ("ウェブアクセシビリティ方針", "Web accessibility policy"),
        "intro": (
            (
                "苫小牧市は、年齢や障害の有無、利用する環境にかかわらず、"
                "誰もがこのサイトの情報を利用できるよう、"
                "ウェブアクセシビリティの確保に取り組みます。"
            ),
            (
                "Tomakomai City works to make this site accessible, so that everyone can use its "
                "information whatever their age, disability or browsing environment."
            ),
        ),
        "body": [
            ("heading", "対象と目標", "Scope and target"),
            (
                "paragraph",
                (
                    "このサイト全体を対象とし、"
                    "日本産業規格 JIS X 8341-3:2016「高齢者・障害者等配慮設計指針－情報通信におけ"
                    "る機器，ソフトウェア及びサービス－第3部：ウェブコンテンツ」"
                    "の適合レベルAAに準拠することを目標とします。"
                ),
                (
                    "The whole site aims to conform to level AA of the Japanese Industrial "
                    "Standard JIS X 8341-3:2016, Guidelines for older persons and persons with "
                    "disabilities: information and communications equipment, software and "
                    "services, Part 3: Web content."
                ),
            ),
            ("heading", "確認の方法", "How we test"),
            (
                "paragraph",
                (
                    "ページのテンプレートや主な機能は、自動チェックツールのaxe-coreによる検証と、"
                    "キーボードだけでの操作確認を行っています。あわせて、"
                    "スクリーンリーダーでの読み上げや、文字を拡大したときの表示も確認しています。"
                ),
                (
                    "Page templates and the main features are checked with the automated testing "
                    "tool axe-core and by operating them with the keyboard alone. We also check "
                    "how pages are read by screen readers and how they display when text is "
                    "enlarged."
                ),
            ),
            ("heading", "既知の課題", "Known issues"),
            (
                "paragraph",
                (
                    "一部のPDF資料は、アクセシビリティに配慮した形式になっていないため、"
                    "順次改善を進めています。また、外部サービスの埋め込み地図は、"
                    "キーボードで操作しにくい場合があります。地図で示している場所は、"
                    "本文にも住所として記載しています。"
                ),
                (
                    "Some PDF documents are not yet in an accessible format, and we are improving "
                    "them step by step. Embedded maps from external services can be hard to "
                    "operate with a keyboard; the places they show are also given as addresses in "
                    "the text."
                ),
            ),
            ("heading", "お問い合わせ", "Contact"),
            (
                "paragraph",
                (
                    "このサイトのアクセシビリティについてお気づきの点があれば、"
                    "二地域居住・移住相談窓口までお知らせください。いただいたご意見は、"
                    "今後の改善に役立てます。"
                ),
                (
                    "If you notice any accessibility problems on this site, please tell the "
                    "two-region living and moving consultation desk. Your feedback helps us "
                    "improve."
                ),
            ),
        ],
    },
    {
        "slug": "furusato-resident",
        "title": ("ふるさと住民登録", "Furusato resident registration"),
        "intro": (
            (
                "苫小牧に住んでいなくても、まちに関わり続けたい方は「ふるさと住民」"
                "として登録できます。"
            ),
            (
                "Even if you do not live in Tomakomai, you can register as a “furusato resident” "
                "if you want to stay involved with the city."
            ),
        ),
        "body": [
            ("heading", "ふるさと住民登録制度とは", "What the scheme is"),
            (
                "paragraph",
                (
                    "ふるさと住民登録制度は、住んでいる地域以外のまちに継続して関わる人を登録し、"
                    "地域の担い手の確保や地域経済の活性化につなげるための、"
                    "総務省が創設を進めている国の制度です。"
                ),
                (
                    "The furusato resident registration scheme is a national scheme being set up "
                    "by the Ministry of Internal Affairs and Communications. It registers people "
                    "who have a continuing tie with a place other than where they live, to help "
                    "find people to support local life and to revitalise local economies."
                ),
            ),
            ("heading", "ベーシックとプレミアム", "Basic and premium"),
            (
                "paragraph",
                (
                    "国の制度では、どなたでも気軽に登録できる「ベーシック」と、"
                    "ふるさと納税や地域の活動などを通じて継続的に関わる方を対象とした「プレミアム」"
                    "の二つの区分が想定されています。具体的な要件は、"
                    "国から示され次第お知らせします。"
                ),
                (
                    "The national scheme is expected to have two tiers: “basic”, which anyone can "
                    "easily join, and “premium”, for people with a continuing involvement through "
                    "furusato nozei, local activities and the like. We will publish the exact "
                    "requirements as soon as the national government announces them."
                ),
            ),
            ("heading", "苫小牧市の先行登録", "Tomakomai's early registration"),
            (
                "paragraph",
                (
                    "苫小牧市では、国の制度の運用開始に先立ち、市独自の登録を始めています。"
                    "このサイトから数分で登録でき、国の制度が始まった際には、"
                    "円滑に移行できるようご案内します。"
                ),
                (
                    "Tomakomai has started its own registration ahead of the national scheme. You "
                    "can register on this site in a few minutes, and when the national scheme "
                    "starts we will help you move over smoothly."
                ),
            ),
            ("heading", "登録するとできること", "What registration gives you"),
            (
                "paragraph",
                (
                    "登録された方には、デジタル会員証の発行、メールマガジンでの地域情報のお届け、"
                    "協力店舗での特典、地域の活動やボランティアへの参加のご案内があります。"
                    "特典の内容は変わることがありますので、会員ページでご確認ください。"
                ),
                (
                    "Registered members get a digital membership card, local news by e-mail "
                    "newsletter, offers at participating businesses, and invitations to take part "
                    "in local activities and volunteering. Offers may change, so please check the "
                    "member pages."
                ),
            ),
            ("heading", "登録の方法", "How to register"),
            (
                "paragraph",
                (
                    "このページの登録ボタンから、メールアドレスと基本的な情報を入力してください。"
                    "登録は無料で、いつでも会員ページから登録内容の変更や退会ができます。"
                ),
                (
                    "Use the registration button on this page and enter your e-mail address and "
                    "some basic details. Registration is free, and you can change your details or "
                    "cancel at any time on the member pages."
                ),
            ),
        ],
    },
    {
        "slug": "entry-pass",
        "title": ("苫小牧エントリーパス", "Tomakomai Entry Pass"),
        "intro": (
            "市外から苫小牧を訪れる方が、市内の協力店舗・施設で使える優待割引パスです。",
            (
                "A discount pass for visitors from outside the city, valid at participating shops "
                "and facilities in Tomakomai."
            ),
        ),
        "body": [
            ("heading", "使えるお店と施設", "Where you can use it"),
            (
                "paragraph",
                (
                    "コワーキングスペース、レンタカー、レンタサイクル、観光施設、市内の飲食店など、"
                    "苫小牧エントリーパスに協力している事業者の店舗・施設で、"
                    "割引やサービスを受けられます。優待の内容は、店舗・施設ごとに異なります。"
                ),
                (
                    "You get discounts and extras at the shops and facilities of businesses "
                    "taking part in the Tomakomai Entry Pass, including coworking spaces, car "
                    "rentals, bicycle rentals, tourist facilities and restaurants in the city. "
                    "Each shop or facility has its own offer."
                ),
            ),
            ("heading", "対象となる方", "Who can get it"),
            (
                "paragraph",
                (
                    "苫小牧市外にお住まいで、観光や仕事、"
                    "ワーケーションなどで苫小牧に滞在する方が対象です。パスは無料で、"
                    "滞在の予定に合わせて発行できます。"
                ),
                (
                    "The pass is for people who live outside Tomakomai and are staying in the "
                    "city for sightseeing, work, a workcation or similar. It is free and can be "
                    "issued to match the dates of your stay."
                ),
            ),
            ("heading", "使い方", "How to use it"),
            (
                "paragraph",
                (
                    "このサイトでパスを発行し、"
                    "スマートフォンに表示したパスを店舗・施設の窓口で提示してください。"
                    "スタッフが画面を確認して、優待を適用します。"
                ),
                (
                    "Get your pass on this site, then show it on your phone at the counter of the "
                    "shop or facility. The staff check the screen and apply the offer."
                ),
            ),
            (
                "paragraph",
                (
                    "パスの利用状況は、協力店舗の拡充や優待内容の改善に役立てています。"
                    "ご協力をお願いいたします。"
                ),
                (
                    "We use information on how the pass is used to add partners and improve the "
                    "offers. Thank you for your help."
                ),
            ),
        ],
    },
    {
        "slug": "consultation",
        "title": ("二地域居住・移住相談窓口", "Two-region living and moving consultation desk"),
        "intro": (
            (
                "苫小牧での二地域居住や移住について、経験のある相談員がご相談をお受けします。"
                "小さなことでもお気軽にどうぞ。"
            ),
            (
                "Experienced advisers answer your questions about two-region living in Tomakomai "
                "or moving here. No question is too small."
            ),
        ),
        "body": [
            ("heading", "ご相談の方法", "How to reach us"),
            (
                "paragraph",
                (
                    "電話（0144-00-1234、平日8時45分から17時15分まで）、"
                    "メール（tsunagaru@example.jp）、このサイトのウェブフォームで受け付けています。"
                    "メールとウェブフォームは24時間受け付け、原則として3営業日以内にお返事します。"
                ),
                (
                    "Contact us by phone (0144-00-1234, weekdays 8:45 to 17:15), by e-mail "
                    "(tsunagaru@example.jp) or with the web form on this site. E-mail and the web "
                    "form are open 24 hours a day, and we normally reply within three working "
                    "days."
                ),
            ),
            ("heading", "ご相談できること", "What you can ask about"),
            (
                "paragraph",
                (
                    "住まいや空き家の探し方、仕事や転職、保育園や学校などの子育て、通勤や交通手段、"
                    "冬の暮らしなど、二地域居住や移住に関わることなら何でもご相談ください。"
                    "支援制度については、対象になるかどうかも含めて、"
                    "市の担当窓口と連携してご案内します。"
                ),
                (
                    "Ask us about anything to do with two-region living or moving here: finding a "
                    "home or a vacant house, work and changing jobs, nurseries, schools and "
                    "raising children, commuting and transport, winter life and more. For support "
                    "schemes, including whether you qualify, we work with the relevant city "
                    "offices to guide you."
                ),
            ),
            ("heading", "オンライン相談", "Online consultations"),
            (
                "paragraph",
                (
                    "遠方にお住まいの方は、ビデオ通話によるオンライン相談もご利用いただけます。"
                    "ご希望の日時を、ウェブフォームでお知らせください。"
                ),
                (
                    "If you live far away, you can also consult us online by video call. Let us "
                    "know the date and time you would like on the web form."
                ),
            ),
            ("heading", "オーダーメイドの現地案内", "Tailored local tours"),
            (
                "paragraph",
                (
                    "住まいの候補地や職場、学校などを、ご希望に合わせて相談員がご案内します。"
                    "準備のため、ご希望日の2週間前までにお申し込みください。"
                ),
                (
                    "An adviser can show you around possible places to live, workplaces, schools "
                    "and more, planned around what you want to see. To give us time to prepare, "
                    "please book at least two weeks before the date you would like."
                ),
            ),
        ],
    },
]

# Home page: featured stories, entrances to the sections and calls to action.
HOME = {
    "featured_story_slugs": [
        "haskap-farm-misawa",
        "tokyo-and-tomakomai",
        "utonai-lake-birds",
    ],
    "entrances": [
        {
            "section_slug": "furusato-nozei",
            "title": ("ふるさと納税で応援する", "Support the city with furusato nozei"),
            "text": (
                (
                    "ホッキ貝やハスカップなど、苫小牧の恵みを受け取りながら、"
                    "まちづくりを応援できます。"
                ),
                (
                    "Support the city's future and receive surf clams, haskap and other good "
                    "things from Tomakomai in return."
                ),
            ),
        },
        {
            "section_slug": "moving",
            "title": ("苫小牧に住む", "Live in Tomakomai"),
            "text": (
                "住まいや仕事、子育ての情報と、先輩移住者の声をまとめました。",
                (
                    "Information on housing, work and raising children, and the voices of people "
                    "who have already moved here."
                ),
            ),
        },
        {
            "section_slug": "workcation",
            "title": ("ワーケーションで働く", "Work on a workcation"),
            "text": (
                "海の見えるまちで働き、週末は支笏湖や樽前山へ出かけてみませんか。",
                (
                    "Work in a city by the sea, and spend your weekends at Lake Shikotsu or on "
                    "Mt. Tarumae."
                ),
            ),
        },
        {
            "section_slug": "two-region-living",
            "title": ("ふたつの地域で暮らす", "Live in two places"),
            "text": (
                "都市の暮らしはそのままに、苫小牧にもうひとつの拠点を持つ暮らし方です。",
                "Keep your life in the city and make Tomakomai your second home base.",
            ),
        },
    ],
    "calls_to_action": [
        {
            "page_slug": "furusato-resident",
            "title": ("ふるさと住民になる", "Become a furusato resident"),
            "text": (
                (
                    "住んでいなくても、苫小牧の一員に。会員証や地域の活動、"
                    "協力店舗の特典をご利用いただけます。"
                ),
                (
                    "Be part of Tomakomai without living here: get a membership card, join local "
                    "activities and enjoy offers from participating businesses."
                ),
            ),
            "button": ("登録する", "Register"),
        },
        {
            "page_slug": "entry-pass",
            "title": ("エントリーパスを使う", "Use the Entry Pass"),
            "text": (
                "市外から訪れる方は、市内の協力店舗・施設で優待を受けられます。",
                (
                    "Visiting from outside the city? Get special deals at participating shops and "
                    "facilities."
                ),
            ),
            "button": ("パスを発行する", "Get your pass"),
        },
        {
            "page_slug": "consultation",
            "title": ("相談してみる", "Talk to us"),
            "text": (
                "住まいや仕事、子育てのことなど、二地域居住や移住のご相談をお受けします。",
                (
                    "Questions about two-region living or moving here, from housing to work and "
                    "childcare? Ask us."
                ),
            ),
            "button": ("相談窓口へ", "Go to the consultation desk"),
        },
    ],
}
