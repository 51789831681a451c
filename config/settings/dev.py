"""Local development: `make run`. Works with nothing but Python (SQLite, local-memory cache,
e-mail printed to the console). A secret key is generated into the git-ignored .env once."""

import secrets

from .base import *  # noqa: F403
from .base import ENV_FILE, env


def _secret_key_from_env_file() -> str:
    """Return SECRET_KEY from the environment, creating it in .env on the first run."""
    key = env.str("SECRET_KEY", default="")
    if key:
        return key
    key = secrets.token_urlsafe(50)
    with open(ENV_FILE, "a", encoding="utf-8") as env_file:
        env_file.write(f"SECRET_KEY={key}\n")
    return key


DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = _secret_key_from_env_file()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# ==== Hardening (issue 15) ====
# --- two-factor authentication: how the demo's staff logins pass it in `make run` ---
# The demo's staff logins have an authenticator app (seed_demo prints its secret); in `make run`
# this code is also accepted at the login's code step. allauth refuses it when DEBUG is off,
# and neither the test nor the production settings set it.
if DEBUG:
    MFA_TOTP_INSECURE_BYPASS_CODE = env.str("MFA_DEMO_CODE", default="000000")
    # Security keys over plain http (open the site as http://localhost:8000, not 127.0.0.1:
    # browsers refuse an IP address as the WebAuthn relying party).
    MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

# `make run` is also the demo a city is shown: "not found" and server errors answer with the
# site's own pages in the visitor's language, not Django's technical pages (the list of every
# URL pattern, a traceback); the traceback still goes to the console. Last in MIDDLEWARE, so
# the language-prefix, slash and Wagtail redirects still apply to a 404.
# TECHNICAL_ERROR_PAGES=True in .env shows Django's pages while developing.
if DEBUG and not env.bool("TECHNICAL_ERROR_PAGES", default=False):
    MIDDLEWARE = [*MIDDLEWARE, "config.middleware.SiteErrorPagesMiddleware"]  # noqa: F405
