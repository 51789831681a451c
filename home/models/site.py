"""Site-wide data editors manage: settings, the site's identity and the navigation menus.

Identity text and menus are translatable snippets (one per language); settings that do not
depend on the language (logo, phone, e-mail, SNS accounts, share image) are a site setting.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin

from home.models.images import IMAGE_MODEL


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the city's staff change without a developer, the same in every language."""

    logo = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    x_url = models.URLField(_("X (Twitter) account"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    line_url = models.URLField(_("LINE official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    city_municipality_code = models.CharField(
        _("city's municipality code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Enter the five-digit code."))],
        help_text=_(
            "The city's five-digit local government code (全国地方公共団体コード), e.g. 01213. "
            "Visitors who live here cannot get the Entry Pass."
        ),
    )
    member_number_prefix = models.CharField(
        _("member number prefix"),
        max_length=8,
        default="TMK",
        validators=[RegexValidator(r"^[A-Z0-9]{1,8}$", _("Use capital letters and digits only."))],
        help_text=_("Printed before every furusato resident's number, e.g. TMK-000123."),
    )
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_policy_version = models.CharField(
        _("privacy policy version"),
        max_length=20,
        default="2026-04",
        help_text=_("Change it when the policy changes: members are then asked to consent again."),
    )
    default_share_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("default share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used when a page shared on social media has no image of its own."),
    )

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")])],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("x_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("line_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        FieldPanel("default_share_image"),
        MultiFieldPanel(
            [
                FieldPanel("city_municipality_code"),
                FieldPanel("member_number_prefix"),
                FieldPanel("privacy_policy_page"),
                FieldPanel("privacy_policy_version"),
            ],
            heading=_("Membership and Entry Pass"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        """(label, url) pairs for the accounts that are filled in."""
        links = [
            ("X", self.x_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LINE", self.line_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]


class SiteIdentity(TranslatableMixin, models.Model):
    """The site's and the city's names and contact text, translated per language."""

    site_name = models.CharField(_("site name"), max_length=80)
    city_name = models.CharField(_("city name"), max_length=80)
    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    contact_hours = models.CharField(
        _("contact hours"),
        max_length=160,
        blank=True,
        help_text=_("For example: weekdays 9:00–17:00"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    copyright_holder = models.CharField(_("copyright holder"), max_length=120, blank=True)

    panels = [
        FieldPanel("site_name"),
        FieldPanel("city_name"),
        FieldPanel("tagline"),
        FieldPanel("contact_hours"),
        FieldPanel("address"),
        FieldPanel("copyright_holder"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self):
        return f"{self.site_name} ({self.locale})"

    @classmethod
    def for_active_locale(cls):
        """The identity in the visitor's language, else the Japanese one (is_original_language
        is then True: the header and footer mark its text lang="ja")."""
        return _for_active_locale(cls.objects.all())


class NavigationMenu(TranslatableMixin, ClusterableModel):
    """An editor-managed menu: the header's main navigation or the footer's links."""

    HEADER = "header"
    FOOTER = "footer"
    LOCATION_CHOICES = [(HEADER, _("Header")), (FOOTER, _("Footer"))]

    title = models.CharField(_("title"), max_length=80)
    location = models.CharField(_("location"), max_length=20, choices=LOCATION_CHOICES)

    panels = [
        FieldPanel("title"),
        FieldPanel("location"),
        InlinePanel("items", label=_("Menu items")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return self.title

    @classmethod
    def for_active_locale(cls, location):
        """The menu in the visitor's language, else the Japanese one (is_original_language is
        then True: its labels are marked lang="ja")."""
        menus = cls.objects.filter(location=location).prefetch_related("items__link_page")
        return _for_active_locale(menus)


class NavigationMenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(NavigationMenu, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(_("label"), max_length=60)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("external URL"), blank=True)

    panels = [FieldPanel("label"), FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose either a page or an external URL, not both."))

    @property
    def is_external(self):
        return not self.link_page_id


def _for_active_locale(queryset):
    """The object for the visitor's language, else the one in the default language (see
    core.locales.translations_or_originals)."""
    from core.locales import translation_or_original

    return translation_or_original(queryset)
