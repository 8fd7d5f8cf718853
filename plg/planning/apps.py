from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "plg.planning"
    verbose_name = "Tijd maken"
