"""Command line: serve the backend, register terminals and staff, load the name register.

python -m backend [serve] [--db URL] [--data-dir DIR] [--host H] [--port N]
python -m backend add-kiosk ID [--key-file PATH] [--backend-url URL]
python -m backend disable-kiosk ID | enable-kiosk ID
python -m backend retire-key ID KEY_ID
python -m backend add-staff NAME --role window|section|department|district|fleet
python -m backend disable-staff STAFF_ID|NAME
python -m backend import-names FILE
python -m backend migrate
python -m backend web-screenshots --out DIR
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from backend.settings import Settings, default_data_dir

COMMANDS = (
    "serve",
    "web-screenshots",
    "add-kiosk",
    "disable-kiosk",
    "enable-kiosk",
    "retire-key",
    "add-staff",
    "disable-staff",
    "import-names",
    "migrate",
)
DEFAULT_PORT = 8700


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        help="SQLAlchemy URL (default: SQLite in the data directory), "
        "e.g. postgresql+psycopg://postgres@127.0.0.1/kiosk",
    )
    common.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"where the SQLite file and key files live (default {default_data_dir()})",
    )
    parser = argparse.ArgumentParser(
        prog="python -m backend",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command")
    _add_serve(sub, common)
    _add_terminal_commands(sub, common)
    staff = sub.add_parser("add-staff", parents=[common], help="create a reviewer or fleet token")
    staff.add_argument("name")
    staff.add_argument(
        "--role", required=True, choices=["window", "section", "department", "district", "fleet"]
    )
    disable = sub.add_parser(
        "disable-staff", parents=[common], help="disable a staff token (by staff id or name)"
    )
    disable.add_argument("who", help="staff id (staff:...) or name")
    names = sub.add_parser(
        "import-names",
        parents=[common],
        help="add names to the register (UTF-8 file, one name a line)",
    )
    names.add_argument("file", type=Path)
    sub.add_parser("migrate", parents=[common], help="bring the schema up to date and exit")
    return parser


def _add_serve(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    serve = sub.add_parser("serve", parents=[common], help="serve the HTTP API (default)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    serve.add_argument(
        "--public-url",
        default=None,
        help="base URL printed in licence QR codes (default http://HOST:PORT)",
    )
    serve.add_argument(
        "--threads", type=int, default=8, help="threads for the database-bound handlers"
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes; more than 1 pays off on PostgreSQL (one process is bound by "
        "Python's global lock); keep 1 on SQLite, which takes one writer at a time anyway",
    )
    serve.add_argument(
        "--final-veto-level",
        default="district",
        choices=["section", "department", "district"],
        help="the review level whose rejection takes effect (lower levels only propose)",
    )


def _add_terminal_commands(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    add = sub.add_parser("add-kiosk", parents=[common], help="register a terminal, write its key")
    add.add_argument("kiosk_id")
    add.add_argument(
        "--key-file",
        type=Path,
        default=None,
        help="where to write the key (default DATA_DIR/keys/ID.json)",
    )
    add.add_argument("--backend-url", default=None, help="URL recorded in the key file")
    add.add_argument(
        "--rotate",
        action="store_true",
        help="the terminal exists: give it one more key (the old one works until retire-key)",
    )
    for name in ("disable-kiosk", "enable-kiosk"):
        sub.add_parser(name, parents=[common]).add_argument("kiosk_id")
    shots = sub.add_parser(
        "web-screenshots", help="save PNGs of the web pages (phone) and the district page"
    )
    shots.add_argument("--out", type=Path, required=True, help="directory for the PNG files")
    retire = sub.add_parser(
        "retire-key", parents=[common], help="stop accepting one key of a terminal"
    )
    retire.add_argument("kiosk_id")
    retire.add_argument("key_id", help="16 hex characters, as in the key file's key_id")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS and argv[0] not in ("-h", "--help"):
        argv.insert(0, "serve")
    args = _parser().parse_args(argv)
    if args.command == "web-screenshots":
        from backend.web.screenshots import main as screenshots

        return screenshots(args.out)
    settings = Settings(
        data_dir=args.data_dir or default_data_dir(),
        database_url=args.db or os.environ.get("KIOSK_BACKEND_DB"),
    )
    from backend import cli_commands  # heavy imports only after argument errors are ruled out

    handler = {
        "serve": cli_commands.serve,
        "add-kiosk": cli_commands.add_kiosk,
        "disable-kiosk": cli_commands.disable_kiosk,
        "enable-kiosk": cli_commands.enable_kiosk,
        "retire-key": cli_commands.retire_key,
        "add-staff": cli_commands.add_staff_token,
        "disable-staff": cli_commands.disable_staff_token,
        "import-names": cli_commands.import_names,
        "migrate": cli_commands.migrate_only,
    }[args.command]
    try:
        return handler(settings, args)
    except cli_commands.DATABASE_ERRORS as exc:
        return cli_commands.database_failure(settings, exc)


if __name__ == "__main__":
    sys.exit(main())
