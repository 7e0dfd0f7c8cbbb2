"""Server-rendered SVG charts with their numbers written beside the bars (no JavaScript): one
horizontal bar per row, so a narrow phone screen still reads it. Colours are attributes, not
style, so the page's CSP needs no 'unsafe-inline'."""

from __future__ import annotations

from .page import e

PALETTE = ("#0b3d91", "#00703c", "#d4351c", "#6f2c91", "#b35900")


def bar_chart(title: str, rows: list[tuple[str, dict[str, float]]], legend: dict[str, str],
              unit: str = "") -> str:
    """Stacked horizontal bars: rows = [(label, {series: value})]; legend = {series: name}."""
    series = list(legend)
    top = max((sum(v.values()) for _, v in rows), default=0) or 1
    row_h, label_w, bar_w, pad = 26, 150, 200, 6
    height = row_h * len(rows) + 30
    parts = []
    for i, (label, values) in enumerate(rows):
        y = i * row_h + 4
        x = label_w
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{e(label)}</text>')
        for j, name in enumerate(series):
            width = bar_w * values.get(name, 0) / top
            if width > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_h - pad}"'
                    f' fill="{PALETTE[j % len(PALETTE)]}"/>'
                )
            x += width
        total = sum(values.values())
        shown = f"{total:g}{unit}"
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="13">{e(shown)}</text>')
    y = len(rows) * row_h + 20
    x = 0
    for j, name in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="{y - 10}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 14}" y="{y}" font-size="12">{e(legend[name])}</text>'
        )
        x += 14 + sum(13 if ord(c) > 0x2E7F else 7 for c in legend[name]) + 16
    return (
        f'<svg class="chart" role="img" aria-label="{e(title)}" viewBox="0 0 400 {height}"'
        f' xmlns="http://www.w3.org/2000/svg"><title>{e(title)}</title>{"".join(parts)}</svg>'
    )
