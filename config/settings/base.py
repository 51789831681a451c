"""Settings shared by every environment.

Everything that differs between machines is read from the environment (or a git-ignored
``.env`` file) with django-environ; ``.env.example`` lists every variable.
"""

import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
ENV_FILE = Path(os.environ.get("DJANGO_ENV_FILE", BASE_DIR / ".env"))
if ENV_FILE.exists():
    env.read_env(str(ENV_FILE), overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    # this product
    "core",
    "members",
    "home",
    "passes",
    "consultations",
    "campaigns",
    "content",
    "reports",
    # accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # translation of content (replaces wagtail.locales)
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "formtools",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.UnknownLanguagePrefixMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "campaigns.attribution.CampaignSourceMiddleware",
    "reports.pageviews.PageViewMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Embedded default: SQLite under var/. IMMEDIATE transactions: without them concurrent
# writers fail with "database is locked" instead of waiting for the lock.
SQLITE_PATH = VAR_DIR / "tsunagaru.sqlite3"
DATABASES = {
    "default": env.db(
        "DATABASE_URL",
        default=f"sqlite:///{SQLITE_PATH}",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://tsunagaru")}

# Accounts: e-mail is the login (members.User); django-allauth handles every account flow.
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
# Rate limits are kept in the cache (Redis in production, shared by every app server).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "request_login_code": "20/m/ip,3/m/key",
    "confirm_email": "1/180s/key",
    # This product's public forms (core/abuse.py within_rate_limit); the same limiter.
    "member_register": "10/600s/ip",
    "activity_checkin": "30/m/ip,10/m/user",
    "pass_apply": "10/600s/ip",
    "pass_code": "30/m/ip,10/m/user",
    "consultation_submit": "5/600s/ip",
    "consultation_reply": "10/600s/ip",
}
# Public forms refuse a submission sent back faster than a person could fill it in.
FORM_TIME_TRAP_SECONDS = env.int("FORM_TIME_TRAP_SECONDS", default=3)
# A logged-in member sent to the login page (the admin, a private page) sees it rather than
# bouncing back to where they came from in a loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
# Bots fill every field; people never see this one.
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
# Behind a reverse proxy the client's address is in X-Forwarded-For; without this every
# visitor would share the proxy's address and one attacker could lock everyone out.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
# Wagtail's admin and its private pages use the same, rate-limited login.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILADMIN_LOGIN_URL = "account_login"

# Languages: Japanese first. URLs carry the language (/ja/, /en/, ...).
LANGUAGE_CODE = "ja"
LANGUAGES = [
    ("ja", "日本語"),
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("ko", "한국어"),
]
LANGUAGE_COOKIE_NAME = "tsunagaru_language"
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_SAMESITE = "Lax"
# locale/ is the project's catalogue (made by makemessages); locale_admin/ supplies the Japanese
# strings that Wagtail's and wagtail-localize's own catalogues lack (or get wrong) in the admin.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_admin"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ja", "日本語"), ("en", "English")]
# Translators fill in strings in wagtail-localize's translation editor (synced mode: PO files,
# machine translation, "out of date" when the Japanese changes). A new translation is a draft,
# never live at once: the translator submits it to the "City approval" workflow
# (content/translation_workflow.py, docs/translators.md).
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static files and media: everything is served from this site (WhiteNoise), no CDN.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
globals().update(EMAIL_CONFIG)
# A mail server that hangs must not hang a request or the task worker.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@tsunagaru.localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (search index, reference index, e-mail retries) goes through django-tasks.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": True,
    }
}

# Wagtail
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Tsunagaru")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.PortalImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "txt"]
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp", "gif": "gif"}
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_PASSWORD_RESET_ENABLED = False  # password resets go through allauth
# No avatars from gravatar.com: editors' e-mail hashes stay on this site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Security defaults; production tightens the transport settings.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail previews set SAMEORIGIN on their own responses

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "WARNING", "filters": ["as_warning"]},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# The Entry Pass: valid for the stay plus a margin each side; the rotating pass code's window.
ENTRY_PASS_MARGIN_DAYS = env.int("ENTRY_PASS_MARGIN_DAYS", default=1)
ENTRY_PASS_CODE_WINDOW_SECONDS = env.int("ENTRY_PASS_CODE_WINDOW_SECONDS", default=60)
ENTRY_PASS_MAX_STAY_DAYS = env.int("ENTRY_PASS_MAX_STAY_DAYS", default=90)

