"""/go/<code>: count a click on a tracking link and send the visitor to its stored target."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from campaigns.attribution import (
    is_bot,
    is_prefetch,
    link_touch,
    record_click,
    set_source_cookie,
    source_for_link,
)
from campaigns.models import TrackingLink
from campaigns.targets import link_target


@require_safe
def go(request, code):
    link = get_object_or_404(
        TrackingLink.objects.select_related("campaign", "creator", "target_page"), code=code.lower()
    )
    response = redirect(link_target(link))
    # Crawlers, link previews (HEAD, prefetch) are redirected but neither counted nor tagged.
    if request.method == "GET" and not is_bot(request) and not is_prefetch(request):
        record_click(request, link_touch(link))
        set_source_cookie(response, source_for_link(link))
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
