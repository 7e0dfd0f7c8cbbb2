"""Credit codes: valid by GB 32100 and GB 11714, unique, issued exactly once per serial."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy.orm import Session
from stdnum.cn import uscc

from backend.credit_codes import (
    MAX_SERIAL,
    CreditCodeExhausted,
    credit_code,
    is_valid_credit_code,
    issue_credit_code,
    org_check_char,
)
from backend.db import make_engine, migrate


def test_known_real_code_checks_out():
    # 91110000600037341L is python-stdnum's documented example; its organisation code
    # 60003734-1 carries GB 11714 check character 1.
    assert org_check_char("60003734") == "1"
    assert is_valid_credit_code("91110000600037341L")


def test_gb11714_check_character_x_and_0():
    bodies = {org_check_char(f"MA{n:06d}") for n in range(2000)}
    assert {"X", "0"} <= bodies  # both special cases (10 -> X, 11 -> 0) occur


def test_layout_authority_category_division():
    code = credit_code(2, "440605", 42)
    assert code[0] == "9" and code[1] == "2" and code[2:8] == "440605"
    assert code[8:10] == "MA" and len(code) == 18


def test_one_changed_character_is_detected():
    code = credit_code(1, "440605", 12345)
    for i in range(8, 18):
        for replacement in "0123456789ABCDEFGHJKLMNPQRTUWXY":
            if replacement != code[i]:
                mutated = code[:i] + replacement + code[i + 1 :]
                assert not is_valid_credit_code(mutated)


def test_serial_out_of_range_is_refused():
    with pytest.raises(CreditCodeExhausted):
        credit_code(1, "440605", MAX_SERIAL + 1)


def test_ten_thousand_issued_codes_are_valid_and_unique(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    codes: list[str] = []
    with Session(engine) as session, session.begin():
        for i in range(10_000):
            codes.append(issue_credit_code(session, 1 + i % 2, "440605"))
    engine.dispose()
    assert len(set(codes)) == 10_000
    assert all(uscc.is_valid(c) and is_valid_credit_code(c) for c in codes)
    assert {c[1] for c in codes} == {"1", "2"}


def test_concurrent_issuers_never_share_a_serial(database_url):
    engine = make_engine(database_url)
    migrate(engine)

    def issue_batch(_: int) -> list[str]:
        with Session(engine) as session, session.begin():
            return [issue_credit_code(session, 1, "440606") for _ in range(25)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        batches = list(pool.map(issue_batch, range(16)))
    engine.dispose()
    codes = [c for batch in batches for c in batch]
    assert len(codes) == len(set(codes)) == 400
