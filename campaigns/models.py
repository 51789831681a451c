"""Campaign pages, the creators who promote them, tracking links, and what each brings.

A visit's source (the last tracking link or set of UTM values) is kept in a first-party
cookie; clicks and conversions copy it into `Touch` fields so the dashboard groups both by
campaign, creator, channel and link without joins through data that may change later."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from core.locales import in_default_locale
from home.blocks import BaseStreamBlock
from home.models.base import BasePage, IndexPage, PortalPageManager, PortalPageQuerySet
from home.models.images import IMAGE_MODEL


class Platform(models.TextChoices):
    INSTAGRAM = "instagram", "Instagram"
    X = "x", "X"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    LINE = "line", "LINE"
    FACEBOOK = "facebook", "Facebook"
    NOTE = "note", "note"
    BLOG = "blog", _("Blog")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    INSTAGRAM = "instagram", "Instagram"
    X = "x", "X"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    LINE = "line", "LINE"
    PRESS_RELEASE = "press_release", _("Press release")
    WEB_AD = "web_ad", _("Web advertisement")
    NEWSLETTER = "newsletter", _("Newsletter")
    FLYER = "flyer", _("Printed flyer")
    OTHER = "other", _("Other")


class CallToAction(models.TextChoices):
    """Where a campaign sends people: the product's own entrances, found at redirect time."""

    CAMPAIGN = "campaign", _("The campaign page")
    REGISTER = "register", _("Furusato resident registration")
    ENTRY_PASS = "entry_pass", _("Entry Pass")
    CONSULT = "consult", _("Consultation desk")
    PAGE = "page", _("Another page of this site")
    EXTERNAL = "external", _("An external address")


class ConversionKind(models.TextChoices):
    REGISTRATION = "registration", _("Furusato resident registration")
    ENTRY_PASS = "entry_pass", _("Entry Pass")
    OFFER_USE = "offer_use", _("Offer use")
    CONSULTATION = "consultation", _("Consultation")
    ACTIVITY_SIGNUP = "activity_signup", _("Activity sign-up")


def https_only(value):
    if value and not value.lower().startswith("https://"):
        raise ValidationError(_("Enter an address that starts with https://."))


class Creator(TranslatableMixin, index.Indexed, models.Model):
    """An influencer or writer who promotes a campaign (names and bios are translated)."""

    name = models.CharField(_("name"), max_length=100)
    handle = models.CharField(
        _("handle"), max_length=100, blank=True, help_text=_("e.g. @tomakomai_life")
    )
    platform = models.CharField(
        _("main platform"), max_length=20, choices=Platform.choices, default=Platform.INSTAGRAM
    )
    photo = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("profile"), blank=True)
    profile_url = models.URLField(_("profile address"), blank=True, validators=[https_only])

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("handle"), FieldPanel("platform")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("profile_url"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("handle"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("creator")
        verbose_name_plural = _("creators")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.handle})" if self.handle else self.name


