"""Typing an entry's exact catalogue wording finds that entry, brackets and all.

The catalogue writes full-width brackets (食品销售（仅销售预包装食品）); the search folds what a
person types with NFKC, so it must fold the wording the same way or the exact text finds nothing.
"""

from __future__ import annotations

import pytest

import forms
from forms.definitions import current


@pytest.mark.parametrize("item", current().catalogue.items, ids=lambda item: item.id)
def test_the_exact_wording_finds_its_entry(item):
    found = [hit.id for hit in forms.catalogue_search(item.text, limit=300)]
    assert item.id in found


def test_a_bracketed_part_typed_with_either_bracket_finds_the_entry():
    for typed in ("（仅销售预包装食品）", "(仅销售预包装食品)"):
        assert "prepackaged_food_sales" in [hit.id for hit in forms.catalogue_search(typed)]
