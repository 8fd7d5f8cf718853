from typing import Any

from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "plg.live"
    label = "live"

    def ready(self) -> None:
        from plg.communities import signals
        from plg.live.revocation import rights_changed

        def close_revoked(*, plg_id: int, users: list[int] | None, **_: Any) -> None:
            rights_changed(plg_id=plg_id, users=users)

        signals.rights_changed.connect(close_revoked, weak=False, dispatch_uid="live-revocation")
