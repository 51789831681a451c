"""Which Japanese pages and snippets are translated, out of date or missing, per language.

"Out of date": the Japanese original changed after the translation was last written from it.
The original's change is its last publication (pages) or its last edit in the admin
(snippets, from Wagtail's log). A wagtail-localize translation is written from the original as
wagtail-localize last read it (TranslationSource.last_updated_at: "Translate" or a sync), so it
is up to date when both that read and its last write (TranslationLog: a translate, sync, submit
or publish) came after the change: a translator's submit alone does not make a stale
translation current. A translation made by hand outside wagtail-localize: its own last change.
A translation waiting for a city editor's approval says so.

A fixed number of queries whatever the number of pages: one per kind of object and a few
aggregates, never one per row.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationLog, TranslationSource

TRANSLATED = "translated"
OUT_OF_DATE = "out_of_date"
MISSING = "missing"
STATUSES = [
    (TRANSLATED, _("Translated")),
    (OUT_OF_DATE, _("Out of date")),
    (MISSING, _("Missing")),
]
STATUS_LABELS = dict(STATUSES)


def target_languages():
    """Every content language but the source (Japanese)."""
    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


@dataclass
class StatusRow:
    kind: str
    title: str
    language_code: str
    language_name: str
    status: str
    source_url: str
    translation_url: str | None = None
    translate_url: str | None = None
    sync_url: str | None = None
    is_live: bool = True
    awaiting_approval: bool = False

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


@dataclass
class _Source:
    kind: str
    title: str
    translation_key: str
    changed_at: datetime | None
    source_url: str
    translate_url: str


@dataclass
class _Target:
    changed_at: datetime | None
    edit_url: str
    is_live: bool
    awaiting_approval: bool = False


def _latest(*moments):
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def _page_sources_and_targets(source_locale_id):
    sources = []
    japanese = Page.objects.filter(locale_id=source_locale_id, depth__gt=1).order_by("path")
    page_models = {
        content_type.id: content_type.model_class()
        for content_type in ContentType.objects.filter(id__in=japanese.values("content_type_id"))
    }
    for row in japanese.values(
        "id",
        "title",
        "translation_key",
        "content_type_id",
        "last_published_at",
        "latest_revision_created_at",
    ):
        model = page_models.get(row["content_type_id"])
        sources.append(
            _Source(
                kind=str(model._meta.verbose_name) if model else str(_("page")),
                title=row["title"],
                translation_key=str(row["translation_key"]),
                changed_at=row["last_published_at"] or row["latest_revision_created_at"],
                source_url=reverse("wagtailadmin_pages:edit", args=[row["id"]]),
                translate_url=reverse("wagtail_localize:submit_page_translation", args=[row["id"]]),
            )
        )
    targets = {}
    translated = Page.objects.filter(
        translation_key__in=japanese.values("translation_key")
    ).exclude(locale_id=source_locale_id)
    in_moderation = {
        int(object_id)
        for object_id in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values_list("object_id", flat=True)
    }
    for row in translated.values(
        "id",
        "translation_key",
        "locale__language_code",
        "live",
        "last_published_at",
        "latest_revision_created_at",
    ):
        targets[(str(row["translation_key"]), row["locale__language_code"])] = _Target(
            changed_at=_latest(row["last_published_at"], row["latest_revision_created_at"]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[row["id"]]),
            is_live=row["live"],
            awaiting_approval=row["id"] in in_moderation,
        )
    return sources, targets


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _snippet_sources_and_targets(source_locale_id):
    models = translatable_snippet_models()
    content_types = ContentType.objects.get_for_models(*models)
    # When each snippet was last created or edited in the admin (Wagtail's log).
    edited_at = {
        (row["content_type_id"], row["object_id"]): row["last"]
        for row in ModelLogEntry.objects.filter(
            content_type_id__in=[content_type.id for content_type in content_types.values()],
            action__in=["wagtail.create", "wagtail.edit"],
        )
        .values("content_type_id", "object_id")
        .annotate(last=Max("timestamp"))
    }
    from content.models import SnippetTranslationReview

    # Snippet translations made in the admin: public once approved (content.models).
    reviews = {
        (row["content_type_id"], str(row["translation_key"]), row["locale__language_code"]): row
        for row in SnippetTranslationReview.objects.values(
            "content_type_id", "translation_key", "locale__language_code", "state", "approved_at"
        )
    }
    sources, targets = [], {}
    for model in models:
        content_type_id = content_types[model].id
        edit_url_name = model.snippet_viewset.get_url_name("edit")
        kind = str(model._meta.verbose_name)
        # Titles may name a related object (an offer's partner): fetched in the same query.
        related = [field.name for field in model._meta.concrete_fields if field.many_to_one]
        originals = model.objects.filter(locale_id=source_locale_id).select_related(*related)
        for instance in originals:
            pk = quote(instance.pk)
            sources.append(
                _Source(
                    kind=kind,
                    title=str(instance),
                    translation_key=str(instance.translation_key),
                    changed_at=edited_at.get((content_type_id, str(instance.pk))),
                    source_url=reverse(edit_url_name, args=[pk]),
                    translate_url=reverse(
                        "wagtail_localize:submit_snippet_translation",
                        args=[model._meta.app_label, model._meta.model_name, pk],
                    ),
                )
            )
        translated = model.objects.filter(
            translation_key__in=model.objects.filter(locale_id=source_locale_id).values(
                "translation_key"
            )
        ).exclude(locale_id=source_locale_id)
        for row in translated.values("pk", "translation_key", "locale__language_code"):
            key = (str(row["translation_key"]), row["locale__language_code"])
            review = reviews.get((content_type_id, *key))
            targets[key] = _Target(
                changed_at=edited_at.get((content_type_id, str(row["pk"]))),
                edit_url=reverse(edit_url_name, args=[quote(row["pk"])]),
                is_live=review is None or review["approved_at"] is not None,
                awaiting_approval=review is not None
                and review["state"] == SnippetTranslationReview.SUBMITTED,
            )
    return sources, targets


def translation_status_rows(language_codes=None):
    """One StatusRow per Japanese page or translatable snippet and target language."""
    from wagtail.models import Locale

    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    languages = [
        (code, name)
        for code, name in target_languages()
        if language_codes is None or code in language_codes
    ]
    page_sources, page_targets = _page_sources_and_targets(source_locale.id)
    snippet_sources, snippet_targets = _snippet_sources_and_targets(source_locale.id)
    targets = {**page_targets, **snippet_targets}
    synced_at = {
        (str(row["source__object_id"]), row["locale__language_code"]): row["last"]
        for row in TranslationLog.objects.filter(source__locale=source_locale)
        .values("source__object_id", "locale__language_code")
        .annotate(last=Max("created_at"))
    }
    source_ids, read_at = {}, {}
    for object_id, source_id, last_updated_at in (
        TranslationSource.objects.filter(locale=source_locale)
        .values_list("object_id", "id", "last_updated_at")
        .order_by("last_updated_at")
    ):
        source_ids[str(object_id)] = source_id
        read_at[str(object_id)] = last_updated_at

    rows = []
    for source in page_sources + snippet_sources:
        for code, name in languages:
            row = StatusRow(
                kind=source.kind,
                title=source.title,
                language_code=code,
                language_name=name,
                status=MISSING,
                source_url=source.source_url,
            )
            target = targets.get((source.translation_key, code))
            if target is None:
                row.translate_url = source.translate_url
            else:
                row.translation_url = target.edit_url
                row.is_live = target.is_live
                row.awaiting_approval = target.awaiting_approval
                written_at = synced_at.get((source.translation_key, code))
                if written_at and source.translation_key in read_at:
                    # Written from what wagtail-localize read of the original, not newer.
                    last_sync = min(written_at, read_at[source.translation_key])
                else:
                    last_sync = written_at or target.changed_at
                outdated = source.changed_at and last_sync and source.changed_at > last_sync
                row.status = OUT_OF_DATE if outdated else TRANSLATED
                if outdated and source.translation_key in source_ids:
                    row.sync_url = reverse(
                        "wagtail_localize:update_translations",
                        args=[source_ids[source.translation_key]],
                    )
            rows.append(row)
    return rows
