from django.apps import AppConfig


class PostConfig(AppConfig):
    name = "plg.post"
    verbose_name = "Post"
