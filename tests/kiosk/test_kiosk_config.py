"""config.toml: the shipped file, the embedded defaults, and every kind of refusal."""

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.config import (
    ConfigError,
    KioskConfig,
    hash_pin,
    load_config,
    parse_config,
    verify_pin,
)

REPO = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_file_states_the_embedded_defaults():
    """The comment at the top of config.toml promises it shows the defaults; hold it to that."""
    shipped = load_config(REPO / "config.toml")
    embedded = KioskConfig()
    rebased = replace(
        embedded,
        data_dir=REPO / embedded.data_dir,
        backend=replace(embedded.backend, key_file=REPO / embedded.backend.key_file),
        source=shipped.source,
    )
    assert shipped == rebased


def test_no_file_anywhere_runs_on_embedded_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    cfg = load_config()
    assert cfg.source is None
    assert cfg.printers.receipt.port == "virtual"
    assert cfg.session.idle_seconds == 120 and cfg.session.warning_seconds == 20


def test_environment_variable_names_the_file(tmp_path, monkeypatch):
    path = write(tmp_path, '[terminal]\nid = "NH-LOBBY-7"\n')
    monkeypatch.setenv("KIOSK_CONFIG", str(path))
    assert load_config().terminal.id == "NH-LOBBY-7"


def test_relative_paths_are_relative_to_the_file(tmp_path):
    cfg = load_config(write(tmp_path, '[storage]\ndata_dir = "state"\n'))
    assert cfg.data_dir == tmp_path.resolve() / "state"
    assert cfg.log_dir == tmp_path.resolve() / "state" / "logs"


@pytest.mark.parametrize(
    ("text", "key", "hint"),
    [
        ("[session]\nidle_secnds = 60\n", "session.idle_secnds", "no such setting"),
        ("[session]\nidle_seconds = 5\n", "session.idle_seconds", "from 10 to 1800"),
        ("[session]\nidle_seconds = 30\nwarning_seconds = 28\n", "session.warning_seconds", "from 3 to 25"),
        ("[screen]\nwidth = 1920\nheight = 1080\n", "screen.orientation", "'landscape'"),
        ("[screen]\nfullscreen = \"yes\"\n", "screen.fullscreen", "true or false"),
        ("[screen]\ndiagonal_inches = 10.1\n", "screen.diagonal_inches", "from 15.6 to 32.0"),
        ("[screen]\ndiagonal_inches = 55\n", "screen.diagonal_inches", "from 15.6 to 32.0"),
        ("[screen]\ndiagonal_inches = \"21.5\"\n", "screen.diagonal_inches", "a number"),
        ("[locales]\ndefault = \"fr_FR\"\n", "locales.default", "'zh_CN'"),
        ("[printers.receipt]\nbaud = 9601\n", "printers.receipt.baud", "115200"),
        ("[printers.receipt]\nport = \"COM-ONE\"\n", "printers.receipt.port", "socket://"),
        ("[printers.licence]\nflow_control = \"hardware\"\n", "printers.licence.flow_control", "'rtscts'"),
        ("[printers.licence]\nstock = \"B5\"\n", "printers.licence.stock", "'A3'"),
        ("[backend]\nurl = \"ftp://x\"\n", "backend.url", "http://"),
        ("[technician]\npin_hash = \"2468\"\n", "technician.pin_hash", "hash_pin"),
        ("[terminal]\nid = \"has space\"\n", "terminal.id", "letters, digits"),
        ("[terminal]\nsite_name = \"\"\n", "terminal.site_name", "non-empty"),
        ("[privacy]\nretention_days = -1\n", "privacy.retention_days", "from 0 to 3650"),
        ("[sync]\nbackoff_base_seconds = 2\nbackoff_cap_seconds = 1\n", "sync.backoff_cap_seconds", "from 2.0"),
        ("[sync]\npoll_seconds = 0\n", "sync.poll_seconds", "from 1 to 3600"),
    ],
)
def test_a_bad_value_names_key_value_and_what_is_allowed(tmp_path, text, key, hint):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert caught.value.key == key
    assert key in str(caught.value) and hint in str(caught.value)


def test_unreadable_toml_is_refused_with_the_file_named(tmp_path):
    path = write(tmp_path, "[screen\nwidth = 1")
    with pytest.raises(ConfigError, match="valid UTF-8 TOML"):
        load_config(path)


def test_missing_explicit_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="an existing TOML file"):
        load_config(tmp_path / "nope.toml")


def test_pyserial_urls_and_device_paths_are_accepted(tmp_path):
    for port in ("/dev/ttyUSB0", "/dev/pts/4", "socket://127.0.0.1:9100", "loop://", "virtual"):
        cfg = parse_config({"printers": {"receipt": {"port": port}}}, base_dir=tmp_path)
        assert cfg.printers.receipt.port == port


def test_pin_hash_round_trip_and_wrong_pin():
    stored = hash_pin("8642", iterations=1000)
    assert verify_pin("8642", stored)
    assert not verify_pin("8643", stored)
    assert not verify_pin("8642", "not-a-hash")


@pytest.mark.parametrize("diagonal", [15.6, 18.5, 21.5, 23.8, 27, 32])
def test_common_kiosk_panel_sizes_are_accepted(tmp_path, diagonal):
    cfg = load_config(write(tmp_path, f"[screen]\ndiagonal_inches = {diagonal}\n"))
    assert cfg.screen.diagonal_inches == diagonal
