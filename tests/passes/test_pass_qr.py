"""The QR code on the holder's pass: it opens the partner staff's screen in Japanese."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_the_pass_qr_opens_the_staff_screen_in_japanese(client, counter, monkeypatch):
    from passes import views

    encoded = []
    monkeypatch.setattr(views, "qr_svg", lambda data, label: encoded.append(data) or "<svg/>")
    client.force_login(counter["pass"].user)
    assert client.get("/en/pass/").status_code == 200
    client.get("/en/pass/code.json")
    assert encoded and all(
        f"/{settings.LANGUAGE_CODE}/pass/staff/#code=" in url for url in encoded
    ), encoded


def test_the_pass_qr_is_drawn_with_its_class_and_accessible_name(client, counter):
    client.force_login(counter["pass"].user)
    html = client.get("/en/pass/").content.decode()
    svg = re.search(r'<svg[^>]*class="pass-qr__svg".*?</svg>', html, re.S).group(0)
    assert "<title>QR code of your pass code</title>" in svg
    assert client.get("/en/pass/code.json").json()["svg"].count('class="pass-qr__svg"') == 1
