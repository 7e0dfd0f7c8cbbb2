"""The page frame every web page shares, the error summary, and the response headers.

Patterns: GOV.UK Design System question pages, error summary and check answers
(https://design-system.service.gov.uk/patterns/question-pages/,
https://design-system.service.gov.uk/components/error-summary/,
https://design-system.service.gov.uk/patterns/check-answers/). No inline script or style, so the
Content-Security-Policy can be `default-src 'self'` (https://www.w3.org/TR/CSP3/).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from forms import Problem

from .text import pick, t

STATIC_DIR = Path(__file__).parent / "static"

# img-src adds data: for nothing; the QR is its own same-origin URL, so 'self' covers it.
CSP = (
    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def e(text: object) -> str:
    return escape(str(text), quote=True)


def html_id(path: str) -> str:
    """The element id for a forms field path ("shareholders[0].name" -> "f-shareholders-0-name")."""
    return "f-" + re.sub(r"[^A-Za-z0-9_-]+", "-", path).strip("-")


def layout(
    title: str,
    body: str,
    lang: str,
    *,
    toggle_href: str | None = None,
    back_href: str | None = None,
    errors: str = "",
    scripts: tuple[str, ...] = (),
) -> str:
    """A whole page: header with the language toggle, the optional Back link, then the body."""
    html_lang = "en" if lang == "en" else "zh-CN"
    toggle = (
        f'<a class="toggle" href="{e(toggle_href)}" lang="{"zh-CN" if lang == "en" else "en"}">'
        f"{e(t('toggle', lang))}</a>"
        if toggle_href
        else ""
    )
    back = f'<a class="back" href="{e(back_href)}">{e(t("back", lang))}</a>' if back_href else ""
    prefix = t("error_prefix", lang) if errors else ""
    return (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(prefix + title)} – {e(t('site', lang))}</title>"
        '<link rel="stylesheet" href="/apply/static/site.css">'
        + "".join(f'<script src="{e(src)}" defer></script>' for src in scripts)
        + "</head><body>"
        f'<header class="top"><span class="site">{e(t("site", lang))}</span>{toggle}</header>'
        f'<main id="main">{back}{errors}<h1>{e(title)}</h1>{body}</main></body></html>'
    )


def error_summary(problems: list[Problem], lang: str, target_of: dict[str, str]) -> str:
    """The summary at the top: one link per problem to the element that holds the answer.
    `target_of` maps a field path to the element id rendered on this page."""
    if not problems:
        return ""
    items = "".join(
        f'<li><a href="#{e(target_for(p.field, target_of))}">{e(pick_problem(p, lang))}</a></li>'
        for p in problems
    )
    return (
        '<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-title">'
        f'<h2 id="error-title">{e(t("error_title", lang))}</h2><ul>{items}</ul></div>'
    )


def target_for(path: str, target_of: dict[str, str]) -> str:
    """The element for a problem's path: itself, else the nearest enclosing path on the page."""
    probe = path
    while probe:
        if probe in target_of:
            return target_of[probe]
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return next(iter(target_of.values()), "main")


def pick_problem(problem: Problem, lang: str) -> str:
    return problem.en if lang == "en" else problem.zh


__all__ = ["SECURITY_HEADERS", "e", "error_summary", "html_id", "layout", "pick"]
