"""Request handling that Django's LocaleMiddleware does not cover."""

import re

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import Http404
from django.utils import translation

from config.views import page_not_found

_FIRST_SEGMENT = re.compile(r"^/([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)(?:/|$)")


class UnknownLanguagePrefixMiddleware:
    """Answer 404, in the default language, for a language this site does not offer.

    Without it, LocaleMiddleware redirects /fr/ to /<browser language>/fr/, so a visitor who
    guessed a language prefix lands on a redirect chain instead of a clear "not found".
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code.lower() for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        match = _FIRST_SEGMENT.match(request.path_info)
        if match:
            prefix = match.group(1).lower().replace("_", "-")
            if prefix not in self.supported and prefix in LANG_INFO:
                with translation.override(settings.LANGUAGE_CODE):
                    request.LANGUAGE_CODE = settings.LANGUAGE_CODE
                    return page_not_found(request, Http404())
        response = self.get_response(request)
        # A view outside the language prefix that answered 404 (an unknown /go/ code) means
        # it; LocaleMiddleware would otherwise redirect it into the pages under /ja/.
        if getattr(request, "not_found_outside_languages", False) and response.status_code in (
            301,
            302,
        ):
            with translation.override(settings.LANGUAGE_CODE):
                request.LANGUAGE_CODE = settings.LANGUAGE_CODE
                return page_not_found(request, Http404())
        return response
