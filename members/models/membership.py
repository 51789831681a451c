"""Furusato resident membership: one per account, active once the e-mail is verified."""

import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members import choices
from members.fields import ChoiceCodesField
from members.residence import residence_label


def new_card_key():
    return secrets.token_urlsafe(16)


class MemberNumberSequence(models.Model):
    """The last member number given. One row, locked while a number is taken, so numbers are
    unique and have no gaps even when many people confirm their e-mail at the same moment."""

    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("member number sequence")

    def __str__(self):
        return str(self.last_number)

    @classmethod
    def take_next(cls):
        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError("Take a member number inside the transaction that stores it.")
        sequence, _created = cls.objects.get_or_create(pk=1)
        sequence = cls.objects.select_for_update().get(pk=1)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        return sequence.last_number


class Membership(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for e-mail verification")
        ACTIVE = "active", _("Active")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # SET_NULL: a deleted account leaves an anonymous row behind so the city's counts hold.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership",
    )
    number = models.PositiveIntegerField(_("sequence"), null=True, blank=True, unique=True)
    # Kept as printed on the card: a later change of prefix does not renumber anyone.
    member_number = models.CharField(_("member number"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    tier = models.CharField(_("tier"), max_length=10, choices=choices.Tier.choices, default="basic")
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    activated_at = models.DateTimeField(_("active since"), null=True, blank=True)
    # When the member left (deleted their account): the reports count who was active when.
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    name_kana = models.CharField(_("name in kana"), max_length=80, blank=True)
    residence_prefecture = models.CharField(_("prefecture"), max_length=2, blank=True)
    residence_municipality = models.CharField(_("municipality"), max_length=5, blank=True)
    age_band = models.CharField(
        _("age"), max_length=10, choices=choices.AgeBand.choices, blank=True
    )
    relationships = ChoiceCodesField(
        _("relationship to the city"), code_choices=choices.Relationship
    )
    relationship_note = models.CharField(_("relationship (other)"), max_length=200, blank=True)
    interests = ChoiceCodesField(_("interests"), code_choices=choices.Interest)
    newsletter = models.BooleanField(_("newsletter"), default=False)
    language = models.CharField(_("language"), max_length=10, default="ja")
    national_registration_id = models.CharField(
        _("national registration ID"),
        max_length=40,
        blank=True,
        help_text=_("Only once the national furusato resident system has issued one."),
    )
    privacy_policy_version = models.CharField(_("privacy policy version"), max_length=20)
    consented_at = models.DateTimeField(_("consented"))
    reconsent_requested_version = models.CharField(max_length=20, blank=True, editable=False)
    # What the card's QR code carries (signed): random, so the URL reveals nothing.
    card_key = models.CharField(max_length=32, default=new_card_key, editable=False, db_index=True)

    class Meta:
        verbose_name = _("furusato resident")
        verbose_name_plural = _("furusato residents")
        ordering = ["-registered_at"]
        permissions = [
            ("export_membership", _("Can export furusato residents' personal data")),
        ]

    def __str__(self):
        return self.member_number or str(_("(waiting for verification)"))

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def relationship_labels(self):
        return choices.labels(choices.Relationship, self.relationships)

    @property
    def interest_labels(self):
        return choices.labels(choices.Interest, self.interests)

    @property
    def residence(self):
        return residence_label(self.residence_prefecture, self.residence_municipality)

    def needs_reconsent(self, current_version):
        return bool(current_version) and self.privacy_policy_version != current_version


class MembershipCode(models.Model):
    """One chosen code of a membership's several-choices fields, as a row, so that reports
    can GROUP BY code on any database. A copy of the fields, never edited by itself:
    members.services.sync_membership_codes keeps it equal to them on every save."""

    class Field(models.TextChoices):
        RELATIONSHIP = "relationship", _("relationship to the city")
        INTEREST = "interest", _("interests")

    # Which Membership field each kind of row copies.
    SOURCE_FIELDS = {Field.RELATIONSHIP: "relationships", Field.INTEREST: "interests"}

    membership = models.ForeignKey(
        Membership,
        verbose_name=_("furusato resident"),
        on_delete=models.CASCADE,
        related_name="codes",
    )
    field = models.CharField(_("question"), max_length=20, choices=Field.choices)
    code = models.CharField(_("code"), max_length=20)

    class Meta:
        verbose_name = _("furusato resident's choice")
        verbose_name_plural = _("furusato residents' choices")
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "field", "code"], name="membership_code_unique"
            ),
        ]
        indexes = [models.Index(fields=["field", "code"], name="membership_code_field_code")]

    def __str__(self):
        return f"{self.field}: {self.code}"


def format_member_number(prefix, number):
    return f"{prefix or 'M'}-{number:06d}"


class MemberNotice(models.Model):
    """A message for one member on My page (moved up from a waiting list, welcome, ...)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_notices"
    )
    message = models.TextField(_("message"))
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("member notice")
        verbose_name_plural = _("member notices")
        ordering = ["-created_at"]

    def __str__(self):
        return self.message[:40]


class PersonalDataAccessLog(models.Model):
    """Who looked at or exported members' personal data, when, and what (the city's audit)."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    staff_email = models.CharField(_("staff"), max_length=254)
    at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("action"), max_length=40)
    detail = models.CharField(_("what"), max_length=500)

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.staff_email} {self.action}"

    @classmethod
    def record(cls, request, action, detail):
        return cls.objects.create(
            staff=request.user, staff_email=request.user.email, action=action, detail=detail[:500]
        )
