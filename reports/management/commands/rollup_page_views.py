"""Fold the raw page views into daily counts (run daily from cron; see reports/pageviews.py)."""

from django.core.management.base import BaseCommand

from reports.pageviews import rollup


class Command(BaseCommand):
    help = "Fold raw page views into daily counts (Japan time) and delete the folded rows."

    def handle(self, *args, **options):
        folded = rollup()
        self.stdout.write(f"Folded {folded} page views into daily counts.")
