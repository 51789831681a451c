"""Responses that carry personal data: no browser history, shared cache or search engine keeps
them. One rule, two shapes: `private_view` wraps a view, `make_private` marks a response."""

from django.utils.cache import add_never_cache_headers, patch_cache_control

NOT_FOR_SEARCH_ENGINES = {"X-Robots-Tag": "noindex, nofollow"}


def make_private(response, *, hide_from_search=False):
    """Mark a response as personal: never stored by a cache (Cache-Control: private, no-store
    with Django's never-cache headers); `hide_from_search` adds X-Robots-Tag for pages that
    are reached by a private link (a consultation thread)."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    if hide_from_search:
        for header, value in NOT_FOR_SEARCH_ENGINES.items():
            response[header] = value
    return response


def private_view(view=None, *, hide_from_search=False):
    """Decorator: every response of the view is marked with `make_private`."""
    from functools import wraps

    def decorate(function):
        @wraps(function)
        def wrapped(request, *args, **kwargs):
            return make_private(
                function(request, *args, **kwargs), hide_from_search=hide_from_search
            )

        return wrapped

    return decorate(view) if view is not None else decorate
