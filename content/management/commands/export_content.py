"""manage.py export_content PATH — the whole site as a content bundle (folder or .zip)."""

import time

from django.core.management.base import BaseCommand, CommandError

from content.exporter import export_bundle
from content.serializer import BundleError


class Command(BaseCommand):
    help = (
        "Write the site's content (pages in every language, snippets, settings, redirects, "
        "images and documents) as a tsunagaru-content/1 bundle: a folder, or a .zip when PATH "
        "ends in .zip. No personal data."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        started = time.monotonic()
        try:
            exporter = export_bundle(path)
        except BundleError as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{n} {what}" for what, n in sorted(exporter.counts.items()))
        self.stdout.write(f"Exported to {path}: {counts} ({time.monotonic() - started:.1f} s)")
        for warning in exporter.refs.warnings:
            self.stderr.write(f"warning: {warning}")
