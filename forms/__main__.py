"""Command line for technicians: `python -m forms check FILE.json`, `python -m forms scope TEXT`.

check prints {"valid": bool, "problems": [...]} and exits 0 (valid), 1 (problems) or 2 (the file
cannot be read or is not an application). scope prints the matching catalogue entries as JSON.
`definitions [DIR]` loads every definition (or another tree) and reports the first fault;
`describe ID` lists what a service or add-on asks.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_VALID, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
MAX_FILE = 16 * 1024 * 1024     # an application is a few kB; 16 MB leaves room for bad input


def _print(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _fail(zh: str, en: str) -> int:
    sys.stderr.write(f"{zh}\n{en}\n")
    return EXIT_UNREADABLE


def check(path: str) -> int:
    from .application import Application
    from .errors import ApplicationFormatError
    from .validation import validate_application

    try:
        raw = Path(path).read_bytes() if Path(path).stat().st_size <= MAX_FILE else None
    except OSError as exc:
        return _fail(f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}")
    if raw is None:
        return _fail("文件过大，不是申请数据。", "the file is too large to be an application.")
    try:
        data = json.loads(raw.decode("utf-8-sig"))    # Windows editors save with a BOM
    except (ValueError, RecursionError):
        # ValueError covers bad UTF-8, bad JSON and integers past Python's 4300-digit limit.
        return _fail("文件不是 UTF-8 编码的 JSON。", "the file is not UTF-8 JSON.")
    try:
        app = Application.from_json(data)
    except ApplicationFormatError as exc:
        return _fail(exc.zh, exc.en)
    problems = validate_application(app)
    _print({"valid": not problems, "problems": [p.to_json() for p in problems]})
    return EXIT_PROBLEMS if problems else EXIT_VALID


def scope(text: str, limit: int) -> int:
    from .search import catalogue_search

    _print([item.to_json() for item in catalogue_search(text, limit)])
    return EXIT_VALID


def describe(definition_id: str) -> int:
    """What a service or add-on asks, step by step: id, type, required, label (zh / en)."""
    from .definitions import current

    defs = current()
    found = defs.service_by_id.get(definition_id) or defs.addon_by_id.get(definition_id)
    if found is None:
        known = ", ".join([s.id for s in defs.services] + [a.id for a in defs.addons])
        return _fail(f"没有这项业务或许可：{definition_id}（可选：{known}）",
                     f"no service or add-on {definition_id!r} (known: {known})")
    _print({"id": found.id, "title": found.title.zh, "title_en": found.title.en, "steps": [
        {"id": step.id, "rules": list(step.rules), "fields": [
            {"id": f.id, "type": f.type, "required": f.required, "label": f.label.zh,
             "label_en": f.label.en, "visible_when": f.visible_when.field if f.visible_when else None}
            for f in step.fields]}
        for step in found.steps], "declarations": [d.id for d in found.declarations]})
    return EXIT_VALID


def definitions(root: str | None) -> int:
    from .definitions import PACKAGE_DIR, load_definitions
    from .errors import DefinitionError

    try:
        defs = load_definitions(Path(root) if root else PACKAGE_DIR)
    except DefinitionError as exc:
        return _fail(f"定义有误：{exc}", f"definition error: {exc}")
    _print({"services": [s.id for s in defs.services], "addons": [a.id for a in defs.addons],
            "catalogue_items": len(defs.catalogue.items)})
    return EXIT_VALID


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m forms",
                                     description="Check applications and search the catalogue.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate an application JSON file")
    p_check.add_argument("file")
    p_scope = sub.add_parser("scope", help="search the business-scope catalogue")
    p_scope.add_argument("text")
    p_scope.add_argument("--limit", type=int, default=20)
    p_describe = sub.add_parser("describe", help="what a service or add-on asks, step by step")
    p_describe.add_argument("id")
    p_defs = sub.add_parser("definitions", help="load and check every definition")
    p_defs.add_argument("root", nargs="?")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.file)
    if args.command == "scope":
        return scope(args.text, args.limit)
    if args.command == "describe":
        return describe(args.id)
    return definitions(args.root)


if __name__ == "__main__":
    sys.exit(main())
