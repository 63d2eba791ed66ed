"""Time to build each exercise app, and the cost of an autosave.

Run: python benchmarks/bench_app.py
Baselines measured in the same run: an ipywidgets form of comparable size (a title, a
textarea and three buttons), and a bare SQLite INSERT of the same answers.
"""

import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import ipywidgets as W

import innerwork
from innerwork.app.session import Session
from innerwork.storage.store import Entry, MemoryStore, SQLiteStore
from innerwork.ui.widgets import ExerciseApp

RUNS = 30


def median_ms(action, runs=RUNS):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plain_form():
    return W.VBox(
        [
            W.HTML("<h2>Title</h2>"),
            W.Textarea(description="Answer"),
            W.HBox([W.Button(description=d) for d in ("Back", "Next", "Stop")]),
        ]
    )


def main():
    baseline = median_ms(plain_form)
    print(f"plain ipywidgets form (baseline): {baseline:.2f} ms")
    builds = {}
    for exercise in innerwork.exercises():
        builds[exercise.id] = median_ms(lambda exercise=exercise: ExerciseApp(Session(exercise, MemoryStore())))
    for exercise_id, ms in sorted(builds.items(), key=lambda kv: kv[1]):
        print(f"  build {exercise_id:<28} {ms:7.2f} ms  ({ms / baseline:.1f}x baseline)")
    print(
        f"build an exercise app: median {statistics.median(builds.values()):.2f} ms, max {max(builds.values()):.2f} ms"
    )

    exercise = innerwork.get_exercise("after-session-reflection")
    answers = {s.id: s.example({}) for s in exercise.answer_steps}
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "answers.sqlite3")
        entry = Entry(exercise.id, exercise.type, "1.0", 1, answers)
        store.save(entry)
        save = median_ms(lambda: store.save(entry), 200)
        conn = sqlite3.connect(Path(tmp) / "bare.sqlite3", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, answers TEXT)")
        payload = json.dumps(answers)
        bare = median_ms(lambda: conn.execute("INSERT OR REPLACE INTO t VALUES ('x', ?)", (payload,)), 200)
        session = Session(exercise, store)
        keystroke = median_ms(lambda: session.set_answer("theme", "a"), 200)
        session.save_now()
    print(
        f"autosave (one entry, SQLite, new connection each time): median {save:.2f} ms "
        f"(baseline bare INSERT on an open connection {bare:.3f} ms; ratio {save / bare:.0f}x)"
    )
    print(f"keystroke to session (check + schedule the debounced save): median {keystroke:.3f} ms")


if __name__ == "__main__":
    main()
