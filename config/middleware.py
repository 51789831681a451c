"""Request handling that Django's LocaleMiddleware does not cover."""

import re

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.log import log_response

from config.views import page_not_found, server_error

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


class SiteErrorPagesMiddleware:
    """With DEBUG on (`make run`), answer "not found" and server errors with the site's own
    pages, in the request's language, as production does, instead of Django's technical pages
    (the list of every URL pattern, a traceback with settings): `make run` is also the demo a
    city is shown. The traceback still goes to the console (the django.request log).

    Last in MIDDLEWARE, so that the middleware around it treats these pages as it does in
    production: LocaleMiddleware and CommonMiddleware still redirect a 404 to the address with
    a language prefix or a slash, Wagtail's redirects still apply. Set
    TECHNICAL_ERROR_PAGES=True in .env to see Django's pages while developing.
    Does nothing when DEBUG is off: Django's handler404 and handler500 answer then.
    """

    # Django answers these with its 403 and 400 views; only with DEBUG on a 400 carries a
    # traceback, which a developer wants for a bad request (e.g. a host not in ALLOWED_HOSTS).
    LEFT_TO_DJANGO = (PermissionDenied, BadRequest, SuspiciousOperation, MultiPartParserError)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No URL pattern matched (Wagtail's pages match any path under a language prefix, so
        # this is an address such as /admin/no-such-screen/): no view ran, and Django's
        # handler made its technical 404 page.
        if settings.DEBUG and response.status_code == 404 and request.resolver_match is None:
            response = page_not_found(request, Http404())
        return response

    def process_exception(self, request, exception):
        if not settings.DEBUG or isinstance(exception, self.LEFT_TO_DJANGO):
            return None
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        # What Django does for an uncaught exception, with the site's page as the answer: the
        # signal error reporters listen to, and the log record with the traceback.
        signals.got_request_exception.send(sender=None, request=request)
        response = server_error(request)
        log_response(
            "%s: %s",
            response.reason_phrase,
            request.path,
            response=response,
            request=request,
            exception=exception,
        )
        return response
