from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import csp, views
from home import views as home_views
from home.feeds import NewsAtomFeed, NewsFeed

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"

# Outside the language prefix: the admin, documents, machine URLs.
urlpatterns = [
    # One login for everyone: allauth's, which is rate-limited and verifies e-mail.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="admin_login_redirect",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("feeds/<str:language>/news.rss", NewsFeed(), name="news_rss"),
    path("feeds/<str:language>/news.atom", NewsAtomFeed(), name="news_atom"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz/", views.healthz, name="healthz"),
    # Content-Security-Policy violation reports (config/csp.py): browsers post them here.
    path("csp-report/", csp.csp_report, name="csp_report"),
    # Tracking links: printed on flyers and QR codes, so language-neutral.
    path("go/", include("campaigns.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Every account is opened by the registration wizard (with its privacy consent) or the
    # Entry Pass application; allauth's bare sign-up leads to the wizard (?next kept), and the
    # adapter keeps allauth's sign-up form closed behind it.
    path(
        "accounts/signup/",
        RedirectView.as_view(pattern_name="members:register", query_string=True),
        name="signup_to_registration",
    ),
    path("accounts/", include("allauth.urls")),
    path("search/", home_views.search_view, name="search"),
    path("members/", include("members.urls")),
    path("pass/", include("passes.urls")),
    path("consultation/", include("consultations.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
