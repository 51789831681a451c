"""First-party page views: every public page served to a person is counted here, with no
cookie, no IP address and no user agent stored — only the page, its section, its language
and the time.

How a view is counted: the ``before_serve_page`` hook (``mark_page_view``) marks the request
with the page Wagtail routed to; ``PageViewMiddleware`` writes one ``PageView`` row after the
response if the page was really served (status 200, GET). Bots, empty user agents and
prefetches are left out (the rules of ``campaigns.attribution``), and so are previews. A
database error while recording is logged and the visitor still gets the page.

Raw rows are folded into ``PageViewDay`` (one row per day in Japan time, page, section and
language) by ``rollup()``, which deletes the rows it folded. Production runs it daily from
cron::

    15 3 * * *  cd /srv/tsunagaru && .venv/bin/python manage.py rollup_page_views

``page_view_totals()`` adds the rows not yet folded to the daily counts, so the figures are
right whenever the rollup last ran. Daily counts are kept; raw rows live until the next rollup.
Setting ``REPORTS_COUNT_PAGE_VIEWS = False`` (env ``REPORTS_COUNT_PAGE_VIEWS``) stops counting.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Count, F, Max, Subquery, Sum
from django.db.models.functions import TruncDate

from campaigns.attribution import is_bot, is_prefetch
from core.japan_time import JST, start_of_day
from reports.models import PageView, PageViewDay

logger = logging.getLogger(__name__)

REQUEST_ATTRIBUTE = "_reports_page_view"
GROUP_FIELDS = ("day", "section", "language", "page")
ROLLUP_ATTEMPTS = 3


def section_of(page):
    """The slug of the page's ancestor directly under its language's home page ("" for the
    home page itself). The home pages of the languages sit directly under the tree's root, so
    it is the second slug of url_path ("/home-1/moving/housing/" → "moving"): no query."""
    slugs = page.url_path.strip("/").split("/")
    return slugs[1] if len(slugs) > 1 else ""


def is_counted(request):
    if not getattr(settings, "REPORTS_COUNT_PAGE_VIEWS", True):
        return False
    if getattr(request, "is_preview", False) or request.headers.get("Wagtail-Preview"):
        return False
    return not (is_bot(request) or is_prefetch(request))


def mark_page_view(page, request, serve_args, serve_kwargs):
    """before_serve_page: remember the page; the middleware records it once it is served."""
    if is_counted(request):
        setattr(request, REQUEST_ATTRIBUTE, page)
    # None: Wagtail goes on serving the page.


def _is_password_form(response):
    """A page behind a password answers 200 with the password form: that is not a view."""
    from wagtail.forms import PasswordViewRestrictionForm

    context = getattr(response, "context_data", None) or {}
    return isinstance(context.get("form"), PasswordViewRestrictionForm)


def record_page_view(page):
    """One INSERT: the language is read by a subquery within it, not by a query of its own."""
    from wagtail.models import Locale

    language = Subquery(Locale.objects.filter(pk=page.locale_id).values("language_code")[:1])
    view = {"page_id": page.pk, "section": section_of(page), "language": language}
    try:
        if connection.in_atomic_block:
            # A failed statement must not break the transaction around it (PostgreSQL).
            with transaction.atomic():
                PageView.objects.create(**view)
        else:
            PageView.objects.create(**view)
    except DatabaseError:
        logger.warning("Page view of page %s not recorded", page.pk, exc_info=True)


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page = getattr(request, REQUEST_ATTRIBUTE, None)
        if (
            page is not None
            and response.status_code == 200
            and request.method == "GET"
            and not _is_password_form(response)
        ):
            record_page_view(page)
        return response


# Rollup ----------------------------------------------------------------------------------


class _FoldRace(Exception):
    """A row became visible between counting and deleting (PostgreSQL, READ COMMITTED)."""


def rollup(now=None):
    """Fold the raw views into daily counts (Japan time) and delete them; returns how many raw
    rows were folded. Safe to run twice at once and while views arrive: only rows up to the
    highest id seen at the start are folded, and they are locked first, so a second rollup
    waits and then finds them gone (on SQLite the IMMEDIATE transaction serialises it).
    ``now`` only bounds which rows are folded (those viewed before it; default: all)."""
    for attempt in range(1, ROLLUP_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return _fold(now)
        except (_FoldRace, IntegrityError):
            # Another writer got in between; nothing was changed (rolled back): start again.
            if attempt == ROLLUP_ATTEMPTS:
                raise
    return 0  # not reached


def _fold(now):
    raw = PageView.objects.all()
    if now is not None:
        raw = raw.filter(viewed_at__lt=now)
    last_id = raw.aggregate(last=Max("id"))["last"]
    if last_id is None:
        return 0
    raw = raw.filter(id__lte=last_id)
    # Lock the rows to fold: a concurrent rollup waits here until this one commits.
    locked = len(raw.select_for_update().values_list("id", flat=True))
    if not locked:
        return 0
    groups = (
        raw.annotate(day=TruncDate("viewed_at", tzinfo=JST))
        .values("day", "page_id", "section", "language")
        .annotate(n=Count("id"))
        .order_by("day", "page_id", "section", "language")
    )
    counted = 0
    for group in groups:
        n = group.pop("n")
        counted += n
        updated = PageViewDay.objects.filter(**group).update(views=F("views") + n)
        if not updated:
            PageViewDay.objects.create(views=n, **group)
    deleted, _by_model = raw.delete()
    if deleted != counted:
        raise _FoldRace(f"counted {counted} raw page views, deleted {deleted}")
    return deleted


# Totals ----------------------------------------------------------------------------------


def page_view_totals(start_day, end_day, group_by=("day",)):
    """Page views from start_day to end_day (both included, Japan time), grouped in the
    database by any of "day", "section", "language", "page" (the page's id; None when the
    page was deleted). Daily counts and the raw rows not yet folded are read in one statement
    (UNION ALL), so a rollup running meanwhile neither drops nor doubles any.

    Returns [{<group field>: value, ..., "views": n}], ordered by the group fields.
    """
    group_by = tuple(group_by)
    if not group_by or not set(group_by) <= set(GROUP_FIELDS):
        raise ValueError(f"page_view_totals groups by some of {GROUP_FIELDS}, not {group_by}")
    start = start_of_day(start_day)
    end = start_of_day(end_day + dt.timedelta(days=1))
    folded = (
        PageViewDay.objects.filter(day__gte=start_day, day__lte=end_day)
        .values(*group_by)
        .annotate(n=Sum("views"))
        .order_by()
    )
    pending = (
        PageView.objects.filter(viewed_at__gte=start, viewed_at__lt=end)
        .annotate(day=TruncDate("viewed_at", tzinfo=JST))
        .values(*group_by)  # the SELECT follows this order (Django 5.2), as the UNION needs
        .annotate(n=Count("id"))
        .order_by()
    )
    totals = {}
    for row in folded.union(pending, all=True):
        key = tuple(row[field] for field in group_by)
        totals[key] = totals.get(key, 0) + row["n"]
    rows = [
        {**dict(zip(group_by, key, strict=True)), "views": views}
        for key, views in totals.items()
        if views
    ]
    # None (a deleted page) sorts last and is never compared with a value.
    rows.sort(key=lambda row: [(row[field] is None, row[field]) for field in group_by])
    return rows
