"""Share links: plain links to the share forms of X, Facebook and LINE, so no script of theirs
is loaded (CSP, and no tracking of visitors who do not share). Stories and news use
`page_share_links`; campaign pages build theirs with `share_links` and tagged addresses."""

from urllib.parse import urlencode

from django import template

register = template.Library()

SHARE_SERVICES = [
    # (service, label, address of the service's share form)
    ("x", "X", "https://x.com/intent/post"),
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php"),
    ("line", "LINE", "https://social-plugins.line.me/lineit/share"),
]


def page_full_url(request, page):
    """The page's full address: the Site's public address, else the request's."""
    url = page.get_full_url(request)
    if url:
        return url
    return request.build_absolute_uri(page.url) if request else page.url


def share_links(text, url_for):
    """[{service, label, url}] for each service; `url_for(service)` is the address to share
    there (campaigns tag it per service), `text` what X puts in the post."""
    links = []
    for service, label, base in SHARE_SERVICES:
        url = url_for(service)
        if service == "x":
            params = {"url": url, "text": text}
        elif service == "facebook":
            params = {"u": url}
        else:
            params = {"url": url}
        links.append({"service": service, "label": label, "url": f"{base}?{urlencode(params)}"})
    return links


@register.simple_tag(takes_context=True)
def page_share_links(context, page, text=""):
    """Share links for a page's own full address, with its title (or `text`) as the post."""
    url = page_full_url(context.get("request"), page)
    return share_links(text or page.title, lambda service: url)
