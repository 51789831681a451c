from django import template

from consultations.working_days import format_date_with_weekday

register = template.Library()


@register.filter
def date_with_weekday(day):
    """{{ consultation.answer_due_date|date_with_weekday }}: "2026年12月10日（木）"."""
    return format_date_with_weekday(day) if day else ""
