"""What the registration asks, as fixed choices: the city reports on these codes, so they
are stable strings; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Relationship(models.TextChoices):
    BORN_HERE = "born", _("I was born here")
    LIVED_HERE = "lived", _("I used to live here")
    WORK_OR_STUDY = "work", _("I work or study here")
    FAMILY = "family", _("I have family here")
    FURUSATO_NOZEI = "nozei", _("I donate through furusato nozei")
    STAYS = "stays", _("Workcation or business stays")
    VISITOR = "visitor", _("I visit often")
    OTHER = "other", _("Other")


class Interest(models.TextChoices):
    TWO_REGION = "two_region", _("Two-region living")
    MIGRATION = "migration", _("Moving here")
    LOCAL_ACTIVITIES = "activities", _("Local activities (担い手)")
    EVENTS = "events", _("Events")
    LOCAL_PRODUCTS = "products", _("Local products")
    FURUSATO_NOZEI = "nozei", _("Furusato nozei")


class AgeBand(models.TextChoices):
    UNDER_20 = "u20", _("Under 20")
    TWENTIES = "20s", _("20–29")
    THIRTIES = "30s", _("30–39")
    FORTIES = "40s", _("40–49")
    FIFTIES = "50s", _("50–59")
    SIXTIES = "60s", _("60–69")
    SEVENTY_PLUS = "70plus", _("70 or over")
    NOT_SAYING = "none", _("Prefer not to say")


class Tier(models.TextChoices):
    """The national system's two tiers (ふるさと住民登録制度)."""

    BASIC = "basic", _("Basic")
    PREMIUM = "premium", _("Premium")


def split_codes(value):
    return [code for code in (value or "").split(",") if code]


def join_codes(codes):
    """Stored as ",a,b," so that one code is found with a plain `contains` on any database."""
    codes = [code for code in codes if code]
    return f",{','.join(codes)}," if codes else ""


def labels(choices, codes):
    names = dict(choices.choices)
    if isinstance(codes, str):
        codes = split_codes(codes)
    return [str(names[code]) for code in codes if code in names]
