"""axe-core (WCAG 2.1 A and AA) on a page in the browser: the violations a person would meet.

The script comes bundled with ``axe-playwright-python``; it is evaluated through the browser's
debugging protocol, so the page's Content-Security-Policy stays as strict as in production.
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE = Axe()
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}


def _described(violation: dict[str, Any]) -> str:
    targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
    return f"{violation['id']} ({violation['impact']}): {'; '.join(targets)}"


def serious_violations(page: Page) -> list[str]:
    """Each serious or critical violation on the page as it is now, with up to three places."""
    results = AXE.run(page, options=WCAG_21_AA)
    return [_described(v) for v in results.response["violations"] if v["impact"] in BLOCKING]


def overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    width: int = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return width


def too_wide(page: Page) -> list[str]:
    """The innermost elements that reach past the window's right edge, to say what to fix."""
    found: list[str] = page.evaluate(
        """() => {
            const edge = document.documentElement.clientWidth;
            const wide = [...document.body.querySelectorAll('*')].filter(
                (el) => el.getBoundingClientRect().right > edge + 1
            );
            return wide
                .filter((el) => !wide.some((other) => other !== el && el.contains(other)))
                .slice(0, 5)
                .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                     + (el.id ? '#' + el.id : ''));
        }"""
    )
    return found
