"""Request handling that Django's LocaleMiddleware does not cover."""

import re

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import Http404, QueryDict
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


# C0 control characters except tab, line feed and carriage return, and DEL. PostgreSQL refuses
# NUL in text ("A string literal cannot contain NUL"), so one in a search query or a form
# field would be a server error; the others are never typed by a person.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


def _cleaned(query_dict, keep=lambda key: False):
    """A copy of query_dict with control characters removed from keys and values (except the
    values of the keys that keep() says to keep as they are), or None when there were none."""
    changed = False
    cleaned = QueryDict(mutable=True, encoding=query_dict.encoding)
    for key, values in query_dict.lists():
        new_key = without_control_characters(key)
        new_values = values if keep(key) else [without_control_characters(v) for v in values]
        changed = changed or new_key != key or new_values != values
        cleaned.setlist(new_key, cleaned.getlist(new_key) + new_values)
    if not changed:
        return None
    cleaned._mutable = False
    return cleaned


def _is_password_field(name):
    return "password" in name.lower()


class ControlCharacterMiddleware:
    """Remove control characters from query-string values and form fields, so that a NUL or
    an escape character typed into any address or form gives a normal page or a field error,
    never a server error.

    - request.GET is rebuilt without them (and QUERY_STRING with it, for get_full_path()).
    - Form posts (urlencoded or multipart) get the same for every field except password
      fields (any field whose name contains "password"): a password is compared, never
      shown or stored as text, and must stay exactly as the person typed it. Other bodies
      (JSON reports) and uploaded files are left alone.
    Tab, line feed and carriage return stay: text areas need them (names strip them in their
    forms).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # No address of this site has a control character in its path: a NUL there would reach
        # a database lookup (a reference, a slug) and fail on PostgreSQL. Not found, in the
        # site's language-neutral 404 page.
        if CONTROL_CHARACTERS.search(request.path_info):
            from django.http import Http404

            from config.views import page_not_found

            return page_not_found(request, Http404())
        query = _cleaned(request.GET)
        if query is not None:
            request.GET = query
            request.META["QUERY_STRING"] = query.urlencode()
        if request.method == "POST" and request.content_type in _FORM_CONTENT_TYPES:
            form = _cleaned(request.POST, keep=_is_password_field)
            if form is not None:
                request.POST = form
        return self.get_response(request)
