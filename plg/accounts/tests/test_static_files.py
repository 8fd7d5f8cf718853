"""The stylesheet is where the static files finders look."""

from __future__ import annotations


def test_stylesheet_is_found_by_static_files() -> None:
    from django.contrib.staticfiles import finders

    assert finders.find("css/plg.css")
