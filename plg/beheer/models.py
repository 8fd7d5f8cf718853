from __future__ import annotations

from django.db import models


class Hartslag(models.Model):
    """The last moment the task worker ran its heartbeat task: a worker that takes no task
    (stopped, stuck or cut off from the database) stops beating, whatever its process says."""

    naam = models.CharField(max_length=40, unique=True)
    laatst = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.naam}: {self.laatst:%Y-%m-%d %H:%M:%S}"
