"""Fill a scratch database with months of fake history, to measure the reports at scale."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reports import load_data


class Command(BaseCommand):
    help = (
        "Bulk-create plausible, fake history (members, passes and uses, consultations, "
        "activity sign-ups, campaign clicks, page views) from 1 April of the previous fiscal "
        "year to today, to measure the dashboard and the report at scale. For scratch "
        "databases only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=100_000)
        parser.add_argument("--page-views", type=int, default=1_000_000)
        parser.add_argument("--uses", type=int, default=200_000)
        parser.add_argument("--consultations", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--force", action="store_true", help="Add more even though load data is there."
        )
        parser.add_argument(
            "--yes-on-production",
            action="store_true",
            help="Run even though DEBUG is off.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["yes_on_production"]:
            raise CommandError(
                "generate_load_data fills the database with fake members, passes, "
                "consultations and page views, which the city's figures would then count. It "
                "runs only with DEBUG on (a development or scratch database). Pass "
                "--yes-on-production to run it on a server all the same."
            )
        try:
            load_data.generate(
                members=options["members"],
                page_views=options["page_views"],
                uses=options["uses"],
                consultations=options["consultations"],
                seed=options["seed"],
                stdout=self.stdout,
                force=options["force"],
            )
        except load_data.LoadDataExists as error:
            raise CommandError(f"{error} (--force)") from None
