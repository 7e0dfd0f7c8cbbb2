"""The ESC/POS encoder, the receipt layout and the return-channel classifier, without a printer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from printer import Document, PrinterProfile, QrCode, Text, build_receipt, mask_name
from printer.emulator.escpos_parser import EscPosParser
from printer.escpos.encoder import encode, wrap
from printer.replies import EscPosReplies, ReplyKind

PROFILE = PrinterProfile()


def test_every_job_starts_with_initialise_then_chinese_mode():
    data = encode(Document((Text("你好"),)), PROFILE)
    assert data.startswith(b"\x1b@\x1c&")
    assert "你好".encode("gb18030") in data


def test_native_qr_store_length_is_data_plus_three():
    url = "https://nh.example.gov.cn/s/NH20261129-0042"
    data = encode(Document((QrCode(url),)), PROFILE)
    n = len(url) + 3
    assert bytes([0x1D, 0x28, 0x6B, n & 0xFF, n >> 8, 0x31, 0x50, 0x30]) + url.encode() in data
    assert data.endswith(b"\x1d(k\x03\x001Q0\n")


def test_a_control_character_typed_by_a_citizen_never_reaches_the_printer_as_a_command():
    data = encode(Document((Text("张三\x1b@\x1dV\x00\x10\x04\x01"),)), PROFILE)
    assert data.count(b"\x1b@") == 1  # only the encoder's own initialise
    assert b"\x1dV" not in data and b"\x10\x04" not in data


def test_rare_and_emoji_characters_become_a_raster_line_never_a_question_mark():
    for text in ("王小㙟", "好😀"):
        ops = EscPosParser().feed(encode(Document((Text(text),)), PROFILE))
        assert [op.name for op in ops].count("raster") == 1
        assert [op for op in ops if op.name == "text"] == []


def test_a_printer_with_a_four_byte_font_gets_gb18030_text():
    profile = PrinterProfile(two_byte_gb18030_only=False)
    data = encode(Document((Text("王小㙟"),)), profile)
    assert "王小㙟".encode("gb18030") in data and b"\x1dv0" not in data


def test_wrap_counts_chinese_as_two_cells_and_keeps_latin_words_whole():
    assert wrap("一二三四五", 6) == ["一二三", "四五"]
    assert wrap("print your licence", 12) == ["print your", "licence"]
    assert all(len(line) <= 10 for line in wrap("x" * 25, 10))


def test_mask_name():
    assert mask_name("张小三") == "张*三"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳小明") == "欧**明"
    assert mask_name("阿依古丽·买买提") == "阿***·**提"
    assert mask_name("") == ""


def test_receipt_shows_number_large_and_ends_with_a_cut(summary):
    doc = build_receipt(summary)
    big = [b for b in doc.blocks if isinstance(b, Text) and b.width == 2]
    assert [b.text for b in big] == [summary.application_number]
    assert type(doc.blocks[-1]).__name__ == "Cut"
    assert summary.applicant_name not in doc.text()


def classify(stream: bytes) -> list[tuple[ReplyKind, bytes]]:
    c = EscPosReplies()
    return [(r.kind, r.data) for r in (c.feed(b) for b in stream) if r is not None]


def test_classifier_separates_flow_asb_realtime_and_transmit():
    stream = b"\x13" + b"\x18\x40\x0c\x00" + b"\x12" + b"\x11" + b"\x00" + b"\x1e"
    assert classify(stream) == [
        (ReplyKind.XOFF, b"\x13"),
        (ReplyKind.ASB, b"\x18\x40\x0c\x00"),
        (ReplyKind.REALTIME, b"\x12"),
        (ReplyKind.XON, b"\x11"),
        (ReplyKind.TRANSMIT, b"\x00"),
        (ReplyKind.REALTIME, b"\x1e"),
    ]


realtime = st.integers(0, 255).map(lambda b: (b & 0x6C) | 0x12)  # 0xx1 xx10
asb = st.tuples(st.integers(0, 255).map(lambda b: (b & 0x6C) | 0x10),
                *[st.integers(0, 255).map(lambda b: b & 0x6F)] * 3)
transmit = st.integers(0, 255).map(lambda b: b & 0x6F)
flow = st.sampled_from([0x11, 0x13])


@given(st.lists(st.one_of(realtime.map(lambda b: (ReplyKind.REALTIME, bytes([b]))),
                          asb.map(lambda t: (ReplyKind.ASB, bytes(t))),
                          transmit.map(lambda b: (ReplyKind.TRANSMIT, bytes([b]))),
                          flow.map(lambda b: (ReplyKind.XON if b == 0x11 else ReplyKind.XOFF,
                                              bytes([b]))))))
def test_any_interleaving_of_replies_is_taken_apart_exactly(replies):
    assert classify(b"".join(data for _, data in replies)) == replies


def test_image_data_never_carries_a_real_time_request():
    from PIL import Image

    from printer.glyphs import REALTIME_PAIRS, pack_bits, unpack_bits

    row = bytes([0x10, 0x04, 0x10, 0x05, 0x1B, 0x6A, 0x10, 0x04])
    image = unpack_bits(len(row), 1, row)  # a row of dots that reads as DLE EOT / DLE ENQ
    _, _, packed = pack_bits(image)
    assert not any((a, b) in REALTIME_PAIRS for a, b in zip(packed, packed[1:], strict=False))
    changed = sum(bin(a ^ b).count("1") for a, b in zip(packed, row, strict=True))
    assert changed == 3  # one dot per hit (ESC j is no real-time request), nothing else
    assert isinstance(image, Image.Image)
