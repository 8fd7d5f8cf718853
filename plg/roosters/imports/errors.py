"""Every problem in one file, named by file, line and field, and reported all at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_FOUTEN = 50  # more than this is one wrong setting, not fifty typos


@dataclass(frozen=True)
class ImportFout:
    bestand: str
    regel: int | None  # 1-based line in the file; None: about the whole file
    veld: str | None  # the column or property as the user knows it
    melding: str  # Dutch: what is wrong and what is expected

    def __str__(self) -> str:
        plaats = [self.bestand]
        if self.regel is not None:
            plaats.append(_("regel %(regel)d") % {"regel": self.regel})
        if self.veld:
            plaats.append(_("veld '%(veld)s'") % {"veld": self.veld})
        return _("%(plaats)s: %(melding)s") % {"plaats": ", ".join(plaats), "melding": self.melding}


class ImportMislukt(Exception):
    """Every problem found in one file; the caller stores nothing.

    `fouten` is ready to show: at most `MAX_FOUTEN` errors in line order, then, when more were
    found, one last entry "en nog N fouten" (its count is also in `weggelaten`).
    """

    def __init__(self, fouten: Sequence[ImportFout], weggelaten: int = 0) -> None:
        self.fouten = list(fouten)
        self.weggelaten = weggelaten
        super().__init__("\n".join(str(f) for f in self.fouten))


class Fouten:
    """Collects errors for one file, so all of them reach the user in one go."""

    def __init__(self, bestand: str) -> None:
        self.bestand = bestand
        self.lijst: list[ImportFout] = []

    def __bool__(self) -> bool:
        return bool(self.lijst)

    def add(self, regel: int | None, veld: str | None, melding: str) -> None:
        self.lijst.append(ImportFout(self.bestand, regel, veld, melding))

    def refuse(self, melding: str, regel: int | None = None) -> NoReturn:
        """One error that ends the reading: what follows it would be guesswork."""
        self.add(regel, None, melding)
        self.fail()

    def fail(self) -> NoReturn:
        geordend = sorted(self.lijst, key=lambda f: (f.regel is not None, f.regel or 0))
        getoond = geordend[:MAX_FOUTEN]
        weggelaten = len(geordend) - len(getoond)
        if weggelaten:
            melding = ngettext("en nog %(aantal)d fout", "en nog %(aantal)d fouten", weggelaten) % {
                "aantal": weggelaten
            }
            getoond.append(ImportFout(self.bestand, None, None, melding))
        raise ImportMislukt(getoond, weggelaten)

    def check(self) -> None:
        if self.lijst:
            self.fail()
