"""System check: the default Wagtail site answers at the public address.

Two settings say where the site is: WAGTAILADMIN_BASE_URL (e-mails, admin notifications) and
the default Wagtail Site's hostname and port (page URLs in the sitemap, .ics files, share
links, /go/ short links and their QR codes). When they disagree, printed QR codes and e-mailed
links lead to different places, and nothing on the site itself looks wrong.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import DEFAULT_DB_ALIAS, DatabaseError

DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url):
    """(scheme, hostname, port) with the scheme's default port filled in."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(scheme)


def check_default_site_matches_public_url(app_configs=None, databases=None, **kwargs):
    """A database check: it runs in `migrate` and `manage.py check --database default`, not in
    every command. Only with DEBUG off: `make run` points the site at its port when it seeds,
    after its migrate has run."""
    if not databases or DEFAULT_DB_ALIAS not in databases or settings.DEBUG:
        return []
    from wagtail.models import Site

    base_url = settings.WAGTAILADMIN_BASE_URL
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet: nothing to compare
        return []
    if site is None or origin(site.root_url) == origin(base_url):
        return []
    return [
        Warning(
            f"The default site answers at {site.root_url}, but WAGTAILADMIN_BASE_URL is "
            f"{base_url}: page links in the sitemap, .ics files, share links and /go/ QR "
            "codes use the site's address, e-mails and notifications the other.",
            hint=(
                "In the admin (Settings → Sites), give the default site the hostname and port "
                "of WAGTAILADMIN_BASE_URL (port 443 for https, 80 for http), or correct "
                "WAGTAILADMIN_BASE_URL. On a demo server `manage.py seed_demo --force` does it."
            ),
            obj=site,
            id="home.W001",
        )
    ]


def register_checks():
    register(check_default_site_matches_public_url, Tags.database)
