"""Generating a report: freeze the period's figures and the editors' text into a snapshot,
then make the PDF, the data zip (XLSX + CSV) and the Word file from it. A background task
(django-tasks) does the work and records its progress on the version, so a long generation
does not hold a request; the version never changes afterwards."""

import logging
import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.rich_text import expand_db_html

from reports import sections
from reports.models import Report, ReportVersion, Section

logger = logging.getLogger(__name__)

FORMAT = 1
PHOTO_RENDITION = "max-1600x1200|format-jpeg|jpegquality-80"


def _site_name():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.site_name if site and site.site_name else "Tsunagaru"


def _absolute_links(html):
    """Links to the site's own pages made absolute: the PDF and Word files are read away
    from the site."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else ""
    return re.sub(r'href="/(?!/)', f'href="{root}/', html)


def _photos(report, section):
    photos = []
    for photo in report.photos.filter(section=section).select_related("image"):
        rendition = photo.image.get_rendition(PHOTO_RENDITION)
        if getattr(photo.image, "is_decorative", False):
            alt = ""  # marked decorative by the editor: screen readers skip it
        else:
            alt = photo.image.default_alt_text or photo.caption or photo.image.title
        photos.append({"file": rendition.file.name, "alt": alt, "caption": photo.caption})
    return photos


def _highlights(report, section):
    items = []
    for highlight in report.highlights.filter(section=section).select_related("page"):
        page = highlight.page.specific
        items.append(
            {
                "title": page.title,
                "url": page.get_full_url() or "",
                "kind": str(page._meta.verbose_name),
            }
        )
    return items


def build_snapshot(report, figures=None, progress=None):
    """The report as a JSON-able dict: figures (computed now, or `figures` — the sections
    of an earlier snapshot) and the editors' text, photos and highlights as they are now."""
    with translation.override(report.language):
        if figures is None:
            figures = sections.build(report.period)
        if progress:
            progress(45, _("Adding the text and photos"))
        by_key = {section["key"]: section for section in figures}
        content = []
        for key, title in Section.choices:
            section = by_key.get(key, {"blocks": []})
            narrative = report.narrative(key)
            content.append(
                {
                    "key": key,
                    "title": str(title),
                    "narrative": _absolute_links(expand_db_html(narrative)) if narrative else "",
                    "photos": _photos(report, key),
                    "highlights": _highlights(report, key),
                    "blocks": section["blocks"],
                }
            )
        return {
            "format": FORMAT,
            "language": report.language,
            "title": report.title,
            "site_name": _site_name(),
            "period": {**report.period.to_dict(), "label": report.period.label},
            "generated_at": timezone.now().isoformat(),
            "sections": content,
        }


def request_generation(report, user):
    """A new version, queued; the task fills it. Earlier versions stay as they are."""
    with transaction.atomic():
        Report.objects.select_for_update().filter(pk=report.pk).first()
        number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = ReportVersion.objects.create(
            report=report, number=number, requested_by=user, step=_("Waiting to start")
        )
    # The backend decides when it runs: after the commit (ENQUEUE_ON_COMMIT), by a worker in
    # production, at once in tests.
    generate_report_version.enqueue(version.pk)
    return version


def _progress(version):
    def update(percent, step):
        version.progress, version.step = percent, str(step)
        ReportVersion.objects.filter(pk=version.pk).update(progress=percent, step=str(step))

    return update


def generate(version):
    from reports import render

    report = version.report
    update = _progress(version)
    version.status = ReportVersion.Status.RUNNING
    version.save(update_fields=["status"])
    with translation.override(report.language):
        update(5, _("Counting the figures"))
        snapshot = build_snapshot(report, progress=update)
        version.snapshot = snapshot
        version.save(update_fields=["snapshot"])
        stem = f"report-{report.pk}-v{version.number}"
        update(60, _("Making the PDF"))
        version.pdf.save(f"{stem}.pdf", ContentFile(render.render_pdf(snapshot)), save=False)
        update(80, _("Making the spreadsheet and CSV files"))
        version.data_zip.save(
            f"{stem}-data.zip", ContentFile(render.render_data_zip(snapshot)), save=False
        )
        update(90, _("Making the Word file"))
        version.docx.save(f"{stem}.docx", ContentFile(render.render_docx(snapshot)), save=False)
        version.status = ReportVersion.Status.DONE
        version.progress, version.step = 100, _("Ready")
        version.finished_at = timezone.now()
        version.save()
    return version


@task()
def generate_report_version(version_id):
    version = ReportVersion.objects.select_related("report").filter(pk=version_id).first()
    if version is None or version.status not in (
        ReportVersion.Status.QUEUED,
        ReportVersion.Status.FAILED,
    ):
        return
    try:
        generate(version)
    except Exception as error:  # recorded on the version for the editor, and logged
        logger.exception("Report version %s failed", version_id)
        with translation.override(version.report.language):
            ReportVersion.objects.filter(pk=version_id).update(
                status=ReportVersion.Status.FAILED,
                step=str(_("Failed")),
                error=f"{type(error).__name__}: {error}"[:2000],
                finished_at=timezone.now(),
            )
