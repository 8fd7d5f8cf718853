from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "plg.core"
    label = "core"
