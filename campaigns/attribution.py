"""A visit's source: captured from /go/ links and UTM values, kept in a signed first-party
cookie for settings.CAMPAIGN_ATTRIBUTION_DAYS, and copied onto clicks and conversions.

The cookie holds only the link's id, the UTM values and the time: no personal data, and no
personal data ever travels in a URL. Bots (crawlerdetect's list, link previewers included)
are neither counted nor given a cookie."""

import contextvars
import hashlib
import hmac
import re
import time
import unicodedata
from datetime import UTC, datetime, timedelta

from allauth.account.adapter import get_adapter
from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core import signing
from django.utils import timezone

COOKIE_NAME = "tsunagaru_source"
COOKIE_SALT = "tsunagaru.campaigns.source"
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
UTM_MAX_LENGTH = 100

# Channels recognised from utm_source (share links and UTM-tagged posts without a /go/ link).
UTM_SOURCE_CHANNELS = {
    "instagram": "instagram",
    "ig": "instagram",
    "x": "x",
    "twitter": "x",
    "t.co": "x",
    "tiktok": "tiktok",
    "youtube": "youtube",
    "line": "line",
    "newsletter": "newsletter",
    "mail": "newsletter",
    "email": "newsletter",
    "press": "press_release",
    "press_release": "press_release",
    "flyer": "flyer",
    "google": "web_ad",
    "yahoo": "web_ad",
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_crawler_detect = CrawlerDetect()

current_request = contextvars.ContextVar("campaigns_current_request", default=None)


def window():
    return timedelta(days=settings.CAMPAIGN_ATTRIBUTION_DAYS)


def clean_utm(value):
    """Malformed values are kept as text: normalised, control characters removed, truncated."""
    value = unicodedata.normalize("NFKC", str(value))
    return _CONTROL.sub("", value).strip()[:UTM_MAX_LENGTH]


def utm_from_query(query):
    return {key: clean_utm(query[key]) for key in UTM_KEYS if query.get(key, "").strip()}


def is_bot(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    if not agent.strip():
        return True
    return _crawler_detect.isCrawler(agent)


def is_prefetch(request):
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" in purpose.lower()


def device_class(user_agent):
    from campaigns.models import Click

    agent = user_agent.lower()
    if "ipad" in agent or "tablet" in agent or ("android" in agent and "mobile" not in agent):
        return Click.Device.TABLET
    if "mobi" in agent or "iphone" in agent:
        return Click.Device.MOBILE
    if any(word in agent for word in ("windows", "macintosh", "x11", "cros", "linux")):
        return Click.Device.DESKTOP
    return Click.Device.OTHER


def visitor_hash(request):
    """A keyed hash of the client's address: counts unique visitors, cannot be reversed to
    the address without the secret key."""
    address = get_adapter().get_client_ip(request) or ""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"campaigns.visitor:{address}".encode(), hashlib.sha256
    )
    return digest.hexdigest()[:32]


def source_for_link(link):
    return {"l": link.pk, "t": int(time.time())}


def source_for_utm(utm):
    return {"u": utm, "t": int(time.time())}


def set_source_cookie(response, source):
    response.set_signed_cookie(
        COOKIE_NAME,
        signing.dumps(source, compress=True),
        salt=COOKIE_SALT,
        max_age=int(window().total_seconds()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def read_source(request, now=None):
    """The visit's source if it was set within the attribution window, else None."""
    raw = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT)
    if not raw:
        return None
    try:
        source = signing.loads(raw)
        touched = datetime.fromtimestamp(int(source["t"]), tz=UTC)
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError):
        return None
    now = now or timezone.now()
    if touched > now + timedelta(minutes=5) or now - touched > window():
        return None
    source["touched_at"] = touched
    return source


def touch_fields(source):
    """The Touch fields (link, campaign, creator, channel, UTM) a source stands for."""
    from campaigns.models import CampaignPage, TrackingLink

    if source.get("l"):
        link = (
            TrackingLink.objects.select_related("campaign", "creator")
            .filter(pk=source["l"])
            .first()
        )
        if link is None:
            return None
        return link_touch(link)
    utm = {
        key: clean_utm(value) for key, value in (source.get("u") or {}).items() if key in UTM_KEYS
    }
    if not utm:
        return None
    fields = dict(utm)
    code = utm.get("utm_campaign", "")
    if code:
        fields["campaign"] = (
            CampaignPage.objects.originals().filter(code=code).order_by("pk").first()
        )
    fields["channel"] = UTM_SOURCE_CHANNELS.get(utm.get("utm_source", "").lower(), "other")
    return fields


def link_touch(link):
    utm = link.utm_values()
    return {
        "link": link,
        "campaign": link.campaign,
        "creator": link.creator,
        "channel": link.channel,
        **{
            key: utm.get(key, "")
            for key in ("utm_source", "utm_medium", "utm_campaign", "utm_content")
        },
    }


def record_click(request, fields):
    from campaigns.models import Click

    return Click.objects.create(
        visitor=visitor_hash(request),
        device=device_class(request.META.get("HTTP_USER_AGENT", "")),
        **fields,
    )


def record_conversion(kind, obj, source=None, request=None):
    """Store that `obj` (of `kind`) came from the current visit's source, once per object.

    `source` defaults to the source of the request being handled (set by the middleware);
    nothing is stored for a conversion without a source within the window."""
    from campaigns.models import Conversion

    if source is None:
        request = request or current_request.get()
        if request is None:
            return None
        source = read_source(request)
    if not source:
        return None
    fields = touch_fields(source)
    if not fields:
        return None
    conversion, _created = Conversion.objects.get_or_create(
        kind=kind,
        object_id=str(obj.pk),
        defaults={**fields, "touched_at": source["touched_at"]},
    )
    return conversion


def source_of_conversion(conversion):
    """A stored conversion as a source, for what follows from it (an offer used at a partner's
    counter is attributed like the pass it was used with)."""
    if conversion is None:
        return None
    if conversion.link_id:
        return {"l": conversion.link_id, "touched_at": conversion.touched_at}
    utm = {key: getattr(conversion, key) for key in UTM_KEYS if getattr(conversion, key)}
    return {"u": utm, "touched_at": conversion.touched_at} if utm else None


class CampaignSourceMiddleware:
    """Makes the request available to conversion signals, and captures UTM values arriving
    on any public page (counted as an arrival and kept as the visit's source)."""

    SKIP_PREFIXES = ("/admin", "/static", "/media", "/documents", "/go/", "/healthz", "/feeds")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        if (
            request.method == "GET"
            and response.status_code == 200
            and any(key in request.GET for key in UTM_KEYS)
            and not request.path.startswith(self.SKIP_PREFIXES)
            and not is_bot(request)
            and not is_prefetch(request)
        ):
            utm = utm_from_query(request.GET)
            if utm:
                source = source_for_utm(utm)
                fields = touch_fields(source)
                if fields:
                    record_click(request, fields)
                    set_source_cookie(response, source)
        return response
