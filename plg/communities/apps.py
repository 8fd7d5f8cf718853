from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    name = "plg.communities"
    label = "communities"
