"""What the translation editor adds for translators: the submit to City approval, the
workflow's state and the glossary (the template override
content/templates/wagtail_localize/admin/edit_translation.html)."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from content.translation_workflow import (
    SUBMIT_ACTION,
    can_publish_page,
    can_publish_translations,
    is_snippet_translation,
)

register = template.Library()


@register.inclusion_tag("content/translation_editor_extras.html", takes_context=True)
def translation_editor_extras(context):
    from content.models import GlossaryTerm, SnippetTranslationReview
    from content.snippet_translation_review import review_for

    request = context["request"]
    translation = context["translation"]
    instance = context["instance"]
    workflow = workflow_state = None
    may_publish = True
    may_submit = False
    snippet_submitted = False
    review_actions = []
    if isinstance(instance, Page):
        may_publish = can_publish_page(request.user, instance)
        workflow = instance.get_workflow()
        workflow_state = instance.current_workflow_state
        permissions = instance.permissions_for_user(request.user)
        may_submit = bool(workflow) and permissions.can_submit_for_moderation()
        review_actions = reviewer_actions(instance, workflow_state, request.user)
    elif is_snippet_translation(instance):
        # No Wagtail workflow for snippets: the review row says where the translation stands.
        may_publish = can_publish_translations(request.user)
        may_submit = True
        workflow = {"name": _("City approval")}
        review = review_for(instance)
        snippet_submitted = (
            review is not None and review.state == SnippetTranslationReview.SUBMITTED
        )
    language_code = translation.target_locale.language_code
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "translation": translation,
        "instance": instance,
        "may_publish": may_publish,
        "may_submit": may_submit,
        "workflow": workflow,
        "workflow_state": workflow_state,
        "needs_changes": workflow_state is not None
        and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "in_moderation": snippet_submitted
        or (
            workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        ),
        "submit_action": SUBMIT_ACTION,
        "review_actions": review_actions,
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.id])
        if isinstance(instance, Page)
        else None,
        "glossary": GlossaryTerm.for_language(language_code),
        "glossary_url": reverse("content_glossaryterm:list"),
        "target_locale": translation.target_locale,
    }


def reviewer_actions(page, workflow_state, user):
    """The City editor's approve / request changes for a translation in moderation, so that
    they review it where they read it: (label, URL, takes a comment) for each action."""
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return []
    task_state = workflow_state.current_task_state
    if task_state is None:
        return []
    actions = {}
    for name, label, takes_comment in task_state.task.specific.get_actions(page, user):
        # Wagtail lists "approve" twice (with and without a comment): keep the plain one.
        actions.setdefault(name, (label, takes_comment))
    return [
        (
            label,
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk]),
            takes_comment,
        )
        for name, (label, takes_comment) in actions.items()
    ]
