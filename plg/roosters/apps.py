from django.apps import AppConfig


class RoostersConfig(AppConfig):
    name = "plg.roosters"
    verbose_name = "Roosters"
