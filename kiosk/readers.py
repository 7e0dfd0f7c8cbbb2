"""The terminal's identity devices, opened from [readers.*] (reader/ does the protocols).

"virtual" starts the device's twin on a pseudo-terminal in this process (the demo: the
virtual ID-card reader with `readers.virtual_card` laid on it); "" means none is fitted, and the
screens then never mention it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.config import KioskConfig

VIRTUAL = "virtual"


@dataclass
class OpenReaders:
    card_reader: object | None  # reader.CardReader
    scanner: object | None  # reader.CodeScanner
    twins: list = field(default_factory=list)

    def close(self) -> None:
        for device in (self.card_reader, self.scanner):
            if device is not None:
                device.close()
        for twin in self.twins:
            twin.stop()


def open_readers(cfg: KioskConfig) -> OpenReaders:
    from reader import CardReader, CodeScanner

    twins: list = []
    links = cfg.data_dir / "virtual-devices"
    card_reader = scanner = None
    idcard, code = cfg.readers.idcard, cfg.readers.scanner
    if idcard.port:
        port = idcard.port
        if port == VIRTUAL:
            from reader.emulator.card_reader import VirtualCardReader

            links.mkdir(parents=True, exist_ok=True)
            card = cfg.readers.virtual_card
            twin = VirtualCardReader(baud=idcard.baud, card=card if card >= 0 else None,
                                     link_path=links / "idcard")
            port = twin.start()
            twins.append(twin)
        card_reader = CardReader(port, idcard.baud)
    if code.port:
        port = code.port
        if port == VIRTUAL:
            from reader.emulator.code_scanner import VirtualScanner

            links.mkdir(parents=True, exist_ok=True)
            twin = VirtualScanner(baud=code.baud, link_path=links / "scanner")
            port = twin.start()
            twins.append(twin)
        scanner = CodeScanner(port, code.baud)
    return OpenReaders(card_reader, scanner, twins)
