from django.apps import AppConfig


class TandemConfig(AppConfig):
    name = "plg.tandem"
    label = "tandem"
