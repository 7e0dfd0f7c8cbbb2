"""Capped exponential backoff with full jitter.

    wait = random(0, min(cap, base * 2 ** failures))

"Full jitter" spreads the retries of many terminals that lost the backend at the same moment,
so they do not return in lock-step when it comes back; of the schemes compared it did the least
total work and finished soonest (Marc Brooker, "Exponential Backoff And Jitter", AWS
Architecture Blog, 4 March 2015,
https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# 2**30 * base is far beyond any cap; stops the float from overflowing after days offline.
MAX_EXPONENT = 30


@dataclass(frozen=True)
class Backoff:
    base: float = 0.5
    cap: float = 60.0

    def ceiling(self, failures: int) -> float:
        return min(self.cap, self.base * 2 ** min(max(failures, 0), MAX_EXPONENT))

    def delay(self, failures: int, rng: random.Random) -> float:
        return rng.uniform(0.0, self.ceiling(failures))
