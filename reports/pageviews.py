"""First-party page views (work in progress: see tests/reports/test_page_views.py)."""


def mark_page_view(page, request, serve_args, serve_kwargs):
    return None
