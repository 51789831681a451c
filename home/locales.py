"""Wagtail locales, looked up without a query per call.

A page can ask for the active locale a dozen times (cards, menus, related links); the table
holds five rows and changes about never, so it is read once per process and re-read when a
locale is saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_by_code = {}


def _load():
    if not _by_code:
        _by_code.update({locale.language_code: locale for locale in Locale.objects.all()})
    return _by_code


def locale_for(language_code):
    return _load().get(get_supported_content_language_variant(language_code))


def active_locale():
    return locale_for(translation.get_language())


def locale_by_id(locale_id):
    return next((locale for locale in _load().values() if locale.pk == locale_id), None)


@receiver(post_save, sender=Locale, dispatch_uid="locales-cache-save")
@receiver(post_delete, sender=Locale, dispatch_uid="locales-cache-delete")
def clear(**kwargs):
    _by_code.clear()


def offers_language(locale):
    """True when the site has a live home page in this language (it is really offered).

    Kept in the cache until any page changes (the site-chrome version)."""
    from django.core.cache import cache

    from home.chrome import version

    key = f"offers-language:{version()}:{locale.pk}"
    offered = cache.get(key)
    if offered is None:
        from home.models import HomePage

        offered = HomePage.objects.live().filter(locale=locale).exists()
        cache.set(key, offered, 60 * 60)
    return offered


def translations_or_originals(queryset, locale):
    """The rows of `queryset` in `locale`, and the Japanese originals of those not translated
    into it, each annotated `is_original_language` (True for a fallback, which the template
    marks lang="ja"): a visitor never sees an empty list where the city has content."""
    from django.conf import settings
    from django.db.models import BooleanField, Case, Q, Value, When

    default = locale_for(settings.LANGUAGE_CODE)
    if default is None or locale.pk == default.pk:
        return queryset.filter(locale=locale).annotate(
            is_original_language=Value(False, output_field=BooleanField())
        )
    translated = queryset.model.objects.filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
    ).annotate(
        is_original_language=Case(
            When(locale=default, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
