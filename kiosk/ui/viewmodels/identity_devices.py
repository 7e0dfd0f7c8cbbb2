"""The ID-card reader and the code scanner on the screens (no QML type of its own: it speaks
through ApplicationForm and Collect).

- The card reader is asked only while the identify stage is on screen, about twice a second,
  on its own thread. A card read fills the applicant's name and ID number, which the applicant
  checks before Next; an expired card or a number that fails GB 11643's check fills nothing and
  says why; a read is not repeated until the card has been lifted (an edit is not overwritten).
- The code scanner's codes count only on "print my licence": a receipt's QR fills the number.
Everything read lives in the session's draft and goes with the session's wipe.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("kiosk.identity")

POLL_MS = 500


class IdentityDevices(QObject):
    def __init__(self, journey: Any, form: Any, collect: Any, worker: Any,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journey, self._form, self._collect, self._worker = journey, form, collect, worker
        self.card_reader: Any = None
        self.scanner: Any = None
        self._asking = False
        self._filled = False  # this card's details are in the form; wait until it is lifted
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def attach(self, card_reader: Any, scanner: Any) -> None:
        self.card_reader, self.scanner = card_reader, scanner
        self._form.set_card_reader(card_reader is not None)
        self._collect.set_scanner_fitted(scanner is not None)
        self._collect.set_card_reader(card_reader is not None)
        if card_reader is not None or scanner is not None:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def forget(self) -> None:
        """The session ended: nothing of the last card is kept."""
        self._filled = False
        self._form.set_card_message(None)

    def _identify_on_screen(self) -> bool:
        return self._journey.screen == "form" and self._form.stageKind == "identify"

    def _poll(self) -> None:
        if self._asking:
            return
        if self.card_reader is not None and self._identify_on_screen():
            self._asking = True
            self._worker.run(self.card_reader.read_card, self._card)
        elif self._journey.screen == "collect" and (self.scanner or self.card_reader) is not None:
            # "Print my licence": a scanned receipt gives the number, a card laid gives the
            # proof (the last 6 characters of its ID number, as the applicant would type them).
            self._asking = True
            card_reader, scanner = self.card_reader, self.scanner
            self._worker.run(lambda: (card_reader.read_card() if card_reader else None,
                                      scanner.read(0.2) if scanner else None), self._collected)
        elif self.scanner is not None:
            # Not on "print my licence": a code scanned now is read and dropped, so it cannot
            # land in the next person's visit.
            self._asking = True
            self._worker.run(lambda: self.scanner.read(0.0), lambda _r, _e: self._done())

    def _done(self) -> None:
        self._asking = False

    def _card(self, result: Any, error: BaseException | None) -> None:
        from reader import CardStatus

        self._asking = False
        if error is not None or not self._identify_on_screen():
            return
        if result.status is CardStatus.NO_CARD:
            self._filled = False
            self._form.set_card_message(None)
            return
        if result.status is CardStatus.READ:
            if not self._filled:
                self._filled = True
                self._form.fill_from_card(result.card.name, result.card.id_number)
                self._form.set_card_message(result.message)
            return
        if result.status in (CardStatus.EXPIRED, CardStatus.INVALID_NUMBER) and self._filled:
            return
        self._form.set_card_message(result.message)

    def _collected(self, results: Any, error: BaseException | None) -> None:
        from reader import CardStatus, ScanStatus

        self._asking = False
        if error is not None or self._journey.screen != "collect":
            return
        card, scan = results
        if scan is not None and scan.status is ScanStatus.SCANNED:
            self._collect.scanned(scan.text)
        if card is None or card.status is CardStatus.NO_CARD:
            self._filled = False
        elif card.card is not None and not self._filled:
            # Expired or not, the card is the applicant's: it proves who comes to collect.
            self._filled = True
            self._collect.card_read(card.card.id_number)
