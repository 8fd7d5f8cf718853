"""Production: secrets from the environment (no start without them), HTTPS only."""

import os

from .base import *  # noqa: F403

DEBUG = False
# Only collected files: base set this from whatever DEBUG the environment had.
WHITENOISE_USE_FINDERS = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "1"))  # the proxy that routes /ws/ (decision 14)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING = logging_config(os.environ.get("LOG_FORMAT", "json"))  # noqa: F405
