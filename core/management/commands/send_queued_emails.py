from django.core.management.base import BaseCommand

from core.mail import delete_old, send_due


class Command(BaseCommand):
    help = (
        "Send the queued e-mails that are due (the first attempt failed, or the task queue "
        "was down), and delete old sent ones. Run it from cron every minute."
    )

    def handle(self, *args, **options):
        sent, failed = send_due()
        deleted = delete_old()
        self.stdout.write(f"Sent {sent}, still failing {failed}, deleted {deleted} old.")
