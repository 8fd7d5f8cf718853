"""Reading a PDF back with poppler-utils: its text, and the paper of each page."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(
    not shutil.which("pdfinfo"), reason="poppler-utils reads the PDF back"
)


def _run(tool: list[str], pdf: bytes, *after: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            [*tool, str(path), *after], capture_output=True, text=True, check=True
        ).stdout


def pdf_text(pdf: bytes) -> str:
    return _run(["pdftotext", "-layout"], pdf, "-")


def paper(pdf: bytes) -> list[str]:
    """The paper size poppler names for each page, e.g. ``["A4", "A3"]``; landscape pages get
    " landscape" (poppler gives the size without orientation, so the width decides)."""
    info = _run(["pdfinfo", "-f", "1", "-l", "999"], pdf)
    sizes = []
    for width, height, name in re.findall(
        r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?", info
    ):
        label = name or f"{width}x{height}"
        sizes.append(f"{label} landscape" if float(width) > float(height) else label)
    return sizes
