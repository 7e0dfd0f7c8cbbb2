"""Definitions load, and a broken one is refused naming the file, the place and the problem."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

import forms
from forms.catalogue.derive import derive
from forms.definitions import PACKAGE_DIR, load_definitions


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for part in ("services", "addons", "catalogue"):
        shutil.copytree(PACKAGE_DIR / part, tmp_path / part,
                        ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_definition_loads():
    defs = load_definitions()
    assert [s.id for s in defs.services] == [s.id for s in forms.services()]
    assert len(defs.addons) == 5


def test_every_label_and_help_is_bilingual():
    for definition in forms.services() + forms.addons():
        assert definition.title.zh and definition.title.en and definition.description.en
        for step in definition.steps:
            for field in step.fields:
                assert field.label.zh and field.label.en, field.id
                assert field.help.zh and field.help.en, field.id
                for option in field.options + field.roles:
                    assert option.label.zh and option.label.en


@pytest.mark.parametrize("file, old, new, where", [
    ("services/limited_company.toml", 'type = "money"', 'type = "moeny"', "registered_capital"),
    ("services/limited_company.toml", 'en = "Company name" }', 'en = "" }', "label"),
    ("services/individual_business.toml", 'in = ["family"]', 'in = ["clan"]', "family_members"),
    ("services/individual_business.toml", 'rules = ["family_excludes_operator"]',
     'rules = ["be_nice"]', "rules"),
    ("services/sole_proprietorship.toml", 'max = 5000', 'max = 0', "employees"),
    ("services/limited_company.toml", 'rules = ["capital_matches_contributions"]',
     'rules = ["legal_rep_is_officer"]', "legal_rep_id"),
    ("services/sole_proprietorship.toml", 'min = 1\nmax = 5000', 'minimum = 1\nmax = 5000',
     "employees"),
    ("services/sole_proprietorship.toml", 'order = 2', 'ordre = 2', "top level"),
    ("addons/drug_retail.toml", 'rules = ["pharmacist_for_prescriptions"]',
     'rule = ["pharmacist_for_prescriptions"]', "steps[0]"),
    ("addons/drug_retail.toml", '"individual_business", "sole', '"bakery", "sole', "services"),
    ("addons/food_business.toml", 'id = "food_business.premises_fit"', 'id = "premises_fit"',
     "declarations"),
    ("addons/food_business.toml", "「{items}」，开业前", "，开业前", "reason"),
    ("services/limited_company.toml", 'representative = "legal_rep_name"',
     'representative = "legal_rep_id"', "licence"),
])
def test_broken_definition_names_file_and_place(tree, file, old, new, where):
    edit(tree / file, old, new)
    with pytest.raises(forms.DefinitionError) as caught:
        load_definitions(tree)
    assert caught.value.path.endswith(Path(file).name)
    assert where in str(caught.value)


def test_every_rule_names_the_fields_it_reads():
    from forms.rules.cross import RULE_FIELDS, RULES

    assert RULE_FIELDS.keys() == RULES.keys()


def test_unforeseen_shape_is_still_a_definition_error(tree):
    edit(tree / "services" / "individual_business.toml",
         'visible_when = { field = "organisation_form", in = ["family"] }',
         'visible_when = { field = ["organisation_form"], in = [["family"]] }')
    with pytest.raises(forms.DefinitionError, match="individual_business.toml"):
        load_definitions(tree)


def test_unreadable_toml_is_a_definition_error(tree):
    (tree / "services" / "limited_company.toml").write_text("id = [", encoding="utf-8")
    with pytest.raises(forms.DefinitionError, match="limited_company.toml"):
        load_definitions(tree)


def test_catalogue_item_pointing_at_a_missing_addon(tree):
    edit(tree / "catalogue" / "source.psv", "|licensed|drug_retail|", "|licensed|drug_shop|")
    with pytest.raises(forms.DefinitionError, match="source.psv.*drug_shop"):
        load_definitions(tree)


def test_catalogue_item_without_pinyin(tree):
    with (tree / "catalogue" / "source.psv").open("a", encoding="utf-8") as handle:
        handle.write("new_item|retail|general||||新条目|New item\n")
    with pytest.raises(forms.DefinitionError, match="derive"):
        load_definitions(tree)


def test_catalogue_is_large_real_and_balanced():
    items = load_definitions().catalogue.items
    assert len(items) >= 150
    per_category = Counter(item.category for item in items)
    assert set(per_category) == {"retail", "catering", "services", "trade", "health",
                                 "manufacturing"}
    assert min(per_category.values()) >= 10
    assert len({item.text for item in items}) == len(items)
    by_text = {item.text: item for item in items}
    # Row by row; pre-packaged health food is filed (食品经营许可和备案管理办法 2023 art. 2).
    expected = {
        "食品销售（仅销售预包装食品）": ("general", "prepackaged_food_filing"),
        "食品销售": ("licensed", "food_business"), "餐饮服务": ("licensed", "food_business"),
        "保健食品（预包装）销售": ("general", "prepackaged_food_filing"),
        "婴幼儿配方乳粉及其他婴幼儿配方食品销售": ("general", "prepackaged_food_filing"),
        "特殊医学用途配方食品销售": ("general", "prepackaged_food_filing"), "药品零售": ("licensed", "drug_retail"),
        "药品批发": ("licensed", None), "第一类医疗器械销售": ("general", None),
        "第二类医疗器械销售": ("general", "class2_device_filing"),
        "第三类医疗器械经营": ("licensed", "class3_device_permit"),
    }
    for text, (kind, addon_id) in expected.items():
        assert (by_text[text].kind, by_text[text].addon_id) == (kind, addon_id), text


def test_stored_pinyin_matches_pypinyin():
    stored = (PACKAGE_DIR / "catalogue" / "index.psv").read_text(encoding="utf-8")
    assert stored == derive(), "run `python -m forms.catalogue.derive`"


def test_scope_item_lookup():
    assert forms.scope_item("catering_services").text == "餐饮服务"
    with pytest.raises(forms.UnknownScopeItem):
        forms.scope_item("nope")
    with pytest.raises(LookupError):          # callers that catch LookupError still work
        forms.scope_item("nope")


def test_search_ranks_prefix_matches_first():
    assert [r.text for r in forms.catalogue_search("餐饮")] == [
        "餐饮服务", "餐饮管理", "小餐饮、小食杂、食品小作坊经营"]
    found = [r.text for r in forms.catalogue_search("ypls")]
    assert found[0] == "药品零售" and "文具用品零售" in found     # initials inside come later
    assert forms.catalogue_search("YPLS")[0].text == "药品零售"
    assert forms.catalogue_search("  药品  ")[0].text.startswith("药品")
