"""Finding the page for a URL in one query instead of two per level of the tree.

Wagtail walks the tree: every path segment costs a child lookup and a `.specific` query. A
page's url_path is unique, so the page can be looked up directly; the (url_path → page id,
type) answer is cached until any page changes (the site-chrome version)."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page

from core.cache_version import version

_MISSING = "-"
TIMEOUT = 60 * 60


def find_descendant(root, path_components):
    """The specific page under `root` at exactly these path components, or None."""
    url_path = root.url_path + "/".join(path_components) + "/"
    key = f"route:{version()}:{root.pk}:{url_path}"
    found = cache.get(key)
    if found is None:
        row = (
            Page.objects.filter(url_path=url_path, path__startswith=root.path)
            .values_list("pk", "content_type_id")
            .first()
        )
        found = row or _MISSING
        cache.set(key, found, TIMEOUT)
    if found == _MISSING:
        return None
    page_id, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model.objects.filter(pk=page_id).first()
