"""Member benefits: what a furusato resident gets, managed and translated by editors."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core import japan_time
from members import choices
from members.fields import ChoiceCodesField


class Benefit(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=120)
    provider = models.CharField(_("provider"), max_length=120)
    description = RichTextField(_("description"), features=["bold", "link", "ul", "ol"])
    how_to_use = models.TextField(_("how to use"))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    audience_relationships = ChoiceCodesField(
        _("only for members who are"),
        code_choices=choices.Relationship,
        help_text=_("Leave empty for every member."),
    )
    audience_tier = models.CharField(
        _("only for the tier"),
        max_length=10,
        choices=choices.Tier.choices,
        blank=True,
        help_text=_("Leave empty for every tier."),
    )
    live = models.BooleanField(_("shown"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("title"),
        FieldPanel("provider"),
        FieldPanel("description"),
        FieldPanel("how_to_use"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Valid")),
        MultiFieldPanel(
            [FieldPanel("audience_relationships"), FieldPanel("audience_tier")],
            heading=_("Who can use it"),
        ),
        FieldPanel("live"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("provider")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member benefit")
        verbose_name_plural = _("member benefits")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title

    @property
    def audience_relationship_labels(self):
        return choices.labels(choices.Relationship, self.audience_relationships)

    def applies_to(self, membership):
        if self.audience_tier and membership.tier != self.audience_tier:
            return False
        wanted = set(self.audience_relationships)
        return not wanted or bool(wanted & set(membership.relationships))

    @classmethod
    def current(cls, locale=None):
        today = japan_time.today()
        benefits = cls.objects.filter(live=True).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=today),
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        )
        if locale is not None:
            from core.locales import translations_or_originals

            benefits = translations_or_originals(benefits, locale)
        return benefits
