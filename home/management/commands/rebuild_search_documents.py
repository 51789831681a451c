"""Rebuild the Japanese-aware search table from every live page (after an import, say)."""

from django.core.management.base import BaseCommand

from home.search import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the site search table (SearchDocument) from every live, public page."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} pages."))
