"""A finger signature as vectors, and the rule that refuses an empty or trivial scribble.

Strokes are kept as points in the pad's own unit square (0..1 each way), so they do not depend
on the screen's size and can be redrawn at any size on paper. A screenshot would carry the
screen's pixels and nothing of the stroke order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from forms import Problem

Point = tuple[float, float]

# A real signature in a pad of any size: some ink in both directions and a path long enough
# to be more than a dot or a single flick. Measured against the unit square of the pad.
MIN_WIDTH = 0.15        # fraction of the pad's width the strokes span
MIN_HEIGHT = 0.05       # fraction of its height (a flat line is not a signature)
MIN_PATH = 0.6          # total ink length in pad widths
MIN_POINTS = 12
MAX_POINTS = 20_000     # more than any hand writes; a stuck touch stops adding points


@dataclass
class Signature:
    """One signer's strokes, in order; each stroke is the points of one finger-down..up."""

    signer: str                                  # the signer's name as shown when signing
    strokes: list[list[Point]] = field(default_factory=list)

    def points(self) -> int:
        return sum(len(s) for s in self.strokes)

    def add_point(self, x: float, y: float, *, new_stroke: bool = False) -> None:
        if self.points() >= MAX_POINTS:
            return
        point = (min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))
        if new_stroke or not self.strokes:
            self.strokes.append([point])
        else:
            self.strokes[-1].append(point)

    def clear(self) -> None:
        self.strokes.clear()

    def to_json(self) -> dict[str, object]:
        return {"signer": self.signer,
                "strokes": [[[round(x, 4), round(y, 4)] for x, y in s] for s in self.strokes]}


def ink_length(strokes: list[list[Point]]) -> float:
    return sum(math.dist(a, b) for s in strokes for a, b in zip(s, s[1:], strict=False))


def signature_problems(signature: Signature | None, path: str) -> list[Problem]:
    """[] for an acceptable signature, else one bilingual problem saying what to do."""
    strokes = signature.strokes if signature is not None else []
    points = [p for s in strokes for p in s]
    if not points:
        return [Problem(path, "signature.empty", "请用手指在框内签名。",
                        "Please sign with your finger inside the box.")]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if (len(points) < MIN_POINTS or max(xs) - min(xs) < MIN_WIDTH
            or max(ys) - min(ys) < MIN_HEIGHT or ink_length(strokes) < MIN_PATH):
        return [Problem(path, "signature.trivial",
                        "签名太短或太小，请按证件上的姓名完整签写。",
                        "The signature is too short or too small; please sign your full name.")]
    return []
