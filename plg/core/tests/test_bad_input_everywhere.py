"""Every form of every page, and every POST of the URL conf, survives hostile values: huge texts,
NUL bytes, newlines and control characters, years 1 and 9999, absurd numbers (digits that are
not ASCII, 25 digits, negative), a return address that is a bare word or another site. The
query parameters of a form's address and of a page's own links get the numbers too. The answer
may be a refusal, never a server error.

The pages and posts come from the authorisation table (one row per URL), so a new URL is
covered as soon as it has its row there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, World
from plg.core.tests.test_authorization import CASES, Objects, _objects

PREFERENCE = [
    "coach",
    "leader",
    "advisor",
    "member",
    "colleague",
    "outsider",
    "other_leader",
    "other_advisor",
    "anonymous",
]
HUGE = "Lang verhaal. " * 15_000  # ~200 KB
TEXTS = {
    "huge": HUGE,
    "nul": "Naam\x00met een NUL",
    "control": "Naam\r\nBcc: iemand@example.org\x07\x1b[31m",
}
DATES = {
    "date": ("0001-01-01", "9999-12-31"),
    "datetime-local": ("0001-01-01T00:00", "9999-12-31T23:59"),
    "month": ("0001-01", "9999-12"),
}
NUMBERS = ("1e400", "-999999999999999999999999", "²", "٣", "9" * 25, "-1")
# A return address (``next``) that is not a path on this site.
NEXTS = ("plg_detail", "x", "https://evil.example/", "//evil.example")
DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Posting these would end the session or only switch the language for the next pages.
SKIP_ACTIONS = ("/afmelden/", "/taal/")


@dataclass
class Form:
    method: str
    action: str
    multipart: bool
    fields: list[tuple[str, str, str, list[str]]] = field(default_factory=list)
    # (name, kind, value, options); kind: input type, "textarea" or "select"


class Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self.select: tuple[str, list[str]] | None = None
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                Form(
                    method=a.get("method", "get").lower(),
                    action=a.get("action", ""),
                    multipart="multipart" in a.get("enctype", ""),
                )
            )
        elif not self.forms or "name" not in a:
            return
        elif tag == "input" and a.get("type", "text") not in {"submit", "button", "reset"}:
            self.forms[-1].fields.append((a["name"], a.get("type", "text"), a.get("value", ""), []))
        elif tag == "textarea":
            self.textarea, self.text = a["name"], ""
        elif tag == "select":
            self.select = (a["name"], [])
        if tag == "option" and self.select is not None:
            self.select[1].append(a.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self.textarea is not None:
            self.forms[-1].fields.append((self.textarea, "textarea", self.text, []))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.forms[-1].fields.append((self.select[0], "select", "", self.select[1]))
            self.select = None


def base_value(kind: str, value: str, options: list[str]) -> str | None:
    if kind == "select":
        return next((o for o in options if o), "")
    if kind in {"checkbox", "radio"}:
        return value or "on"
    if kind == "file":
        return None
    return value or {"number": "1", "email": "iemand@example.org"}.get(kind, "x")


Payload = dict[str, str | None]
Field = tuple[str, str, str, list[str]]  # name, kind, value, options
Chooser = Callable[[str, str], str | None]  # (kind, value) -> the bad value, or None


def variants(fields: list[Field]) -> list[tuple[str, Payload]]:
    """One payload per kind of bad value, with that value in every field it fits."""
    base: Payload = {}
    for name, kind, value, options in fields:
        if kind in {"checkbox", "radio"} and name in base:
            continue
        base[name] = base_value(kind, value, options)
    choosers = [
        *((label, _text(bad)) for label, bad in TEXTS.items()),
        *((f"year-{index}", _date(index)) for index in (0, 1)),
        *((f"number-{index}", _numeric(number)) for index, number in enumerate(NUMBERS)),
    ]
    found = [
        (label, data)
        for label, choose in choosers
        if (data := _payload(base, fields, choose)) is not None
    ]
    if "next" in base:
        found += [(f"next-{index}", {**base, "next": nxt}) for index, nxt in enumerate(NEXTS)]
    return found


def _payload(base: Payload, fields: list[Field], choose: Chooser) -> Payload | None:
    """The base payload with a bad value in every field that takes one; None if none does."""
    data = dict(base)
    changed = False
    for name, kind, value, _options in fields:
        bad = choose(kind, value)
        if bad is not None:
            data[name], changed = bad, True
    return data if changed else None


def _text(bad: str) -> Chooser:
    def choose(kind: str, value: str) -> str | None:
        plain = kind in {"text", "textarea", "search", "password", "email", "url"}
        return bad if plain or (kind == "hidden" and is_free_text(value)) else None

    return choose


def _date(index: int) -> Chooser:
    def choose(kind: str, value: str) -> str | None:
        if kind in DATES:
            return DATES[kind][index]
        if kind == "hidden" and DATE_LIKE.match(value):
            year = ("0001", "9999")[index]
            return year + value[4:]
        return None

    return choose


def _numeric(number: str) -> Chooser:
    def choose(kind: str, value: str) -> str | None:
        counted = kind in {"hidden", "radio"} and value.isascii() and value.isdigit()
        return number if kind == "number" or counted else None

    return choose


def is_free_text(value: str) -> bool:
    """A hidden value that is plain text; dates, numbers and tokens (the CSRF token) are not."""
    return bool(value) and not DATE_LIKE.match(value) and not value.isdigit() and len(value) < 32


def files_for(form: Form) -> dict[str, SimpleUploadedFile]:
    return {
        name: SimpleUploadedFile(f"{name}.csv", b"leerkracht;dag\n\x00\x01" + HUGE[:1000].encode())
        for name, kind, _value, _options in form.fields
        if kind == "file"
    }


def page_forms(html: str, page_url: str) -> list[Form]:
    parser = Forms()
    parser.feed(html)
    forms = []
    for form in parser.forms:
        form.action = urljoin(page_url, form.action or page_url)
        if not any(skip in form.action for skip in SKIP_ACTIONS):
            forms.append(form)
    return forms


def persona_for(allowed: set[str]) -> str:
    """The persona that reaches the page; for a page no persona reaches (a beheerder's), one
    who is turned away, so its refusal gets the hostile values."""
    return next((p for p in PREFERENCE if p in allowed), "outsider")


def with_query(url: str, params: dict[str, str]) -> str:
    return urlsplit(url).path + (f"?{urlencode(params)}" if params else "")


def query_variants(url: str) -> list[tuple[str, str]]:
    """The address with each bad number in each of its query parameters (``?deel=0``)."""
    params = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    return [
        (f"query-{name}-{index}", with_query(url, {**params, name: number}))
        for name in params
        for index, number in enumerate(NUMBERS)
    ]


def hammer(client: Client, forms: list[Form]) -> list[str]:
    """Send every variant of every form, to its address and to that address with bad numbers
    in its query; the test client raises on a server error."""
    sent = []
    for form in forms:
        here = with_query(form.action, dict(parse_qsl(urlsplit(form.action).query)))
        plain = {
            name: base_value(kind, value, options) for name, kind, value, options in form.fields
        }
        attempts = [(label, here, data) for label, data in variants(form.fields)]
        attempts += [(label, path, plain) for label, path in query_variants(form.action)]
        for label, path, data in attempts:
            fields = {k: v for k, v in data.items() if v is not None}
            if form.method == "get":
                response = client.get(path, fields)
            else:
                response = client.post(path, fields | files_for(form))
            assert response.status_code < 500, (path, label)
            sent.append(f"{form.method} {path} {label}")
    return sent


def follow_links(client: Client, html: str, page_url: str) -> list[str]:
    """GET the page's own links that carry a query (``?deel=2``) with bad numbers in it."""
    sent = []
    for href in set(re.findall(r'href="([^"#]*\?[^"#]*)"', html)):
        url = urljoin(page_url, href.replace("&amp;", "&"))
        if urlsplit(url).path != urlsplit(page_url).path:
            continue
        for label, path in query_variants(url):
            assert client.get(path).status_code < 500, (path, label)
            sent.append(f"get {path} {label}")
    return sent


def failed_mails(objects: Objects) -> None:
    """Every mail of the set-up failed, so the pages offer the retry form to hammer."""
    from plg.communities import mails
    from plg.post.models import Bericht, Status
    from plg.post.services import queue_berichten

    queue_berichten([mails.uitnodiging(objects["uitnodiging"])])
    Bericht.objects.update(status=Status.MISLUKT)


def crawl(client: Client, world: World, name: str) -> list[str]:
    """Every hostile value the page (or post) of URL ``name`` takes; returns what was sent."""
    objects = _objects(world)
    failed_mails(objects)
    args_fn, method, data, allowed, _ok = CASES[name]
    persona = persona_for(allowed)
    if persona != "anonymous":
        assert client.login(username=world.persona(persona).email, password=PASSWORD)
    url = reverse(name, args=args_fn(world, objects))
    if method == "post":
        fields: list[tuple[str, str, str, list[str]]] = [
            (key, "hidden" if DATE_LIKE.match(value) or value.isdigit() else "text", value, [])
            for key, value in data.items()
        ]
        return hammer(client, [Form("post", url, False, fields)])
    response = client.get(url, follow=True)
    assert response.status_code < 500
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    final = urljoin(url, response.redirect_chain[-1][0] if response.redirect_chain else url)
    html = response.content.decode()
    return hammer(client, page_forms(html, final)) + follow_links(client, html, final)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_url_survives_hostile_values(client: Client, world: World, name: str) -> None:
    crawl(client, world, name)


@pytest.mark.parametrize(
    ("name", "reached"),
    [
        ("plg_leden", "post /post/opnieuw/ next-0"),
        ("plg_leden", "post /post/opnieuw/ number-2"),
        ("scan_afname", "post /post/opnieuw/ next-2"),
        ("scan_start", "?deel=%C2%B2 query-deel-2"),
        ("scan_start", "/verder/ number-5"),
    ],
)
def test_the_crawl_reaches_the_retry_form_and_the_scan_parts(
    client: Client, world: World, name: str, reached: str
) -> None:
    assert any(reached in line for line in crawl(client, world, name))


@pytest.mark.parametrize("name", ["login", "password_reset"])
def test_account_pages_survive_hostile_values(client: Client, db: None, name: str) -> None:
    url = reverse(name)
    sent = hammer(client, page_forms(client.get(url).content.decode(), url))
    assert sent
