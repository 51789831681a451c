"""After the privacy policy's version changes in the site settings, e-mail every active
member who consented to an older version, once per version. My page asks them as well."""

from django.core.management.base import BaseCommand

from members.services import request_reconsent


class Command(BaseCommand):
    help = "E-mail members who have not yet agreed to the current privacy policy."

    def handle(self, *args, **options):
        sent = request_reconsent()
        self.stdout.write(f"{sent} member(s) asked to consent again.")
