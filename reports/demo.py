"""Demo scenarios of the reports: months of plausible history since 1 April at a small scale
(reports.load_data), so that the dashboard and the report have figures to show, and the
city's KPI targets for the current fiscal year. Idempotent: the history is made once (the
load members are there afterwards) and targets an editor changed are left alone."""

import datetime as dt

from core import japan_time
from core.locales import in_default_locale
from reports import periods
from reports.load_data import MONTH_WEIGHTS, apportion, generate, load_members
from reports.models import KPI, KPITarget

LOGINS = []

# The demo's scale: what the history below makes in a whole year, with some ambition.
ANNUAL_TARGETS = {
    KPI.REGISTRATIONS_BASIC: 1_600,
    KPI.REGISTRATIONS_PREMIUM: 280,
    KPI.ACTIVE_MEMBERS: 1_500,
    KPI.ATTENDANCES: 12,
    KPI.PREMIUM_REACHED: 3,
    KPI.PASSES_ISSUED: 1_300,
    KPI.OFFER_USES: 3_800,
    KPI.ACTIVE_PARTNERS: 12,
    KPI.CONSULTATIONS: 280,
    KPI.CONSULTATIONS_DESK: 250,
    KPI.CONSULTATIONS_EVENT: 30,
    KPI.CONVERSIONS: 150,
    KPI.VISITS: 95_000,
}
# Entered month by month by the city: registrations follow the summer and winter campaigns.
# The other targets are left to be spread evenly.
MONTHLY_KPIS = [KPI.REGISTRATIONS_BASIC]


def seed(home, stdout):
    today = japan_time.today()
    fiscal_year = japan_time.fiscal_year_of(today)
    start = japan_time.fiscal_year_start(today)
    end = today - dt.timedelta(days=1)
    if end >= start and not load_members().exists():
        generate(
            members=1_200,
            page_views=60_000,
            uses=2_500,
            consultations=180,
            start=start,
            end=end,
            stdout=stdout,
        )
    made = enter_targets(fiscal_year)
    if made:
        stdout.write(f"Reports: {made} KPI targets for FY{fiscal_year}.\n")
    finished_quarterly_report(stdout)


def enter_targets(fiscal_year):
    """What the city's editors enter on the targets screen; targets already there stay."""
    made = 0
    months = [month for _year, month in japan_time.fiscal_year_months(fiscal_year)]
    for kpi in KPI:
        annual = ANNUAL_TARGETS[kpi]
        monthly = []
        if kpi in MONTHLY_KPIS:
            monthly = apportion(annual, [MONTH_WEIGHTS[month] for month in months])
        _target, created = KPITarget.objects.get_or_create(
            fiscal_year=fiscal_year, kpi=kpi, defaults={"annual": annual, "monthly": monthly}
        )
        made += created
    return made


QUARTERLY_TITLE = "関係人口創出・拡大事業 四半期業務報告書（%(year)d年度 第2四半期）"
QUARTERLY_TEXT = {
    "consultations": (
        "<p>7月から9月は、夏休みに合わせた「お試し移住」の問い合わせが増え、"
        "相談件数は前四半期を上回りました。東京・大阪で開かれた北海道移住フェアでは、"
        "対面で二地域居住と住まいの相談を受けています。</p>"
        "<p>ウェブフォームからの相談には、平均して1営業日以内に初回回答を返しました。</p>"
    ),
    "entry_pass": (
        "<p>エントリーパスは、フェリーで苫小牧港に着いた方の利用が多く、"
        "飲食店とウトナイ湖周辺の体験型の協力店で優待の利用が伸びました。</p>"
        "<p>利用のなかった優待は、協力店と内容を見直します。</p>"
    ),
    "registration": (
        "<p>ふるさと住民登録は、夏のキャンペーンの期間に登録が集中しました。"
        "登録者は首都圏と道内在住の方が中心で、「以前住んでいた」「よく訪れる」という"
        "関係が多くを占めます。</p>"
        "<p>指定活動（海岸清掃、樽前山の登山道整備）への参加も少しずつ広がっています。</p>"
    ),
    "promotion": (
        "<p>発信者と連携した SNS 投稿と、フェリーターミナルでのチラシ配布を行いました。"
        "クリック数ではなく、登録やパス発行につながった件数で効果を比べています。</p>"
    ),
    "portal": (
        "<p>ポータルサイトでは「移住・住まい」と「体験・イベント」のページがよく読まれました。"
        "英語ページの閲覧も増えており、今後は中国語・韓国語のページを整えます。</p>"
    ),
    "analysis": (
        "<p>ページの閲覧からエントリーパスの発行、優待の利用、登録、相談へと、"
        "段階ごとの件数を追うと、パス利用者の一部がその後ふるさと住民に登録していることが"
        "わかります。登録後の活動参加を増やすことが次の課題です。</p>"
    ),
    "plan": (
        "<p>下半期は冬のキャンペーンと、1月に始まる国のふるさと住民登録制度への対応を進めます。"
        "登録者向けの活動を月2回に増やし、相談窓口ではオンライン面談の枠を広げます。</p>"
    ),
}


def finished_quarterly_report(stdout):
    """The second quarter's report of this fiscal year, written and generated, as the
    contractor delivers it; made once."""
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from reports import generation
    from reports.models import Report, ReportHighlight, ReportPhoto, ReportVersion

    fiscal_year = japan_time.current_fiscal_year()
    quarter = periods.Period.quarter(fiscal_year, 2)
    if quarter.end >= japan_time.today():
        fiscal_year -= 1
        quarter = periods.Period.quarter(fiscal_year, 2)
    report, created = Report.objects.get_or_create(
        title=QUARTERLY_TITLE % {"year": fiscal_year},
        defaults={
            "kind": periods.QUARTER,
            "start": quarter.start,
            "end": quarter.end,
            "language": "ja",
            **{f"{key}_text": text for key, text in QUARTERLY_TEXT.items()},
        },
    )
    if created:
        images = list(get_image_model().objects.order_by("pk")[:2])
        for section, image in zip(("entry_pass", "registration"), images, strict=False):
            ReportPhoto.objects.create(
                report=report, section=section, image=image, caption=image.title
            )
        for section, slug in (("registration", "activities"), ("portal", "moving")):
            page = Page.objects.filter(slug=slug, **in_default_locale()).live().first()
            if page:
                ReportHighlight.objects.create(report=report, section=section, page=page)
    if not report.versions.filter(status=ReportVersion.Status.DONE).exists():
        generation.request_generation(report, None)
        stdout.write(f"Reports: the quarterly report «{report.title}» generated.\n")
    return report
