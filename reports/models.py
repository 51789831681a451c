"""KPI targets per fiscal year, first-party page views (raw rows folded into daily counts)
and the results report with its frozen, generated versions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable

from consultations.storage import PrivateStorage
from core import japan_time
from reports import periods

private_storage = PrivateStorage()


class KPI(models.TextChoices):
    """What the city sets targets for. Flow KPIs add up over months; level KPIs are a state
    (members at the end of a month, partners used in a month) and are not summed."""

    REGISTRATIONS_BASIC = "registrations_basic", _("New registrations (basic)")
    REGISTRATIONS_PREMIUM = "registrations_premium", _("New registrations (premium)")
    ACTIVE_MEMBERS = "active_members", _("Active furusato residents")
    ATTENDANCES = "attendances", _("Designated-activity attendances")
    PREMIUM_REACHED = "premium_reached", _("Members who reached 3 designated activities")
    PASSES_ISSUED = "passes_issued", _("Entry Passes issued")
    OFFER_USES = "offer_uses", _("Offer uses")
    ACTIVE_PARTNERS = "active_partners", _("Active partners")
    CONSULTATIONS = "consultations", _("Consultations")
    CONSULTATIONS_DESK = "consultations_desk", _("Consultations at the desk")
    CONSULTATIONS_EVENT = "consultations_event", _("Consultations at events")
    CONVERSIONS = "conversions", _("Campaign conversions")
    VISITS = "visits", _("Portal page views")


LEVEL_KPIS = {KPI.ACTIVE_MEMBERS, KPI.ACTIVE_PARTNERS}


def spread_evenly(annual, kpi):
    """Twelve monthly targets, April first. A flow is split so the months add up to the year
    (the remainder goes to the first months); a level is the same every month."""
    if kpi in LEVEL_KPIS:
        return [annual] * 12
    base, rest = divmod(annual, 12)
    return [base + (1 if i < rest else 0) for i in range(12)]


class KPITarget(models.Model):
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    kpi = models.CharField(_("KPI"), max_length=40, choices=KPI.choices)
    annual = models.PositiveIntegerField(_("target for the year"))
    # Twelve integers, April to March, when the editor entered them; empty = spread evenly.
    monthly = models.JSONField(_("monthly targets"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("KPI target")
        verbose_name_plural = _("KPI targets")
        ordering = ["fiscal_year", "kpi"]
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "kpi"], name="reports_one_target_per_kpi"
            )
        ]
        permissions = [("view_kpi_dashboard", _("Can view the KPI dashboard"))]

    def __str__(self):
        return f"FY{self.fiscal_year} {self.get_kpi_display()}"

    def month_targets(self):
        """{(year, month): target} for April … March."""
        values = self.monthly if len(self.monthly or []) == 12 else None
        values = values or spread_evenly(self.annual, self.kpi)
        return dict(zip(japan_time.fiscal_year_months(self.fiscal_year), values, strict=True))

    def clean(self):
        if self.monthly and len(self.monthly) != 12:
            raise ValidationError({"monthly": _("Enter all twelve months or none.")})


class PageView(models.Model):
    """One public page view, kept until the next rollup: no cookie, no IP address, no user
    agent — only what the daily counts need."""

    viewed_at = models.DateTimeField(default=timezone.now, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    section = models.CharField(max_length=80, blank=True)
    language = models.CharField(max_length=10)

    class Meta:
        verbose_name = _("page view")
        verbose_name_plural = _("page views")

    def __str__(self):
        return f"{self.viewed_at:%Y-%m-%d %H:%M} {self.language} {self.section}"


class PageViewDay(models.Model):
    """Page views per page, section, language and day (Japan time)."""

    day = models.DateField(_("day"), db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    section = models.CharField(_("section"), max_length=80, blank=True)
    language = models.CharField(_("language"), max_length=10)
    views = models.PositiveIntegerField(_("page views"), default=0)

    class Meta:
        verbose_name = _("page views per day")
        verbose_name_plural = _("page views per day")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "page", "section", "language"], name="reports_one_count_per_day"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.language} {self.section}: {self.views}"


class Section(models.TextChoices):
    """The report's sections, in the order of the city's specification (6)."""

    CONSULTATIONS = "consultations", _("(1) Consultation desk")
    ENTRY_PASS = "entry_pass", _("(2) Entry Pass")
    REGISTRATION = "registration", _("(3) Furusato resident registration and support")
    PROMOTION = "promotion", _("(4) Promotion")
    PORTAL = "portal", _("(5) Portal site")
    ANALYSIS = "analysis", _("Effects and analysis")
    PLAN = "plan", _("Next year's plan")


# Text, not layout: photos are chosen per section, and an embed (a third-party player) or an
# image in the text would not print in the PDF and Word files.
NARRATIVE_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]


class Report(ClusterableModel):
    class Kind(models.TextChoices):
        MONTHLY = periods.MONTH, _("Monthly")
        QUARTERLY = periods.QUARTER, _("Quarterly")
        FISCAL_YEAR = periods.FISCAL_YEAR, _("Fiscal year")

    class Language(models.TextChoices):
        JAPANESE = "ja", _("Japanese")
        ENGLISH = "en", _("English")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("period"), max_length=20, choices=Kind.choices)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.JAPANESE
    )
    consultations_text = RichTextField(
        _("(1) Consultation desk"), blank=True, features=NARRATIVE_FEATURES
    )
    entry_pass_text = RichTextField(_("(2) Entry Pass"), blank=True, features=NARRATIVE_FEATURES)
    registration_text = RichTextField(
        _("(3) Furusato resident registration and support"),
        blank=True,
        features=NARRATIVE_FEATURES,
    )
    promotion_text = RichTextField(_("(4) Promotion"), blank=True, features=NARRATIVE_FEATURES)
    portal_text = RichTextField(_("(5) Portal site"), blank=True, features=NARRATIVE_FEATURES)
    analysis_text = RichTextField(
        _("Effects and analysis"), blank=True, features=NARRATIVE_FEATURES
    )
    plan_text = RichTextField(_("Next year's plan"), blank=True, features=NARRATIVE_FEATURES)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("results report")
        verbose_name_plural = _("results reports")
        ordering = ["-start", "-created_at"]

    def __str__(self):
        return self.title

    @property
    def period(self):
        return periods.Period(self.kind, self.start, self.end)

    def narrative(self, section):
        return getattr(self, f"{section}_text", "")

    @property
    def latest_version(self):
        return self.versions.order_by("-number").first()


class ReportPhoto(Orderable):
    report = ParentalKey(Report, on_delete=models.CASCADE, related_name="photos")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class ReportHighlight(Orderable):
    """A story, event or news page the report points to."""

    report = ParentalKey(Report, on_delete=models.CASCADE, related_name="highlights")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("highlighted page")
        verbose_name_plural = _("highlighted pages")


def version_file_path(instance, filename):
    return f"reports/{instance.report_id}/v{instance.number}/{filename}"


class ReportVersion(models.Model):
    """One generation of a report: the figures and text frozen then, and the files made from
    them. A delivered version never changes; regenerating makes the next one."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Generating")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    snapshot = models.JSONField(_("frozen figures and text"), default=dict, blank=True)
    pdf = models.FileField(upload_to=version_file_path, storage=private_storage, blank=True)
    data_zip = models.FileField(upload_to=version_file_path, storage=private_storage, blank=True)
    docx = models.FileField(upload_to=version_file_path, storage=private_storage, blank=True)

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reports_version_number")
        ]

    def __str__(self):
        return f"{self.report} v{self.number}"
