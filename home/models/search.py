"""A plain-text copy of every live page, for search that works in Japanese.

Wagtail's database search backends split text on spaces; Japanese has none, so a word inside
a compound (二地域 in 二地域居住) is never found. Substring matching over this table finds it on
SQLite and PostgreSQL alike; a municipal portal's few thousand pages make that cheap."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page


class SearchDocument(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name=_("page")
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    text = models.TextField(help_text="NFKC-normalised visible text")
    normalized = models.TextField(help_text="text, case-folded: what queries match against")
    normalized_title = models.CharField(max_length=255)
    published_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [models.Index(fields=["locale", "-published_at"])]

    def __str__(self):
        return self.title
