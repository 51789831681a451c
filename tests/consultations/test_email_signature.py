"""The desk's e-mails to the person are signed by the city's desk (templates/emails/_signature.*):
name, phone, hours and e-mail in the person's language, in the text and the HTML part."""

import pytest

from consultations import services
from tests.consultations.conftest import confirm_and_send

pytestmark = pytest.mark.django_db

SIGNATURE = {
    "ja": ["苫小牧市", "0144-00-1234", "平日 8:45〜17:15", "tsunagaru@example.jp"],
    "en": ["Tomakomai City", "0144-00-1234", "Weekdays 8:45–17:15", "tsunagaru@example.jp"],
}


def parts(message):
    html = "".join(content for content, kind in message.alternatives if kind == "text/html")
    return message.body, html


@pytest.mark.parametrize("language", ["ja", "en"])
def test_acknowledgement_and_reply_carry_the_desk_signature(
    client, demo_site, staff_user, outbox, language
):
    confirm_and_send(client, url=f"/{language}/consultation/")
    ack = [m for m in outbox if m.to == ["hanako@example.com"]][-1]
    from consultations.models import Consultation

    consultation = Consultation.objects.latest("pk")
    services.reply_to_person(consultation, "ご案内します。", staff_user=staff_user)
    reply = [m for m in outbox if m.to == ["hanako@example.com"]][-1]
    assert reply is not ack
    for message in (ack, reply):
        for part in parts(message):
            for expected in SIGNATURE[language]:
                assert expected in part, (expected, part)
