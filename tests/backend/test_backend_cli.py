"""python -m backend: add-kiosk writes a working key file; staff tokens; the name register."""

from __future__ import annotations

import json
import stat
import subprocess
import sys

from sqlalchemy import select
from sqlalchemy.orm import Session

import wire
from backend.__main__ import main
from backend.db import make_engine
from backend.models import Kiosk, KioskPublicKey, RegisteredName


def test_add_kiosk_writes_a_private_key_file_the_backend_accepts(tmp_path, capsys):
    data = tmp_path / "data"
    key_file = tmp_path / "terminal" / "key.json"
    assert (
        main(
            [
                "add-kiosk",
                "NH-GC-001",
                "--data-dir",
                str(data),
                "--key-file",
                str(key_file),
                "--backend-url",
                "http://127.0.0.1:8700",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = wire.KioskKey.load(key_file)
    assert key.kiosk_id == "NH-GC-001" and len(key.seed()) == 32
    assert json.loads(key_file.read_text())["format"] == "kiosk-key/2"
    engine = make_engine(f"sqlite:///{data / 'backend.sqlite3'}")
    with Session(engine) as session:
        stored = session.get(KioskPublicKey, ("NH-GC-001", key.key_id))
        assert stored.public_key == key.public_raw  # the public half only
    engine.dispose()
    # Nothing in the database is the private key.
    assert key.seed() not in (data / "backend.sqlite3").read_bytes()


def test_add_kiosk_twice_and_bad_ids_fail_with_both_languages(tmp_path, capsys):
    data = ["--data-dir", str(tmp_path)]
    assert main(["add-kiosk", "K1", *data]) == 0
    assert main(["add-kiosk", "K1", *data]) == 1
    assert "已登记" in capsys.readouterr().err
    assert main(["add-kiosk", "bad id!", *data]) == 1
    err = capsys.readouterr().err
    assert "终端编号" in err and "terminal id" in err


def test_rotate_overlaps_then_retire_and_the_file_stays_private(tmp_path):
    data = ["--data-dir", str(tmp_path)]
    key_file = tmp_path / "keys" / "K3.json"
    assert main(["add-kiosk", "K3", *data]) == 0
    old = wire.KioskKey.load(key_file)
    key_file.chmod(0o644)  # someone loosened it by hand
    assert main(["add-kiosk", "K3", "--rotate", *data]) == 0
    new = wire.KioskKey.load(key_file)
    assert new.key_id != old.key_id
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    engine = make_engine(f"sqlite:///{tmp_path / 'backend.sqlite3'}")
    with Session(engine) as session:
        live = {k.key_id for k in session.scalars(select(KioskPublicKey)) if k.retired_at is None}
        assert live == {old.key_id, new.key_id}  # the rotation overlaps
    assert main(["retire-key", "K3", old.key_id, *data]) == 0
    with Session(engine) as session:
        assert session.get(KioskPublicKey, ("K3", old.key_id)).retired_at is not None
        assert session.get(KioskPublicKey, ("K3", new.key_id)).retired_at is None
    engine.dispose()
    assert main(["retire-key", "K3", "0" * 16, *data]) == 1
    assert [p.name for p in key_file.parent.iterdir()] == ["K3.json"]  # no temporary left


def test_disable_then_enable(tmp_path):
    data = ["--data-dir", str(tmp_path)]
    main(["add-kiosk", "K2", *data])
    assert main(["disable-kiosk", "K2", *data]) == 0
    engine = make_engine(f"sqlite:///{tmp_path / 'backend.sqlite3'}")
    with Session(engine) as session:
        assert session.get(Kiosk, "K2").enabled is False
    assert main(["enable-kiosk", "K2", *data]) == 0
    with Session(engine) as session:
        assert session.get(Kiosk, "K2").enabled is True
    assert main(["disable-kiosk", "NOPE", *data]) == 1
    engine.dispose()


def test_import_names_fills_the_register(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text(
        "佛山市南海区甲乙餐饮店\n\n佛山市南海区丙丁贸易有限公司\n佛山市南海区甲乙餐饮店\n",
        encoding="utf-8",
    )
    assert main(["import-names", str(names), "--data-dir", str(tmp_path)]) == 0
    assert "2 names added" in capsys.readouterr().out
    engine = make_engine(f"sqlite:///{tmp_path / 'backend.sqlite3'}")
    with Session(engine) as session:
        assert session.get(RegisteredName, "佛山市南海区丙丁贸易有限公司") is not None
    engine.dispose()


def test_add_staff_prints_a_token(tmp_path, capsys):
    assert main(["add-staff", "窗口一", "--role", "window", "--data-dir", str(tmp_path)]) == 0
    assert len(capsys.readouterr().out.strip()) >= 40


def test_module_entry_point_prints_help():
    result = subprocess.run(
        [sys.executable, "-m", "backend", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "add-kiosk" in result.stdout


def test_bad_or_unreachable_database_is_told_plainly(tmp_path, capsys):
    for url in ("nonsense", "postgresql+psycopg://postgres@127.0.0.1:1/none", "nodriver://x/y"):
        assert main(["migrate", "--db", url, "--data-dir", str(tmp_path)]) == 2
        err = capsys.readouterr().err
        assert "无法使用数据库" in err and "Cannot use the database" in err
        assert "Traceback" not in err
