"""A model field for several choices from a fixed list, stored as text (",a,b,").

One code is found with ``field__contains=",a,"`` on SQLite and PostgreSQL alike, which the
city's filters and counts need; a JSON list would need database-specific lookups.
"""

from django import forms
from django.db import models

from members.choices import join_codes, split_codes


class ChoiceCodesField(models.Field):
    """Codes are data, not text: wagtail-localize copies them to translations unchanged (it
    offers CharField/TextField values to translators)."""

    def get_internal_type(self):
        return "CharField"

    def __init__(self, *args, code_choices=None, **kwargs):
        self.code_choices = code_choices
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["code_choices"] = self.code_choices
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return split_codes(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return split_codes(value)

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return join_codes(value)
        return value or ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.code_choices.choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        defaults.pop("max_length", None)
        return form_class(**defaults)

    def contains_code(self, code):
        return f",{code},"
