"""Refusals the API gives, each with a stable code and a message in both languages."""

from __future__ import annotations

from wire import Message


class ApiRefusal(Exception):
    """Raised anywhere in a request; the app turns it into ``status`` + a wire Message body."""

    def __init__(self, status: int, code: str, zh: str, en: str) -> None:
        super().__init__(code)
        self.status = status
        self.message = Message(code=code, zh=zh, en=en)


def unauthenticated(code: str, zh: str, en: str) -> ApiRefusal:
    return ApiRefusal(401, code, zh, en)


def not_found(what_zh: str, what_en: str) -> ApiRefusal:
    return ApiRefusal(
        404,
        "not-found",
        f"未找到该{what_zh}，请核对后重试。",
        f"No such {what_en}. Check it and try again.",
    )
