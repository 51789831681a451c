"""Demo scenarios of the membership: three furusato residents register, sign up for the
activities of the content bundle (one waits for a place), and two of them are checked in at
an activity that has taken place. Made through members.services, as the registration wizard,
the activity pages and the check-in screen make them. Idempotent: what exists is left alone."""

from contextlib import contextmanager
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory, override_settings
from django.utils import translation

from home.demo_content import DEMO_PASSWORD
from members.models import ActivityPage, ActivitySignup, MemberNotice, Membership
from members.services import check_in, register_member, sign_up

LOGINS = [("member2@example.jp", "Member on a waiting list")]

MEMBERS = [
    {
        "email": "member@example.jp",
        "first_name": "花子",
        "last_name": "山田",
        "name_kana": "ヤマダ ハナコ",
        "residence_prefecture": "13",
        "residence_municipality": "13113",
        "age_band": "30s",
        "relationships": ["lived", "stays"],
        "interests": ["two_region", "activities", "events"],
        "newsletter": True,
    },
    {
        "email": "member2@example.jp",
        "first_name": "健太",
        "last_name": "佐藤",
        "name_kana": "サトウ ケンタ",
        "residence_prefecture": "01",
        "residence_municipality": "01101",
        "age_band": "40s",
        "relationships": ["born", "nozei"],
        "interests": ["products", "nozei"],
        "newsletter": False,
    },
    {
        "email": "member3@example.jp",
        "first_name": "美咲",
        "last_name": "鈴木",
        "name_kana": "スズキ ミサキ",
        "residence_prefecture": "27",
        "residence_municipality": "27127",
        "age_band": "20s",
        "relationships": ["visitor"],
        "interests": ["migration", "events"],
        "newsletter": True,
    },
]

# (activity slug, member e-mail), in the order they sign up: the festival has two places, so
# the third to sign up (member2) is put on its waiting list by sign_up() itself.
SIGNUPS = [
    ("beach-cleanup", "member@example.jp"),
    ("hokki-festival-staff", "member@example.jp"),
    ("hokki-festival-staff", "member3@example.jp"),
    ("hokki-festival-staff", "member2@example.jp"),
    ("autumn-tree-planting", "member@example.jp"),
    ("autumn-tree-planting", "member3@example.jp"),
]
# Activities that have taken place: everyone with a place was checked in at the start.
ATTENDED = ["autumn-tree-planting"]
THANKS = {
    "autumn-tree-planting": (
        "member@example.jp",
        "秋の植樹活動へのご参加ありがとうございました。出席を記録しました。",
    ),
}


@contextmanager
def no_mail():
    """The demo's addresses are fictional: the services' e-mails (welcome, sign-up
    confirmations) are not sent, whatever the mail server."""
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        yield


def request_as(user):
    """The request of a logged-in user's action, for the services that take one."""
    request = RequestFactory().post("/")
    request.user = user or AnonymousUser()
    return request


def demo_user(email, first_name, last_name, groups=(), password=True):
    """A login with a verified address (as seed_demo makes the other demo logins); without
    `password`, an account that cannot log in (a person behind the demo figures)."""
    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model().objects.create_user(
            email=email,
            password=DEMO_PASSWORD if password else None,
            first_name=first_name,
            last_name=last_name,
        )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def seed(home, stdout):
    with no_mail(), translation.override(settings.LANGUAGE_CODE):
        members = register_members()
        activities = {
            page.slug: page
            for page in ActivityPage.objects.filter(
                locale=home.locale, slug__in={slug for slug, _email in SIGNUPS}
            )
        }
        sign_up_for_activities(activities, members)


def register_members():
    """Each member fills in the registration wizard while logged in; the address is verified,
    so register_member() activates the membership (member number, card) at once."""
    members = {}
    for spec in MEMBERS:
        user = demo_user(spec["email"], spec["first_name"], spec["last_name"])
        if not Membership.objects.filter(user=user).exists():
            profile = {key: value for key, value in spec.items() if key != "email"}
            register_member(request_as(user), profile)
        members[spec["email"]] = user
    return members


def sign_up_for_activities(activities, members):
    for slug, email in SIGNUPS:
        if slug in activities:
            sign_up(activities[slug], members[email])  # a second run returns the sign-up
    for slug in ATTENDED:
        activity = activities.get(slug)
        if activity is None:
            continue
        signups = ActivitySignup.objects.filter(
            activity=activity, status=ActivitySignup.Status.CONFIRMED
        )
        for signup in signups.filter(attended_at__isnull=True):
            check_in(signup.checkin_code)
        # The activity took place in the past: the scenario ran today, so move its sign-ups
        # and check-ins back to before and at the activity's start.
        if activity.start:
            signups.update(
                created_at=activity.start - timedelta(days=14), attended_at=activity.start
            )
        if slug in THANKS:
            # The organisers' thank-you on My page (staff write these; there is no service).
            email, message = THANKS[slug]
            MemberNotice.objects.get_or_create(
                user=members[email],
                message=message,
                defaults={"created_at": activity.end or activity.start},
            )
