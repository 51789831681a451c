"""Demo scenario of the translators' workflow: the demo translator has translated a story that
exists only in Japanese into English and submitted it to the City approval, as the translation
editor's "Submit to City approval" does. A city editor who logs into `make run` finds it on the
dashboard ("Awaiting your review"); its English address answers 404 until they approve it.

The translation is made with wagtail-localize's own TranslationCreator (what "Translate" does)
and submitted with content.translation_workflow, the function behind the editor's button.
Idempotent: once the English page exists, running seed_demo again changes nothing."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from content.translation_workflow import submit_translation_for_approval
from home.models import StoryPage

LOGINS = []
TRANSLATOR = "translator@example.jp"
STORY_SLUG = "raising-kids-in-itoi"
# What the translator wrote, by wagtail-localize's segment path (the Japanese is the story's).
ENGLISH = {
    "title": "Raising children in Itoi, with the park and the sea close by",
    "slug": "raising-kids-in-itoi",
    "summary": (
        "Aya Yamashita raises two children in Itoi while working remotely for a Tokyo company. "
        "We asked her about family life since the move."
    ),
    "interviewee": "Aya Yamashita, remote worker",
    "author": "Tsunagaru Tomakomai editorial team",
    "area": "Itoi",
    "body.f602607a-bb6e-40e4-aaf6-dcc6babb1534": (
        "Itoi, in the west of the city, is a residential area with a JR station, schools and "
        "supermarkets close at hand. Three years ago Aya Yamashita moved here with her husband "
        "and their two children, keeping her job at a Tokyo company."
    ),
    "body.fbb60156-fc56-4b53-b3c6-5dd8aa6c0a85": (
        "Her husband moved to a logistics company that works with the Port of Tomakomai. "
        "“It's a port town, and the many jobs in logistics and industry were reassuring,” she "
        "says. One kept a Tokyo job, the other found local work: each built their own way of "
        "living here."
    ),
    "body.ea0d2706-0307-4eda-a577-c6034bcd1bb4.text": "Finding a nursery: ask early",
    "body.38fc23de-722d-4de9-b585-65020098397c": (
        "Her biggest worry about moving was a nursery place for the younger child. She asked "
        "the city office about applications and vacancies first, and only then chose when to "
        "move. “It differs from area to area, so I'm really glad we asked early,” she recalls."
    ),
    "body.a78ac8c3-0476-4fd1-9067-f0361ae6a839": (
        "On weekdays she works from a corner of the living room and takes the children to the "
        "park nearby in the evening. At weekends they collect shells on the beach or drive a "
        "little further to gather acorns in a forest park: nature is part of every day."
    ),
    "body.21bb3b63-550c-421e-acf8-22e710c5acef.text": (
        "In Tokyo we went looking for nature at weekends; here it starts at the front door. "
        "The way the children play has changed."
    ),
    "body.21bb3b63-550c-421e-acf8-22e710c5acef.attribution": "Aya Yamashita",
    "body.48eaa0ac-4805-430a-bde8-b55baafad1d1": (
        "The first winter's cold was a surprise, but with little snow and many clear days the "
        "children played outside more than she expected. Now they are hooked on skating at the "
        "rink in the neighbourhood."
    ),
    "body.f1be2f35-52b5-49e2-b90d-c0dd10953769.text": "Work and family, at their own pace",
    "body.c67c8c42-e049-4305-b4eb-a92df0a3efc6": (
        "Her monthly trip to Tokyo is a day trip with a flight from New Chitose Airport. Without "
        "a commute, she says, the family has more time together. Lately she helps run a local "
        "parents' circle and often advises families who have just moved here."
    ),
}


def seed(home, stdout):
    japanese = Locale.objects.get(language_code="ja")
    english = Locale.objects.get(language_code="en")
    story = StoryPage.objects.filter(locale=japanese, slug=STORY_SLUG).first()
    translator = get_user_model().objects.filter(email=TRANSLATOR).first()
    if story is None or translator is None or story.get_translation_or_none(english):
        return
    TranslationCreator(translator, [english]).create_translations(story)
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=english
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            defaults={"data": ENGLISH[segment.context.path], "last_translated_by": translator},
        )
    submit_translation_for_approval(
        translation, story.get_translation(english).specific, translator
    )
    stdout.write("Translators: an English story is waiting for City approval")
