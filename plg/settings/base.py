"""Settings shared by every environment; values that differ per machine come from the environment.

Safe on their own: debug off unless the environment turns it on, and no start without a
`SECRET_KEY` (`plg.core.apps`). `development` (for `make run`) and `test` add what their
machines need; `production` adds HTTPS.
"""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "plg.core",
    "plg.accounts",
    "plg.organisations",
    "plg.methods",
    "plg.communities",
    "plg.meetings",
    "plg.live",
    "plg.scans",
    "plg.roosters",
    "plg.bezoeken",
    "plg.planning",
    "plg.tandem",
    "plg.bibliotheek",
    "plg.traject",
    "plg.post",
    "plg.pages",
    "plg.beheer",
    "plg.privacy",
    "channels",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "plg.core.middleware.ChosenLanguageMiddleware",
    "plg.core.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "plg.privacy.middleware.RaadplegingMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# Scripts and styles only from our own files: no inline script, no eval (htmx runs with
# allowEval off). Style attributes stay allowed (a progress bar's width); they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],  # the live page's WebSocket: ws/wss on the same host
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

ROOT_URLCONF = "plg.urls"
WSGI_APPLICATION = "plg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "plg" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "plg.pages.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'plg.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        # A writer waits this long for another's write to finish before "database is locked":
        # no request holds the lock while doing slow work, so a wait is short; the limit stays
        # well below the 30 s after which gunicorn gives up on a request.
        "timeout": 10,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "plg.accounts.backends.Throttled",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one address from one place, then a pause; failures are kept only
# until then, and no log of who logged in is kept at all (django-axes).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # no start-up banner, no user agents in the log
AXES_USERNAME_CALLABLE = "plg.accounts.backends.login_address"
AXES_CLIENT_IP_CALLABLE = "plg.core.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "plg.accounts.views.geblokkeerd"
# A mail that is never stored (the password reset) is sent beside the request, not in it.
MAIL_BESIDE_RESPONSE = True
# How many proxies of our own stand in front (their X-Forwarded-For entries are trusted).
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]


def school_accounts() -> dict[str, dict[str, Any]]:
    """Sign in with the school's account (OpenID Connect; docs/deploy.md): a provider whose
    client id is set gets its button on the login page; none set, no button. Entra ID needs the
    school's own tenant: with ``common`` anyone's Microsoft account would be one of ours."""
    accounts: dict[str, dict[str, Any]] = {}
    if os.environ.get("ENTRA_CLIENT_ID"):
        tenant = os.environ.get("ENTRA_TENANT_ID", "")
        if tenant in {"", "common", "organizations", "consumers"}:
            raise ValueError("ENTRA_TENANT_ID: the school's own tenant id, not common")
        accounts["microsoft"] = {
            "issuer": f"https://login.microsoftonline.com/{tenant}/v2.0",
            "client_id": os.environ["ENTRA_CLIENT_ID"],
            "client_secret": os.environ.get("ENTRA_CLIENT_SECRET", ""),
        }
    if os.environ.get("GOOGLE_CLIENT_ID"):
        accounts["google"] = {
            "issuer": "https://accounts.google.com",
            "client_id": os.environ["GOOGLE_CLIENT_ID"],
            "client_secret": os.environ.get("GOOGLE_CLIENT_SECRET", ""),
            "domains": [d for d in os.environ.get("GOOGLE_DOMAINS", "").split(",") if d],
        }
    return accounts


SCHOOL_ACCOUNTS = school_accounts()
# mozilla-django-oidc: never an account on the fly (only staff the school knows), PKCE on, and
# a provider that does not answer in time is a refusal, not a hanging page.
OIDC_CREATE_USER = False
OIDC_USE_PKCE = True
OIDC_RP_SCOPES = "openid email profile"
OIDC_AUTHENTICATION_CALLBACK_URL = "school_aanmelden_terug"
OIDC_TIMEOUT = 10
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "plg" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic puts the files a proxy (nginx) serves under /static/.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "plg" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
WHITENOISE_USE_FINDERS = DEBUG
# Files a browser asks for at the root (favicon.ico): served as they are, no page in between.
WHITENOISE_ROOT = BASE_DIR / "plg" / "public"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PLG-werkplaats <noreply@plg.invalid>")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Domain settings.
PLG_INVITATION_DAYS = int(os.environ.get("PLG_INVITATION_DAYS", "14"))
PLG_DEFAULT_WERKGROEP_MINUTES = 60
# No scan figure describes fewer respondents than this (never below 3, whatever is set).
SCAN_MIN_GROUP = int(os.environ.get("SCAN_MIN_GROUP", "5"))
# How long the month planner may search before it returns its best plan.
PLANNER_SECONDS = float(os.environ.get("PLANNER_SECONDS", "10"))
# The task worker's heartbeat; /health calls a worker late after three missed beats.
HARTSLAG_SECONDS = int(os.environ.get("HARTSLAG_SECONDS", "60"))


def logging_config(formatter: str) -> dict[str, Any]:
    """``formatter``: ``tekst`` for a person at a terminal, ``json`` for a log collector."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"bearer_links": {"()": "plg.core.logs.RedactBearerLinks"}},
        "formatters": {
            "tekst": {"format": "%(message)s"},
            # One JSON object per line for a log collector (production's default, LOG_FORMAT=json).
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["bearer_links"],
                "formatter": formatter,
            }
        },
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "loggers": {
            # WeasyPrint logs every stylesheet it parses at INFO, on import too.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
            # Django's own handlers and the servers' access logs name paths: through ours, masked.
            "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "uvicorn.access": {"handlers": ["console"], "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "propagate": False},
        },
    }


LOGGING = logging_config(os.environ.get("LOG_FORMAT", "tekst"))

ASGI_APPLICATION = "plg.asgi.application"
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# redis-py 8 stops reading a reply after 5 s (its default socket_timeout): exactly as long as
# channels_redis's blocking pop waits for a message, so every live socket that was quiet for 5 s
# failed. The layer's connections wait longer than its pop.
REDIS_LAYER_SOCKET_TIMEOUT = 15


def channel_layers(redis_url: str) -> dict[str, Any]:
    if not redis_url:
        return {"default": {"BACKEND": "plg.live.layers.SweepingInMemoryChannelLayer"}}
    host = {"address": redis_url, "socket_timeout": REDIS_LAYER_SOCKET_TIMEOUT}
    return {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [host]},
        }
    }


CHANNEL_LAYERS = channel_layers(REDIS_URL)

# The AVG (plg/privacy, docs/privacy.md): archived PLG's and closed scan waves are removed this
# many years after they closed; their members and school leaders hear it this many weeks ahead.
# The access log of aggregated sensitive pages is kept as long.
PRIVACY_BEWAARTERMIJN_JAREN = int(os.environ.get("PRIVACY_BEWAARTERMIJN_JAREN", "5"))
PRIVACY_AANKONDIGING_WEKEN = int(os.environ.get("PRIVACY_AANKONDIGING_WEKEN", "6"))
