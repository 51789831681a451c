"""Translations go through the "City approval" workflow, like every other page change.

wagtail-localize publishes what a translator saves unless the project stops it (CONVENTIONS
pitfall 16). Here:

- "Translate this page" and the translation sync make drafts: the settings
  WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False (a new page translation is not live) and
  the sync's "Publish immediately" refused to whoever may not publish (``update_translations``).
- In the translation editor a user who may not publish gets "Submit to City approval" as the
  main action (``submit_translation_for_approval``): the strings become a draft revision and the
  workflow starts, which e-mails the City editors; approving the task publishes it.
- "Convert to alias page" (it would show the live Japanese page at the translation's address) is
  refused to whoever may not publish, and removed from their page editor's menu.
- Snippets (menus, site identity, themes, benefits, creators) have no drafts: a new snippet
  translation is hidden from the public until approved, a translator submits it
  (``handle_snippet_translation_editor_post``) and only City editors and superusers
  (``can_publish_translations``) publish it, stop its sync or publish it from the sync
  (content/snippet_translation_review.py).
- Moderation e-mails reach the City editors in their admin language, Japanese unless they
  chose another (home/admin_emails.py).
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, Revision, TranslatableMixin, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from content import snippet_translation_review
from core.roles import CITY_EDITORS

SUBMIT_ACTION = "submit-for-approval"


def enabled_translation_for(instance):
    """The wagtail-localize translation whose target is ``instance``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def can_publish_page(user, page):
    return page.permissions_for_user(user).can_publish()


def can_publish_translations(user):
    """Who may make a snippet translation public: City editors and superusers."""
    if not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=CITY_EDITORS).exists()


@transaction.atomic
def save_translation_draft(translation, user):
    """Write the translated strings into a new draft revision of the target page.

    wagtail-localize's save_target(publish=False) also saves the page row, which is what a
    live page serves: for a live translation the row is put back to its live revision, so
    the new text waits for approval like any draft.
    """
    target = translation.source.get_translated_instance(translation.target_locale)
    live_revision_id = target.live_revision_id if target.live else None
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=target.pk).specific
    if live_revision_id:
        draft_revision = page.latest_revision
        restored = Revision.objects.get(pk=live_revision_id).as_object()
        restored.live = True
        restored.live_revision_id = live_revision_id
        restored.latest_revision = draft_revision
        restored.has_unpublished_changes = True
        restored.draft_title = draft_revision.object_str
        restored.save(clean=False)
        page = Page.objects.get(pk=target.pk).specific
    return page


@transaction.atomic
def submit_translation_for_approval(translation, page, user):
    """Save the translation as a draft and submit it to the page's workflow (City approval)."""
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        raise PermissionDenied
    # A translation is submitted when there is a workflow and none in progress, or resubmitted
    # when the city editors asked for changes: never a second workflow (a database error).
    workflow_state = page.current_workflow_state
    needs_changes = (
        workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    )
    workflow = page.get_workflow()
    if not needs_changes and (workflow is None or workflow_state is not None):
        raise CannotSubmit(
            _("This translation is already waiting for approval.")
            if workflow_state is not None
            else _("No approval workflow applies to this page: ask a city editor to publish it.")
        )
    if not permissions.can_submit_for_moderation():
        raise PermissionDenied
    page = save_translation_draft(translation, user)
    if needs_changes:
        workflow_state.resume(user)
    else:
        workflow.start(page, user)
    return page


class CannotSubmit(Exception):
    """The translation cannot be submitted now; the message says why."""


