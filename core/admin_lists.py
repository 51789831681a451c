"""How every snippet list in the Wagtail admin reads, in one place: each app's wagtail_hooks
registers its snippets with `SnippetListViewSet` instead of Wagtail's `SnippetViewSet`.

- A translatable snippet is listed once, as its original (the default, Japanese locale);
  a "Language" filter shows the translations of another language, or all of them.
  Without it the list shows each menu, partner or benefit twice (ja and en rows).
- A yes/no field reads as a tick or a cross with a word ("はい"/"いいえ"), never "True".
"""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import LocaleFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.views.snippets import SnippetViewSet

LANGUAGE = "locale"  # the query parameter Wagtail's own listings use


def default_language_code():
    return Locale.get_default().language_code


class OriginalsFirstFilterSet(WagtailFilterSet):
    """Wagtail's filter set, with the locale filter set to the originals unless the person
    chose a language ("All" lists every language)."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        wagtails = self.filters.get(LANGUAGE)
        if wagtails is None:  # not translatable, or only one language in use
            return
        default = default_language_code()
        self.filters[LANGUAGE] = LocaleFilter(
            field_name=LANGUAGE,
            label=_("Language"),
            choices=wagtails.extra["choices"],
            # "All" sends an empty value, so it is told apart from "no choice yet".
            empty_label=_("All"),
            widget=forms.RadioSelect,
            # The default is not shown as an active filter ("clear filters" comes back here).
            initial=default,
        )
        if self.is_bound and LANGUAGE not in self.data:
            self.data = self.data.copy()
            self.data[LANGUAGE] = default


def language_filterset(model, fields):
    """A filter set for `fields` of `model` with the originals-first language filter (the
    locale is never a plain foreign-key filter: that one lists Locale objects)."""

    class Meta:
        pass

    Meta.model = model
    Meta.fields = [field for field in fields if field != LANGUAGE]
    return type(f"{model.__name__}FilterSet", (OriginalsFirstFilterSet,), {"Meta": Meta})


class YesNoColumn(Column):
    """A yes/no value as a tick or a cross followed by the word (for eyes and screen readers
    alike), in the staff member's language."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = context["raw_value"]
        if value is None:
            context["value"] = ""
            return context
        icon, word, colour = (
            ("check", _("Yes"), "w-text-positive-100")
            if value
            else ("cross", _("No"), "w-text-text-error")
        )
        context["value"] = format_html(
            '<span class="yes-no"><svg class="icon icon-{} default {}" aria-hidden="true">'
            '<use href="#icon-{}"></use></svg> {}</span>',
            icon,
            colour,
            icon,
            word,
        )
        return context


def yes_no_columns(model, list_display):
    """list_display with each model BooleanField named by a string replaced by a YesNoColumn."""
    columns = []
    for item in list_display:
        field = None
        if isinstance(item, str):
            try:
                field = model._meta.get_field(item)
            except Exception:  # a property or method: left as it is
                field = None
        if isinstance(field, models.BooleanField):
            columns.append(YesNoColumn(item, label=capfirst(field.verbose_name), sort_key=item))
        else:
            columns.append(item)
    return columns


class SnippetListViewSet(SnippetViewSet):
    """Wagtail's SnippetViewSet with the site's list conventions (see the module docstring)."""

    @cached_property
    def is_translatable(self):
        return issubclass(self.model, TranslatableMixin)

    def get_index_view_kwargs(self, **kwargs):
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        if isinstance(view_kwargs.get("list_display"), list | tuple):
            view_kwargs["list_display"] = yes_no_columns(self.model, view_kwargs["list_display"])
        if self.is_translatable:
            explicit = view_kwargs.get("filterset_class")
            if explicit is self.UNDEFINED or explicit is None:
                fields = self.list_filter if self.list_filter is not self.UNDEFINED else []
                view_kwargs["filterset_class"] = language_filterset(self.model, fields)
            elif not issubclass(explicit, OriginalsFirstFilterSet):
                raise TypeError(
                    f"{type(self).__name__}.filterset_class must extend OriginalsFirstFilterSet "
                    "so that the list shows the originals first."
                )
        return view_kwargs
