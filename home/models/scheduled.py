"""Pages that happen at a time and a place: events (home) and local activities (members)."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models.base import BasePage


class ScheduledPage(BasePage):
    """Abstract base of pages with a `start`, an `end`, a `venue` and `is_online` (each
    subclass declares these fields: an event's times are required, an ongoing activity has
    none). One clean() holds their rules."""

    # An ongoing activity ("every second Saturday") has neither start nor end.
    may_be_ongoing = False
    no_venue_message = _("Give a venue, or mark the event as online.")

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.may_be_ongoing and bool(self.start) != bool(self.end):
            raise ValidationError(
                {"end": _("Give both the start and the end, or neither for an ongoing activity.")}
            )
        if not self.venue and not self.is_online:
            raise ValidationError({"venue": self.no_venue_message})

    @property
    def is_past(self):
        return self.end is not None and self.end < timezone.now()


def not_past_q(prefix="", now=None):
    """The condition "not past" (see ScheduledPage.is_past) on the scheduled page reached by
    `prefix` ("" for the page itself, "activity__" from a sign-up): it ends now or later, or
    it is ongoing (no end). A page ending exactly now is not past yet."""
    now = now or timezone.now()
    return Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": now})


def past_q(prefix="", now=None):
    """The opposite of not_past_q: it ended before now (an ongoing page is never past)."""
    return Q(**{f"{prefix}end__lt": now or timezone.now()})


def not_past(pages):
    """The scheduled pages in `pages` that are not past: those ending now or later, and
    ongoing ones (no end)."""
    return pages.filter(not_past_q())
