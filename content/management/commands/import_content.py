"""manage.py import_content PATH — import a content bundle (into an empty install, or again
into the same install as an update)."""

import time

from django.core.management.base import BaseCommand, CommandError

from content.importer import import_bundle
from content.serializer import BundleError


class Command(BaseCommand):
    help = (
        "Import a tsunagaru-content/1 bundle (folder or .zip). Objects are matched by natural "
        "key: new ones are created, changed ones updated, the rest left. Nothing is imported "
        "when the bundle has an error, or when it would overwrite what an editor changed since "
        "the last import (unless --force)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be created, changed or left."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite objects that were changed in this site since the last import.",
        )

    def handle(self, *args, path, dry_run, force, **options):
        started = time.monotonic()
        try:
            plan = import_bundle(path, force=force, dry_run=dry_run)
        except BundleError as error:
            raise CommandError(str(error)) from None
        if dry_run or options["verbosity"] > 1:
            for label, keys in (
                ("create", plan.created),
                ("change", plan.changed),
                ("leave", plan.unchanged),
            ):
                for key in keys:
                    self.stdout.write(f"{label:<7}{key}")
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(f"{verb} {path}: {plan.summary()} ({time.monotonic() - started:.1f} s)")
