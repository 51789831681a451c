"""The reports in the Wagtail admin, and the page-view count of every served page."""

from wagtail import hooks

from reports import pageviews

hooks.register("before_serve_page", pageviews.mark_page_view)
