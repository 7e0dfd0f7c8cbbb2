"""Test helpers: read the web pages with the stdlib HTML parser, and turn a forms.samples
application into what a person would type on each page (by field path, as the pages name them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import forms  # noqa: F401 - kept for callers' convenience
from backend.web.typing_sample import answers_for_page, encode  # noqa: F401


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    forms: list[dict] = field(default_factory=list)  # {"action", "method", "inputs": [(name, value, type)]}
    links: list[str] = field(default_factory=list)
    summary_links: list[str] = field(default_factory=list)
    title: str = ""
    inline_script_or_style: int = 0
    images: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()
        self._in_summary = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.page.ids.add(a["id"])
        if a.get("style") is not None or any(k.startswith("on") for k in a):
            self.page.inline_script_or_style += 1
        if tag in ("script", "style") and not a.get("src"):
            self.page.inline_script_or_style += 1
        if tag == "div" and "error-summary" in (a.get("class") or ""):
            self._in_summary = 1
        elif self._in_summary and tag == "div":
            self._in_summary += 1
        if tag == "a" and a.get("href"):
            self.page.links.append(a["href"])
            if self._in_summary:
                self.page.summary_links.append(a["href"])
        if tag == "form":
            self.page.forms.append({"action": a.get("action"), "method": a.get("method"),
                                    "inputs": []})
        if tag in ("input", "select", "button") and self.page.forms and a.get("name"):
            self.page.forms[-1]["inputs"].append((a["name"], a.get("value") or "", a.get("type")))
        if tag == "img":
            self.page.images.append(a.get("src") or "")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._in_summary:
            self._in_summary -= 1
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    return parser.page


def csrf_of(page: Page) -> str:
    for form in page.forms:
        for name, value, _ in form["inputs"]:
            if name == "csrf":
                return value
    raise AssertionError("no CSRF field on the page")


def form(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Pairs as httpx wants repeated names: {name: [values]}."""
    out: dict[str, list[str]] = {}
    for name, value in pairs:
        out.setdefault(name, []).append(value)
    return out
