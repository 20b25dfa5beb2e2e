"""Median and 95th percentile of a list of timings, in milliseconds."""
from __future__ import annotations

import math
import statistics
import time
from typing import Callable


def summary(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return statistics.median(ordered), p95


def time_ms(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def time_alternately(first: Callable[[], object], second: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Time two actions in turns (first, second, first, …): a slowdown of the machine during the measurement then
    weighs on both alike, so their ratio stays meaningful on a shared machine."""
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, timings in zip((first, second), samples):
            started = time.perf_counter()
            action()
            timings.append((time.perf_counter() - started) * 1000)
    return samples
