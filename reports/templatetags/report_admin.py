"""Filters of the reports' admin pages."""

from django import template

from reports.templatetags.report_blocks import format_cell

register = template.Library()


@register.filter
def report_number(value):
    return format_cell(value)
