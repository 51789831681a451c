"""The reports in the Wagtail admin, and the page-view count of every served page."""

from wagtail import hooks

from reports import figures_pages, pageviews  # noqa: F401 (figures_pages registers its hooks)

hooks.register("before_serve_page", pageviews.mark_page_view)
