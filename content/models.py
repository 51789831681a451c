"""What an import left behind: one row per imported object, so that a later import of the same
bundle can tell an object it wrote (and may update) from one an editor changed since."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    key = models.CharField(_("natural key"), max_length=255, unique=True)
    digest = models.CharField(
        _("digest"),
        max_length=64,
        help_text=_("SHA-256 of the object as exported right after the import."),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported object")
        verbose_name_plural = _("imported objects")

    def __str__(self):
        return self.key


class GlossaryTerm(models.Model):
    """A fixed term and how it is written in each language: translators of content (and of
    the interface) use these words, so that a term reads the same on every page. Data, kept
    by the editors; seeded by migration content.0003 with the interface's own wording."""

    LANGUAGE_FIELDS = {"en": "en", "zh-hans": "zh_hans", "zh-hant": "zh_hant", "ko": "ko"}

    ja = models.CharField(_("Japanese term"), max_length=100)
    en = models.CharField(_("English"), max_length=200, blank=True)
    zh_hans = models.CharField(_("Simplified Chinese"), max_length=200, blank=True)
    zh_hant = models.CharField(_("Traditional Chinese"), max_length=200, blank=True)
    ko = models.CharField(_("Korean"), max_length=200, blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("What the term means and when to use it.")
    )

    panels = ["ja", "en", "zh_hans", "zh_hant", "ko", "note"]

    class Meta:
        ordering = ["ja"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.ja

    def translation(self, language_code):
        return getattr(self, self.LANGUAGE_FIELDS[language_code], "")

    @classmethod
    def for_language(cls, language_code):
        """(term, its translation, note) for the translation editor of one language."""
        if language_code not in cls.LANGUAGE_FIELDS:
            return []
        return [(term.ja, term.translation(language_code), term.note) for term in cls.objects.all()]


class SnippetTranslationReview(models.Model):
    """Where a snippet's translation into one language stands in the City approval.

    wagtail-localize writes a snippet translation as soon as it is made (a copy of the
    Japanese) and whenever its strings are published. A translation made in the admin starts
    as a draft: the public sees the Japanese original until a city editor publishes it
    (``approved_at``). A translator submits their strings for approval; a city editor's
    publish applies them. Once approved, the published text stays public while a later edit
    waits (content/snippet_translation_review.py)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    STATES = [
        (DRAFT, _("Draft")),
        (SUBMITTED, _("Waiting for approval")),
        (APPROVED, _("Approved")),
    ]

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    translation_key = models.UUIDField(_("translation key"))
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(_("state"), max_length=20, choices=STATES, default=DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("snippet translation review")
        verbose_name_plural = _("snippet translation reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key", "locale"],
                name="unique_snippet_translation_review",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.translation_key}:{self.locale_id} {self.state}"
