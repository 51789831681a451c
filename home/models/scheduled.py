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


def not_past(pages):
    """The scheduled pages in `pages` that are not past (see ScheduledPage.is_past): those
    ending now or later, and ongoing ones (no end)."""
    return pages.filter(Q(end__isnull=True) | Q(end__gte=timezone.now()))
