from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "plg.core"
    label = "core"

    def ready(self) -> None:
        from plg.core import checks  # noqa: F401  (registers the deploy checks)
