"""The overprint read strictly by Epson's ESC/P2 rules (escp2_rules), for both stocks and entities.

These would have caught the old job: ESC $ sent in 1/60 inch after ESC ( U set 1/360 (every field
about six times too far left), the QR printed last after an upward move of ~200 mm, the A3 right
column moving up, ESC X sizes Epson does not list, and ESC j / DLE ENQ 2, which are not ESC/P2.
"""

from __future__ import annotations

import pytest
from escp2_rules import read_job
from licence_samples import COMPANY_LABELS, INDIVIDUAL_LABELS, make_individual, make_licence

from printer.licence.escp2 import check_fit, encode_overprint
from printer.licence.layout import load_layout
from printer.licence.placement import place
from printer.licence.profiles import PROFILES, licence_profile
from printer.settings import DEFAULT_CJK_FONT, DEFAULT_FALLBACK_FONTS, DEFAULT_LAYOUT_DIR

FONTS = (DEFAULT_CJK_FONT, *DEFAULT_FALLBACK_FONTS)
PROFILE = licence_profile("epson-lq-136")
MM = 25.4


def job(licence, stock):
    layout = load_layout(stock, DEFAULT_LAYOUT_DIR)
    placement = place(licence, layout, PROFILE)
    assert not placement.overflowing
    return layout, encode_overprint(placement, layout, PROFILE, FONTS)


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("stock", ["A4", "A3"])
@pytest.mark.parametrize("make", [make_licence, make_individual])
def test_a_strict_reading_finds_no_breach_and_every_value_where_the_layout_puts_it(stock, make):
    licence = make()
    layout, data = job(licence, stock)
    reading = read_job(data, PROFILE.printable_width_mm / MM)
    assert reading.violations == []
    assert reading.pages == 1
    ys = [item.y_in for item in reading.items]
    assert ys == sorted(ys), "the page is not emitted top to bottom"
    texts = {squash(t.text): t for t in reading.texts()}
    name = texts[squash(licence.name)]
    # Positions on the sheet: the printer's origin plus what the job says, in real inches.
    assert abs(layout.origin_x_mm + name.x_in * MM - layout.left.value_x) < 0.2
    assert abs(layout.top_of_form_mm + name.y_in * MM - layout.left.top) < 0.2
    label = texts["名称"]
    assert abs(layout.origin_x_mm + label.x_in * MM - layout.left.x) < 0.2
    code = texts[licence.credit_code]
    assert abs(layout.origin_x_mm + code.x_in * MM - layout.credit_code.value_x) < 0.2
    qr = [i for i in reading.items if i.kind == "image"]
    assert qr and abs(layout.origin_x_mm + qr[0].x_in * MM - layout.qr.x) < 0.2
    assert abs(qr[0].y_in * MM - layout.qr.y) < 0.2


def test_the_old_unit_mistake_is_read_as_what_a_printer_would_do():
    # ESC ( U 1/360, then ESC $ 240 meant as 240/60 inch: a printer puts it at 240/360 inch.
    data = b"\x1b@\x1b(U\x01\x00\x0a\x1b$\xf0\x00AB\x0c"
    reading = read_job(data, 13.6)
    assert abs(reading.texts()[0].x_in - 240 / 360) < 1e-9


def test_an_upward_move_and_esc_j_and_dle_enq_are_breaches():
    up = b"\x1b@\x1b(U\x01\x00\x0a\x1b(V\x02\x00\x00\x10A\x1b(V\x02\x00\x00\x01B\x0c"
    assert any("upward" in v for v in read_job(up, 13.6).violations)
    assert any("ESC j" in v for v in read_job(b"\x1bj\x10", 13.6).violations)
    assert any("DLE" in v for v in read_job(b"\x10\x05\x02", 13.6).violations)


@pytest.mark.parametrize(("make", "labels", "absent"), [
    (make_licence, COMPANY_LABELS, ("经营者", "组成形式", "注册日期", "经营场所")),
    (make_individual, INDIVIDUAL_LABELS, ("法定代表人", "注册资本", "成立日期", "营业期限")),
])
def test_labels_follow_the_entity_type(make, labels, absent):
    _, data = job(make(), "A4")
    texts = {squash(t.text) for t in read_job(data, 13.6).texts()}
    for label in labels:
        assert label in texts
    for label in absent:
        assert label not in texts


def test_the_capital_is_in_capital_numerals_and_individuals_have_none():
    assert dict(make_licence().rows()[1])["注册资本"] == "壹佰万元整"
    assert "注册资本" not in {squash(k) for k, _ in make_individual().rows()[1]}


def test_a_character_the_printer_font_lacks_is_an_image_the_height_of_the_text():
    licence = make_licence(name="佛山市南海区㙟记餐饮有限公司")
    layout, data = job(licence, "A4")
    reading = read_job(data, PROFILE.printable_width_mm / MM)
    assert reading.violations == []
    before = next(t for t in reading.texts() if t.text == "佛山市南海区")
    after = next(t for t in reading.texts() if t.text == "记餐饮有限公司")
    glyph = [i for i in reading.items if i.kind == "image" and abs(i.y_in - before.y_in) < 1e-9]
    assert len(glyph) == 1 and glyph[0].rows == 24  # one 24-dot band: the Hanzi font's height
    assert abs(glyph[0].x_in - (before.x_in + before.width_in)) < 1e-9
    assert abs(after.x_in - (glyph[0].x_in + 24 / 180)) < 1e-9
    assert "㙟".encode("gb18030") not in data


def test_a_long_name_wraps_at_the_printer_font_and_pushes_the_next_row_down():
    long_name = "佛山市南海区桂城街道" + "某某" * 12 + "餐饮管理有限公司"
    layout, data = job(make_licence(name=long_name), "A4")
    texts = read_job(data, 13.6).texts()
    name_lines = [t for t in texts if t.x_in * MM > layout.left.value_x - 1
                  and t.x_in * MM < layout.left.value_x + 1 and t.y_in * MM < layout.left.top + 12]
    assert len(name_lines) >= 2
    assert all(t.width_in * MM <= layout.left.w + 0.01 for t in name_lines)
    kind = next(t for t in texts if squash(t.text) == "类型")
    assert kind.y_in * MM > layout.left.top + 2 * 60 / 360 * MM - 0.1


def test_a_scope_too_long_for_its_column_is_reported_not_shrunk():
    layout = load_layout("A4", DEFAULT_LAYOUT_DIR)
    huge = tuple(f"第{i}项经营活动的规范表述" for i in range(200))
    assert place(make_licence(scope_general=huge), layout, PROFILE).overflowing == ("经营范围",)


@pytest.mark.parametrize("stock", ["A4", "A3"])
def test_a_layout_wider_than_the_printer_is_refused_when_checked(stock):
    layout = load_layout(stock, DEFAULT_LAYOUT_DIR)
    assert check_fit(layout, PROFILES["epson-lq-136"]) == []
    problems = check_fit(layout, PROFILES["epson-lq-80"])
    assert problems and all("epson-lq-80" in p for p in problems)
