"""Settings for a real ``db_worker`` process in a test: the database queue (from the base
settings), a claim of two seconds, and mail written to a file by a backend that can be killed."""

from plg.settings.base import *  # noqa: F403

SECRET_KEY = "test-only"
EMAIL_BACKEND = "plg.post.tests.backends.ToFileThenKilled"
POST_CLAIM_SECONDS = 2
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
