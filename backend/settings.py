"""Where the backend keeps its data and the few numbers a district may want to change."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from backend.review_levels import ReviewLevel


def default_data_dir() -> Path:
    """XDG data home, so a pilot machine keeps the database out of the source tree."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kiosk-backend"


@dataclass(frozen=True)
class Settings:
    """Everything ``create_app`` needs. Defaults are the Nanhai pilot's."""

    data_dir: Path = field(default_factory=default_data_dir)
    # None = SQLite file "backend.sqlite3" inside data_dir.
    database_url: str | None = None
    # GB/T 2260 code of the registering district: 440605 = 佛山市南海区 (国家统计局《统计用区划代码》2023).
    division_code: str = "440605"
    # 登记机关: printed on the licence beside the seal.
    authority_zh: str = "佛山市南海区市场监督管理局"
    authority_en: str = "Nanhai District Administration for Market Regulation, Foshan"
    # Issue 5: a terminal silent for more than 5 minutes is stale in the fleet view.
    stale_after_seconds: int = 300
    # Issue 5: a signed request whose timestamp is off by more than 5 minutes is refused.
    max_clock_skew_seconds: int = 300
    # Base of the URL the licence QR code points to; the verify path is appended.
    public_base_url: str = "http://127.0.0.1:8700"
    # The level whose rejection takes effect; every lower level's rejection is only a proposal
    # sent one level up (Nanhai's "veto moved up"). District = the whole chain.
    final_veto_level: ReviewLevel = ReviewLevel.DISTRICT
    # Threads running the (synchronous, database-bound) handlers. AnyIO's default is 40; on the
    # 2-core development machine 8 gave the same SQLite and a higher PostgreSQL rate in
    # bench/backend.py than 40 (less GIL contention while a transaction holds its locks);
    # 1, 2, 4, 8 and 16 were within the machine's run-to-run noise of each other.
    worker_threads: int = 8
    # Issue 15: a web draft (answers typed in a browser) is deleted this long after it was
    # started; its link stops working then.
    web_draft_hours: int = 24

    def to_json(self) -> str:
        """For worker processes (serve --workers), which rebuild the same Settings."""
        fields = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        fields["data_dir"] = str(self.data_dir)
        fields["final_veto_level"] = self.final_veto_level.value
        return json.dumps(fields)

    @classmethod
    def from_json(cls, text: str) -> Settings:
        fields = json.loads(text)
        fields["data_dir"] = Path(fields["data_dir"])
        fields["final_veto_level"] = ReviewLevel(fields["final_veto_level"])
        return cls(**fields)

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'backend.sqlite3'}"