class CreatorPostBlock(blocks.StructBlock):
    """A creator's post about the campaign: an embed, or a plain link with an image (no
    third-party script loads unless the editor chooses the embed)."""

    creator = SnippetChooserBlock("campaigns.Creator", label=_("Creator"))
    url = blocks.URLBlock(label=_("Post address"))
    embed = blocks.BooleanBlock(
        label=_("Embed the post"),
        required=False,
        help_text=_("Off: show a link with the image below (loads nothing from the platform)."),
    )
    image = ImageChooserBlock(label=_("Image"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    class Meta:
        icon = "user"
        label = _("Creator's post")
        template = "campaigns/blocks/creator_post.html"


class CampaignPageQuerySet(PortalPageQuerySet):
    """A campaign runs from its start (included) to its end (excluded), in Japan time as
    entered; before its start its page is not public (CampaignPage.serve)."""

    def started(self, at=None):
        return self.filter(starts_at__lte=at or timezone.now())

    def running(self, at=None):
        """Campaigns running at `at` (default: now)."""
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, ends_at__gt=at)

    def running_during(self, start, end):
        """Campaigns that run at some time between `start` and `end` (a dashboard period)."""
        return self.filter(starts_at__lt=end, ends_at__gte=start)


class CampaignIndexPage(IndexPage):
    """Lists running campaigns first, then ended ones."""

    subpage_types = ["campaigns.CampaignPage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    template = "campaigns/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = list(
            CampaignPage.objects.live_public_in(self.locale_id)
            .child_of(self)
            .started()
            .select_related("hero_image")
            .order_by("-starts_at")
        )
        context["running"] = [c for c in campaigns if c.is_running]
        context["ended"] = [c for c in campaigns if c.has_ended]
        return context


CampaignPageManager = PortalPageManager.from_queryset(CampaignPageQuerySet)


class CampaignPage(BasePage):
    starts_at = models.DateTimeField(_("starts at (Japan time)"))
    ends_at = models.DateTimeField(_("ends at (Japan time)"))
    code = models.SlugField(
        _("campaign code"),
        max_length=50,
        allow_unicode=False,
        help_text=_(
            "Short Latin letters, digits and hyphens, e.g. summer-2026. Used as utm_campaign: "
            "visits that arrive with it count for this campaign."
        ),
    )
    pr_label_shown = models.BooleanField(
        _("show the advertising label"),
        default=True,
        help_text=_(
            "Required by the Act against Unjustifiable Premiums and Misleading Representations "
            "whenever creators are paid or given something to promote the campaign."
        ),
    )
    pr_label = models.CharField(
        _("advertising label"), max_length=60, default="広告・PR", blank=True
    )
    pr_note = models.CharField(
        _("advertising note"),
        max_length=300,
        blank=True,
        help_text=_(
            "e.g. This campaign is run by the city in cooperation with the creators below."
        ),
    )
    catch_copy = models.CharField(_("catch copy"), max_length=120)
    lead = models.TextField(_("lead"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_video = models.URLField(
        _("hero video"),
        blank=True,
        help_text=_("A YouTube or Vimeo address; shown as an embed with a plain link."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    posts = StreamField(
        [("post", CreatorPostBlock())], verbose_name=_("creators' posts"), blank=True
    )
    show_register = models.BooleanField(_("invite to furusato resident registration"), default=True)
    show_entry_pass = models.BooleanField(_("invite to get the Entry Pass"), default=True)
    show_consult = models.BooleanField(_("invite to the consultation desk"), default=True)
    external_cta_label = models.CharField(
        _("external link text"),
        max_length=80,
        blank=True,
        help_text=_("e.g. Support the city with furusato nozei"),
    )
    external_cta_url = models.URLField(
        _("external link address"), blank=True, validators=[https_only]
    )
    ended_message = models.TextField(
        _("message after the end"),
        blank=True,
        help_text=_("Shown once the campaign has ended, above the related content."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("code")],
            heading=_("Period"),
        ),
        MultiFieldPanel(
            [FieldPanel("pr_label_shown"), FieldPanel("pr_label"), FieldPanel("pr_note")],
            heading=_("Advertising label"),
        ),
        FieldPanel("catch_copy"),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("hero_image"), FieldPanel("hero_video")]),
        FieldPanel("body"),
        InlinePanel("featured_creators", heading=_("Featured creators"), label=_("Creator")),
        FieldPanel("posts"),
        MultiFieldPanel(
            [
                FieldPanel("show_register"),
                FieldPanel("show_entry_pass"),
                FieldPanel("show_consult"),
                FieldRowPanel([FieldPanel("external_cta_label"), FieldPanel("external_cta_url")]),
            ],
            heading=_("Calls to action"),
        ),
        FieldPanel("ended_message"),
        InlinePanel("related_pages", heading=_("Related content"), label=_("Page")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("catch_copy"),
        index.SearchField("lead"),
        index.FilterField("starts_at"),
    ]
    text_fields = ("catch_copy", "lead", "body")

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    template = "campaigns/campaign_page.html"
    search_result_label = pgettext_lazy("search result kind", "Campaign")

    objects = CampaignPageManager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.external_cta_url and not self.external_cta_label:
            raise ValidationError({"external_cta_label": _("Give the external link a text.")})

    def __str__(self):
        return self.title

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def has_ended(self):
        return self.ends_at <= timezone.now()

    @property
    def is_running(self):
        return self.has_started and not self.has_ended

    def get_summary(self):
        return self.lead or self.catch_copy

    def serve(self, request, *args, **kwargs):
        # Before the start the page is not public; editors see it through preview, which
        # does not call serve().
        if not self.has_started:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.has_started else []


class CampaignCreator(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="featured_creators")
    creator = models.ForeignKey(
        Creator, verbose_name=_("creator"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("creator")]


class CampaignRelatedPage(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_pages")
    related = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related")]


def campaigns_in_default_locale():
    """limit_choices_to of the fields that point at a campaign: Japanese originals only."""
    return in_default_locale()


code_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]*$", _("Use lower-case Latin letters, digits and hyphens.")
)


class TrackingLink(models.Model):
    """A short address (/go/<code>) given to one creator or channel; it counts clicks and
    sends people only to the target stored here."""

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[code_validator],
        help_text=_("The part after /go/, e.g. summer-aki-ig."),
    )
    campaign = models.ForeignKey(
        CampaignPage,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracking_links",
        limit_choices_to=campaigns_in_default_locale,
        help_text=_("Leave empty for a link not tied to a campaign, e.g. a press release."),
    )
    channel = models.CharField(_("promotion channel"), max_length=20, choices=Channel.choices)
    creator = models.ForeignKey(
        Creator,
        verbose_name=_("creator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracking_links",
        limit_choices_to=campaigns_in_default_locale,
    )
    target = models.CharField(
        _("target"), max_length=20, choices=CallToAction.choices, default=CallToAction.CAMPAIGN
    )
    target_page = models.ForeignKey(
        Page,
        verbose_name=_("target page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_url = models.URLField(_("external address"), blank=True, validators=[https_only])
    utm_source = models.CharField("utm_source", max_length=100, blank=True)
    utm_medium = models.CharField("utm_medium", max_length=100, blank=True)
    utm_campaign = models.CharField("utm_campaign", max_length=100, blank=True)
    utm_content = models.CharField("utm_content", max_length=100, blank=True)
    # The link printed on a press release's page "for the media", so that visits from copies
    # of the release are counted. It points from campaigns to the portal's news page (the
    # direction imports run: campaigns -> home), one link per release, and at the original in
    # the default language: every translation of the release shows the same link.
    press_release = models.OneToOneField(
        "home.NewsPage",
        verbose_name=_("press release"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_link",
        limit_choices_to=campaigns_in_default_locale,
        help_text=_(
            "A news release that shows this short link for the media, so that visits from "
            "copies of the release are counted."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("tracking link")
        verbose_name_plural = _("tracking links")
        ordering = ["code"]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("campaigns:go", args=[self.code])

    def clean(self):
        super().clean()
        if self.code:
            self.code = self.code.strip().lower()
        errors = {}
        if self.target == CallToAction.PAGE and not self.target_page_id:
            errors["target_page"] = _("Choose the page this link opens.")
        if self.target == CallToAction.EXTERNAL and not self.target_url:
            errors["target_url"] = _("Enter the external address this link opens.")
        if self.target == CallToAction.CAMPAIGN and not self.campaign_id:
            errors["campaign"] = _("Choose the campaign whose page this link opens.")
        if errors:
            raise ValidationError(errors)

    def utm_values(self):
        """The UTM values sent on to an external target (empty ones left out)."""
        values = {
            "utm_source": self.utm_source or self.channel,
            "utm_medium": self.utm_medium or CHANNEL_MEDIUM.get(self.channel, "referral"),
            "utm_campaign": self.utm_campaign or (self.campaign.code if self.campaign else ""),
            "utm_content": self.utm_content or (self.creator.handle if self.creator else ""),
        }
        return {key: value for key, value in values.items() if value}


CHANNEL_MEDIUM = {
    Channel.INSTAGRAM: "social",
    Channel.X: "social",
    Channel.TIKTOK: "social",
    Channel.YOUTUBE: "social",
    Channel.LINE: "social",
    Channel.PRESS_RELEASE: "press",
    Channel.WEB_AD: "cpc",
    Channel.NEWSLETTER: "email",
    Channel.FLYER: "print",
    Channel.OTHER: "referral",
}


class CampaignCost(models.Model):
    """A fee or budget editors enter: for a creator, for a channel, or for the whole campaign."""

    campaign = models.ForeignKey(
        CampaignPage,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="costs",
        limit_choices_to=campaigns_in_default_locale,
    )
    creator = models.ForeignKey(
        Creator,
        verbose_name=_("creator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="costs",
        limit_choices_to=campaigns_in_default_locale,
    )
    channel = models.CharField(
        _("promotion channel"), max_length=20, choices=Channel.choices, blank=True
    )
    amount = models.PositiveIntegerField(_("amount (yen, tax included)"))
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("fee or budget")
        verbose_name_plural = _("fees and budgets")
        ordering = ["campaign", "creator", "channel"]

    def __str__(self):
        return f"{self.campaign} ¥{self.amount:,}"

    def clean(self):
        super().clean()
        if self.creator_id and self.channel:
            raise ValidationError(
                _("Enter a creator's fee or a channel's budget, not both in one line.")
            )


class Touch(models.Model):
    """Where a visit came from; copied at the time of the click or conversion."""

    link = models.ForeignKey(
        TrackingLink,
        verbose_name=_("tracking link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign = models.ForeignKey(
        CampaignPage,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    creator = models.ForeignKey(
        Creator,
        verbose_name=_("creator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(
        _("promotion channel"), max_length=20, choices=Channel.choices, blank=True
    )
    utm_source = models.CharField("utm_source", max_length=100, blank=True)
    utm_medium = models.CharField("utm_medium", max_length=100, blank=True)
    utm_campaign = models.CharField("utm_campaign", max_length=100, blank=True)
    utm_content = models.CharField("utm_content", max_length=100, blank=True)
    utm_term = models.CharField("utm_term", max_length=100, blank=True)

    class Meta:
        abstract = True


class Click(Touch):
    """One counted arrival: a tracking-link click or a page view carrying UTM values. No IP
    address is stored: `visitor` is a keyed hash, good only for counting unique visitors."""

    class Device(models.TextChoices):
        MOBILE = "mobile", _("Mobile")
        TABLET = "tablet", _("Tablet")
        DESKTOP = "desktop", _("Desktop")
        OTHER = "other", _("Other")

    clicked_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    visitor = models.CharField(_("visitor (hashed)"), max_length=32)
    device = models.CharField(_("device"), max_length=10, choices=Device.choices)

    class Meta:
        verbose_name = _("click")
        verbose_name_plural = _("clicks")
        ordering = ["-clicked_at"]
        permissions = [("view_campaign_dashboard", _("Can view the campaign dashboard"))]

    def __str__(self):
        return f"{self.link or self.utm_campaign} {self.clicked_at:%Y-%m-%d %H:%M}"


class Conversion(Touch):
    """A registration, pass, offer use, consultation or activity sign-up that a campaign
    brought, stored when it happened; one row per converted object."""

    kind = models.CharField(_("kind"), max_length=20, choices=ConversionKind.choices)
    object_id = models.CharField(_("object"), max_length=40)
    occurred_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    touched_at = models.DateTimeField(_("time of the click or visit"))

    class Meta:
        verbose_name = _("conversion")
        verbose_name_plural = _("conversions")
        ordering = ["-occurred_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="campaigns_one_conversion_per_object"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.object_id}"
