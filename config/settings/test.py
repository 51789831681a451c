"""Settings for the test suite: fast hashing, local-memory cache, immediate tasks."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    # In memory, one store per process: a test that switches STORAGES (documents served from a
    # real folder) must not empty the store the session's demo images live in.
    "default": {"BACKEND": "config.test_storage.SharedInMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Without the immediate backend, search-index and reference updates never run in tests.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}
WAGTAILADMIN_BASE_URL = "http://testserver"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so that live_server threads and concurrency tests see real locking.
    # Under pytest-xdist, pytest-django suffixes this name per worker (test.sqlite3_gw0, _gw1):
    # each worker has its own file, as each has its own PostgreSQL test database.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("TEST_SQLITE_PATH", str(VAR_DIR / "test.sqlite3"))
    }
# Browser tests fill forms faster than a person; tests of the time trap set it themselves.
FORM_TIME_TRAP_SECONDS = 0

# ==== Hardening (issue 15) ====
# --- mail outbox ---
# The test runner puts EMAIL_BACKEND on locmem for the whole run; the mail tests switch the
# queue on themselves (tests/mail/). Whatever is sent through the transport lands in mail.outbox.
EMAIL_TRANSPORT_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# --- content security policy ---
# --- two-factor authentication ---
# The browser tests' live server is plain http on localhost (security keys, WebAuthn).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# --- login throttling and password strength ---
# --- hygiene ---
