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

Known limit: Wagtail copies the name into a page's history entries when a workflow step happens;
those keep the name in the language of the person who acted.
"""

from django.conf import settings
from django.utils.translation import gettext, gettext_noop, override
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
