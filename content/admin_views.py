"""Hand-over screens in the Wagtail admin.

The data export: a page describing what the ZIP holds (the column description of
content.data_export, in the admin user's language) and a POST button that builds it. Only
city editors and superusers; each download is written to the personal data access log."""

import tempfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from content import data_export
from core.responses import make_private

#: Exports up to this size stay in memory; larger ones spill to a temporary file.
IN_MEMORY_BYTES = 20 * 1024 * 1024


@require_http_methods(["GET", "POST"])
def data_export_view(request):
    if not data_export.can_export(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return make_private(_download(request))
    counts = {dataset.name: _count(dataset) for dataset in data_export.DATASETS}
    return make_private(
        TemplateResponse(
            request,
            "content/admin/data_export.html",
            {
                "page_title": _("Data export"),
                "header_icon": "download",
                "datasets": data_export.describe(data_export.DATASETS, counts),
            },
        )
    )


def _download(request):
    # Built completely before anything is sent or logged: a failure leaves no half file.
    buffer = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)
    counts = data_export.write_export(buffer)
    data_export.log_export(counts, request=request)
    buffer.seek(0)
    return FileResponse(
        buffer,
        as_attachment=True,
        filename=data_export.default_filename(),
        content_type="application/zip",
    )


def _count(dataset):
    rows = dataset.rows()
    return rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)


@require_http_methods(["GET", "POST"])
def content_bundle_view(request):
    """The whole site as a content bundle (.zip), for city editors (the city owns it)."""
    from django.http import HttpResponse
    from django.utils import timezone

    from content.exporter import export_bundle

    if not data_export.can_export(request.user):
        raise PermissionDenied
    if request.method == "POST":
        exporter = export_bundle(None)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(exporter.writer.zip_bytes(), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="content-bundle-{stamp}.zip"'
        return make_private(response)
    return make_private(
        TemplateResponse(
            request,
            "content/admin/content_bundle.html",
            {"page_title": _("Content bundle"), "header_icon": "download"},
        )
    )
