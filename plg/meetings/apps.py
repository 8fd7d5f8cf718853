from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "plg.meetings"
    label = "meetings"
