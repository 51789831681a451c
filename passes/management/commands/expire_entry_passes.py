from django.core.management.base import BaseCommand

from passes.services import expire_stale_passes


class Command(BaseCommand):
    help = "Mark active Entry Passes whose last valid day has passed as expired (run daily)."

    def handle(self, *args, **options):
        count = expire_stale_passes()
        if options["verbosity"]:
            self.stdout.write(f"{count} pass(es) expired.")
