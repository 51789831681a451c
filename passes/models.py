"""The Entry Pass: partners and their offers (translatable snippets), the landing and directory
pages, passes, uses and partner staff.

Counts key on the Japanese original: a use is always recorded against the original partner and
offer, whichever translation the visitor or the staff saw.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import japan_time
from core.locales import (
    in_default_locale,
    locale_for,
    original_of,
    original_subquery,
    translations_or_originals,
)
from core.roles import PARTNER_STAFF
from home.blocks import BaseStreamBlock
from home.models.base import BasePage
from home.models.images import IMAGE_MODEL

SHORT_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: typed from a poster


def new_short_code(length=6):
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(length))


def new_pass_secret():
    return secrets.token_hex(32)


def default_locale():
    """The Japanese locale, the originals' (from core.locales' per-process table: no query)."""
    return locale_for(settings.LANGUAGE_CODE) or Locale.get_default()


class OriginalsQuerySet(models.QuerySet):
    def originals(self):
        """The Japanese originals: uses, staff and counts key on them, and their synchronized
        fields (state) are the current ones."""
        return self.filter(**in_default_locale())


class HasOriginal:
    """For translatable partners and offers: the Japanese original of a row."""

    original_related = ()

    def original(self):
        """The Japanese original (uses and staff key on it)."""
        original = original_of(self, type(self).objects.select_related(*self.original_related))
        if original is None:
            raise type(self).DoesNotExist(f"The original of {self!r} is gone.")
        return original


class PartnerCategory(models.TextChoices):
    COWORKING = "coworking", _("Coworking space")
    RENTAL_CAR = "rental_car", _("Rental car")
    RENTAL_CYCLE = "rental_cycle", _("Rental cycle")
    TOURIST_FACILITY = "tourist_facility", _("Tourist facility")
    RESTAURANT = "restaurant", _("Restaurant or café")
    ACCOMMODATION = "accommodation", _("Accommodation")
    SHOP = "shop", _("Shop")
    OTHER = "other", _("Other")


class Partner(HasOriginal, TranslatableMixin, index.Indexed, models.Model):
    """A business that gives Entry Pass holders an offer."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Part of the partner page's address; the same in every language."),
    )
    category = models.CharField(
        _("category"), max_length=30, choices=PartnerCategory.choices, default="other"
    )
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    photo = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    short_code = models.CharField(
        _("short code"),
        max_length=8,
        default=new_short_code,
        validators=[
            RegexValidator(
                r"^[A-HJ-NP-Z2-9]{4,8}$",
                _("Use 4 to 8 capital letters or digits, without 0, O, 1 or I."),
            )
        ],
        help_text=_("Printed on the poster; visitors type it when they cannot scan the QR code."),
    )
    poster_version = models.PositiveIntegerField(
        _("poster version"),
        default=1,
        help_text=_(
            "Raise it when a photo of the poster is being shared: every older poster's QR "
            "code stops working and the partner gets a new short code."
        ),
    )
    active = models.BooleanField(_("active"), default=True)

    objects = OriginalsQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("category"),
        FieldPanel("description"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("opening_hours"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("website")]),
            ],
            heading=_("Where and when"),
        ),
        MultiFieldPanel(
            [FieldPanel("short_code"), FieldPanel("poster_version"), FieldPanel("active")],
            heading=_("Poster and status"),
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("address"),
        TranslatableField("opening_hours"),
        SynchronizedField("slug"),
        SynchronizedField("category"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
        SynchronizedField("photo"),
        SynchronizedField("short_code"),
        SynchronizedField("poster_version"),
        SynchronizedField("active"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["category", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A new poster version also retires the old short code (unless an editor typed a new
        # one). Only the Japanese original draws a code: translations copy it when synced.
        if self.pk and self.locale_id == default_locale().pk:
            stored = (
                Partner.objects.filter(pk=self.pk)
                .values_list("poster_version", "short_code")
                .first()
            )
            if stored and stored[0] != self.poster_version and stored[1] == self.short_code:
                self.short_code = self.unused_short_code()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "short_code"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # Not a unique index: translations share the code (wagtail-localize copies it).
        taken = Partner.objects.filter(short_code=self.short_code).exclude(
            translation_key=self.translation_key
        )
        if self.short_code and taken.exists():
            from django.core.exceptions import ValidationError

            raise ValidationError({"short_code": _("Another partner has this code.")})

    def unused_short_code(self):
        while True:
            code = new_short_code()
            taken = Partner.objects.filter(short_code=code).exclude(
                translation_key=self.translation_key
            )
            if not taken.exists():
                return code


class LimitPerPass(models.TextChoices):
    ONCE = "once", _("Once per pass")
    DAILY = "daily", _("Once a day")
    UNLIMITED = "unlimited", _("Unlimited")


class OfferKind(models.TextChoices):
    PERCENT = "percent", _("Percent off")
    AMOUNT = "amount", _("Yen off")
    FREE_ITEM = "free_item", _("Free item")
    OTHER = "other", _("Other")


class OfferQuerySet(OriginalsQuerySet):
    def open_on(self, day=None):
        """The offers open on `day` (Japan date, default today): active, started, not ended,
        of an active partner. Read it on the originals (see originals()): a translation's copy
        of these fields may be stale. Offer.is_open_on is the same rule for one offer."""
        day = day or japan_time.today()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day),
            active=True,
            partner__active=True,
        )


class Offer(HasOriginal, TranslatableMixin, models.Model):
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="offers"
    )
    title = models.CharField(_("title"), max_length=120)
    benefit = models.TextField(_("benefit"), help_text=_("What the visitor gets, in one line."))
    kind = models.CharField(
        _("kind"), max_length=20, choices=OfferKind.choices, default=OfferKind.OTHER
    )
    value = models.PositiveIntegerField(
        _("value"),
        null=True,
        blank=True,
        help_text=_("Percent or yen, for the figures; leave empty for free items."),
    )
    conditions = models.TextField(_("conditions"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    limit_per_pass = models.CharField(
        _("limit per pass"), max_length=20, choices=LimitPerPass.choices, default="once"
    )
    total_cap = models.PositiveIntegerField(
        _("total cap"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("The offer stops after this many uses in all. Empty: no cap."),
    )
    active = models.BooleanField(_("active"), default=True)

    objects = OfferQuerySet.as_manager()
    original_related = ("partner",)

    panels = [
        FieldPanel("partner"),
        FieldPanel("title"),
        FieldPanel("benefit"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("value")]),
        FieldPanel("conditions"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldRowPanel([FieldPanel("limit_per_pass"), FieldPanel("total_cap")]),
        FieldPanel("active"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("benefit"),
        TranslatableField("conditions"),
        TranslatableField("partner"),
        SynchronizedField("kind"),
        SynchronizedField("value"),
        SynchronizedField("valid_from"),
        SynchronizedField("valid_until"),
        SynchronizedField("limit_per_pass"),
        SynchronizedField("total_cap"),
        SynchronizedField("active"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["partner_id", "pk"]
        permissions = [("view_pass_analytics", _("Can view Entry Pass analytics"))]

    def __str__(self):
        return f"{self.partner} — {self.title}"

    def is_open_on(self, day=None):
        """OfferQuerySet.open_on for this offer (read on the original)."""
        day = day or japan_time.today()
        return (
            self.active
            and self.partner.active
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_until is None or day <= self.valid_until)
        )


class EntryPassPage(BasePage):
    """The pass's landing page: what it is, who can get it, how to use it."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    text_fields = ("intro", "body")
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["passes.PartnerIndexPage", "home.StandardPage"]
    max_count_per_parent = 1
    template = "passes/entry_pass_page.html"

    class Meta:
        verbose_name = _("Entry Pass landing page")


class PartnerIndexPage(RoutablePageMixin, BasePage):
    """The partner directory (filter by category) and each partner's page below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    text_fields = ("intro",)

    parent_page_types = ["passes.EntryPassPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "passes/partner_index_page.html"

    class Meta:
        verbose_name = _("partner directory")

    def partners_in_locale(self, category="", locale=None):
        """The active partners in the visitor's language, else their Japanese originals
        (annotated is_original_language: the templates mark them lang="ja"). State (active,
        category) is read from the Japanese originals: translations keep stale copies until
        they are synced."""
        originals = Partner.objects.originals().filter(active=True)
        if category:
            originals = originals.filter(category=category)
        return with_original_state(
            translations_or_originals(
                Partner.objects.filter(translation_key__in=originals.values("translation_key")),
                locale,
            ).select_related("photo")
        )

    @path("")
    def directory(self, request):
        categories = PartnerCategory.choices
        chosen = request.GET.get("category", "")
        if chosen not in dict(categories):
            chosen = ""
        partners = copy_original_state(list(self.partners_in_locale(chosen)))
        # The offers of every listed partner in one query, each in the visitor's language or
        # its Japanese original, whichever partner row (translation or original) is shown.
        keys = [partner.translation_key for partner in partners]
        offers = offers_in_locale(partner__translation_key__in=keys)
        by_partner = {}
        for offer in offers:
            by_partner.setdefault(offer.partner_key, []).append(offer)
        for partner in partners:
            partner.current_offers = by_partner.get(partner.translation_key, [])
        return self.render(
            request,
            context_overrides={
                "partners": partners,
                "categories": categories,
                "chosen_category": chosen,
            },
        )

    @path("<slug:slug>/", name="partner")
    def partner(self, request, slug):
        from django.http import Http404

        partner = self.partners_in_locale().filter(slug=slug).first()
        if partner is None:
            raise Http404
        copy_original_state([partner])
        offers = offers_in_locale(partner__translation_key=partner.translation_key)
        return self.render(
            request,
            context_overrides={"partner": partner, "offers": offers},
            template="passes/partner_page.html",
        )


# Fields that wagtail-localize copies to translations only when they are synced: pages read them
# from the Japanese original.
STATE_FIELDS = {
    "Partner": ("category", "latitude", "longitude", "phone", "website", "active"),
    "Offer": (
        "kind",
        "value",
        "valid_from",
        "valid_until",
        "limit_per_pass",
        "total_cap",
        "active",
    ),
}


def with_original_state(queryset):
    """Annotate each partner or offer with its Japanese original's synchronized fields, in the
    same query (see copy_original_state)."""
    model = queryset.model
    return queryset.annotate(
        **{
            f"original_{field}": original_subquery(model, field)
            for field in STATE_FIELDS[model.__name__]
        }
    )


def copy_original_state(objects):
    """Give translated partners or offers their Japanese original's synchronized fields: from
    with_original_state's annotations when present, else with one query."""
    objects = [o for o in objects if o is not None]
    if not objects:
        return objects
    model = type(objects[0])
    fields = STATE_FIELDS[model.__name__]
    if all(hasattr(o, f"original_{fields[0]}") for o in objects):
        originals = {
            o.translation_key: {field: getattr(o, f"original_{field}") for field in fields}
            for o in objects
        }
    else:
        originals = {
            row["translation_key"]: row
            for row in model.objects.originals()
            .filter(translation_key__in={o.translation_key for o in objects})
            .values("translation_key", *fields)
        }
    for obj in objects:
        row = originals.get(obj.translation_key)
        if row:
            for field in fields:
                setattr(obj, field, row[field])
    return objects


def offers_in_locale(locale=None, day=None, **filters):
    """The offers open on `day` (OfferQuerySet.open_on) in the visitor's language, else their
    Japanese originals (annotated is_original_language, marked lang="ja"), with the
    originals' state copied in and `partner_key`, their partner's translation key. `filters`
    narrow them, e.g. partner__translation_key=...: an offer's partner is the partner row of
    its own language, so filter by the partner's translation key, not by one partner row."""
    current = Offer.objects.originals().open_on(day)
    offers = with_original_state(
        translations_or_originals(
            Offer.objects.filter(translation_key__in=current.values("translation_key"), **filters),
            locale,
        ).annotate(
            partner_key=models.F("partner__translation_key"),
            # In the order of the originals, whichever language each row is in.
            original_pk=original_subquery(current),
        )
    ).order_by("original_pk")
    return copy_original_state(list(offers))


class PassStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail verification")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


class Purpose(models.TextChoices):
    SIGHTSEEING = "sightseeing", _("Sightseeing")
    WORKCATION = "workcation", _("Workcation")
    BUSINESS = "business", _("Business")
    FAMILY = "family", _("Visiting family or friends")
    RELOCATION = "relocation", _("Considering two-region living or moving")
    EVENT = "event", _("Event")


OPEN_STATUSES = (PassStatus.PENDING, PassStatus.ACTIVE)


class Pass(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="entry_passes",
    )
    residence_prefecture = models.CharField(_("prefecture"), max_length=2)
    residence_municipality = models.CharField(_("municipality"), max_length=5, blank=True)
    stay_from = models.DateField(_("stay from"))
    stay_until = models.DateField(_("stay until"))
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    party_size = models.PositiveSmallIntegerField(
        _("party size"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PassStatus.choices, default=PassStatus.PENDING
    )
    created_at = models.DateTimeField(_("applied at"), default=timezone.now)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    number = models.CharField(_("pass number"), max_length=8, unique=True, default=new_short_code)
    # Keys the rotating code; never shown, never leaves the server.
    secret = models.CharField(max_length=64, default=new_pass_secret, editable=False)
    # How many of the pass's codes the counters have accepted. The code is keyed on it too, so
    # an accepted code is replaced at once: the visitor's screen never shows a used code again.
    code_generation = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("Entry Pass")
        verbose_name_plural = _("Entry Passes")
        constraints = [
            # One open pass per person: two simultaneous applications cannot both succeed.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=["pending", "active"]),
                name="passes_one_open_pass_per_user",
            ),
            models.CheckConstraint(
                condition=Q(stay_until__gte=models.F("stay_from")),
                name="passes_stay_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.number

    def is_usable(self, day=None):
        day = day or japan_time.today()
        return self.status == PassStatus.ACTIVE and self.valid_from <= day <= self.valid_until


def margin_days():
    return timedelta(days=getattr(settings, "ENTRY_PASS_MARGIN_DAYS", 1))


class Use(models.Model):
    """One use of an offer: recorded exactly once, against the Japanese original offer."""

    VIA_POSTER = "poster"
    VIA_STAFF = "staff"
    VIA_CHOICES = [(VIA_POSTER, _("Partner's QR poster")), (VIA_STAFF, _("Staff screen"))]

    entry_pass = models.ForeignKey(
        Pass, verbose_name=_("pass"), on_delete=models.CASCADE, related_name="uses"
    )
    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="uses"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="uses"
    )
    limit = models.CharField(max_length=20, choices=LimitPerPass.choices)
    used_at = models.DateTimeField(_("used at"), default=timezone.now)
    day = models.DateField(_("day (Japan time)"))
    via = models.CharField(_("via"), max_length=10, choices=VIA_CHOICES)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("use")
        verbose_name_plural = _("uses")
        ordering = ["-used_at"]
        constraints = [
            # The database backs the limits up, whatever happens in the code above it.
            models.UniqueConstraint(
                fields=["entry_pass", "offer"],
                condition=Q(limit="once"),
                name="passes_use_once_per_pass",
            ),
            models.UniqueConstraint(
                fields=["entry_pass", "offer", "day"],
                condition=Q(limit="daily"),
                name="passes_use_once_a_day",
            ),
        ]
        indexes = [models.Index(fields=["partner", "used_at"])]

    def __str__(self):
        return f"{self.offer_id} @ {self.used_at:%Y-%m-%d %H:%M}"


class UsedPassCode(models.Model):
    """A pass code that a counter accepted: the pass's code generation it belonged to (each
    generation is accepted once, then the pass moves on to the next) and its time window."""

    entry_pass = models.ForeignKey(Pass, on_delete=models.CASCADE, related_name="+")
    window = models.BigIntegerField()
    generation = models.PositiveIntegerField(default=0)
    used_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # Backs up the locked read in redeem_offer: two counters typing the same code at the
            # same moment cannot both have it accepted.
            models.UniqueConstraint(
                fields=["entry_pass", "generation"], name="passes_code_generation_once"
            )
        ]

    def __str__(self):
        return f"{self.entry_pass_id}:{self.generation}:{self.window}"


def original_partners():
    """limit_choices_to of PartnerStaff.partner: Japanese originals only."""
    return in_default_locale()


class PartnerStaff(models.Model):
    """A login of a partner's staff: their mobile counter screen, never the Wagtail admin."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="partner_staff",
        # City editors choose among staff logins only, not every account's name and e-mail.
        limit_choices_to={"groups__name": PARTNER_STAFF},
        help_text=_("Accounts in the Partner staff group."),
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="staff",
        limit_choices_to=original_partners,
    )

    panels = [FieldPanel("user"), FieldPanel("partner")]

    class Meta:
        verbose_name = _("partner staff")
        verbose_name_plural = _("partner staff")

    def __str__(self):
        return f"{self.user} — {self.partner}"

    def save(self, *args, **kwargs):
        # The staff screen, the counts and the uses key on the Japanese original.
        if self.partner_id is not None:
            self.partner = self.partner.original()
        super().save(*args, **kwargs)
