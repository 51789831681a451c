"""The 500 page is in the request's language even when the error came before LocaleMiddleware
chose it: never in a language the server thread kept from an earlier request."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from config.views import server_error


@pytest.mark.parametrize(
    ("address", "text"),
    [("/ko/stories/", "서버 오류"), ("/zh-hans/", "服务器错误"), ("/ja/pass/", "サーバーエラー")],
)
def test_server_error_page_is_in_the_language_of_its_address(address, text):
    request = RequestFactory().get(address)
    with translation.override("en"):  # left from the thread's previous request
        html = server_error(request).content.decode()
    language = address.split("/")[1]
    assert f'<html lang="{language}">' in html
    assert text in html
    assert f'href="/{language}/"' in html


def test_server_error_page_without_language_in_its_address_is_in_the_chosen_one():
    request = RequestFactory().get("/go/flyer-2026/")
    request.LANGUAGE_CODE = "en"  # LocaleMiddleware's choice (cookie, browser)
    with translation.override("ko"):
        html = server_error(request).content.decode()
    assert '<html lang="en">' in html and "Server error" in html


def test_server_error_page_before_any_language_is_chosen_is_in_the_sites():
    request = RequestFactory().get("/healthz/")
    with translation.override("ko"):
        html = server_error(request).content.decode()
    assert '<html lang="ja">' in html and "サーバーエラー" in html
