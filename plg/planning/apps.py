from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "plg.planning"
    verbose_name = "Tijd maken"

    def ready(self) -> None:
        from plg.bezoeken.signals import bezoek_cancelled
        from plg.planning.rondes.services import on_bezoek_cancelled

        bezoek_cancelled.connect(
            on_bezoek_cancelled, weak=False, dispatch_uid="planning-bezoek-cover"
        )
