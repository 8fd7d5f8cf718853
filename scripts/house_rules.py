"""Rooms of a size one can hold: no module over 600 lines, no function over 60.

Checks every Python module of the project (the app, its tests, the bench, the scripts), not the
migrations. Prints one line per breach as ``path:line: message`` and exits 1 when there is any.

    .venv/bin/python scripts/house_rules.py [path ...]
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
SOURCES = ("plg", "bench", "scripts", "prodcheck", "conftest.py", "manage.py")


def modules(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        candidates = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for module in candidates:
            if "migrations" not in module.parts and module.suffix == ".py":
                yield module


def breaches(module: Path) -> Iterator[tuple[int, str]]:
    text = module.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    if lines > MAX_MODULE_LINES:
        yield 1, f"module has {lines} lines (at most {MAX_MODULE_LINES})"
    for node in ast.walk(ast.parse(text, filename=str(module))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                yield (
                    node.lineno,
                    f"function {node.name} has {length} lines (at most {MAX_FUNCTION_LINES})",
                )


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [ROOT / s for s in SOURCES]
    found = 0
    for module in modules(paths):
        path = module.resolve()
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(module)
        for line, message in breaches(module):
            print(f"{name}:{line}: {message}")
            found += 1
    if found:
        print(f"{found} breach(es) of the house rules", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
