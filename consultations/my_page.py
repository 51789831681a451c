"""The consultation desk's section on My page, without members importing consultations
(ConsultationsConfig.ready() calls `register`): a member always sees it (with "no consultation
yet"); an account that is not a member, only when it has sent consultations."""

from consultations.services import consultations_for_user
from members.my_page import add_section


def my_page_section(request, membership):
    consultations = consultations_for_user(request.user)
    if membership is None and not consultations:
        return None
    return {"consultations": consultations}


def register():
    add_section(
        "consultations",
        template="consultations/includes/my_page_section.html",
        context=my_page_section,
        order=100,
    )
