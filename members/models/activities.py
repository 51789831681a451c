"""Local activities (担い手活動) members sign up for, with capacity, a waiting list and
check-in. The national premium tier asks for three activities a year that the city
designates; `counts_toward_premium` marks those."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.locales import original_of
from home.blocks import BaseStreamBlock
from home.models.base import BasePage, IndexPage
from home.models.images import IMAGE_MODEL
from home.models.scheduled import ScheduledPage, not_past


class ActivityIndexPage(IndexPage):
    subpage_types = ["members.ActivityPage"]
    template = "members/activity_index_page.html"

    class Meta:
        verbose_name = _("activity index")
        verbose_name_plural = _("activity indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["activities"] = (
            not_past(self.listed(ActivityPage)).select_related("hero_image").order_by("start", "pk")
        )
        return context


def new_checkin_code():
    # No 0/O or 1/I: the organizer may have to type it from a phone screen.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class ActivityPage(ScheduledPage):
    organizer = models.CharField(_("organizer"), max_length=120)
    start = models.DateTimeField(_("starts"), null=True, blank=True)
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    schedule_note = models.CharField(
        _("schedule"),
        max_length=120,
        blank=True,
        help_text=_("For ongoing activities, e.g. “Every second Saturday, 9:00–11:00”."),
    )
    summary = models.TextField(_("summary"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    venue = models.CharField(_("place"), max_length=200, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    counts_toward_premium = models.BooleanField(
        _("counts toward the premium tier"),
        default=False,
        help_text=_("A designated activity: attending it counts toward the three a year."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("organizer"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("schedule_note"),
            ],
            heading=_("When (Japan time; leave empty for an ongoing activity)"),
        ),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("is_online")], heading=_("Where")),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("counts_toward_premium")]),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("organizer"),
        index.SearchField("venue"),
    ]
    text_fields = ("organizer", "schedule_note", "summary", "venue", "body")

    parent_page_types = ["members.ActivityIndexPage"]
    subpage_types = []
    template = "members/activity_page.html"
    search_result_label = pgettext_lazy("search result kind", "Local activity")

    class Meta:
        verbose_name = _("local activity")
        verbose_name_plural = _("local activities")

    may_be_ongoing = True
    no_venue_message = _("Give a place, or mark the activity as online.")

    @property
    def is_ongoing(self):
        return self.start is None

    def original(self):
        """Sign-ups belong to the Japanese original, whatever language they came from."""
        return original_of(self) or self

    def get_context(self, request, *args, **kwargs):
        from members.services import activity_state

        context = super().get_context(request, *args, **kwargs)
        context.update(activity_state(self.original(), request.user))
        return context


class ActivitySignup(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Signed up")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    activity = models.ForeignKey(
        ActivityPage,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="signups",
    )
    # SET_NULL: a deleted account leaves an anonymous sign-up so attendance counts hold.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activity_signups",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    checkin_code = models.CharField(
        _("check-in code"), max_length=8, unique=True, default=new_checkin_code
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("moved up"), null=True, blank=True)
    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("activity sign-up")
        verbose_name_plural = _("activity sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            # One live sign-up per member and activity: a double tap cannot take two places.
            models.UniqueConstraint(
                fields=["activity", "user"],
                condition=~Q(status="cancelled"),
                name="one_live_signup_per_member",
            )
        ]
        permissions = [("checkin_activity", _("Can check members in at activities"))]

    def __str__(self):
        return f"{self.activity} — {self.get_status_display()}"


class FurusatoResidentPage(BasePage):
    """The registration's landing page: what it is, what it gives, and the way in.

    The text is the editors'; the button leads to the registration (or My page for members)
    and the current benefits are listed as a teaser."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    text_fields = ("intro", "body")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count_per_parent = 1
    template = "members/furusato_resident_page.html"

    class Meta:
        verbose_name = _("furusato resident registration page")
        verbose_name_plural = _("furusato resident registration pages")

    def get_context(self, request, *args, **kwargs):
        from members.models import Benefit, Membership

        context = super().get_context(request, *args, **kwargs)
        context["benefits"] = Benefit.current(self.locale)
        context["is_member"] = (
            request.user.is_authenticated and Membership.objects.filter(user=request.user).exists()
        )
        return context
