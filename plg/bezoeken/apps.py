from django.apps import AppConfig


class BezoekenConfig(AppConfig):
    name = "plg.bezoeken"
    verbose_name = "In elkaars klas"
