from django.apps import AppConfig


class ScansConfig(AppConfig):
    name = "plg.scans"
    verbose_name = "Scans"
