"""Domain rules of the portal that views, commands and tests share."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class MissingSegmentTranslation(LookupError):
    """A source string has no translation in the mapping given."""


@transaction.atomic
def translate_through_localize(instance, language_code, strings, user=None):
    """Create or update ``instance``'s translation the way a translator would.

    ``strings`` maps each source string (as wagtail-localize segments it) to its translation.
    Going through wagtail-localize keeps the translation linked to its source, so translators
    see it in the translation editor and later edits of the source can be synced.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    missing = []
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    if missing:
        raise MissingSegmentTranslation(missing)
    translation.save_target(user=user, publish=True)
    return instance.get_translation(locale)
