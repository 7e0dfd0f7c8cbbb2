"""The ID-card reader driver: find, select and read a card over the SAM module's serial
protocol (reader.frames), with every outcome a value.

    reader = CardReader("/dev/ttyUSB1")          # or a pyserial URL, or a virtual reader's pty
    result = reader.read_card()                  # never raises
    result.status is CardStatus.READ and result.card.name

A reader unplugged is `disconnected`; the next call opens the port again, so plugging it back
in is enough. The photo in the answer is skipped unread (reader.card). Nothing personal is
logged: statuses and the last four characters of an ID number at most.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from reader.card import PHOTO_BYTES, TEXT_BYTES, CardFormatError, IdCard, parse_text
from reader.frames import (
    FIND_CARD,
    READ_TEXT_PHOTO,
    SELECT_CARD,
    STATUS,
    Frame,
    FrameError,
    FrameParser,
    Sw3,
    request,
)

log = logging.getLogger("reader.idcard")

DEFAULT_BAUD = 115200  # GA 467-2013: 115200 8N1 by default


class CardStatus(StrEnum):
    READ = "read"
    NO_CARD = "no-card"
    REMOVED = "card-removed"  # the card went away while it was being read
    EXPIRED = "expired"
    INVALID_NUMBER = "invalid-number"  # the chip's number fails GB 11643's check
    UNREADABLE = "unreadable"  # wrong card, failed verification, not a card's layout
    CHECKSUM_ERROR = "checksum-error"  # the line garbled the frames twice in a row
    NOT_AUTHORISED = "not-authorised"  # the SAM module is not authorised, or authentication failed
    SELF_TEST_FAILED = "self-test-failed"
    NO_ANSWER = "no-answer"  # the reader did not answer in time
    DISCONNECTED = "disconnected"
    READY = "ready"  # self_check: the reader and its security module answer (no card involved)


MESSAGES: dict[CardStatus, tuple[str, str]] = {
    CardStatus.READ: ("已读取身份证，请核对。", "Your ID card was read; please check the details."),
    CardStatus.NO_CARD: ("请将身份证放在读卡器上。", "Place your ID card on the reader."),
    CardStatus.REMOVED: ("读卡时身份证被移开，请放稳后重试。",
                         "The card was moved while it was being read; hold it still and try again."),
    CardStatus.EXPIRED: ("此身份证已过有效期，不能用于办理。请使用有效证件。",
                         "This ID card has expired and cannot be used. Please use a valid card."),
    CardStatus.INVALID_NUMBER: ("身份证号码校验不通过，请到服务窗口办理。",
                                "The ID number on the card does not pass its check; please go to "
                                "the service counter."),
    CardStatus.UNREADABLE: ("无法读取此卡，请确认是第二代居民身份证，或手动输入。",
                            "This card cannot be read. Make sure it is a resident ID card, or "
                            "type the details instead."),
    CardStatus.CHECKSUM_ERROR: ("读卡器通信出错，请重新放卡。",
                                "The reader's line was garbled; place the card again."),
    CardStatus.NOT_AUTHORISED: ("读卡器未获授权，请手动输入，并告知工作人员。",
                                "The card reader is not authorised; please type the details and "
                                "tell staff."),
    CardStatus.SELF_TEST_FAILED: ("读卡器故障，请手动输入，并告知工作人员。",
                                  "The card reader has a fault; please type the details and tell staff."),
    CardStatus.NO_ANSWER: ("读卡器没有响应，请手动输入。", "The card reader does not answer; please type the details."),
    CardStatus.READY: ("读卡器正常。", "The card reader is ready."),
    CardStatus.DISCONNECTED: ("读卡器未连接，请手动输入，并告知工作人员。",
                              "The card reader is not connected; please type the details and tell staff."),
}

BY_SW3 = {
    Sw3.NO_CARD: CardStatus.NO_CARD,
    Sw3.CHECKSUM_ERROR: CardStatus.CHECKSUM_ERROR,
    Sw3.LENGTH_ERROR: CardStatus.CHECKSUM_ERROR,
    Sw3.CARD_AUTH_FAILED: CardStatus.NOT_AUTHORISED,
    Sw3.READER_AUTH_FAILED: CardStatus.NOT_AUTHORISED,
    Sw3.NOT_AUTHORISED: CardStatus.NOT_AUTHORISED,
    Sw3.SELF_TEST_FAILED: CardStatus.SELF_TEST_FAILED,
    Sw3.VERIFICATION_ERROR: CardStatus.UNREADABLE,
    Sw3.WRONG_CARD: CardStatus.UNREADABLE,
    Sw3.BAD_COMMAND: CardStatus.UNREADABLE,
}


@dataclass(frozen=True)
class CardResult:
    status: CardStatus
    card: IdCard | None = None  # set for READ, EXPIRED and INVALID_NUMBER
    detail: str = ""  # for the technician's log; never personal

    @property
    def message(self) -> tuple[str, str]:
        return MESSAGES[self.status]


class _Refused(Exception):
    def __init__(self, status: CardStatus, detail: str = "") -> None:
        super().__init__(status.value)
        self.status, self.detail = status, detail


class CardReader:
    def __init__(self, url: str, baud: int = DEFAULT_BAUD, *, timeout_s: float = 1.5,
                 today: Callable[[], date] = date.today, check_number=None) -> None:
        self.url, self.baud, self.timeout_s = url, baud, timeout_s
        self._today = today
        self._check = check_number or _forms_check
        self._port = None
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        if self._port is not None:
            with contextlib.suppress(Exception):  # closing a vanished port may fail any way
                self._port.close()
        self._port = None

    def _open(self):
        if self._port is None:
            import serial

            # exclusive: flock(LOCK_EX), so `kiosk diag` never shares the line with the terminal
            self._port = serial.serial_for_url(self.url, baudrate=self.baud, timeout=0.05,
                                               write_timeout=self.timeout_s, exclusive=True)
        return self._port

    def read_card(self) -> CardResult:
        """One attempt: find, select, read (GA 467-2013 order). Never raises."""
        return self._on_line(self._read)

    def self_check(self) -> CardResult:
        """The SAM module's status request (GA 467-2013 "SAM 状态检测", 11 FF): 90 when the
        reader and its security module are sound. No card is found or read, so a technician's
        check never touches anyone's data. Never raises."""
        def ask(port) -> CardResult:
            answer = self._ask(port, STATUS)
            if answer.sw3 == Sw3.SUCCESS:
                return CardResult(CardStatus.READY)
            return CardResult(BY_SW3.get(answer.sw3, CardStatus.UNREADABLE), detail=f"status: SW3 {answer.sw3:02X}")

        return self._on_line(ask)

    def _on_line(self, exchange: Callable[[Any], CardResult]) -> CardResult:
        """One exchange with the reader under the lock; every failure is a status value."""
        with self._lock:
            try:
                port = self._open()
            except Exception as exc:  # noqa: BLE001 - any failure to open is "disconnected"
                self._drop()
                return CardResult(CardStatus.DISCONNECTED, detail=type(exc).__name__)
            try:
                return exchange(port)
            except _Refused as refused:
                return CardResult(refused.status, detail=refused.detail)
            except Exception as exc:  # noqa: BLE001 - a pulled cable shows up as OSError/SerialException
                log.info("card reader lost: %s", type(exc).__name__)
                self._drop()
                return CardResult(CardStatus.DISCONNECTED, detail=type(exc).__name__)

    def _read(self, port) -> CardResult:
        """Read until two reads agree (at most three). The frame's XOR checksum catches any
        single damaged byte but not two whose changes cancel, and a name has no check of its
        own: a second read costs ~0.12 s at 115200 baud and makes a wrong name near impossible."""
        previous: IdCard | None = None
        for _ in range(3):
            card = self._read_once(port)
            if card == previous:
                break
            previous = card
        else:
            raise _Refused(CardStatus.CHECKSUM_ERROR, "three reads disagree")
        today = self._today()
        if self._check(card.id_number, today) is not None:
            return CardResult(CardStatus.INVALID_NUMBER, card, "GB 11643 check failed")
        if card.expired(today):
            return CardResult(CardStatus.EXPIRED, card, f"valid to {card.valid_to}")
        log.info("card read: ID number …%s", card.id_number[-4:])
        return CardResult(CardStatus.READ, card)

    def _read_once(self, port) -> IdCard:
        found = self._ask(port, FIND_CARD)
        if found.sw3 != Sw3.CARD_FOUND:
            status = BY_SW3.get(found.sw3, CardStatus.UNREADABLE)
            raise _Refused(status, f"find: SW3 {found.sw3:02X}")
        selected = self._ask(port, SELECT_CARD)
        if selected.sw3 in (Sw3.NO_CARD, Sw3.SELECT_FAILED):
            raise _Refused(CardStatus.REMOVED, f"select: SW3 {selected.sw3:02X}")
        if selected.sw3 != Sw3.SUCCESS:
            raise _Refused(BY_SW3.get(selected.sw3, CardStatus.UNREADABLE), f"select: SW3 {selected.sw3:02X}")
        try:
            read = self._ask(port, READ_TEXT_PHOTO)
        except _Refused as refused:
            if refused.status is CardStatus.NO_ANSWER:  # the answer stopped part-way
                raise _Refused(CardStatus.REMOVED, "read: answer cut off") from None
            raise
        if read.sw3 in (Sw3.READ_FAILED, Sw3.NO_CARD):
            raise _Refused(CardStatus.REMOVED, f"read: SW3 {read.sw3:02X}")
        if read.sw3 != Sw3.SUCCESS:
            raise _Refused(BY_SW3.get(read.sw3, CardStatus.UNREADABLE), f"read: SW3 {read.sw3:02X}")
        return self._card(read.data)

    @staticmethod
    def _card(data: bytes) -> IdCard:
        """text length (2, high first) + photo length (2) + text + photo: the photo is skipped."""
        if len(data) < 4:
            raise _Refused(CardStatus.UNREADABLE, "read: no lengths")
        text_len, photo_len = int.from_bytes(data[0:2], "big"), int.from_bytes(data[2:4], "big")
        if text_len != TEXT_BYTES or photo_len > PHOTO_BYTES or len(data) != 4 + text_len + photo_len:
            raise _Refused(CardStatus.UNREADABLE, f"read: lengths {text_len}/{photo_len}/{len(data)}")
        try:
            return parse_text(data[4:4 + text_len])
        except CardFormatError as exc:
            raise _Refused(CardStatus.UNREADABLE, f"read: {exc}") from None

    def _ask(self, port, command: tuple[int, int]) -> Frame:
        """Send one request and wait for its answer; a garbled answer (or the reader saying
        it got a garbled request) is asked once more, then CHECKSUM_ERROR."""
        for attempt in (1, 2):
            port.reset_input_buffer()
            port.write(request(command))
            try:
                frame = self._answer(port)
            except FrameError:
                if attempt == 2:
                    raise _Refused(CardStatus.CHECKSUM_ERROR, "answer checksum") from None
                time.sleep(0.05)
                continue
            if frame.sw3 in (Sw3.CHECKSUM_ERROR, Sw3.LENGTH_ERROR) and attempt == 1:
                continue
            if len(frame.body) < 3:
                raise _Refused(CardStatus.UNREADABLE, "answer too short")
            return frame
        raise _Refused(CardStatus.CHECKSUM_ERROR, "request garbled twice")

    def _answer(self, port) -> Frame:
        parser = FrameParser()
        deadline = time.monotonic() + self.timeout_s
        while time.monotonic() < deadline:
            chunk = port.read(max(1, port.in_waiting or 1))
            if not chunk:
                continue
            frames = parser.feed(chunk)
            if frames:
                return frames[0]
            deadline = max(deadline, time.monotonic() + 0.3)  # bytes are arriving: keep waiting
        raise _Refused(CardStatus.NO_ANSWER, "no answer")


def _forms_check(number: str, today: date) -> str | None:
    """forms' GB 11643 check (region, birth date, check character): the journey's own rule."""
    from forms.rules.ids import check_ric

    return check_ric(number, today)
