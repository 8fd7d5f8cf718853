from django.apps import AppConfig


class TrajectConfig(AppConfig):
    name = "plg.traject"
    label = "traject"
