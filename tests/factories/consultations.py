import factory
from django.utils import timezone

from consultations.models import Consultation, Message


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"C-2000-{n:05d}")
    name = "苫小牧 花子"
    email = factory.Sequence(lambda n: f"person{n}@example.com")
    residence_prefecture = "13"
    topics = "|two_region|housing|"
    message = "夏だけ苫小牧で暮らしたいと考えています。"
    created_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def first_message(self, create, extracted, **kwargs):
        if create:
            Message.objects.create(consultation=self, kind=Message.Kind.PERSON, body=self.message)
