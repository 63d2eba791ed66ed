"""Memory of one participant's kernel: the innerwork workshop page vs. a plain ipywidgets form.

Run: python benchmarks/bench_kernel_memory.py
Each run starts a fresh kernel, builds the page in it (as Voila does), and reads the kernel
process's resident memory (VmRSS) from /proc. Baseline, in the same run: a kernel that builds a
comparable ipywidgets form (a title, a textarea, a slider and three buttons).
"""

import statistics
import sys
from pathlib import Path

from jupyter_client.manager import start_new_kernel

RUNS = 5
BASELINE = """
import ipywidgets as W
from IPython.display import display
form = W.VBox([W.HTML("<h2>How are you today?</h2>"), W.Textarea(description="Notes"),
               W.IntSlider(min=0, max=10, description="Mood"),
               W.HBox([W.Button(description="Back"), W.Button(description="Next"), W.Button(description="Stop")])])
display(form)
"""
INNERWORK = """
import innerwork
from IPython.display import display
display(innerwork.workshop_page())
"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def kernel_memory(code: str) -> float:
    manager, client = start_new_kernel(env={"INNERWORK_STORE": "memory", "PATH": "/usr/bin:/bin"})
    try:
        reply = client.execute_interactive(code, timeout=120, output_hook=lambda message: None)
        assert reply["content"]["status"] == "ok", reply["content"]
        return rss_mb(manager.provisioner.process.pid)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main():
    results = {"baseline form": [], "innerwork page": []}
    for run in range(RUNS):
        results["baseline form"].append(kernel_memory(BASELINE))
        results["innerwork page"].append(kernel_memory(INNERWORK))
        print(f"run {run + 1}/{RUNS}: " + ", ".join(f"{k} {v[-1]:.1f} MB" for k, v in results.items()), file=sys.stderr)
    base, ours = (statistics.median(v) for v in results.values())
    print(
        f"kernel RSS, median of {RUNS}: baseline form {base:.1f} MB, innerwork page {ours:.1f} MB, "
        f"difference {ours - base:+.1f} MB ({ours / base:.2f}x)"
    )


if __name__ == "__main__":
    main()
