from django.apps import AppConfig


class BibliotheekConfig(AppConfig):
    name = "plg.bibliotheek"
    label = "bibliotheek"
