"""`manage.py export_static DIR`: the static hand-over copy (content/static_export.py)."""

from django.core.management.base import BaseCommand, CommandError

from content.static_export import StaticExportError, export_static


class Command(BaseCommand):
    help = (
        "Write every live, public page in every language, the sitemap, feeds, robots.txt, a "
        "404 page, the static files and the media the pages use into DIR, for a plain web "
        "server (nginx: try_files $uri $uri/index.html =404; error_page 404 /404.html)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")
        parser.add_argument(
            "--base-url",
            help="Public address of the copy, e.g. https://www.city.example.jp "
            "(default: STATIC_EXPORT_BASE_URL, else the site's root URL).",
        )
        parser.add_argument(
            "--dynamic-url",
            help="The live site that search, forms, login, the Entry Pass and the consultation "
            "desk link to (default: STATIC_EXPORT_DYNAMIC_URL; empty: a notice with the desk's "
            "phone and e-mail).",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Replace an earlier export in DIR (only a directory this command wrote).",
        )

    def handle(self, directory, base_url=None, dynamic_url=None, clear=False, **options):
        try:
            result = export_static(
                directory,
                base_url=base_url,
                dynamic_url=dynamic_url,
                clear=clear,
                log=lambda message: self.stderr.write(message),
            )
        except StaticExportError as error:
            raise CommandError(str(error)) from error
        languages = ", ".join(f"{code} {count}" for code, count in sorted(result.pages.items()))
        self.stdout.write(
            f"{sum(result.pages.values())} pages ({languages}), {result.views} listings, feeds "
            f"and downloads, {result.redirects} redirects; {result.media} media files, "
            f"{result.documents} documents, {result.static} static files; {result.files} files "
            f"in {result.directory} in {result.seconds:.1f} s. Base URL: {result.base_url}"
        )
        for page, href in result.broken_links:
            self.stderr.write(f"Broken link on {page}: {href} (kept as text)")
        for name in result.missing_files:
            self.stderr.write(f"Not in storage: {name}")
