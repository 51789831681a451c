"""The names of the approval workflow and its task in the reader's language.

home/migrations/0002 creates the workflow "City approval" and its task "City editor approval".
Wagtail keeps a workflow's or a task's name in one CharField and shows it as stored in some
forty places: the "Submit to …" and "Resubmit to …" buttons, the status side panel, the
dashboard panels, the workflow reports, lock messages and every moderation e-mail. Overriding
each of those templates and views would copy most of Wagtail's workflow UI, and a subclass or
proxy model cannot change what Wagtail loads for the existing rows.

So the rows keep their English names, which are gettext msgids, and reading `Workflow.name` or
`Task.name` gives the translation in the active language: the viewer's in a request, the
recipient's while Wagtail renders a notification (it activates each recipient's language).
Writing a translated name back — a form's round trip, `full_clean()`, `refresh_from_db()` —
stores the msgid again, and saving always writes the stored value, so the database holds English
in every language and `Workflow.objects.get(name="City approval")` keeps working. A name an
administrator types later is shown as typed.

Wagtail also copies the names into a page's history entries when a workflow step happens, in
the language of the person who acted; `NamesInReadersLanguage` shows them in the reader's.
"""

import copy

from django.conf import settings
from django.utils.translation import gettext, gettext_noop, override
from wagtail.log_actions import LogFormatter
from wagtail.models import Task, Workflow

TRANSLATABLE_NAMES = (
    gettext_noop("City approval"),
    gettext_noop("City editor approval"),
)


def msgid_for(name):
    """The English msgid of a name given in any of the site's languages, else the name."""
    if not isinstance(name, str) or name in TRANSLATABLE_NAMES:
        return name
    for language_code, _language_name in settings.LANGUAGES:
        with override(language_code):
            for msgid in TRANSLATABLE_NAMES:
                if gettext(msgid) == name:
                    return msgid
    return name


class TranslatedName:
    """Replaces the `name` field's attribute on the model class (a data descriptor, so it is
    consulted before the instance's __dict__, where Django keeps the stored value)."""

    def __init__(self, stored_attribute):
        self.stored_attribute = stored_attribute
        self.field = stored_attribute.field

    def __get__(self, instance, owner=None):
        if instance is None:
            return self.stored_attribute
        value = self.stored_attribute.__get__(instance, owner)
        return gettext(value) if value in TRANSLATABLE_NAMES else value

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = msgid_for(value)

    def stored_value(self, instance):
        return self.stored_attribute.__get__(instance, type(instance))


def install():
    """Translate `Workflow.name` and `Task.name` at display (idempotent)."""
    for model in (Workflow, Task):
        if isinstance(model.__dict__["name"], TranslatedName):
            continue
        descriptor = TranslatedName(model.__dict__["name"])
        model.name = descriptor
        field = descriptor.field
        # Saving and serialising read the field's value through these two; give them the
        # stored msgid, never the active language's translation.
        field.pre_save = lambda instance, add, descriptor=descriptor: descriptor.stored_value(
            instance
        )
        field.value_from_object = descriptor.stored_value


def display_name(name):
    """A stored or logged name (in any of the site's languages) in the active language."""
    msgid = msgid_for(name)
    return gettext(msgid) if msgid in TRANSLATABLE_NAMES else name


# Wagtail's history entries of workflow steps, whose data holds
# {"workflow": {"title": …, "task": {"title": …}, "next": {"title": …}}}.
WORKFLOW_LOG_ACTIONS = [
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
]


class NamesInReadersLanguage(LogFormatter):
    """Wraps Wagtail's formatter of a workflow history entry: the same message, with the
    workflow's and tasks' names in the reader's language."""

    def __init__(self, formatter):
        self.formatter = formatter
        self.label = formatter.label

    def format_message(self, log_entry):
        return self.formatter.format_message(self.with_names_translated(log_entry))

    def format_comment(self, log_entry):
        return self.formatter.format_comment(log_entry)

    @staticmethod
    def with_names_translated(log_entry):
        workflow = (log_entry.data or {}).get("workflow")
        if not isinstance(workflow, dict):
            return log_entry
        workflow = copy.deepcopy(workflow)
        for entry in (workflow, workflow.get("task"), workflow.get("next")):
            if isinstance(entry, dict) and isinstance(entry.get("title"), str):
                entry["title"] = display_name(entry["title"])
        translated = copy.copy(log_entry)
        translated.data = {**log_entry.data, "workflow": workflow}
        return translated


def translate_history_names(actions):
    """For the register_log_actions hook, after Wagtail's own registrations."""
    for action in WORKFLOW_LOG_ACTIONS:
        formatter = actions.formatters.get(action)
        if formatter is not None and not isinstance(formatter, NamesInReadersLanguage):
            actions.formatters[action] = NamesInReadersLanguage(formatter)
