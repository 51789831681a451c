"""Names of the editorial groups (created by migration home.0002) and the rules tied to them."""

from django.conf import settings

CITY_EDITORS = "City editors"
CONTRACTOR_EDITORS = "Contractor editors"
TRANSLATORS = "Translators"
CONSULTATION_STAFF = "Consultation staff"
ALL_GROUPS = (CITY_EDITORS, CONTRACTOR_EDITORS, TRANSLATORS, CONSULTATION_STAFF)


def is_translator_only(user) -> bool:
    """True for a translator who holds no editing role: they may translate, not author."""
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and not names & {CITY_EDITORS, CONTRACTOR_EDITORS}


def is_source_language(obj) -> bool:
    locale = getattr(obj, "locale", None)
    return locale is not None and locale.language_code == settings.LANGUAGE_CODE
