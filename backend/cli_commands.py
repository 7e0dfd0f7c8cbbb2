"""What each ``python -m backend`` sub-command does (argument parsing lives in __main__)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from backend import audit
from backend.clock import utcnow
from backend.db import make_engine, migrate
from backend.models import Kiosk, KioskPublicKey, RegisteredName
from backend.name_register import normalise_name
from backend.review_levels import ReviewLevel
from backend.settings import Settings
from backend.staff_auth import (
    STAFF_NAME_MAX,
    StaffNameTaken,
    StaffRole,
    add_staff,
    disable_staff,
    valid_staff_name,
)
from wire import KIOSK_ID_PATTERN, KioskKey

# A wrong --db URL, an unreachable server, a missing driver: told plainly, no traceback.
DATABASE_ERRORS = (ArgumentError, OperationalError, NoSuchModuleError)


def database_failure(settings: Settings, exc: Exception) -> int:
    url = settings.resolved_database_url()
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        shown = "(not a database URL)"
    print(
        f"无法使用数据库 {shown}：请检查 --db 地址以及数据库是否已启动。\n"
        f"Cannot use the database {shown}: check the --db URL and that the server is running.\n"
        f"({type(exc).__name__})",
        file=sys.stderr,
    )
    return 2


def _session(settings: Settings) -> Session:
    engine = make_engine(settings.resolved_database_url())
    migrate(engine)
    return Session(engine)


def _fail(zh: str, en: str) -> int:
    print(f"{zh}\n{en}", file=sys.stderr)
    return 1


def serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from backend.app import LOG_LEVEL_ENVIRONMENT, SETTINGS_ENVIRONMENT, create_app
    from backend.logs import configure_logging

    settings = dataclasses.replace(
        settings,
        public_base_url=args.public_url or f"http://{args.host}:{args.port}",
        final_veto_level=ReviewLevel(args.final_veto_level),
        worker_threads=max(1, args.threads),
    )
    configure_logging(args.log_level)
    os.environ[LOG_LEVEL_ENVIRONMENT] = args.log_level
    if args.workers <= 1:
        app = create_app(settings)
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
        return 0
    # Several processes: migrate once here, so the workers never race to create tables.
    engine = make_engine(settings.resolved_database_url())
    migrate(engine)
    engine.dispose()
    os.environ[SETTINGS_ENVIRONMENT] = settings.to_json()
    uvicorn.run(
        "backend.app:app_from_environment",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
    )
    return 0


def add_kiosk(settings: Settings, args: argparse.Namespace) -> int:
    """Register a terminal (or give it one more key with --rotate) and write its private key
    file; only the public key is stored. A rotation overlaps: the old key keeps working until
    ``retire-key``, so the terminal can switch over without a gap."""
    if not KIOSK_ID_PATTERN.match(args.kiosk_id):
        return _fail(
            "终端编号只能含字母、数字、点、下划线和连字符（最多 64 个）。",
            "A terminal id may hold letters, digits, '.', '_' and '-' (at most 64).",
        )
    key_file: Path = args.key_file or settings.data_dir / "keys" / f"{args.kiosk_id}.json"
    key = KioskKey.generate(args.kiosk_id, backend_url=args.backend_url)
    with _session(settings) as session, session.begin():
        kiosk = session.get(Kiosk, args.kiosk_id)
        if kiosk is not None and not args.rotate:
            return _fail(
                f"终端 {args.kiosk_id} 已登记；如需换发密钥，请加 --rotate。",
                f"Terminal {args.kiosk_id} is already registered; add --rotate for a new key.",
            )
        now = utcnow()
        if kiosk is None:
            session.add(Kiosk(id=key.kiosk_id, enabled=True, created_at=now))
            session.flush()
        session.add(
            KioskPublicKey(
                kiosk_id=key.kiosk_id, key_id=key.key_id, public_key=key.public_raw, created_at=now
            )
        )
        # Written before the commit: if writing fails, the registration rolls back with it.
        key.save(key_file)
        _audit(session, "rotate-kiosk-key" if kiosk is not None else "add-kiosk", key.kiosk_id)
    print(key_file)
    return 0


def retire_key(settings: Settings, args: argparse.Namespace) -> int:
    """Stop accepting one of a terminal's keys (the end of a rotation, or a lost key)."""
    with _session(settings) as session, session.begin():
        key = session.get(KioskPublicKey, (args.kiosk_id, args.key_id))
        if key is None:
            return _fail(
                f"终端 {args.kiosk_id} 没有编号为 {args.key_id} 的密钥。",
                f"Terminal {args.kiosk_id} has no key {args.key_id}.",
            )
        key.retired_at = key.retired_at or utcnow()
        _audit(session, "retire-kiosk-key", f"{args.kiosk_id}/{args.key_id}")
    return 0


def _set_enabled(settings: Settings, kiosk_id: str, enabled: bool) -> int:
    with _session(settings) as session, session.begin():
        kiosk = session.get(Kiosk, kiosk_id)
        if kiosk is None:
            return _fail(f"未找到终端 {kiosk_id}。", f"No terminal {kiosk_id}.")
        kiosk.enabled = enabled
        _audit(session, "enable-kiosk" if enabled else "disable-kiosk", kiosk_id)
    return 0


def disable_kiosk(settings: Settings, args: argparse.Namespace) -> int:
    return _set_enabled(settings, args.kiosk_id, False)


def enable_kiosk(settings: Settings, args: argparse.Namespace) -> int:
    return _set_enabled(settings, args.kiosk_id, True)


def add_staff_token(settings: Settings, args: argparse.Namespace) -> int:
    try:
        name = valid_staff_name(args.name)
    except ValueError:
        return _fail(
            f"工作人员姓名须为 1 至 {STAFF_NAME_MAX} 个字符。",
            f"A staff name must be 1 to {STAFF_NAME_MAX} characters.",
        )
    with _session(settings) as session, session.begin():
        try:
            token = add_staff(session, name, StaffRole(args.role))
        except StaffNameTaken:
            return _fail(
                f"已有名为「{name}」的工作人员；姓名须唯一（可加部门区分）。",
                f"A staff member named {name} exists; names are unique (add the unit).",
            )
        session.flush()
        _audit(session, "add-staff", name)
    print(token)
    return 0


def disable_staff_token(settings: Settings, args: argparse.Namespace) -> int:
    with _session(settings) as session, session.begin():
        member = disable_staff(session, args.who)
        if member is None:
            return _fail(f"未找到工作人员 {args.who}。", f"No staff member {args.who}.")
        _audit(session, "disable-staff", member.staff_id)
    return 0


def _audit(session: Session, action: str, target: str) -> None:
    audit.record(session, at=utcnow(), actor=audit.cli_actor(), action=action, target=target)


def import_names(settings: Settings, args: argparse.Namespace) -> int:
    try:
        lines = args.file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"无法读取名称文件：{exc}", f"Cannot read the names file: {exc}")
    added = 0
    with _session(settings) as session, session.begin():
        for line in lines:
            name = normalise_name(line)
            if name and session.get(RegisteredName, name) is None:
                session.add(RegisteredName(name=name, registered_at=utcnow()))
                session.flush()
                added += 1
        _audit(session, "import-names", f"{added} names")
    print(f"{added} names added")
    return 0


def migrate_only(settings: Settings, _args: argparse.Namespace) -> int:
    _session(settings).close()
    return 0
