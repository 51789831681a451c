"""Production: PostgreSQL, Redis, SMTP, HTTPS behind a reverse proxy.

Refuses to start, with one line naming the variable, when a required variable is missing.
"""

from .base import *  # noqa: F403
from .base import env

REQUIRED = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "CACHE_URL",
    "EMAIL_URL",
    "WAGTAILADMIN_BASE_URL",
)

for _name in REQUIRED:
    if not env.str(_name, default=""):
        # SystemExit prints just this line: no traceback to read through at 3 a.m.
        raise SystemExit(f"Missing required environment variable {_name} (see .env.example).")

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise SystemExit("DATABASE_URL must point at PostgreSQL in production.")
CACHES = {"default": env.cache("CACHE_URL")}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
EMAIL_CONFIG = env.email("EMAIL_URL")
globals().update(EMAIL_CONFIG)
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL")

# HTTPS is terminated by the reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# The reverse proxy in front of the app servers (README: Deploying); one by default.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# Background work runs in a worker (`manage.py db_worker`), queued in the database: e-mails of
# the consultation desk are retried there with a growing delay, and a page save does not wait
# for the search and reference indexes. Set TASKS_IMMEDIATE=True to run tasks in the request
# instead (a small install without a worker; failed e-mails are then retried only by cron).
if not env.bool("TASKS_IMMEDIATE", default=False):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# ==== Hardening (issue 15) ====
# --- mail outbox ---
EMAIL_TRANSPORT_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
# --- content security policy ---
# --- two-factor authentication ---
# --- documents ---
# --- hygiene: __Host- cookies, logging ---
# The __Host- prefix makes browsers accept these cookies only when Secure, for path "/" and
# without a Domain: no other host (a subdomain, a site on the same parent domain) can set or
# overwrite them. Renaming them logs everyone out once, at the first deploy with this setting.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_PATH = "/"
CSRF_COOKIE_PATH = "/"
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
