from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "plg.live"
    label = "live"
