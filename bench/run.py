"""Benchmark icc-rules against its targets and print the figures, each with its ratio to a floor measured alongside.

Run from a checkout (the package need not be installed)::

    python bench/run.py            # the full run (about a minute on 2 cores)
    python bench/run.py --quick    # fewer repetitions and a 100,000-query memory run

Every timed figure is the median and the 99th percentile of single calls, each timed with
``time.perf_counter_ns``, and its ratio to the *floor*: a plain dictionary lookup plus a bisect over precomputed
answers, called the same way in the same run. The timer's own overhead is printed and is included in every figure.
Targets are those of the project's reliability and speed issue; each prints PASS or FAIL.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import gc
import importlib
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import durable_rules_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import icc_rules  # after the path set-up: a checkout runs without installing
from icc_rules import Verdict, all_countries, assess, can_travel, shipped_data, verdict_of
from icc_rules.api.queries import forget
from icc_rules.errors import ICCRulesError
from icc_rules.law import engine
from icc_rules.law.days import from_day_number
from icc_rules.law.decide import decider_for
from icc_rules.law.statute import STATUTE_IN_FORCE

Query = tuple[Any, Any, Any]


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPU(s){f' ({model})' if model else ''}; Python {platform.python_version()} "
            f"({platform.python_implementation()}); {platform.platform()}")


def rss_kib() -> int:
    """Resident set size of this process, from /proc/self/status (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def time_calls(function: Callable[..., Any], queries: Sequence[Query], before: Callable[[], Any] | None = None
               ) -> list[int]:
    """Nanoseconds of each call ``function(*query)``; ``before`` (untimed) runs ahead of each call."""
    clock = time.perf_counter_ns
    spent = []
    gc.collect()
    for query in queries:
        if before is not None:
            before()
        start = clock()
        function(*query)
        spent.append(clock() - start)
    return spent


class Report:
    def __init__(self) -> None:
        self.floor_us = 0.0
        self.failed: list[str] = []

    def memory(self, label: str, run: Callable[[], str], limit_mb: float) -> None:
        """Print the growth of resident memory while ``run()`` runs (garbage collected before and after), with
        the line ``run()`` returns after the figure, and check it against ``limit_mb``."""
        gc.collect()
        before = rss_kib()
        said = run()
        gc.collect()
        growth = (rss_kib() - before) / 1024
        ok = growth < limit_mb
        if not ok:
            self.failed.append(label)
        print(f"  RSS growth over {label}: {growth:+.2f} MB{said}  < {limit_mb:g} MB {'PASS' if ok else 'FAIL'}")

    def timed(self, label: str, spent_ns: Sequence[int], target: str = "", limit_us: float | None = None,
              limit_floors: float | None = None, limit_total_s: float | None = None, floor_us: float | None = None
              ) -> float:
        """Print median, p99 and ratio to the floor (and the total, if it has a limit); check the limits."""
        ordered = sorted(spent_ns)
        median = statistics.median(ordered) / 1000
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] / 1000
        total = sum(ordered) / 1e9
        floor_us = floor_us or self.floor_us
        ratio = median / floor_us if floor_us else 1.0
        limits = (limit_us, limit_floors, limit_total_s)
        verdict = ""
        if any(limit is not None for limit in limits):
            ok = ((limit_us is None or median <= limit_us) and (limit_floors is None or ratio <= limit_floors)
                  and (limit_total_s is None or total <= limit_total_s))
            verdict = "PASS" if ok else "FAIL"
            if not ok:
                self.failed.append(label)
        shown_total = f"  total {total:7.2f} s" if limit_total_s is not None else ""
        print(f"  {label:<62} median {_us(median)}  p99 {_us(p99)}  {ratio:10,.1f}× floor{shown_total}"
              f"  {target} {verdict}")
        return median

    def skipped(self, label: str, why: str) -> None:
        print(f"  {label:<62} not available: {why}")


def _us(value: float) -> str:
    return f"{value:9.2f} µs" if value < 10_000 else f"{value / 1000:9.2f} ms"


def queries(count: int, seed: int, as_written: bool) -> list[Query]:
    """``count`` random (person, country, date) queries over every person, every country and every day since
    the Statute entered into force; ids, alpha-3 codes and ``date`` objects, or names and ISO strings."""
    data = shipped_data()
    rng = random.Random(seed)
    persons, countries = data.persons, all_countries()
    span = (data.info.as_of - STATUTE_IN_FORCE).days
    chosen = []
    for _ in range(count):
        person, country = rng.choice(persons), rng.choice(countries)
        day = STATUTE_IN_FORCE + datetime.timedelta(days=rng.randrange(span + 1))
        chosen.append((person.name, country.name, day.isoformat()) if as_written else (person.id, country.code, day))
    return chosen


def optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function another part of the package may not provide yet."""
    try:
        found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    return found


def floor_table(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[list[datetime.date], list[Verdict]]]:
    """Precomputed answers: per pair, the days answers can change on and the verdict of each interval."""
    decider = decider_for(shipped_data())
    table = {}
    for person, country in pairs:
        days = [from_day_number(b) for b in decider.pair(person, country).boundaries]
        first = [datetime.date(2002, 1, 1), *days]
        table[(person, country)] = (days, [verdict_of(person, country, day) for day in first])
    return table


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--quick", action="store_true", help="fewer repetitions (for a smoke run)")
    args = options.parse_args(argv)
    quick = args.quick
    n = 2_000 if quick else 20_000
    n_cold = 300 if quick else 2_000
    n_memory = 100_000 if quick else 1_000_000
    n_random = 50_000 if quick else 250_000
    data = shipped_data()
    decider = decider_for(data)
    report = Report()

    def decide_afresh() -> None:
        forget(data)

    print(f"icc-rules {icc_rules.__version__} benchmark{' (--quick)' if quick else ''}")
    print(f"machine: {machine()}")
    print(f"dataset: {len(data.persons)} persons, {len(all_countries())} countries, as of {data.info.as_of}")
    canonical = queries(n, 1, as_written=False)
    written = queries(n, 1, as_written=True)

    print("\nsingle calls (median and p99 of single calls; ratio = median / floor median)")
    empty = time_calls(lambda *_: None, canonical)
    print(f"  timer and call overhead, included in every figure:    median {statistics.median(empty) / 1000:9.2f} µs")
    table = floor_table({(p, c) for p, c, _ in canonical})

    def floor(person: str, country: str, day: datetime.date) -> Verdict:
        days, verdicts = table[(person, country)]
        return verdicts[bisect.bisect_right(days, day)]

    assert all(floor(*q) is verdict_of(*q) for q in canonical), "the floor's precomputed answers are wrong"
    print("  Two floors: over the random queries (the floor of every other figure), and one query repeated (the")
    print("  floor of the 'one query repeated' figures, which run with hot CPU caches too).")
    report.floor_us = report.timed(f"floor: dict + bisect, {n:,} random queries", time_calls(floor, canonical))
    repeated_floor = report.timed("floor: dict + bisect, one query repeated", time_calls(floor, [canonical[0]] * n),
                                  floor_us=report.floor_us)

    cold = canonical[:n_cold]
    report.timed("assess, cold: through the rules engine", time_calls(assess, cold, decide_afresh),
                 "≤ 300 µs", limit_us=300)
    report.timed("verdict_of, cold: through the rules engine", time_calls(verdict_of, cold, decide_afresh))

    for function in (verdict_of, can_travel):
        function(*canonical[0])
        repeat = [canonical[0]] * n
        report.timed(f"{function.__name__}, warm, one query repeated (ids)", time_calls(function, repeat),
                     "≤ 10× floor", limit_floors=10, floor_us=repeated_floor)
        written_repeat = [written[0]] * n
        report.timed(f"{function.__name__}, warm, one query repeated (names)", time_calls(function, written_repeat),
                     "≤ 10× floor", limit_floors=10, floor_us=repeated_floor)
    assess(*canonical[0])
    report.timed("assess, warm, one query repeated (ids)", time_calls(assess, [canonical[0]] * n),
                 "≤ 10× floor", limit_floors=10, floor_us=repeated_floor)
    assess(*written[0])
    report.timed("assess, warm, one query repeated (names)", time_calls(assess, [written[0]] * n),
                 "≤ 10× floor", limit_floors=10, floor_us=repeated_floor)

    for query in (*canonical, *written):  # warm-up: every query's interval decided and its answer built once
        assess(*query)
        verdict_of(*query)
    for label, batch in (("ids, codes, dates", canonical), ("names, ISO strings", written)):
        report.timed(f"verdict_of, bulk: {len(batch):,} asked before ({label})",
                     time_calls(verdict_of, batch), "≤ 10× floor", limit_floors=10)
    report.timed(f"assess, bulk: {len(canonical):,} asked before (ids, codes, dates)",
                 time_calls(assess, canonical), "≤ 10× floor", limit_floors=10)
    # New queries on intervals already decided: a later day of each query, asked before in another form (an ISO
    # string for a date, or the reverse), so that only the decision per interval is reused, not the answer. Each
    # function gets its own days (1, 2, 3 days later), so none reads an answer another one left.
    for shift, function in enumerate((verdict_of, can_travel, assess), start=1):
        later = [(p, c, d + datetime.timedelta(days=shift)) for p, c, d in canonical]
        later_names = [(p, c, (datetime.date.fromisoformat(d) + datetime.timedelta(days=shift)).isoformat())
                       for p, c, d in written]
        for (p, c, d), (pn, cn, dn) in zip(later, later_names, strict=True):
            function(p, c, d.isoformat())
            function(pn, cn, datetime.date.fromisoformat(dn))
        for label, batch in (("ids, codes, dates", later), ("names, ISO strings", later_names)):
            report.timed(f"{function.__name__}, bulk: {len(batch):,} new queries ({label})",
                         time_calls(function, batch), "≤ 10× floor", limit_floors=10)

    print("\nmemory")
    mixed = [*canonical[: n // 2], *written[: n // 2]]
    calls = (verdict_of, can_travel, assess)
    for index, query in enumerate(mixed * 3):  # warm-up: caches filled for the whole mix
        calls[index % 3](*query)

    def mixed_queries() -> str:
        before = rss_kib()
        for index in range(n_memory):
            calls[index % 3](*mixed[index % len(mixed)])
        return f" (RSS {before / 1024:.1f} MB before, {rss_kib() / 1024:.1f} MB after)"

    report.memory(f"{n_memory:,} mixed queries after warm-up", mixed_queries, 5)
    n_engine = n_memory // 10

    def through_the_engine() -> str:
        for index in range(n_engine):  # every one of these through the rules engine
            forget(data)
            calls[index % 3](*mixed[index % len(mixed)])
        return ""

    report.memory(f"{n_engine:,} more, each decided by the rules engine", through_the_engine, 5)
    # Random queries over every person, every country and every day, one in ten of them bad (an unknown person or
    # country, a malformed or missing date): the memory kept must stay bounded whatever is asked.
    forget(data)
    rng = random.Random(7)
    persons, countries = [p.id for p in data.persons], [c.code for c in all_countries()]
    span = (data.info.as_of - STATUTE_IN_FORCE).days + 3000
    bad = [("Nobody Atall", "MNG", "2024-09-03"), ("putin", "Atlantis", "2024-09-03"),
           ("putin", "MNG", "2024-02-30"), ("putin", "MNG", float("nan")), ("putin", "MNG", "not a date")]

    def random_query() -> tuple[Any, Any, Any]:
        if rng.random() < 0.1:
            return rng.choice(bad)
        day = STATUTE_IN_FORCE + datetime.timedelta(days=rng.randrange(span))
        return rng.choice(persons), rng.choice(countries), day.isoformat() if rng.random() < 0.5 else day

    def ask(count: int) -> int:
        errors = 0
        for index in range(count):
            try:
                calls[index % 3](*random_query())
            except ICCRulesError:
                errors += 1
        return errors

    ask(50_000)  # warm-up: as many as fill the bounds on what is kept, in a quick run too

    def random_queries() -> str:
        started = time.perf_counter()
        errors = ask(n_random)
        return f" in {time.perf_counter() - started:.0f} s ({errors:,} of them bad)"

    report.memory(f"{n_random:,} random queries after warm-up (every person and country, days 2002 to 2034)",
                  random_queries, 30)
    print(f"  kept for the dataset now: {decider.kept}")
    try:
        engine._host.get_state(engine.RULESET_NAME, engine.SESSION)
        left = "a session is left in the rules engine"
    except durable_rules_engine.error as error:  # error 309: there is no such session
        left = "no session left in the rules engine" if "309" in str(error) else f"unexpected: {error}"
    print(f"  after all of them: {left}")
    if not left.startswith("no session"):
        report.failed.append("engine sessions")

    print("\nviews")
    world = optional("icc_rules.views.world", "world")
    if world is None:
        report.skipped("world(person, date) over every country", "no icc_rules.views.world.world in this checkout")
    else:
        day = data.info.as_of
        for person in data.persons:
            world(person.id, day)  # warm-up
        spent = time_calls(world, [(p.id, day) for p in data.persons] * (1 if quick else 3))
        report.timed("world(person, date), warm, every country", spent, "≤ 30 ms", limit_us=30_000)
    timeline = optional("icc_rules.views.timeline", "timeline")
    if timeline is None:
        report.skipped("timelines: every person × every state", "no icc_rules.views.timeline.timeline in this checkout")
    else:
        pairs = [(person.id, state.code, STATUTE_IN_FORCE, data.info.as_of)
                 for person in data.persons for state in data.states]
        for phase in ("cold", "warm"):
            if phase == "cold":
                forget(data)
            spent = time_calls(timeline, pairs)
            report.timed(f"timelines, {phase}: {len(data.persons)} persons × {len(data.states)} states", spent,
                         "≤ 3 s in total", limit_total_s=3.0)
        print(f"  ({decider.kept['decisions']:,} intervals decided for these timelines, by {decider.kept['runs']:,} "
              f"runs of the rules engine (pairs of one pattern share a run); RSS with all of them kept: "
              f"{rss_kib() / 1024:.0f} MB)")

    print("\nstart-up")
    code = ("import time; t = time.perf_counter_ns(); import icc_rules; "
            "icc_rules.can_travel('Vladimir Putin', 'Mongolia', '2024-09-03'); print(time.perf_counter_ns() - t)")
    inside, whole = [], []
    for _ in range(3 if quick else 7):
        started = time.perf_counter_ns()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        whole.append(time.perf_counter_ns() - started)
        inside.append(int(done.stdout))
    report.timed("import icc_rules + first answer, fresh process", inside, "≤ 0.5 s", limit_us=500_000)
    report.timed("the same, whole process (interpreter start-up included)", whole)

    print("\nbulk (a process of its own; rows per second and peak resident memory)")
    from bulk_figures import bulk_figures  # bench/bulk_figures.py, beside this script

    bulk_figures(30_000 if quick else 300_000, report.failed)

    print(f"\n{'all targets met' if not report.failed else 'FAILED: ' + ', '.join(report.failed)}")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
