from django.core.management.base import BaseCommand

from consultations.services import MAX_DELIVERY_ATTEMPTS, retry_failed_deliveries


class Command(BaseCommand):
    help = (
        "Send again the consultation e-mails that failed (mail server outage). "
        "Run it from cron, e.g. every 10 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--max-attempts", type=int, default=MAX_DELIVERY_ATTEMPTS)

    def handle(self, *args, **options):
        sent, failed = retry_failed_deliveries(options["max_attempts"])
        self.stdout.write(f"Sent {sent}, still failing {failed}.")
