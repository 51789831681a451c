"""The pass's rotating one-time code never travels in a URL query string: the QR on the
visitor's pass opens the partner staff's screen with the code in the fragment (#code=…), which
browsers do not send, so it reaches no access log, proxy or Referer; the staff screen takes no
code from the query string."""

import re

import pytest
from django.conf import settings

from passes import services
from passes.views import qr_svg
from tests.passes.conftest import counter  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

QR_LABEL = "QR code of your pass code"


def staff_screen(code, separator):
    return f"http://testserver/{settings.LANGUAGE_CODE}/pass/staff/{separator}code={code}"


def qr_of(html):
    return re.search(r"<svg.*?</svg>", html, re.DOTALL).group(0)


def test_the_pass_qr_carries_the_code_in_the_fragment_not_the_query(client, counter):  # noqa: F811
    client.force_login(counter["pass"].user)
    response = client.get("/en/pass/")
    html = response.content.decode()
    code = services.pass_code(counter["pass"])
    assert code in html  # shown under the QR for typing
    label = re.search(r'<figure class="pass-qr"[^>]*aria-label="([^"]+)"', html).group(1)
    shown = qr_of(html.split('class="pass-qr"', 1)[1])
    # The QR drawn on the page is exactly the QR of the staff screen with #code=…
    assert shown == qr_of(qr_svg(staff_screen(code, "#"), label))
    assert shown != qr_of(qr_svg(staff_screen(code, "?"), label))
    assert f"?code={code}" not in html and f"code={code}" not in html.replace(f"#code={code}", "")


def test_the_refreshed_code_has_the_code_in_the_fragment_too(client, counter):  # noqa: F811
    client.force_login(counter["pass"].user)
    data = client.get("/en/pass/code.json").json()
    html = client.get("/en/pass/").content.decode()
    label = re.search(r'<figure class="pass-qr"[^>]*aria-label="([^"]+)"', html).group(1)
    assert qr_of(data["svg"]) == qr_of(qr_svg(staff_screen(data["code"], "#"), label))
    assert "?code=" not in data["svg"]


def test_the_staff_screen_takes_no_code_from_the_query_string(client, counter):  # noqa: F811
    code = services.pass_code(counter["pass"])
    client.force_login(counter["staff"].user)
    html = client.get(f"/ja/pass/staff/?code={code}").content.decode()
    field = re.search(r'<input[^>]*name="code"[^>]*>', html).group(0)
    assert code not in field  # not filled in from the address
    # Its script reads the fragment instead.
    assert "js/pass_staff" in html
