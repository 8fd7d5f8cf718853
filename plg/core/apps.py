from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class CoreConfig(AppConfig):
    name = "plg.core"
    label = "core"

    def ready(self) -> None:
        from plg.core import checks  # noqa: F401  (registers the deploy checks)

        refuse_to_start_without_secret_key()


def refuse_to_start_without_secret_key() -> None:
    """Django only notices an empty key when something first signs; we refuse at once."""
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django's own "must not be empty", which says not what to do
        key = ""
    if not key:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: give it a long random value in the environment. "
            "On your own machine use DJANGO_SETTINGS_MODULE=plg.settings.development."
        )
