"""Fast, sealed settings for the test suite: no network, no real e-mail, tasks run at once."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MAIL_BESIDE_RESPONSE = False  # in the request, so a test sees the mail; on in its own tests
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405  (threads of the live tests close theirs)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file in WAL mode, like production, not Django's shared-cache in-memory database: there a
    # live server thread and the test share table locks that fail at once ("database table is
    # locked") instead of waiting for the busy timeout.
    # Django creates it for the run and deletes it afterwards; one per process, so runs side
    # by side do not meet.
    _name = Path(tempfile.gettempdir()) / f"plg-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_name)}  # noqa: F405
PLANNER_SECONDS = 3.0  # small problems: proven optimal long before
