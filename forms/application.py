"""What a citizen answered, and its JSON form on the wire between kiosk and backend.

`from_json` is the one gate for data from outside (the kiosk's store, the network): it accepts
exactly the documented shape and refuses anything else with a bilingual message, so nothing
downstream meets a dict of unknown shape.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from .errors import ApplicationFormatError
from .messages import shown

SCHEMA_VERSION = 1
KEYS = frozenset({"schema_version", "id", "service", "answers", "addons", "declarations"})
# Canonical (lower-case, hyphenated) UUID text only: one spelling, so one Idempotency-Key.
UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MAX_DEPTH = 8        # deepest legitimate answer: addons -> id -> field -> list -> entry -> value


@dataclass
class Application:
    """One registration as answered: the service, its answers, the chosen add-ons' answers and
    the declarations confirmed. `id` (uuid4) is the backend's Idempotency-Key."""

    id: str
    service: str
    answers: dict[str, object]
    addons: dict[str, dict[str, object]] = field(default_factory=dict)
    declarations: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def to_json(self) -> dict:
        return {
            "schema_version": self.schema_version,
            "id": self.id,
            "service": self.service,
            "answers": copy.deepcopy(self.answers),
            "addons": copy.deepcopy(self.addons),
            "declarations": list(self.declarations),
        }

    @classmethod
    def from_json(cls, data: object) -> Application:
        """Build from parsed JSON; ApplicationFormatError (a ValueError) on any bad shape."""
        if not isinstance(data, dict):
            raise _error("申请数据应为 JSON 对象", "application data must be a JSON object")
        if set(data) != KEYS:
            raise _error("申请数据的字段不对，应恰好包含 " + "、".join(sorted(KEYS)),
                         "application data must have exactly the keys " + ", ".join(sorted(KEYS)))
        version = data["schema_version"]
        if isinstance(version, bool) or not isinstance(version, int) or version != SCHEMA_VERSION:
            raise _error(f"不支持的数据版本，本机为 {SCHEMA_VERSION}",
                         f"unsupported schema_version; this terminal uses {SCHEMA_VERSION}")
        app_id = data["id"]
        if not isinstance(app_id, str) or not _is_uuid(app_id):
            raise _error("id 应为 UUID 字符串", "id must be a UUID string")
        if not isinstance(data["service"], str) or not 0 < len(data["service"]) <= 64:
            raise _error("service 应为业务编号字符串", "service must be a service id string")
        answers = _answers(data["answers"], "answers")
        addons = data["addons"]
        if not isinstance(addons, dict) or not all(isinstance(k, str) for k in addons):
            raise _error("addons 应为对象", "addons must be an object of add-on answers")
        declarations = data["declarations"]
        if not isinstance(declarations, list) or not all(isinstance(d, str) for d in declarations):
            raise _error("declarations 应为字符串列表", "declarations must be a list of strings")
        return cls(
            id=app_id, service=data["service"], answers=answers,
            addons={key: _answers(value, f"addons.{shown(key)}") for key, value in addons.items()},
            declarations=list(declarations), schema_version=version,
        )


def _error(zh: str, en: str) -> ApplicationFormatError:
    return ApplicationFormatError(f"申请数据格式错误：{zh}。", f"Malformed application: {en}.")


def _is_uuid(text: str) -> bool:
    return len(text) == 36 and UUID_TEXT.fullmatch(text) is not None


def _answers(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise _error(f"{where} 应为对象", f"{where} must be an object keyed by field id")
    if not _jsonable(value, 0):
        raise _error(f"{where} 中有无法保存的值", f"{where} holds values JSON cannot carry")
    return copy.deepcopy(value)


def _jsonable(value: object, depth: int) -> bool:
    if depth > MAX_DEPTH:
        return False
    if value is None or isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if isinstance(value, list):
        return all(_jsonable(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _jsonable(v, depth + 1) for k, v in value.items())
    return False
