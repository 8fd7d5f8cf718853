from django.apps import AppConfig


class BibliotheekConfig(AppConfig):
    name = "plg.bibliotheek"
    label = "bibliotheek"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from plg.bibliotheek.models import Bibliotheekitem
        from plg.bibliotheek.zoeken.index import na_bewaren

        post_save.connect(na_bewaren, sender=Bibliotheekitem, dispatch_uid="bibliotheek_zoeken")
