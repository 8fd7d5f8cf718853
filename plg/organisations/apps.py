from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "plg.organisations"
    label = "organisations"
