"""Snippet translations (menus, site identity, themes, benefits, creators…) go through City
approval too.

A snippet has no drafts: whatever wagtail-localize writes into it is public at once, the copy of
the Japanese that "Translate" makes as much as the strings the translation editor publishes. So
each snippet translation made in the admin gets a SnippetTranslationReview:

- "Translate" (wagtail-localize's submit views, run inside ``drafting()``) records a draft,
  for every user: the public listings and lookups (core.locales.translations_or_originals, via
  its ``unapproved_translation_keys`` registry) show the Japanese original, marked lang="ja",
  instead of a translation that was never approved.
- The translator's "Submit to City approval" leaves their strings in wagtail-localize,
  un-applied, marks the review submitted and e-mails the City editors in their admin language.
- A City editor's (or a superuser's) publish — the translation editor's or the sync's "Publish
  immediately", run inside ``publishing(user)`` — applies the strings; wagtail-localize's
  TranslationLog of that write marks the review approved. An approved translation stays public
  while a later edit waits for the next approval.

Translations written by code (home.services, the bundle import, the demo) are not reviewed.
"""

import contextlib
import contextvars
import logging

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override
from wagtail.models import Page, TranslatableMixin
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationLog

from content.models import SnippetTranslationReview
from core.roles import CITY_EDITORS

logger = logging.getLogger(__name__)

_DRAFTING = "drafting"
_mode = contextvars.ContextVar("snippet_translation_review", default=None)


@contextlib.contextmanager
def drafting():
    """Snippet translations created inside are drafts (wagtail-localize's "Translate")."""
    token = _mode.set((_DRAFTING, None))
    try:
        yield
    finally:
        _mode.reset(token)


@contextlib.contextmanager
def publishing(user):
    """Snippet translations written inside are approved by ``user`` (who may publish them)."""
    token = _mode.set(("publishing", user))
    try:
        yield
    finally:
        _mode.reset(token)


def snippet_model(source):
    """The translatable snippet model of a wagtail-localize TranslationSource, or None."""
    model = source.specific_content_type.model_class()
    if model is None or issubclass(model, Page) or not issubclass(model, TranslatableMixin):
        return None
    return model


def _review_key(source, locale_id):
    return {
        "content_type_id": source.specific_content_type_id,
        "translation_key": source.object_id,
        "locale_id": locale_id,
    }


@receiver(post_save, sender=Translation, dispatch_uid="content-snippet-translation-draft")
def record_new_translation_as_draft(sender, instance, created, raw=False, **kwargs):
    mode, _user = _mode.get() or (None, None)
    if raw or not created or mode != _DRAFTING or snippet_model(instance.source) is None:
        return
    SnippetTranslationReview.objects.update_or_create(
        **_review_key(instance.source, instance.target_locale_id),
        defaults={
            "state": SnippetTranslationReview.DRAFT,
            "submitted_by": None,
            "submitted_at": None,
            "approved_by": None,
            "approved_at": None,
        },
    )


@receiver(post_save, sender=TranslationLog, dispatch_uid="content-snippet-translation-approved")
def approve_published_translation(sender, instance, created, raw=False, **kwargs):
    mode, user = _mode.get() or (None, None)
    if raw or not created or mode != "publishing" or snippet_model(instance.source) is None:
        return
    SnippetTranslationReview.objects.update_or_create(
        **_review_key(instance.source, instance.locale_id),
        defaults={
            "state": SnippetTranslationReview.APPROVED,
            "approved_by": user,
            "approved_at": timezone.now(),
        },
    )
    from core.cache_version import invalidate  # menus and the site identity are cached

    invalidate()


def review_for(instance):
    """The review of a snippet translation (an instance in its target language), or None."""
    from django.contrib.contenttypes.models import ContentType

    return SnippetTranslationReview.objects.filter(
        content_type=ContentType.objects.get_for_model(instance),
        translation_key=instance.translation_key,
        locale_id=instance.locale_id,
    ).first()


def unapproved_translation_keys(model, locale):
    """core.locales registry: the translation keys of ``model``'s rows in ``locale`` that the
    public must not see (never approved), as a subquery; None for models never reviewed."""
    if not issubclass(model, TranslatableMixin) or issubclass(model, Page):
        return None
    return SnippetTranslationReview.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        locale_id=locale.pk,
        approved_at__isnull=True,
    ).values("translation_key")


def submit(translation, instance, user):
    """The translator's "Submit to City approval": the strings stay in wagtail-localize
    (a City editor's publish applies them); the City editors are told."""
    review, _created = SnippetTranslationReview.objects.get_or_create(
        **_review_key(translation.source, translation.target_locale_id)
    )
    review.state = SnippetTranslationReview.SUBMITTED
    review.submitted_by = user
    review.submitted_at = timezone.now()
    review.save()
    notify_city_editors(translation, instance)
    return review


def city_editors():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=CITY_EDITORS)
        .exclude(email="")
        .distinct()
    )


def notify_city_editors(translation, instance):
    """One e-mail per City editor, in their admin language (Japanese unless they chose
    another, as home/admin_emails.py does for Wagtail's notifications). No personal data:
    what was translated, into which language, and where to review it."""
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)]
    )
    for editor in city_editors():
        with override(settings.LANGUAGE_CODE):
            language = UserProfile.get_for_user(editor).get_preferred_language()
        with override(language):
            context = {
                "kind": instance._meta.verbose_name,
                "title": str(instance),
                "language": translation.target_locale.get_display_name(),
                "workflow": gettext("City approval"),
                "edit_url": edit_url,
            }
            subject = render_to_string(
                "content/emails/snippet_translation_submitted_subject.txt", context
            )
            body = render_to_string("content/emails/snippet_translation_submitted.txt", context)
        try:
            send_mail(" ".join(subject.split()), body, None, [editor.email])
        except Exception:
            # The submit stands: the review is saved and the Translation status report lists
            # it as waiting for approval. (Queued, retried mail is issue 15's.)
            logger.exception("Could not tell a city editor of a submitted snippet translation")
