"""The terminal's counter: store, relay, printers and the come-back lookup joined (no Qt)."""

from kiosk.counter.collection import Collection, Found, Lookup, id_tail
from kiosk.counter.counter import Collected, Counter, PrintStep
from kiosk.counter.documents import Site

__all__ = ["Collected", "Collection", "Counter", "Found", "Lookup", "PrintStep", "Site", "id_tail"]
