"""What every e-mail of the site shares: the signature of the city's desk.

`{% load email_tags %}{% email_desk as desk %}` gives the desk's name, phone, e-mail, hours and
address in the active language (the recipient's: senders render inside
translation.override), read from the site identity and the site settings, and the site's
public base URL. templates/emails/_signature.txt and .html do this themselves, so an e-mail
template only needs `{% include "emails/_signature.txt" %}`; no sender has to add context.
"""

from django import template
from django.conf import settings
from django.utils.translation import gettext

register = template.Library()


def desk_details():
    """{name, site_name, city_name, phone, email, hours, address, base_url}."""
    from wagtail.models import Site

    from home.models import SiteIdentity, SiteSettings

    identity = SiteIdentity.for_active_locale()
    site = Site.objects.filter(is_default_site=True).first()
    site_settings = SiteSettings.objects.filter(site=site).first() if site else None
    site_name = identity.site_name if identity else settings.WAGTAIL_SITE_NAME
    city_name = identity.city_name if identity else ""
    if city_name:
        name = gettext("%(site_name)s desk, %(city_name)s") % {
            "site_name": site_name,
            "city_name": city_name,
        }
    else:
        name = gettext("%(site_name)s desk") % {"site_name": site_name}
    return {
        "name": name,
        "site_name": site_name,
        "city_name": city_name,
        "phone": site_settings.contact_phone if site_settings else "",
        "email": site_settings.contact_email if site_settings else "",
        "hours": identity.contact_hours if identity else "",
        "address": identity.address if identity else "",
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/",
    }


@register.simple_tag
def email_desk():
    return desk_details()
