"""Readers in threads and processes query the database the way the app does while the ETL rebuilds it 20 times:
no reader may fail, and every read must see a complete database (the old one or the new one, never a mixture)."""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from pathlib import Path

from dashboard.db import open_read_only
from etl.build import build

REBUILDS = 20
THREADS = 3
PROCESSES = 2


def read_until(path: str, stop, results, parent: int, seconds: float = 600) -> None:
    """Open as the app does (a fresh connection per file version), read, check completeness, repeat. Gives up after
    `seconds` or when the test process is gone, so an interrupted run leaves no reader behind."""
    reads, errors, incomplete, builds = 0, [], 0, set()
    deadline = time.monotonic() + seconds
    while not stop.is_set() and time.monotonic() < deadline and os.getppid() == parent:
        try:
            connection = open_read_only(path)
            try:
                facts = connection.execute("select count(*) from facts").fetchone()[0]
                info = dict(connection.execute("select key, value from build_info").fetchall())
                peers = connection.execute("select count(*) from peer_groups").fetchone()[0]
            finally:
                connection.close()
            reads += 1
            builds.add(info["built_at"] + info["sources_sha256"])
            if facts != int(info["published_cells"]) or peers == 0:
                incomplete += 1
        except Exception as error:  # noqa: BLE001 — any failure of a reader is what this test counts
            errors.append(repr(error))
        time.sleep(0.05)  # a busy app, not a spin loop: on 2 cores spinning readers starve the build itself
    results.put((reads, errors[:5], len(errors), incomplete, len(builds)))


def test_readers_never_fail_or_see_a_partial_database_during_rebuilds(data_copy):
    database = data_copy / "dx.duckdb"
    note = data_copy / "tables" / "ai_adoption.meta.json"
    original = note.read_text(encoding="utf-8")
    thread_stop, process_stop = threading.Event(), multiprocessing.get_context("spawn").Event()
    thread_results = __import__("queue").Queue()
    process_results = multiprocessing.get_context("spawn").Queue()
    threads = [threading.Thread(target=read_until, args=(str(database), thread_stop, thread_results, os.getppid()))
               for _ in range(THREADS)]
    processes = [multiprocessing.get_context("spawn").Process(target=read_until,
                                                              args=(str(database), process_stop, process_results, os.getpid()))
                 for _ in range(PROCESSES)]
    for worker in threads + processes:
        worker.start()
    time.sleep(2.0)  # let the processes import and start reading before the first rebuild
    for number in range(REBUILDS):
        # alternate the sources so consecutive builds differ, as a real correction would
        note.write_text(original.replace("AI導入自治体", f"AI導入自治体 ") if number % 2 else original, encoding="utf-8")
        build(data_copy, database, None, log=lambda _: None)
    time.sleep(0.3)
    thread_stop.set()
    process_stop.set()
    # collect before joining: a process does not exit until what it put on a queue has been read
    outcomes = [thread_results.get(timeout=30) for _ in threads] + [process_results.get(timeout=60) for _ in processes]
    for worker in threads + processes:
        worker.join(timeout=30)
    for process in processes:
        if process.is_alive():
            process.terminate()
    assert all(reads > 0 for reads, *_ in outcomes), outcomes
    assert sum(count for _, _, count, _, _ in outcomes) == 0, [errors for _, errors, *_ in outcomes]
    assert sum(incomplete for *_, incomplete, _ in outcomes) == 0
    assert max(builds for *_, builds in outcomes) >= 2, "readers must have seen more than one build"
    assert not list(Path(data_copy).glob("dx.duckdb.new*"))
