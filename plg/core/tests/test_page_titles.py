"""Every page names itself in the browser's tab: a short plain title, never a page's markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = sorted(Path(settings.BASE_DIR, "plg", "templates").rglob("*.html"))
TITLE_BLOCK = re.compile(r"{% block title %}(.*?){% endblock", re.S)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_the_title_block_is_plain_text(template: Path) -> None:
    for title in TITLE_BLOCK.findall(template.read_text()):
        assert "<" not in title and "\n" not in title.strip(), title[:200]
