"""A driver bug becomes an 'unconfirmed' result whose status and log never quote the job's data."""

import logging

import pytest
from licence_samples import make_licence

from printer import LicenceJob, LicencePrinter, Outcome, ReceiptPrinter, State, build_receipt
from printer.receipt import ReceiptJob

SECRET = "张小三 44060519900101123X"


def explode(*_args, **_kwargs):
    raise ValueError(f"cannot encode {SECRET}")


@pytest.mark.parametrize("kind", ["receipt", "licence"])
def test_an_unexpected_failure_is_reported_without_the_data(kind, settings_for, summary, tmp_path,
                                                             monkeypatch, caplog):
    settings = settings_for("loop://", ledger_path=tmp_path / "ledger.sqlite3")
    if kind == "receipt":
        printer = ReceiptPrinter(settings)
        monkeypatch.setattr(printer, "_print", explode)
        call = lambda: printer.print(ReceiptJob(build_receipt(summary)))  # noqa: E731
    else:
        printer = LicencePrinter(settings)
        monkeypatch.setattr(printer, "_print", explode)
        call = lambda: printer.print(LicenceJob(make_licence(), "A4"))  # noqa: E731
    try:
        with caplog.at_level(logging.INFO, logger="printer"):
            result = call()
    finally:
        printer.close()
    assert result.outcome is Outcome.UNCONFIRMED
    assert (result.status.state, result.status.detail) == (State.ERROR, "ValueError")
    assert "ValueError" in caplog.text and "explode" in caplog.text  # the bug can be found
    assert "张小三" not in caplog.text and "44060519900101123X" not in caplog.text
