from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class PostConfig(AppConfig):
    name = "plg.post"
    verbose_name = "Post"

    def ready(self) -> None:
        # Each app's mails.py registers whether its mails may still go (post/geldig.py).
        autodiscover_modules("mails")
