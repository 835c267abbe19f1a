"""rcphub settings: one module, read from the environment (django-environ).

Development (`make run`) sets DEBUG=1 and uses a SQLite file under var/. Production sets
RCPHUB_PRODUCTION=1, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; secure defaults follow from it.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import django_stubs_ext
import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from config.release import release_id

# Lets admin and form classes be subscripted at run time (ModelAdmin[Coalition]) for the type checker.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False) if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=False)
PRODUCTION = env.bool("RCPHUB_PRODUCTION", default=False)

if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY")
else:
    # Django's own check --deploy flags keys with this prefix, so it can never reach production.
    SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-rcphub-development-key-not-for-production")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "axes",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "rcphub.core",
    "rcphub.reference",
    "rcphub.accounts",
    "rcphub.search",
    "rcphub.coalitions",
    "rcphub.workplans",
    "rcphub.followup",
    "rcphub.meetings",
    "rcphub.repository",
    "rcphub.support",
    "rcphub.events",
    "rcphub.funding",
    "rcphub.reports",
    "rcphub.importers",
    "rcphub.audit",
    "rcphub.demo",
    "rcphub.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "rcphub.core.middleware.PermissionsPolicyMiddleware",
    "rcphub.core.middleware.RejectNulCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A view that meets a broken database connection (a restart) answers 503 with Retry-After, not 500.
    "rcphub.core.middleware.DatabaseUnavailableMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

(BASE_DIR / "var" / "static").mkdir(parents=True, exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'rcphub.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite as an embedded default that several requests write at once: readers never block the writer
    # (WAL), a writer waits up to 20 s for another (busy timeout), and every transaction takes the write
    # lock when it begins (IMMEDIATE), so that a transaction that read first never fails to upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60 if PRODUCTION else 0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if "postgresql" in DATABASES["default"]["ENGINE"] and not env.bool("RCPHUB_PG_JIT", default=False):
    # PostgreSQL's JIT compiles a plan when its estimated cost is high, which large tables make it for
    # short OLTP queries too; the compilation then costs more than the query (270-550 ms measured,
    # issue 12; docs/decisions/0012). Each connection runs with jit=off unless RCPHUB_PG_JIT=1. Options
    # the URL gives (?options=...) are kept; a URL that sets jit itself decides.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    given = str(options.get("options", "")).strip()
    if "jit" not in given:
        options["options"] = f"{given} -c jit=off".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# django-axes first: it refuses a locked-out sign-in before Django checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes; docs/decisions/0018): after RCPHUB_LOGIN_FAILURE_LIMIT failures an
# account is locked from every address, and an address for every account, for the cool-off; each
# failure during a lockout starts it again. The admin's "Access attempts" unlock (delete the row).
AXES_FAILURE_LIMIT = env.int("RCPHUB_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("RCPHUB_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "rcphub.accounts.throttling.login_username"
AXES_LOCKOUT_CALLABLE = "rcphub.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = False  # a success would also wipe its address's failures against other accounts
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The client's address is REMOTE_ADDR; X-Forwarded-For only when RCPHUB_PROXY_COUNT proxies that set
# it stand in front (the client can write the header too, so the right-most hops are the trusted ones).
RCPHUB_PROXY_COUNT = env.int("RCPHUB_PROXY_COUNT", default=0)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if RCPHUB_PROXY_COUNT else ("REMOTE_ADDR",)
)
AXES_IPWARE_PROXY_COUNT = RCPHUB_PROXY_COUNT or None
AXES_IPWARE_PROXY_ORDER = "right-most"
# API tokens: this many unknown or revoked tokens from one address within the window answer 429.
RCPHUB_API_TOKEN_FAILURE_LIMIT = env.int("RCPHUB_API_TOKEN_FAILURE_LIMIT", default=20)
RCPHUB_API_TOKEN_FAILURE_WINDOW = env.int("RCPHUB_API_TOKEN_FAILURE_WINDOW", default=15 * 60)

# Sign-in with the organisation's identity provider (OpenID Connect, mozilla-django-oidc;
# docs/decisions/0019): off unless RCPHUB_OIDC_CLIENT_ID is set; then /oidc/ answers and the login page
# offers it. The endpoints are given one by one, or read from RCPHUB_OIDC_ISSUER's discovery document at
# start-up (a given endpoint wins). A person is signed in to the existing account of the e-mail address
# the provider says it verified; no account is created and no role granted (rcphub.accounts.oidc).
RCPHUB_OIDC_ISSUER = env.str("RCPHUB_OIDC_ISSUER", default="").rstrip("/")
OIDC_RP_CLIENT_ID = env.str("RCPHUB_OIDC_CLIENT_ID", default="")
RCPHUB_OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
RCPHUB_OIDC_EMAIL_VERIFIED_CLAIM = env.str("RCPHUB_OIDC_EMAIL_VERIFIED_CLAIM", default="email_verified")
if RCPHUB_OIDC_ENABLED:
    from django.core.exceptions import ImproperlyConfigured
    from django.urls import reverse_lazy

    from rcphub.accounts.oidc_config import ENDPOINTS, discovered_endpoints

    _oidc = {name: env.str(f"RCPHUB_OIDC_{name}_ENDPOINT", default="") for name in ENDPOINTS}
    if RCPHUB_OIDC_ISSUER and not all(_oidc.values()):
        _oidc = {name: _oidc[name] or url for name, url in discovered_endpoints(RCPHUB_OIDC_ISSUER).items()}
    if not all(_oidc.values()):
        raise ImproperlyConfigured(
            "RCPHUB_OIDC_CLIENT_ID needs RCPHUB_OIDC_ISSUER or all of RCPHUB_OIDC_AUTHORIZATION_ENDPOINT, "
            "_TOKEN_ENDPOINT, _USERINFO_ENDPOINT and _JWKS_ENDPOINT"
        )
    OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc["AUTHORIZATION"]
    OIDC_OP_TOKEN_ENDPOINT = _oidc["TOKEN"]
    OIDC_OP_USER_ENDPOINT = _oidc["USERINFO"]
    OIDC_OP_JWKS_ENDPOINT = _oidc["JWKS"]
    OIDC_RP_CLIENT_SECRET = env.str("RCPHUB_OIDC_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env.str("RCPHUB_OIDC_SIGN_ALGO", default="RS256")
    OIDC_RP_SCOPES = "openid email"
    OIDC_CREATE_USER = False
    OIDC_TIMEOUT = 10
    OIDC_CALLBACK_CLASS = "rcphub.accounts.oidc.OrganisationOIDCCallbackView"
    LOGIN_REDIRECT_URL_FAILURE = reverse_lazy("accounts:login")
    # After django-axes, which refuses a locked-out address first.
    AUTHENTICATION_BACKENDS.append("rcphub.accounts.oidc.OrganisationOIDCBackend")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Zurich")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Uploaded and generated files (terms of reference, knowledge products, brief editions, import sources)
# go through Django's storage API: to an S3-compatible object store when RCPHUB_S3_BUCKET is set (every
# web and task worker on every machine sees the same files), to MEDIA_ROOT on the local disk otherwise.
# The files are private: no signed or public URLs are made; the app's own views check permissions and
# stream them. boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment itself.
RCPHUB_S3_BUCKET = env.str("RCPHUB_S3_BUCKET", default="")
if RCPHUB_S3_BUCKET:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": RCPHUB_S3_BUCKET,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "location": env.str("RCPHUB_S3_PREFIX", default=""),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
            # A file read back (to serve or to parse) spills from memory to a temporary file past 2 MB.
            "max_memory_size": 2 * 1024 * 1024,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# The cache of what is expensive and changes rarely (the repository's facet counts), kept under a data
# version that every write moves (rcphub.core.dataversion): Redis, shared by every worker process, when
# REDIS_URL is set; otherwise each process's own memory, which the version keeps correct too. Keys
# carry the release (config/release.py), so that no process reads what another release's code cached.
REDIS_URL = env.str("REDIS_URL", default="")
RCPHUB_RELEASE = release_id()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"rcphub:{RCPHUB_RELEASE}",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rcphub",
            "KEY_PREFIX": f"rcphub:{RCPHUB_RELEASE}",
        }
    }

# Uploads (terms of reference and other documents): size and type limits.
RCPHUB_UPLOAD_MAX_BYTES = env.int("RCPHUB_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
RCPHUB_UPLOAD_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "pptx"]
DATA_UPLOAD_MAX_MEMORY_SIZE = RCPHUB_UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# The address the site is served at, for links in files made outside a request (a demo edition's PDF).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# How many days an invitation by e-mail may be accepted (rcphub.accounts.services.invitation_create).
RCPHUB_INVITATION_DAYS = env.int("RCPHUB_INVITATION_DAYS", default=14)
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="rcphub <noreply@rcphub.local>")

# Background tasks (django-tasks): follow-up reminders a scheduler enqueues. Run in the process that
# enqueues them by default; with RCPHUB_TASKS_BACKEND=database they are stored in the database and run
# by `manage.py db_worker`, which `make serve` starts beside gunicorn
# (docs/decisions/0015-object-storage-and-task-worker.md).
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
RCPHUB_TASKS_BACKEND = env.str("RCPHUB_TASKS_BACKEND", default="immediate")
if RCPHUB_TASKS_BACKEND not in _TASK_BACKENDS:
    raise ValueError(
        f"RCPHUB_TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {RCPHUB_TASKS_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[RCPHUB_TASKS_BACKEND]}}

SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=PRODUCTION)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=PRODUCTION)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; docs/decisions/0017): scripts, styles, images, fonts and requests
# from this site only; no inline script (HTMX is a static file, no page has an inline <script> or an
# on*= handler); inline styles stay allowed, for the <style> blocks the pages share with their
# WeasyPrint print versions and the computed column widths. No page may be framed, no form sent away.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Permissions-Policy (rcphub.core.middleware.PermissionsPolicyMiddleware): browser features no page uses.
RCPHUB_PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# A session ends after RCPHUB_SESSION_HOURS (8 by default: a working day) from sign-in, and when the
# browser closes; signing in again is cheap, a session left open on a shared computer is not.
SESSION_COOKIE_AGE = env.int("RCPHUB_SESSION_HOURS", default=8) * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("RCPHUB_SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Follow-up: a commitment with no report for longer than this many days is stale.
RCPHUB_FOLLOWUP_STALE_DAYS = env.int("RCPHUB_FOLLOWUP_STALE_DAYS", default=180)

# Work-plan reporting: how many items an API list returns per page.
NINJA_PAGINATION_PER_PAGE = 50
NINJA_MAX_PER_PAGE_SIZE = 500
