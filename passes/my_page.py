"""What the Entry Pass adds to members' pages and account flows, without members importing
passes (PassesConfig.ready() calls `register`): the pass's section on My page, the pass as a
purpose of an account (its e-mails, where its holder lands after logging in), and the residence
a pass holder gave, filled in when they register as a furusato resident."""

from django.db.models import Case, When

from members.accounts import AccountPurpose, add_account_purpose
from members.my_page import add_section
from members.signals import known_profile
from passes.models import OPEN_STATUSES, Pass, PassStatus


def shown_pass(user):
    """The pass My page shows: the open one (waiting for verification, or active) if there is
    one, else the latest."""
    return (
        Pass.objects.filter(user=user)
        .order_by(Case(When(status__in=OPEN_STATUSES, then=0), default=1), "-pk")
        .first()
    )


def my_page_section(request, membership):
    entry_pass = shown_pass(request.user)
    return None if entry_pass is None else {"entry_pass": entry_pass}


def holds_open_pass(user):
    return Pass.objects.filter(user=user, status__in=OPEN_STATUSES).exists()


def waits_for_pass(user):
    return Pass.objects.filter(user=user, status=PassStatus.PENDING).exists()


def residence_given(sender, user, **kwargs):
    """A pass holder registering keeps the residence they gave for the Entry Pass."""
    latest = Pass.objects.filter(user=user).order_by("-pk").first()
    if latest is None:
        return {}
    return {
        "residence_prefecture": latest.residence_prefecture,
        "residence_municipality": latest.residence_municipality,
    }


def register():
    add_section(
        "entry_pass",
        template="passes/includes/my_page_section.html",
        context=my_page_section,
        order=200,
    )
    add_account_purpose(
        AccountPurpose(
            name="pass",
            url_namespace="passes",
            page="passes:mine",
            holds=holds_open_pass,
            waiting=waits_for_pass,
            email_links={"pass_apply_url": "passes:apply"},
        )
    )
    known_profile.connect(residence_given, dispatch_uid="passes.residence_given")
