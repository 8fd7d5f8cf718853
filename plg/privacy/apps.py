from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """The AVG: what a person may download about themselves, forgetting a person, how long data
    is kept, and who looked at aggregated sensitive data."""

    name = "plg.privacy"
    label = "privacy"

    def ready(self) -> None:
        from plg.core.signals import worker_started
        from plg.privacy.tasks import start_bewaartermijn

        worker_started.connect(start_bewaartermijn, dispatch_uid="privacy-bewaartermijn")
