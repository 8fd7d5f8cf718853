"""Development on one's own machine (`make run`): debug on unless DEBUG says otherwise, a key
everyone knows unless SECRET_KEY gives one, mail summed up in the terminal (who, what, and the
links in it), and links in mails that lead to the address `make run` serves on (HOST, PORT)."""

import os
import warnings

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)  # noqa: F405
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-plg-werkplaats"  # noqa: F405
WHITENOISE_USE_FINDERS = DEBUG
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "plg.post.terminal.TerminalBackend")
SITE_URL = os.environ.get("SITE_URL") or (
    f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)

# `make run` serves static files through the one ASGI process; WhiteNoise hands Django a
# synchronous file iterator, which is right and harmless here but warned about on every file.
warnings.filterwarnings(
    "ignore", message="StreamingHttpResponse must consume synchronous iterators", category=Warning
)
