"""Interaction latency in headless Chromium: innerwork vs. a plain Voila form.

Run: python benchmarks/bench_interaction.py [--trials 20]
Both are timed inside the page with performance.now():

- next step: from the click on "Next" (or "Back") until the other step's content and control are in
  the page and the old control is gone;
- keystroke: from the key press in the first text box until the "Saved" label changes (the kernel
  has the text and says so) and until it reads "Saved" again. innerwork waits on purpose until typing
  pauses for 0.8 s before it writes to the answers file, so that figure includes that pause; the
  baseline writes to SQLite on every keystroke.

innerwork runs as `innerwork serve --exercise before-session-preparation`, saving to an SQLite file in a
temporary home; the baseline is the comparable form on plain Voila (voila_tools.BASELINE_FORM).
"""

import argparse
import statistics
import sys

from voila_tools import FIRST_INPUT, change_step, chromium, open_page, serving

PAGES = {"plain Voila form (baseline)": ("baseline", ".bench-saved"), "innerwork": ("innerwork", ".innerwork-saved")}

WATCH_SAVED = """selector => {
  const label = document.querySelector(selector);
  window.__typed = {key: 0, changes: []};
  document.addEventListener('keydown', () => { window.__typed = {key: performance.now(), changes: []}; }, true);
  new MutationObserver(() => window.__typed.changes.push([performance.now(), label.textContent.trim()]))
    .observe(label, {subtree: true, childList: true, characterData: true});
}"""

SAVED_AGAIN = """() => { const {key, changes} = window.__typed;
  const saved = changes.find(([, text]) => text.startsWith('Saved'));
  return key && saved && [changes[0][0] - key, saved[0] - key]; }"""


def measure(browser, url: str, kind: str, saved: str, trials: int) -> dict:
    context, page, _ = open_page(browser, url)
    page.wait_for_timeout(500)
    next_times = []
    for _ in range(trials):
        next_times.append(change_step(page, kind, "Next"))
        page.wait_for_timeout(100)
        next_times.append(change_step(page, kind, "Back"))
        page.wait_for_timeout(100)
    page.evaluate(WATCH_SAVED, saved)
    page.locator(FIRST_INPUT).click()
    acknowledged, saved_times = [], []
    for _ in range(trials):
        page.keyboard.press("a")
        first_change, saved_after = page.wait_for_function(SAVED_AGAIN, timeout=10_000).json_value()
        acknowledged.append(first_change)
        saved_times.append(saved_after)
        page.wait_for_timeout(150)
    context.close()
    if None in next_times:
        raise SystemExit(f"{next_times.count(None)} step change(s) never showed within 15 s")
    return {"next": next_times, "acknowledged": acknowledged, "saved": saved_times}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20, help="step changes each way and keystrokes (default 20)")
    trials = parser.parse_args().trials
    results = {}
    with chromium() as browser:
        for label, (kind, saved) in PAGES.items():
            with serving(kind, room=1, personal=True) as server:
                results[label] = measure(browser, server.url, kind, saved, trials)
            print(f"{label}: done", file=sys.stderr)
    print(f"interaction latency in headless Chromium, median (max) in ms, {trials} trials:")
    for label, figures in results.items():
        line = ", ".join(
            f"{name} {statistics.median(values):.0f} ({max(values):.0f})"
            for name, values in (
                ("next/back step", figures["next"]),
                ("keystroke to label change", figures["acknowledged"]),
                ("keystroke to Saved", figures["saved"]),
            )
        )
        print(f"  {label:30} {line}")
    base, ours = (statistics.median(results[label]["next"]) for label in PAGES)
    print(f"next step: innerwork / baseline = {ours / base:.2f}x")


if __name__ == "__main__":
    main()
