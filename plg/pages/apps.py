from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "plg.pages"
    label = "pages"