# The consultation desk: how long the person's link works, the working days within which the
# desk promises an answer (page, thank-you page, acknowledgement e-mail and the inbox's
# "overdue" all use consultations.working_days: weekends and Japan's national holidays are not
# counted), how long personal data of closed ones is kept, and the largest attachment.
CONSULTATION_LINK_MAX_AGE_DAYS = env.int("CONSULTATION_LINK_MAX_AGE_DAYS", default=90)
CONSULTATION_RESPONSE_DAYS = env.int("CONSULTATION_RESPONSE_DAYS", default=3)
# Days ("MM-DD") the desk is closed every year, not counted as working days either: by default
# the city's year-end closure, 29 December to 3 January (a municipality's holidays by its
# ordinance, 地方自治法 4条の2). Empty for a desk that answers then.
CONSULTATION_DESK_CLOSED_DAYS = env.list(
    "CONSULTATION_DESK_CLOSED_DAYS",
    default=["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"],
)
# Activity check-in (members.services.checkin_window) is open from this many hours before an
# activity starts until this many hours after it ends: on the activity's day only, so that
# attendance counted toward the premium tier is real attendance.
ACTIVITY_CHECKIN_WINDOW = env.int("ACTIVITY_CHECKIN_WINDOW", default=3)
CONSULTATION_RETENTION_DAYS = env.int("CONSULTATION_RETENTION_DAYS", default=365)
# Attachments are kept outside MEDIA_ROOT (never served by the web server; views stream them
# after checking who asks). Back this directory up with the media.
CONSULTATION_PRIVATE_ROOT = Path(
    env.str("CONSULTATION_PRIVATE_ROOT", default=str(VAR_DIR / "private"))
)
CONSULTATION_ATTACHMENT_MAX_BYTES = env.int(
    "CONSULTATION_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024
)

# Campaigns: a registration, pass, offer use, consultation or sign-up is credited to the last
# tracking link or UTM set the visitor arrived with within this many days.
CAMPAIGN_ATTRIBUTION_DAYS = env.int("CAMPAIGN_ATTRIBUTION_DAYS", default=30)

# Reports: count public page views first-party (no cookie, IP or user agent; reports/pageviews.py).
REPORTS_COUNT_PAGE_VIEWS = env.bool("REPORTS_COUNT_PAGE_VIEWS", default=True)

# The results report's PDF and Word font (fontconfig family name); `manage.py check` fails when
# it is not installed (Debian: fonts-noto-cjk).
REPORTS_PDF_FONT = env.str("REPORTS_PDF_FONT", default="Noto Sans CJK JP")

# The first day the site has figures for: a report or dashboard period ending before it is
# refused with a clear message.
REPORTS_SITE_START = env.str("REPORTS_SITE_START", default="2025-04-01")

# Hand-over (content/). The static copy (`manage.py export_static`) is served from this public
# address; links to what only the application can do (search, forms, login, the Entry Pass,
# the consultation desk) go to STATIC_EXPORT_DYNAMIC_URL when set, otherwise they are replaced
# by a notice with the desk's phone and e-mail.
STATIC_EXPORT_BASE_URL = env.str("STATIC_EXPORT_BASE_URL", default="")
STATIC_EXPORT_DYNAMIC_URL = env.str("STATIC_EXPORT_DYNAMIC_URL", default="")


