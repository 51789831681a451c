import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from home.models import HomePage

DEFAULT_PASSWORD = "correct-horse-battery-staple"


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


class HomePageFactory(wagtail_factories.PageFactory):
    """A HomePage in the default locale; pass parent= to place it in the tree."""

    class Meta:
        model = HomePage

    title = factory.Sequence(lambda n: f"ページ{n}")
    hero_catch_copy = "苫小牧で、暮らしを試す。"
    locale = factory.LazyFunction(Locale.get_default)
