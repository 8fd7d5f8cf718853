"""Development on one's own machine (`make run`): debug on unless DEBUG says otherwise, a key
everyone knows unless SECRET_KEY gives one, and mail printed in the terminal."""

import os

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)  # noqa: F405
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-plg-werkplaats"  # noqa: F405
WHITENOISE_USE_FINDERS = DEBUG
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