# Machine translation in the translation editor: off unless a DeepL key is set. A free-plan
# key (ending in ":fx") goes to DeepL's free endpoint by itself.
def machine_translator_setting(deepl_api_key):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR for a DeepL key, or None: no machine translation."""
    if not deepl_api_key:
        return None
    return {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": deepl_api_key},
    }


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(
    env.str("DEEPL_API_KEY", default="")
)


# ==== Hardening (issue 15). Each block below is owned by one part of the work. ====

# --- mail outbox: every e-mail is stored and sent by the task worker (core/mail.py) ---
# EMAIL_URL chooses the transport (console here, SMTP in production); the site itself sends
# through the queue, which stores each e-mail and retries it while the mail server is down.
EMAIL_TRANSPORT_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
# Attempts 1, 2, 4 … minutes apart (at most 6 hours); sent and failed e-mails kept this long.
OUTGOING_EMAIL_MAX_ATTEMPTS = env.int("OUTGOING_EMAIL_MAX_ATTEMPTS", default=12)
OUTGOING_EMAIL_KEEP_DAYS = env.int("OUTGOING_EMAIL_KEEP_DAYS", default=30)

# --- content security policy (django-csp) ---
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402
from wagtail.embeds import oembed_providers as _oembed_providers  # noqa: E402

# config/csp.py: a strict nonce-based policy for the public site, the admin's own policy for
# /admin/ (Wagtail's inline scripts and styles), violations logged by /csp-report/.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "config.csp.ContentSecurityPolicyMiddleware",
)
CONTENT_SECURITY_POLICY_REPORT_URL = "/csp-report/"
# The only embeds the video block and campaign pages offer; other providers get the plain link
# (their iframes and scripts would be blocked by the policy anyway).
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [_oembed_providers.youtube, _oembed_providers.vimeo],
    }
]
CSP_EMBED_FRAME_HOSTS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
# Images served from another host (S3-compatible object storage, a CDN in front of MEDIA_ROOT):
# their origins, e.g. https://tsunagaru-media.s3.ap-northeast-1.amazonaws.com
CSP_MEDIA_HOSTS = env.list("CSP_MEDIA_HOSTS", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # data: for the authenticator app's QR code (2FA setup) and the editors' userbar CSS.
        "img-src": [SELF, "data:", *CSP_MEDIA_HOSTS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": CSP_EMBED_FRAME_HOSTS,
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "report-uri": CONTENT_SECURITY_POLICY_REPORT_URL,
    }
}
# Wagtail's admin has inline scripts and styles of its own (date widgets, inline panels,
# wagtail-localize's editor) and frames its own previews; no nonce here, or browsers would
# ignore 'unsafe-inline'. config/csp.py applies it to these path prefixes.
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ("/admin/",)
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # data: for images in Wagtail's own CSS, blob: for the image upload's previews.
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_HOSTS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_EMBED_FRAME_HOSTS],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "report-uri": CONTENT_SECURITY_POLICY_REPORT_URL,
    }
}
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "csp_report": "60/m/ip"}

# --- two-factor authentication for staff (allauth.mfa) ---
# Accounts that can see personal data (superusers, City editors, Consultation staff, the
# residents' view/export and the consultation inbox permissions) must use an authenticator
# app; members may. members/two_factor.py sends such an account without one to set it up.
MIDDLEWARE.insert(
    MIDDLEWARE.index("allauth.account.middleware.AccountMiddleware") + 1,
    "members.two_factor.StaffTwoFactorMiddleware",
)
# Security keys (WebAuthn) as a second factor too; not as a password replacement (passkey
# login stays off). Browsers allow WebAuthn only on https or http://localhost.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
# A code typed in the last seconds of its 30 is checked in the next 30: one step of tolerance
# either way, as RFC 6238 (section 5.2) recommends for delays and phone clocks a little off.
MFA_TOTP_TOLERANCE = 1
MFA_RECOVERY_CODE_COUNT = 10
MFA_RECOVERY_CODE_DIGITS = 8
MFA_FORMS = {"authenticate": "members.two_factor.CodeStepForm"}

# --- login throttling and password strength ---
# Failed logins are refused per address only: a refusal per account let anyone keep its owner
# out with one wrong password a minute. Per account, after LOGIN_FAILURES_BEFORE_CODE failures
# within LOGIN_FAILURE_WINDOW_SECONDS the right password also needs the e-mailed login code
# (members/login_events.py); failed logins are listed for staff ("Failed logins").
ACCOUNT_RATE_LIMITS["login_failed"] = "10/m/ip"
LOGIN_FAILURES_BEFORE_CODE = 5
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60
# Refuses repeated characters, the site's and the city's names and easily guessed words
# (zxcvbn); long Japanese passphrases pass.
AUTH_PASSWORD_VALIDATORS.append({"NAME": "members.passwords.PassphraseValidator"})

# --- documents ---
# Documents are always served by Django (/documents/<id>/<name>), which checks the collection's
# privacy; the web server never serves MEDIA_ROOT/documents (deploy/nginx/tsunagaru.conf).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every download is an attachment, PDFs included: nothing uploaded renders in the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
# Size limit and the bytes checked against the extension (home/documents.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.documents.CheckedDocumentForm"

# --- hygiene: sessions, cookies, control characters, logging ---
# Control characters are removed from query strings and form fields before any view runs
# (config/middleware.py): a NUL in ?q= was a server error on PostgreSQL.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "config.middleware.ControlCharacterMiddleware",
)
# A request for a host this site does not serve is the visitor's mistake (400), not an error
# of the site: logged at WARNING (config/log_filters.py), once (through the root handler).
LOGGING.setdefault("filters", {})["as_warning"] = {"()": "config.log_filters.AsWarning"}
