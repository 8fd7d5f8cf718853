from django.apps import AppConfig


class BezoekenConfig(AppConfig):
    name = "plg.bezoeken"
    verbose_name = "In elkaars klas"

    def ready(self) -> None:
        # Registers when the mails of blitsbezoeken and co-teaching may go again (post/geldig.py).
        from plg.bezoeken import mails_samen  # noqa: F401
