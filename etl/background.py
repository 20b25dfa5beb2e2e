"""Run one function in a second process while this one goes on: the build machine has two cores, and the per-government
sources are independent of each other once the list of governments is read.

The second process is forked, so it starts in milliseconds with everything this one has already imported and loaded;
where fork is not available (or `DX_ETL_SERIAL` is set) the function runs in this process instead, with the same result.
Arguments and results cross by pickle; an exception raised there is raised here by `result()`."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterator


@contextmanager
def in_background(function: Callable, *args) -> Iterator[Future]:
    """`with in_background(f, x) as pending: ...other work...; pending.result()` — f(x) runs beside the block."""
    if os.environ.get("DX_ETL_SERIAL") or "fork" not in multiprocessing.get_all_start_methods():
        pending: Future = Future()
        try:
            pending.set_result(function(*args))
        except Exception as error:  # noqa: BLE001 — handed to result(), as the process pool does
            pending.set_exception(error)
        yield pending
        return
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        yield pool.submit(function, *args)
