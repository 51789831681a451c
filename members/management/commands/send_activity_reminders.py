"""E-mail a reminder to everyone with a place in an activity that starts tomorrow. Run it
once a day from cron (e.g. 17:00); each sign-up is reminded once however often it runs."""

from django.core.management.base import BaseCommand

from members.services import send_activity_reminders


class Command(BaseCommand):
    help = "Send the day-before reminders for tomorrow's activities."

    def handle(self, *args, **options):
        sent = send_activity_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