def handle_translation_editor_post(request, page):
    """before_edit_page: the translation editor's "Submit to City approval" button."""
    if request.method != "POST" or request.POST.get("action") != SUBMIT_ACTION:
        return None
    translation = enabled_translation_for(page)
    if translation is None:
        return None
    try:
        page = submit_translation_for_approval(translation, page.specific, request.user)
    except CannotSubmit as error:
        messages.error(request, str(error))
        return redirect("wagtailadmin_pages:edit", page.pk)
    workflow = page.get_workflow()
    messages.success(
        request,
        _("'%(title)s' was submitted to %(workflow)s. The city editors have been notified.")
        % {"title": page.get_admin_display_title(), "workflow": workflow.name},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def editor_actions_for_translators(menu_items, request, context):
    """construct_page_action_menu: on a translation, someone who may not publish submits it
    (the main action) and never converts it to an alias of the Japanese page."""
    page = context.get("page")
    if page is None or page.pk is None or page.locale.language_code == settings.LANGUAGE_CODE:
        return
    if can_publish_page(request.user, page):
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
    for index, item in enumerate(menu_items):
        if item.name == "action-submit":
            menu_items.insert(0, menu_items.pop(index))
            break


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for those who may publish the page only:
    an alias shows the live Japanese page at the translation's address at once."""
    page = get_object_or_404(Page, id=page_id)
    if not can_publish_page(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's translation sync; "Publish immediately" only for those who may
    publish every translated page (the others sync the strings, then submit each one)."""

    def may_publish_translations(self):
        source = self.object
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            target = source.get_translated_instance(translation.target_locale)
            if isinstance(target, Page):
                if not can_publish_page(self.request.user, target):
                    return False
            elif not can_publish_translations(self.request.user):
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_translations():
            form.fields.pop("publish_translations", None)
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        if form.cleaned_data["publish_translations"]:
            # A City editor's publish approves the snippet translations it writes.
            with snippet_translation_review.publishing(self.request.user):
                return super().form_valid(form)
        return super().form_valid(form)

    def get_object(self):
        return get_object_or_404(TranslationSource, id=self.kwargs["translation_source_id"])


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """wagtail-localize's "Translate this page": snippets it translates along are drafts."""

    def post(self, request, *args, **kwargs):
        with snippet_translation_review.drafting():
            return super().post(request, *args, **kwargs)


class SubmitSnippetTranslationView(submit_translations.SubmitSnippetTranslationView):
    """wagtail-localize's "Translate" on a snippet: the new translation is a draft, hidden from
    the public (it is a copy of the Japanese) until a City editor publishes it."""

    def post(self, request, *args, **kwargs):
        with snippet_translation_review.drafting():
            return super().post(request, *args, **kwargs)


def is_snippet_translation(instance):
    return isinstance(instance, TranslatableMixin) and not isinstance(instance, Page)


def handle_snippet_translation_editor_post(request, instance):
    """before_edit_snippet, ahead of wagtail-localize's translation editor: "Submit to City
    approval" for everyone, "Publish" for those who may publish translations only (it
    approves the translation). A snippet that was a synced translation is not saved from the
    plain form by anyone else either: a snippet save is public at once."""
    if request.method != "POST" or not is_snippet_translation(instance):
        return None
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        return None
    translation = enabled_translation_for(instance)
    may_publish = can_publish_translations(request.user)
    if translation is None:
        stopped = Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id
        ).exists()
        if stopped and not may_publish and "localize-restart-translation" not in request.POST:
            raise PermissionDenied
        return None
    action = request.POST.get("action")
    if action == SUBMIT_ACTION:
        snippet_translation_review.submit(translation, instance, request.user)
        messages.success(
            request,
            _("'%(title)s' was submitted to %(workflow)s. The city editors have been notified.")
            % {"title": str(instance), "workflow": _("City approval")},
        )
        return redirect(request.path)
    if action == "publish":
        if not may_publish:
            raise PermissionDenied
        with snippet_translation_review.publishing(request.user):
            return edit_translation.edit_translation(request, translation, instance)
    return None


@require_POST
def stop_translation(request, translation_id):
    """wagtail-localize's "Stop Synced translation": afterwards a snippet's plain form saves it
    live, so for snippets only those who may publish translations stop it."""
    translation = get_object_or_404(Translation, id=translation_id)
    if snippet_translation_review.snippet_model(translation.source) is not None:
        if not can_publish_translations(request.user):
            raise PermissionDenied
    return edit_translation.stop_translation(request, translation_id)


def unchanged_while_in_review(view):
    """Wrap one of wagtail-localize's views that change a translation's strings (the string
    editor, overrides, PO upload, machine translation): while the page waits in the City
    approval, only its reviewers may change them. Otherwise a translator could change the
    strings a city editor is reading after submitting, and "Approve" would publish the
    submitted revision, not what the city editor read. The workflow's own lock (Wagtail's
    GroupApprovalTask.locked_for_user) decides who is a reviewer."""

    @wraps(view)
    def wrapped(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        try:
            target = translation.source.get_translated_instance(translation.target_locale)
        except ObjectDoesNotExist:
            target = None
        if isinstance(target, Page):
            lock = target.specific.get_lock()
            if lock is not None and lock.for_user(request.user):
                raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return wrapped
