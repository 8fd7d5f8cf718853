from django.apps import AppConfig


class BeheerConfig(AppConfig):
    """Running the werkplaats: its health, its worker's heartbeat, backups."""

    name = "plg.beheer"
    label = "beheer"
