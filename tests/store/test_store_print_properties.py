"""Property: whatever the printer answers, wherever the process dies and whatever the citizen
says, no receipt is dropped and none is handed to the printer twice unasked."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fakes import TERMINAL

from forms.samples import valid_application
from kiosk.store import FieldSealer, JobState, PrintOutcome, Store
from kiosk.store.printing import JobNotFound


class Killed(BaseException):
    """The process dying: not an Exception, so nothing in the store catches it."""


class ScriptedPrinter:
    def __init__(self) -> None:
        self.handed: list[int] = []
        self.next: tuple[str, PrintOutcome] = ("answer", PrintOutcome.PRINTED)

    def print(self, job):
        how, outcome = self.next
        if how == "die-before":
            raise Killed
        if how == "answer" and outcome is PrintOutcome.REFUSED:
            return outcome  # refused: the printer was not ready, nothing was sent
        self.handed.append(job.id)  # the bytes went to the printer
        if how == "die-after":
            raise Killed
        return outcome


steps = st.lists(st.one_of(
    st.tuples(st.just("print"), st.integers(0, 9),
              st.sampled_from(["answer", "answer", "die-before", "die-after"]),
              st.sampled_from(list(PrintOutcome))),
    st.tuples(st.just("restart")),
    st.tuples(st.just("citizen"), st.integers(0, 9), st.booleans()),
), max_size=25)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps)
def test_no_receipt_is_dropped_or_printed_twice_unasked(script):
    with tempfile.TemporaryDirectory() as tmp:
        sealer = FieldSealer(os.urandom(32))
        store = Store(Path(tmp), sealer, terminal_id=TERMINAL)
        apps = [store.confirm(valid_application("individual_business"), {}) for _ in range(3)]
        printer = ScriptedPrinter()
        asked_reprints = 0
        for step in script:
            jobs = store.jobs.queued()
            if step[0] == "print" and jobs:
                printer.next = (step[2], step[3])
                try:
                    store.jobs.print(jobs[step[1] % len(jobs)], printer)
                except Killed:
                    store.jobs.recover()  # the next start
            elif step[0] == "restart":
                store.jobs.recover()
            elif step[0] == "citizen":
                waiting = _in_state(store, JobState.UNCONFIRMED)
                if waiting:
                    job = waiting[step[1] % len(waiting)]
                    if step[2]:
                        store.jobs.confirm_printed(job, by="citizen")
                    else:
                        store.jobs.reprint(job, by="citizen")
                        asked_reprints += 1
        # Finally: restart, then print what is queued on a healthy printer.
        store.jobs.recover()
        printer.next = ("answer", PrintOutcome.PRINTED)
        for job in store.jobs.queued():
            store.jobs.print(job, printer)

        assert max(Counter(printer.handed).values(), default=0) <= 1  # no job handed twice
        with store.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, application_id, state, reprint_of FROM print_jobs").all()
        assert {state for _, _, state, _ in rows} <= {"printed", "flagged", "reprinted"}
        assert sum(1 for *_, reprint_of in rows if reprint_of) == asked_reprints
        for app in apps:
            chain = [r for r in rows if r[1] == app.id]
            latest = max(chain)  # the newest job of the application's reprint chain
            assert latest[2] in ("printed", "flagged")
            printed_unasked = sum(printer.handed.count(r[0]) for r in chain if r[3] is None)
            assert printed_unasked <= 1
        store.close()


def _in_state(store: Store, state: JobState) -> list[int]:
    with store.engine.connect() as conn:
        return [i for (i,) in conn.exec_driver_sql(
            "SELECT id FROM print_jobs WHERE state = ? ORDER BY id", (state.value,))]


def test_an_unknown_job_is_named(store):
    with pytest.raises(JobNotFound):
        store.jobs.print(999, ScriptedPrinter())
