"""The staff's residents list (Furusato residents in the admin), its data download and each
member's detail page, as a City editor sees them:

- a member who deleted their account leaves no row in the list, the download or a detail
  page (the deletion page promised only anonymous counts), while the anonymous row stays in
  the database for the reports;
- the detail page speaks in names, labels, yes/no and Japan time, not stored codes and UTC;
- the download keeps the codes for analysis and puts each label in the column beside it.
"""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from wagtail.users.models import UserProfile

from members import services
from members.models import Membership
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db
LIST = "/admin/furusato_residents/"
# 18:14 in Tokyo is 09:14 UTC: a page in UTC would show 9:14.
REGISTERED = datetime.datetime(2026, 12, 7, 18, 14, tzinfo=ZoneInfo("Asia/Tokyo"))


@pytest.fixture
def city(demo_site):
    return UserFactory(groups=["City editors"])


def csv_rows(client, query=""):
    response = client.get(f"{LIST}?export=csv{query}")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(client):
    response = client.get(f"{LIST}?export=xlsx")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def detail_items(html):
    """The detail page's label → value pairs (its <dl>), as text."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.items, self.tag, self.label = {}, None, None

        def handle_starttag(self, tag, attrs):
            if tag in ("dt", "dd"):
                self.tag = tag
                if tag == "dd":
                    self.items.setdefault(self.label, "")

        def handle_endtag(self, tag):
            if tag in ("dt", "dd"):
                self.tag = None

        def handle_data(self, data):
            text = data.strip()
            if not text or self.tag is None:
                return
            if self.tag == "dt":
                self.label = text
            else:
                self.items[self.label] = (self.items[self.label] + " " + text).strip()

    reader = Reader()
    reader.feed(html)
    return reader.items


def test_a_deleted_member_leaves_no_row_in_the_list_download_or_detail(client, city):
    kept = MembershipFactory(residence_prefecture="27", residence_municipality="27127")
    gone = MembershipFactory(residence_prefecture="01", residence_municipality="01213")
    gone_number = gone.member_number
    services.delete_account(gone.user)
    client.force_login(city)

    html = client.get(LIST).content.decode()
    assert kept.member_number in html
    assert gone_number not in html
    # Not even by asking for the withdrawn or by the prefecture the anonymous row keeps.
    for query in ("?status=withdrawn", "?residence_prefecture=01"):
        assert gone_number not in client.get(f"{LIST}{query}").content.decode()

    numbers = [row[0] for row in csv_rows(client)[1:]]
    assert numbers == [kept.member_number]
    assert [row[0] for row in xlsx_rows(client)[1:]] == [kept.member_number]

    assert client.get(f"{LIST}inspect/{gone.pk}/", follow=True).status_code == 404
    assert client.get(f"{LIST}inspect/{kept.pk}/").status_code == 200
    # The anonymous row is still there for the city's counts.
    assert Membership.objects.filter(
        pk=gone.pk, user=None, status=Membership.Status.WITHDRAWN
    ).exists()


def test_the_detail_page_shows_names_labels_yes_no_and_japan_time(client, city):
    member = MembershipFactory(
        residence_prefecture="01",
        residence_municipality="01213",
        relationships=["born", "nozei"],
        interests=["events"],
        newsletter=False,
        registered_at=REGISTERED,
    )
    client.force_login(city)
    html = client.get(f"{LIST}inspect/{member.pk}/").content.decode()
    items = detail_items(html)

    assert items["都道府県"] == "北海道"
    assert items["市区町村"] == "苫小牧市"
    assert items["市とのつながり"] == "この市の出身、ふるさと納税で寄附している"
    assert items["メールマガジン"] == "いいえ"
    assert items["言語"] == "日本語"
    assert items["登録日時"] == "2026年12月7日 18:14"
    shown = " ".join(items.values())
    for raw in ("01213", "['born'", "born", "False", "9:14"):
        assert raw not in shown


def test_the_detail_page_in_english_for_staff_who_work_in_english(client, city):
    member = MembershipFactory(
        residence_prefecture="01", residence_municipality="01213", newsletter=True
    )
    profile = UserProfile.get_for_user(city)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(city)
    items = detail_items(client.get(f"{LIST}inspect/{member.pk}/").content.decode())
    assert items["Prefecture"] == "Hokkaido"
    assert items["Municipality"] == "Tomakomai City"
    assert items["Newsletter"] == "Yes"


def test_the_download_has_each_label_beside_its_code_and_japan_time(client, city):
    MembershipFactory(
        residence_prefecture="01",
        residence_municipality="01213",
        age_band="40s",
        relationships=["born", "nozei"],
        interests=["events"],
        newsletter=True,
        registered_at=REGISTERED,
    )
    client.force_login(city)
    for rows in (csv_rows(client), xlsx_rows(client)):
        row = dict(zip(rows[0], rows[1], strict=True))
        assert row["都道府県コード"] == "01" and row["都道府県"] == "北海道"
        assert row["市区町村コード"] == "01213" and row["市区町村"] == "苫小牧市"
        assert row["状態（コード）"] == "active" and row["状態"] == "有効"
        assert row["年代（コード）"] == "40s" and row["年代"] == "40代"
        assert row["市とのつながり（コード）"] == "born, nozei"
        assert row["市とのつながり"] == "この市の出身、ふるさと納税で寄附している"
        assert row["関心（コード）"] == "events" and row["関心"] == "イベント"
        assert row["メールマガジン"] == "はい"
        registered = row["登録日時"]
        if isinstance(registered, datetime.datetime):  # XLSX: a date cell in Japan time
            assert registered == datetime.datetime(2026, 12, 7, 18, 14)
        else:
            assert registered == "2026-12-07 18:14:00"
        headings = rows[0]
        assert headings.index("都道府県") == headings.index("都道府県コード") + 1
