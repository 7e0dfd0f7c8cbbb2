"""The SAM module's frames (GA 467-2013): the documented example, and that no corrupted byte
of an answer ever yields a frame (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.frames import (
    FIND_CARD,
    READ_TEXT_PHOTO,
    SELECT_CARD,
    FrameError,
    FrameParser,
    answer,
    request,
)


@pytest.mark.parametrize(("command", "wire"), [
    (FIND_CARD, "AA AA AA 96 69 00 03 20 01 22"),  # the module documentation's own example
    (SELECT_CARD, "AA AA AA 96 69 00 03 20 02 21"),
    (READ_TEXT_PHOTO, "AA AA AA 96 69 00 03 30 01 32"),
])
def test_requests_as_the_protocol_writes_them(command, wire):
    assert request(command) == bytes.fromhex(wire)


def test_an_answer_in_pieces_and_after_noise_is_one_frame():
    frame = answer(0x90, b"\x01\x02")
    parser = FrameParser()
    assert parser.feed(b"\x00\x13noise" + frame[:6]) == []
    (parsed,) = parser.feed(frame[6:])
    assert parsed.sw3 == 0x90 and parsed.data == b"\x01\x02"


def read_answer() -> bytes:
    """A whole read answer as the reader sends it (1,295 bytes), from a sample card."""
    from reader.emulator.cards import CARDS, photo, text_block

    text, picture = text_block(CARDS[0]), photo(CARDS[0])
    return answer(0x90, len(text).to_bytes(2, "big") + len(picture).to_bytes(2, "big") + text + picture)


def test_a_read_answer_is_1295_bytes():
    assert len(read_answer()) == 1295


@settings(max_examples=400, deadline=None)
@given(at=st.integers(min_value=5, max_value=1294), flip=st.integers(1, 255))
def test_a_corrupted_read_answer_never_yields_a_card(at, flip):
    """Any byte after the preamble changed: the checksum (XOR catches every single-byte change
    of the body) or the lengths refuse it; a changed length byte may cut a frame whose last
    byte happens to match, but then the card's own lengths refuse it."""
    from reader.idcard import CardReader, _Refused

    frame = bytearray(read_answer())
    frame[at] ^= flip
    try:
        frames = FrameParser().feed(bytes(frame))
    except FrameError:
        return
    for parsed in frames:
        with pytest.raises(_Refused):
            CardReader._card(parsed.data)


def test_an_impossible_length_is_refused():
    with pytest.raises(FrameError):
        FrameParser().feed(bytes.fromhex("AAAAAA9669FFFF"))
