"""/go/<code>: count a click on a tracking link and send the visitor to its stored target."""

from django.http import Http404
from django.shortcuts import redirect
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
from core.responses import make_private


@require_safe
def go(request, code):
    link = (
        TrackingLink.objects.select_related("campaign", "creator", "target_page")
        .filter(code=code.lower())
        .first()
    )
    if link is None:
        request.not_found_outside_languages = True  # see config.middleware
        raise Http404
    response = redirect(link_target(link))
    # Crawlers, link previews (HEAD, prefetch) are redirected but neither counted nor tagged.
    if request.method == "GET" and not is_bot(request) and not is_prefetch(request):
        record_click(request, link_touch(link))
        set_source_cookie(response, source_for_link(link))
    # The redirect sets the visitor's source cookie: no shared cache may keep it, and no search
    # engine lists the short address.
    return make_private(response, hide_from_search=True)
