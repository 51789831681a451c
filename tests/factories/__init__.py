import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from home.models import HomePage
from members.two_factor import requires_two_factor

DEFAULT_PASSWORD = "correct-horse-battery-staple"
# Staff who must use two-factor authentication get an authenticator app when a test makes them
# (here) or grants them a role (tests/conftest.py), as staff on the live site have set one up.
# Tests of the setup itself ask for the fixture staff_without_authenticator_app, which turns
# this off.
STAFF_GET_AUTHENTICATOR_APPS = {"on": True}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.jp")
    first_name = "太郎"
    last_name = "苫小牧"
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Verified e-mail unless verified=False is given (allauth requires it to log in)."""
        if not create:
            return
        self.save()
        EmailAddress.objects.create(
            user=self, email=self.email, primary=True, verified=extracted is not False
        )

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))

    @factory.post_generation
    def two_factor(self, create, extracted, **kwargs):
        """Staff who must use two-factor authentication (members/two_factor.py) have an
        authenticator app, so that force_login reaches their pages; two_factor=False leaves
        it out (tests of the setup), two_factor=True adds it to anyone."""
        if not create or extracted is False:
            return
        if extracted or (STAFF_GET_AUTHENTICATOR_APPS["on"] and requires_two_factor(self)):
            give_authenticator_app(self)


def give_authenticator_app(user):
    """An authenticator app (TOTP) for `user`; tests/e2e/accounts.py computes its codes."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return existing or TOTP.activate(user, generate_totp_secret()).instance


class HomePageFactory(wagtail_factories.PageFactory):
    """A HomePage in the default locale; pass parent= to place it in the tree."""

    class Meta:
        model = HomePage

    title = factory.Sequence(lambda n: f"ページ{n}")
    hero_catch_copy = "苫小牧で、暮らしを試す。"
    locale = factory.LazyFunction(Locale.get_default)
