"""Events: seminars, tours and local activities, with upcoming/past lists and .ics files."""

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models.base import BasePage, IndexPage
from home.models.images import IMAGE_MODEL
from home.models.scheduled import ScheduledPage, not_past, past_q

EVENTS_PER_PAGE = 12


class EventIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["home.EventPage"]
    template = "home/event_index_page.html"

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def events(self):
        return (
            self.listed(EventPage)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    @path("")
    def upcoming(self, request):
        events = not_past(self.events()).order_by("start", "pk")
        return self._listing(request, events, past=False)

    @path("past/")
    def past(self, request):
        events = self.events().filter(past_q()).order_by("-start", "-pk")
        return self._listing(request, events, past=True)

    def _listing(self, request, events, past):
        return self.render_listing(request, "events", events, EVENTS_PER_PAGE, [past], past=past)


class EventPage(RoutablePageMixin, ScheduledPage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    summary = models.TextField(_("summary"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    fee = models.CharField(_("fee"), max_length=80, blank=True, help_text=_("For example: Free"))
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    application_url = models.URLField(_("how to apply (URL)"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When (Japan time)")),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("is_online")],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("fee"), FieldPanel("capacity")]),
        FieldPanel("application_url"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.FilterField("start"),
    ]
    text_fields = ("summary", "venue", "address", "fee", "body")

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []
    template = "home/event_page.html"
    search_result_label = pgettext_lazy("search result kind", "Event")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def get_schema_type(self):
        return "Event"

    @path("")
    def event(self, request):
        return self.render(request)

    @path("ics/", name="ics")
    def ics(self, request):
        """The event as an iCalendar file, for the visitor's own calendar."""
        from icalendar import Calendar, Event

        calendar = Calendar()
        calendar.add("prodid", "-//Tsunagaru//Events//JA")
        calendar.add("version", "2.0")
        event = Event()
        event.add("uid", f"event-{self.translation_key}-{self.locale.language_code}@tsunagaru")
        event.add("summary", self.title)
        event.add("dtstart", timezone.localtime(self.start))  # with TZID=Asia/Tokyo
        event.add("dtend", timezone.localtime(self.end))
        event.add("dtstamp", timezone.now())
        event.add("url", self.get_full_url(request))
        event.add("description", strip_tags(self.summary))
        location = ", ".join(filter(None, [self.venue, self.address]))
        if location:
            event.add("location", location)
        calendar.add_component(event)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug or "event"}.ics"'
        return response
