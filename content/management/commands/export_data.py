"""`manage.py export_data PATH.zip`: the city's data export (content.data_export), logged."""

import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from content import data_export


class Command(BaseCommand):
    help = (
        "Write the city's data export (members, activities, passes, consultations, campaign "
        "figures; CSV and JSON with a column description) to a ZIP file. It holds personal "
        "data: the file is created readable by its owner only, and the export is logged."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the ZIP file to write, e.g. tsunagaru-data.zip")
        parser.add_argument(
            "--language",
            default="ja",
            help="language of README.txt, columns.json and the labels (default: ja)",
        )
        parser.add_argument(
            "--dataset",
            action="append",
            dest="datasets",
            metavar="NAME",
            help="only this dataset (repeatable): "
            + ", ".join(d.name for d in data_export.DATASETS),
        )
        parser.add_argument("--force", action="store_true", help="overwrite an existing file")

    def handle(self, path, language, datasets, force, **options):
        try:
            chosen = data_export.datasets_named(datasets)
        except KeyError as error:
            raise CommandError(f"Unknown dataset: {error.args[0]}") from None
        flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            raise CommandError(f"{path} exists; use --force to overwrite it.") from None
        started = time.monotonic()
        with translation.override(language), os.fdopen(fd, "wb") as out:
            counts = data_export.write_export(out, chosen)
        data_export.log_export(counts)
        seconds = time.monotonic() - started
        for name, rows in counts.items():
            self.stdout.write(f"{name}: {rows}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {path} ({os.path.getsize(path):,} bytes, {sum(counts.values())} rows, "
                f"{seconds:.2f} s); logged in the personal data access log."
            )
        )
