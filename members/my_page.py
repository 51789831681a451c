"""The sections other apps add to My page (the consultation desk's list, the Entry Pass), so
that members shows what they hold for an account without importing them: each app adds its
section in its AppConfig.ready() (consultations/my_page.py, passes/my_page.py).

An account without a membership opens My page only when some section has something for it
(a pass holder's pass, a consultation); otherwise it is sent to the registration."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    """One section of My page: `template` renders it (with My page's context and what
    `context` returns); `context(request, membership)` returns a dict, or None when the
    account has nothing to show there (`membership` is None for an account that is not a
    furusato resident). Sections appear by `order`, after the member's benefits and before
    "My details and data"."""

    name: str
    template: str
    context: Callable[[Any, Any], dict | None]
    order: int


_sections: dict[str, Section] = {}


def add_section(name, *, template, context, order):
    _sections[name] = Section(name=name, template=template, context=context, order=order)


@dataclass(frozen=True)
class ShownSection:
    template: str
    context: dict


def sections_for(request, membership):
    """The sections this account sees, in their order."""
    shown = []
    for section in sorted(_sections.values(), key=lambda section: section.order):
        context = section.context(request, membership)
        if context is not None:
            shown.append(ShownSection(section.template, context))
    return shown
