"""Looking back over 10,000 entries: the notebook view and the page to print, against reading the entries.

Run: python benchmarks/bench_looking_back.py
Baseline measured in the same run: building the same list of 10,000 entries from the same SQLite
file (``SQLiteStore.entries()``), which the view also does first. Target: the view in under 1 s.
"""

import datetime as dt
import random
import tempfile
from pathlib import Path

from bench_catalogue import RUNS, median_seconds

from innerwork.catalogue.loader import catalogue
from innerwork.storage.store import SAVE, Entry, SQLiteStore, _row

ENTRIES = 10_000
DAYS = 730  # two years of entries, with a two-month gap in the middle


def answers_for(exercise_id: str, n: int, rnd: random.Random) -> dict:
    drift = (n % 97) / 97 * 4
    if exercise_id == "self-compassion-break":
        return {"situation": f"A hard moment {n}", "before": rnd.randint(5, 10), "after": max(0, round(6 - drift))}
    if exercise_id == "activity-mood-check-in":
        return {
            "activity": "a walk",
            "predicted": rnd.randint(2, 6),
            "actual": rnd.randint(3, 9),
            "mastery": rnd.randint(0, 10),
            "pleasure": rnd.randint(0, 10),
        }
    if exercise_id == "step-ladder":
        return {
            "goal": "tidy the kitchen",
            "outcome": rnd.choice(["Done", "Partly done", "Not yet"]),
            "mood": rnd.randint(0, 10),
        }
    if exercise_id == "quick-body-check":
        return {"ratings": {need: rnd.randint(0, 10) for need in ("Not hungry", "Not tired", "Not lonely")}}
    if exercise_id == "hard-because-working":
        return {"working": ["aha moments"] * rnd.randint(0, 4), "not_working": ["not heard"] * rnd.randint(0, 2)}
    if exercise_id == "before-session-preparation":
        return {"mood": rnd.randint(0, 10), "topics": ["sleep"]}
    return {"wins": [f"win {n}-{k}" for k in range(rnd.randint(1, 4))]}


def fill(store: SQLiteStore, today: dt.date) -> None:
    rnd = random.Random(18)
    ids = [
        "self-compassion-break",
        "activity-mood-check-in",
        "step-ladder",
        "quick-body-check",
        "hard-because-working",
        "before-session-preparation",
        "wins-log",
    ]
    exercises = catalogue().exercises
    rows = []
    for n in range(ENTRIES):
        day = n * DAYS // ENTRIES
        if 300 <= day < 360:
            day += 60  # a gap of two months
        moment = dt.datetime.combine(today - dt.timedelta(days=DAYS - day), dt.time(9 + n % 12), tzinfo=dt.timezone.utc)
        exercise = exercises[ids[n % len(ids)]]
        entry = Entry(
            exercise.id,
            exercise.type,
            exercise.exercise_type.version,
            exercise.schema_version,
            answers_for(exercise.id, n, rnd),
            "completed",
            summary=f"# {exercise.title}\n\nEntry {n}.",
            created_at=moment.isoformat(timespec="seconds"),
        )
        rows.append(_row(entry, None))
    with store._open() as conn, conn:
        conn.executemany(SAVE, rows)


def main():
    from innerwork.app.series import overview
    from innerwork.ui.looking_back_view import LookingBack
    from innerwork.ui.printable import page

    today = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "innerwork.sqlite3")
        fill(store, today)
        assert len(store.entries()) == ENTRIES
        LookingBack(store, "all", today)  # warm up: plugins, exercises and widget classes are loaded once
        baseline = median_seconds(store.entries)
        print(f"{ENTRIES:,} entries over {DAYS} days; medians of {RUNS}")
        print(f"baseline, build the list of entries (SQLiteStore.entries()): {baseline:.3f} s")
        for period in ("all", "3m", "4w"):
            view = median_seconds(lambda period=period: LookingBack(store, period, today))
            built = LookingBack(store, period, today)
            html_kb = sum(len(w.children[0].value) for w in built.sections.children) / 1024
            print(
                f"view, period {period}: {view:.3f} s = {view / baseline:.2f}x the baseline; "
                f"{len(built.overview.entries):,} entries in the period, {html_kb:,.0f} KB of charts and tables"
            )
        printable = median_seconds(lambda: page(overview(store.entries(), "all", today), store.entries()[:20]))
        size = len(page(overview(store.entries(), "all", today), store.entries()[:20])) / 1024
        print(
            f"page to print, all {ENTRIES:,} entries charted and 20 included: {printable:.3f} s "
            f"= {printable / baseline:.2f}x the baseline; {size:,.0f} KB"
        )


if __name__ == "__main__":
    main()
