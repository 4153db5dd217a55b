"""The attack curve as a chart: an SVG line chart (no plotting library needed).

matplotlib is not a dependency; the chart is plain SVG (a browser, an office suite or an
image viewer opens it): lcc_fraction and, when measured, efficiency relative to the intact
network, against k.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from iom.network.attack import AttackCurve, AttackError

__all__ = ["check_chart_path", "curve_svg", "write_chart"]

_W, _H, _PAD = 640, 400, 56
_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]


def _series(curve: AttackCurve) -> list[tuple[str, list[tuple[int, float]]]]:
    out = [("LCC fraction", [(s.k, s.lcc_fraction) for s in curve.steps])]
    base = curve.steps[0].efficiency
    if base:
        out.append(
            ("efficiency / intact", [(s.k, (s.efficiency or 0.0) / base) for s in curve.steps])
        )
    return out


def curve_svg(curves: Sequence[AttackCurve], title: str = "Disruption curve") -> str:
    """An SVG chart of one or more curves (LCC fraction and efficiency against k)."""
    series = []
    for curve in curves:
        name = f"{curve.strategy} ({curve.mode})"
        for label, points in _series(curve):
            series.append((f"{name}: {label}", points))
    kmax = max((p[0] for _, pts in series for p in pts), default=1) or 1
    x = lambda k: _PAD + (_W - 2 * _PAD) * k / kmax  # noqa: E731
    y = lambda v: _H - _PAD - (_H - 2 * _PAD) * max(0.0, min(1.0, v))  # noqa: E731
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H + 20 * len(series)}"'
        ' font-family="sans-serif" font-size="12">',
        f'<text x="{_W / 2}" y="20" text-anchor="middle" font-size="15">{escape(title)}</text>',
        f'<line x1="{_PAD}" y1="{_H - _PAD}" x2="{_W - _PAD}" y2="{_H - _PAD}" stroke="#333"/>',
        f'<line x1="{_PAD}" y1="{_PAD}" x2="{_PAD}" y2="{_H - _PAD}" stroke="#333"/>',
        f'<text x="{_W / 2}" y="{_H - 16}" text-anchor="middle">people removed (k)</text>',
        f'<text x="14" y="{_H / 2}" transform="rotate(-90 14 {_H / 2})" text-anchor="middle">'
        "fraction of intact network</text>",
    ]
    for v in (0, 0.25, 0.5, 0.75, 1.0):
        parts.append(
            f'<text x="{_PAD - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:g}</text>'
            f'<line x1="{_PAD}" y1="{y(v):.1f}" x2="{_W - _PAD}" y2="{y(v):.1f}" stroke="#ddd"/>'
        )
    ticks = sorted({p[0] for _, pts in series for p in pts})
    step = max(1, len(ticks) // 10)
    for k in ticks[::step]:
        parts.append(f'<text x="{x(k):.1f}" y="{_H - _PAD + 16}" text-anchor="middle">{k}</text>')
    for i, (label, points) in enumerate(series):
        colour = _COLOURS[i % len(_COLOURS)]
        dash = ' stroke-dasharray="6 4"' if "efficiency" in label else ""
        path = " ".join(f"{x(k):.1f},{y(v):.1f}" for k, v in points)
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash} points="{path}"/>'
        )
        ly = _H + 20 * i
        parts.append(
            f'<line x1="{_PAD}" y1="{ly}" x2="{_PAD + 24}" y2="{ly}" stroke="{colour}"'
            f' stroke-width="2"{dash}/><text x="{_PAD + 30}" y="{ly + 4}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def check_chart_path(path: str | Path) -> Path:
    """The chart path, refused (naming --chart) unless it ends in .svg or .html."""
    out = Path(path)
    if out.suffix.lower() not in (".svg", ".html", ".htm"):
        raise AttackError(f"--chart: {out.name} must end in .svg or .html (SVG chart)")
    return out


def write_chart(curves: Sequence[AttackCurve], path: str | Path, title: str = "") -> Path:
    """Write the chart to `path`: `.svg`, or `.html` (the SVG in a page)."""
    out = check_chart_path(path)
    svg = curve_svg(curves, title or "Disruption curve")
    if out.suffix.lower() in (".html", ".htm"):
        svg = f"<!doctype html><meta charset='utf-8'><title>{escape(title)}</title>{svg}"
    out.write_text(svg, encoding="utf-8")
    return out
