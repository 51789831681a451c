"""Accessible form fields: label, hint and error tied to the input (aria-describedby,
aria-invalid), groups of choices in a fieldset with a legend, and an error summary."""

from django import forms, template

register = template.Library()

GROUP_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


@register.filter
def is_group(field):
    return isinstance(field.field.widget, GROUP_WIDGETS)


@register.filter
def is_checkbox(field):
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def accessible_widget(field):
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required and not is_group(field) and not is_checkbox(field):
        attrs["required"] = True
    return field.as_widget(attrs=attrs)
