"""The signature rule: strokes as vectors; empty and trivial scribbles refused, real ones kept."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from kiosk.journey import Signature, signature_problems


def wave(n: int = 40, width: float = 0.6) -> Signature:
    sig = Signature("陈志明")
    for i in range(n):
        sig.add_point(0.15 + width * i / n, 0.5 + 0.15 * math.sin(i / 2), new_stroke=i == 0)
    return sig


def codes(sig: Signature | None) -> list[str]:
    return [p.code for p in signature_problems(sig, "signatures.x")]


def test_empty_and_missing_are_refused_with_both_languages() -> None:
    assert codes(None) == codes(Signature("x")) == ["signature.empty"]
    problem = signature_problems(None, "signatures.x")[0]
    assert "签名" in problem.zh and "sign" in problem.en


def test_a_dot_a_flick_and_a_flat_line_are_trivial() -> None:
    dot = Signature("x")
    for _ in range(30):
        dot.add_point(0.5, 0.5)
    flick = wave(n=8)
    flat = Signature("x")
    for i in range(40):
        flat.add_point(0.1 + i * 0.02, 0.5)
    assert codes(dot) == codes(flick) == codes(flat) == ["signature.trivial"]


def test_a_written_name_is_accepted_and_clear_starts_again() -> None:
    sig = wave()
    assert codes(sig) == []
    sig.clear()
    assert codes(sig) == ["signature.empty"]


def test_strokes_stay_vectors_in_the_unit_square() -> None:
    sig = wave()
    sig.add_point(1.7, -3, new_stroke=True)
    assert len(sig.strokes) == 2 and sig.strokes[1] == [(1.0, 0.0)]
    assert sig.to_json()["strokes"][0][0] == [0.15, 0.5]


@given(st.lists(st.tuples(st.floats(0.45, 0.55), st.floats(0.45, 0.55)), max_size=200))
def test_anything_inside_a_small_patch_is_refused(points: list[tuple[float, float]]) -> None:
    sig = Signature("x")
    for x, y in points:
        sig.add_point(x, y)
    assert codes(sig) in (["signature.empty"], ["signature.trivial"])
