"""Loading and validating 1,000 exercise files, and the cold start of `innerwork list`.

Run: python benchmarks/bench_catalogue.py
Baselines measured in the same run: parsing the same files with yaml.safe_load only (no
positions, no validation), and starting Python with `import ipywidgets`.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from innerwork.catalogue.loader import load_catalogue
from innerwork.paths import shipped
from innerwork.registry.registered import plugins

FILES = 1000
RUNS = 5


def make_library(folder: Path) -> None:
    sources = sorted(shipped("exercises").glob("*.yaml"))
    for n in range(FILES):
        text = sources[n % len(sources)].read_text()
        data_id = yaml.safe_load(text)["id"]
        (folder / f"{n:04d}.yaml").write_text(text.replace(f"id: {data_id}", f"id: {data_id}-{n}", 1))


def median_seconds(action, runs=RUNS):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command_seconds(args, runs=RUNS):
    return median_seconds(lambda: subprocess.run(args, check=True, capture_output=True), runs)


def main():
    plugins()  # plugin loading is measured by the cold start below
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_library(folder)
        files = sorted(folder.glob("*.yaml"))
        catalogue = load_catalogue([folder])
        assert len(catalogue.exercises) == FILES and not catalogue.errors
        load = median_seconds(lambda: load_catalogue([folder]))
        parse_only = median_seconds(lambda: [yaml.safe_load(f.read_text()) for f in files])
    print(
        f"load and validate {FILES} files: median {load:.2f} s = {FILES / load:,.0f} files/s "
        f"(baseline yaml.safe_load only: {parse_only:.2f} s; ratio {load / parse_only:.2f}x)"
    )
    python = sys.executable
    bare = command_seconds([python, "-c", "pass"])
    widgets = command_seconds([python, "-c", "import ipywidgets"])
    importing = command_seconds([python, "-c", "import innerwork"])
    listing = command_seconds([python, "-m", "innerwork", "list"])
    print(
        f"cold start, median of {RUNS}: python {bare:.3f} s; import ipywidgets {widgets:.3f} s; "
        f"import innerwork {importing:.3f} s; innerwork list {listing:.3f} s "
        f"(innerwork list / import ipywidgets = {listing / widgets:.2f}x)"
    )


if __name__ == "__main__":
    main()
