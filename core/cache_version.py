"""The version number in the keys of what is cached until content changes (the site chrome,
which languages are offered): bumping it makes every such entry unreachable at once.

It lives here, apart from the models whose changes bump it (home.chrome connects those
signals), so that anything may read it without importing page models."""

import uuid

from django.core.cache import cache

VERSION_KEY = "site-chrome:version"


def version():
    """Changes whenever a page, menu, identity, setting or site changes: part of cache keys."""
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        cache.set(VERSION_KEY, current, None)
    return current


def invalidate(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
