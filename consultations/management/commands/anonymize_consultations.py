from django.core.management.base import BaseCommand

from consultations.services import anonymize_closed, retention_days


class Command(BaseCommand):
    help = (
        "Erase the personal data (name, e-mail, phone, messages, attachments) of consultations "
        "closed more than CONSULTATION_RETENTION_DAYS ago; counts stay. Run it daily."
    )

    def handle(self, *args, **options):
        count = anonymize_closed()
        self.stdout.write(
            f"Anonymized {count} consultation(s) closed more than {retention_days()} days ago."
        )
