"""`innerwork build`: a static workshop site, built once, then used by a participant in a real Chromium
against `python -m http.server`. The build downloads Pyodide (npm) and wheels (pip) into its cache the
first time (INNERWORK_BUILD_CACHE, else the user's cache folder); later builds need no network."""

import ast
import importlib.util
import json
import re
import subprocess
import sys
import time
import urllib.request
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from ports import free_port

from innerwork.errors import BuildError
from innerwork.static import build, csp, page, pins, pyodide, service_worker

BUILD_TIMEOUT = 900  # seconds; the build takes 20-40 s with a warm cache, a few minutes with a cold one
LOAD_TIMEOUT = 240_000  # ms for a page to become usable: Pyodide starts and loads ~35 wheels each time
ANSWER = "I went for a walk in the rain"


def innerwork(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "innerwork", *args], capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site of `innerwork build site --exercise wins-log`, and what the build printed."""
    out = tmp_path_factory.mktemp("static") / "site"
    done = innerwork("build", str(out), "--exercise", "wins-log", timeout=BUILD_TIMEOUT)
    assert done.returncode == 0, done.stdout + done.stderr
    return out, done.stdout


@contextmanager
def serving(folder: Path):
    """``folder`` served by `python -m http.server` on 127.0.0.1 (a secure context, like localhost)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "-b", "127.0.0.1", "-d", str(folder), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield url, port
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def served(site):
    """The site, served at the root of its address."""
    with serving(site[0]) as address:
        yield address


# -- the build --------------------------------------------------------------------------------------


def test_the_build_reports_its_steps_and_writes_a_site_that_needs_no_other_host(site):
    out, printed = site
    for step in ("Checking the exercises", "Pyodide", "Wheels for the browser", "voici build", "Wrote"):
        assert step in printed
    assert (out / "index.html").is_file() and "voici/render/workshop.html" in (out / "index.html").read_text()
    workshop = (out / "voici" / "render" / "workshop.html").read_text()
    assert "isSecureContext" in workshop and "innerwork.css" in workshop
    assert "window.top.postMessage" not in workshop  # Voila's console relay to a framing page is gone
    # the storage is named in the page, after its settings and before JupyterLite reads them
    assert workshop.index('id="jupyter-config-data"') < workshop.index(page.SITE_STORAGE) < workshop.index("voici.js")
    assert page.remote_loads(out) == []
    assert (out / build.MARKER).is_file()  # a later build may replace this folder
    assert json.loads((out / "jupyter-lite.json").read_text())  # voici merged innerwork's settings in
    lock = json.loads((out / "static" / "pyodide" / "pyodide-lock.json").read_text())
    # every wheel the page needs is in the lock, beside it, and Pyodide loads them all as it starts
    assert {"micropip", "piplite", "pyodide-kernel", "ipython", "innerwork", "rpds-py"} <= set(lock["packages"])
    for entry in lock["packages"].values():
        assert (out / "static" / "pyodide" / entry["file_name"]).is_file()
    settings = json.loads((out / "jupyter-lite.json").read_text())["jupyter-config-data"]["litePluginSettings"]
    preload = settings[f"{pins.KERNEL_EXTENSION}:kernel"]["loadPyodideOptions"]["packages"]
    assert len(preload) == len(lock["packages"])
    # spelled as the kernel looks for them, so it installs none of them again with micropip
    assert {"pyodide_kernel", "ipykernel", "comm", "jedi", "ipython", "sqlite3", "piplite", "micropip"} <= set(preload)
    assert "piplite" not in page.notebook("wins-log")["cells"][0]["source"]


def test_every_page_carries_a_policy_that_lets_it_reach_only_the_sites_own_address(site):
    out, _ = site
    pages = sorted(out.rglob("*.html"))
    assert out / "voici" / "render" / "workshop.html" in pages and out / "index.html" in pages
    for html in pages:
        text = html.read_text(encoding="utf-8")
        head = re.search(r"<head\b[^>]*>\s*", text)
        meta = re.match(
            r'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text[head.end() :]
        )
        assert meta, f"{html} has no encoding and policy first in its <head>"
        assert text[head.end() + meta.end() :].startswith(csp.NO_REFERRER) and text.count("charset=") == 1
        directives = {d.split()[0]: d.split()[1:] for d in meta.group(1).split("; ")}
        assert directives["default-src"] == ["'none'"] and directives["connect-src"] == ["'self'"]
        assert directives["img-src"] == ["'self'", "data:", "blob:"] and directives["form-action"] == ["'none'"]
        scripts = directives["script-src"]
        assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:])  # no eval, no inline
        # each inline script the page runs is allowed by its own hash, and nothing else is
        assert scripts[1:] == csp.inline_script_hashes(text)
    assert len(csp.inline_script_hashes((out / "voici" / "render" / "workshop.html").read_text())) >= 3


def test_the_service_worker_refuses_other_hosts_before_anything_else(site):
    out, _ = site
    worker = (out / "service-worker.js").read_text(encoding="utf-8")
    assert worker.count("respondWith(Response.error())") == 1
    assert worker.index("async function onFetch(") < worker.index("Response.error()") < worker.index("heartbeat")
    for other in out.rglob("service-worker.js"):
        assert "respondWith(Response.error())" in other.read_text(encoding="utf-8")


def test_a_service_worker_it_does_not_recognise_stops_the_build(tmp_path):
    (tmp_path / "service-worker.js").write_text("self.addEventListener('fetch', (e) => {});")
    expected = r"service-worker.js has no fetch handler innerwork recognises \(it expects jupyterlite-core 0\.7\.0\)"
    with pytest.raises(BuildError, match=expected):
        service_worker.refuse_other_hosts(tmp_path)


def test_the_modules_the_page_imports_come_compiled_by_pyodides_own_python(site):
    out, printed = site
    folder = out / "static" / "pyodide"
    assert "compiling the modules the page imports" in printed or "compiled (cached)" in printed
    (wheel,) = folder.glob("innerwork_site_bytecode-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        header = archive.read("innerwork/ui/__pycache__/notebook.cpython-313.pyc")[:8]
    assert {
        "IPython/__pycache__/__init__.cpython-313.pyc",
        "jsonschema/__pycache__/validators.cpython-313.pyc",
    } <= names
    # hash-based and unchecked (flags 0b01): used although the unpacked source has other file times
    assert int.from_bytes(header[4:8], "little") == 0b01
    with zipfile.ZipFile(folder / "python_stdlib.zip") as stdlib:
        files = set(stdlib.namelist())
        magic = stdlib.read("json/__init__.pyc")[:4]
    assert "json/__init__.pyc" in files and "json/__init__.py" not in files  # in place of the source
    assert "zipapp.py" in files and "zipapp.pyc" not in files  # what the page never imports stays source
    # Python 3.13's bytecode (3.11, which runs the build, writes another magic number)
    assert magic == wheel_magic(wheel) and magic != importlib.util.MAGIC_NUMBER
    lock = json.loads((folder / "pyodide-lock.json").read_text())
    assert lock["packages"]["innerwork-site-bytecode"]["file_name"] == wheel.name


def wheel_magic(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return archive.read("innerwork/__pycache__/__init__.cpython-313.pyc")[:4]


def test_innerwork_goes_to_the_browser_with_json_content_and_browser_safe_requirements(site):
    out, _ = site
    wheel = next((out / "static" / "pyodide").glob("innerwork-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = archive.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    exercises = [n for n in names if n.startswith("innerwork/exercises/") and not n.endswith("__init__.py")]
    assert "innerwork/exercises/wins-log.json" in exercises and all(n.endswith(".json") for n in exercises)
    required = re.findall(r"^Requires-Dist: (\S+)", metadata, re.M)
    assert "pluggy" in required and not {"voila", "cryptography", "click", "nh3", "PyYAML"} & set(required)
    assert "wins_log = innerwork_plugins.wins_log" in entry_points
    wheels = [p.name for p in (out / "static" / "pyodide").glob("*.whl")]
    names = {name.split("-")[0].lower() for name in wheels}
    assert {"rpds_py", "sqlite3", "ipywidgets", "jsonschema"} <= names
    assert not names & {"pexpect", "ptyprocess"}
    # the kernel's stand-in for ipywidgets 8's notebook extension, not the one for ipywidgets 7
    assert [n for n in wheels if n.startswith("widgetsnbextension-")] == ["widgetsnbextension-4.0.999-py3-none-any.whl"]


def test_an_unknown_exercise_is_refused_before_anything_is_built(tmp_path):
    done = innerwork("build", str(tmp_path / "site"), "--exercise", "wins-logg")
    assert done.returncode == 2 and "wins-log" in done.stderr
    assert not (tmp_path / "site").exists()


def test_a_bad_plan_is_refused_with_file_and_line_before_anything_is_built(tmp_path):
    plan = tmp_path / "evening.yaml"
    plan.write_text("title: An evening\nexercises: [wins-logg]\n")
    done = innerwork("build", str(tmp_path / "site"), "--plan", str(plan))
    assert done.returncode == 1 and "evening.yaml:2:" in done.stderr and "wins-log" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "site").exists()


def test_the_page_of_a_plan_site_follows_the_checked_plan():
    from innerwork.app.plan import Plan, load_plan

    plan = load_plan(Path(__file__).parent.parent / "docs" / "example-plan.yaml")
    source = page.notebook(None, plan)["cells"][0]["source"]
    assignments = {
        ast.literal_eval(name): ast.literal_eval(value)
        for name, value in re.findall(r"os\.environ\[(.+?)\] = (.+)", source)
    }
    assert Plan.from_json(assignments["INNERWORK_PLAN"]) == plan
    assert assignments["INNERWORK_HELP_REGION"] == plan.help_region == "UK"
    # the same variables innerwork serve --plan sets: the page reads them in the browser's kernel
    assert source.index("INNERWORK_PLAN") < source.index("workshop_page()")
    assert build.shipped_exercises_json(*plan.exercises)  # every exercise of the plan is innerwork's own


def test_a_folder_it_did_not_build_is_never_replaced(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    done = innerwork("build", str(tmp_path), "--exercise", "wins-log")
    assert done.returncode == 1 and "is not a site innerwork built" in done.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_missing_pin_is_named_with_the_command_that_installs_it(monkeypatch):
    monkeypatch.setitem(pins.BUILD_PACKAGES, "jupyterlite-core", "0.0.1")
    with pytest.raises(BuildError, match=r"jupyterlite-core==0\.0\.1 \(found 0\.7\.0\).*innerwork\[static\]"):
        pins.check_build_packages()


def test_a_site_without_the_pyodide_kernel_is_refused(tmp_path):
    from plugin_envs import make_plugin_env, run

    # a venv that sees the build packages but not their JupyterLab extensions, which only JUPYTER_PATH names:
    # innerwork finds the kernel's wheels there, voici build does not look there for the kernel itself
    python = make_plugin_env(tmp_path / "venv")
    shares = [Path(p) / "share" / "jupyter" for p in (sys.prefix, sys.base_prefix)]
    share = next(s for s in shares if (s / "labextensions" / pins.KERNEL_EXTENSION).is_dir())
    done = run(python, "build", str(tmp_path / "site"), "--exercise", "wins-log", JUPYTER_PATH=str(share))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "voici build left out the Pyodide kernel" in done.stderr and "pip install 'innerwork[static]'" in done.stderr
    assert not (tmp_path / "site").exists()


def test_missing_npm_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(pyodide.shutil, "which", lambda name: None)
    with pytest.raises(BuildError, match="npm is needed"):
        pyodide.npm_pack("pyodide@0.29.0", tmp_path)


# -- a participant in Chromium -------------------------------------------------------------------

playwright = pytest.importorskip("playwright.sync_api")


def _local(url: str) -> bool:
    from urllib.parse import urlparse

    return url.startswith(("data:", "blob:")) or urlparse(url).hostname in ("127.0.0.1", "localhost")


def open_page(context, url, requests):
    page_ = context.new_page()
    page_.on("request", lambda r: requests.append(r.url))
    page_.goto(url)
    return page_


def databases_keeping(page_, text: str) -> list[str]:
    """The IndexedDB databases of this address with a record that holds ``text`` (the drive keeps files there)."""
    return page_.evaluate(
        """async (text) => {
          const found = [];
          for (const info of await indexedDB.databases()) {
            const db = await new Promise((ok, no) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = no; });
            for (const name of db.objectStoreNames) {
              const all = await new Promise((ok, no) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); r.onerror = no; });
              if (JSON.stringify(all).includes(text) && !found.includes(info.name)) found.push(info.name);
            }
            db.close();
          }
          return found;
        }""",
        text,
    )


def browser_keeps(page_, text: str) -> bool:
    """Whether any IndexedDB record of this address holds ``text``."""
    return bool(databases_keeping(page_, text))


#: reports each refusal of the page's policy to the console, where a test can collect them
REPORT_REFUSALS = """document.addEventListener("securitypolicyviolation", (e) =>
  console.warn("refused by the page's policy:", e.violatedDirective, e.blockedURI, e.sourceFile));"""
#: JupyterLite 0.7's service-worker heartbeat calls setTimeout(undefined) once its first ping is answered
#: (the method is passed unbound); without a policy the browser evaluates the string "undefined", a no-op
HARMLESS_REFUSAL = "refused by the page's policy: script-src eval http://127.0.0.1:{port}/voici/build/1650.js"


def test_a_participant_does_the_exercise_reloads_finds_it_and_nothing_leaves_the_machine(browser, served):
    url, port = served
    requests, refusals = [], []
    context = browser.new_context(service_workers="allow", accept_downloads=True)
    context.add_init_script(REPORT_REFUSALS)
    context.on("console", lambda m: refusals.append(m.text) if "refused by the page's policy" in m.text else None)
    page_ = open_page(context, url, requests)
    box = page_.locator(".innerwork-step textarea").first
    box.wait_for(timeout=LOAD_TIMEOUT)
    assert "kept in this browser, on this device" in page_.locator(".innerwork-privacy").first.text_content()
    inline_styles = "[...document.querySelectorAll('.jupyter-widgets style')].map(s => s.textContent)"
    assert not [s for s in page_.evaluate(inline_styles) if ".innerwork-" in s]  # the page links the stylesheet
    assert page_.evaluate("[...document.styleSheets].some(s => (s.href || '').endsWith('innerwork/innerwork.css'))")
    # the help panel and the gentle check work on the device
    page_.get_by_role("button", name="Need help now?").first.click()
    assert "tel:988" in [a.get_attribute("href") for a in page_.locator(".innerwork-help-panel a").all()]
    box.click()
    page_.keyboard.type("some days I want to kill myself")
    page_.locator(".innerwork-gentle-note").get_by_text("You don't have to carry this alone").wait_for(timeout=30_000)
    page_.get_by_role("button", name="Hide this note").click()
    box.fill("")
    box.click()
    page_.keyboard.type(ANSWER)
    page_.get_by_text("Saved in this browser").first.wait_for(timeout=30_000)

    page_.reload()
    page_.get_by_role("button", name="Resume").wait_for(timeout=LOAD_TIMEOUT)
    page_.get_by_role("button", name="Resume").click()
    box = page_.locator(".innerwork-step textarea").first
    box.wait_for()
    assert box.input_value() == ANSWER
    assert browser_keeps(page_, ANSWER)

    from test_browser import Page

    participant = Page.__new__(Page)
    participant.page = page_
    participant.complete("")
    assert ANSWER in page_.locator(".innerwork-summary").inner_text()
    with page_.expect_download() as download:
        page_.get_by_text("Download my answers (Markdown)").click()
    assert ANSWER in Path(download.value.path()).read_text(encoding="utf-8")

    # forgetting: "Delete everything" leaves no copy in the browser
    page_.locator(".lm-AccordionPanel-header, .jupyter-widget-Collapse-header", has_text="Your entries").first.click()
    page_.get_by_role("button", name="Delete everything").click()
    page_.get_by_role("button", name="Delete for good").click()
    page_.get_by_text("No entries yet.").wait_for(timeout=30_000)
    deadline = time.monotonic() + 20
    while browser_keeps(page_, ANSWER) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not browser_keeps(page_, ANSWER)
    assert [u for u in requests if not _local(u)] == []
    # everything above worked under the page's policy, which refused nothing it needed
    assert [r for r in refusals if r != HARMLESS_REFUSAL.format(port=port)] == []
    context.close()


def test_the_pages_policy_refuses_to_send_anything_to_another_host(browser, served):
    url, _ = served
    reached = []
    context = browser.new_context(service_workers="block")
    context.add_init_script(REPORT_REFUSALS)

    def another_host(route):
        reached.append(route.request.url)
        route.fulfill(status=200, body="hello", headers={"Access-Control-Allow-Origin": "*"})

    context.route("https://example.com/**", another_host)
    # the same address with a page that has no policy: there the same script reaches the other host
    context.route(f"{url}no-policy.html", lambda route: route.fulfill(status=200, body="<!doctype html><p>none"))
    send = """async () => {
      const refused = [];
      document.addEventListener("securitypolicyviolation", (e) => refused.push(e.violatedDirective + " " + e.blockedURI));
      const fetched = await fetch("https://example.com/answers?text=mine").then((r) => r.text(), (e) => "refused: " + e);
      const image = await new Promise((done) => {
        const img = new Image(); img.onload = () => done("loaded"); img.onerror = () => done("refused");
        img.src = "https://example.com/pixel.png?text=mine";
      });
      await new Promise((done) => setTimeout(done, 200));
      return {fetched, image, refused};
    }"""
    page_ = context.new_page()
    page_.goto(f"{url}no-policy.html")
    assert page_.evaluate(send)["fetched"] == "hello"
    assert sorted(reached) == ["https://example.com/answers?text=mine", "https://example.com/pixel.png?text=mine"]
    reached.clear()

    page_.goto(f"{url}voici/render/workshop.html", wait_until="domcontentloaded")
    outcome = page_.evaluate(send)
    assert outcome["fetched"].startswith("refused") and outcome["image"] == "refused"
    assert sorted(outcome["refused"]) == [
        "connect-src https://example.com/answers?text=mine",
        "img-src https://example.com/pixel.png?text=mine",
    ]
    assert reached == []  # no request left the page
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def test_the_kernels_worker_cannot_reach_another_host_either(browser, served):
    """The page's policy does not bind the kernel's web worker; the site's service worker refuses for it."""
    url, _ = served
    reached = []
    context = browser.new_context(service_workers="allow")

    def another_host(route):
        reached.append(route.request.url)
        route.fulfill(status=200, body="hello", headers={"Access-Control-Allow-Origin": "*"})

    context.route("https://example.com/**", another_host)
    page_ = context.new_page()
    page_.goto(url)
    page_.locator(".innerwork-step textarea").first.wait_for(timeout=LOAD_TIMEOUT)
    (kernel,) = [w for w in page_.workers if "pyodide-kernel-extension" in w.url]
    send = "(address) => fetch(address).then((r) => r.text(), (e) => 'refused: ' + e)"
    assert "innerwork" in kernel.evaluate(send, f"{url}static/innerwork/innerwork.css")  # its own site: yes
    assert kernel.evaluate(send, "https://example.com/answers?text=mine").startswith("refused")
    send_xhr = """(address) => {
      const request = new XMLHttpRequest();
      try { request.open("GET", address, false); request.send(); return "sent: " + request.status; }
      catch (e) { return "refused: " + e; }
    }"""
    assert kernel.evaluate(send_xhr, f"{url}static/innerwork/innerwork.css") == "sent: 200"
    assert kernel.evaluate(send_xhr, "https://example.com/answers?text=xhr").startswith("refused")
    assert reached == []
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def test_two_sites_at_one_address_keep_their_entries_apart(browser, site, tmp_path):
    """One host serving the same build in two folders, as https://user.github.io/workshop-a/ and /workshop-b/."""
    for folder in ("workshop-a", "workshop-b"):
        (tmp_path / folder).symlink_to(site[0], target_is_directory=True)
    with serving(tmp_path) as (url, _):
        context = browser.new_context(service_workers="allow")
        first = open_page(context, f"{url}workshop-a/", [])
        box = first.locator(".innerwork-step textarea").first
        box.wait_for(timeout=LOAD_TIMEOUT)
        box.click()
        first.keyboard.type(ANSWER)
        deadline = time.monotonic() + 60
        while not browser_keeps(first, ANSWER) and time.monotonic() < deadline:
            time.sleep(0.5)
        # named after the site's folder only: the same after any rebuild there
        assert databases_keeping(first, ANSWER) == ["innerwork site /workshop-a/"]

        second = open_page(context, f"{url}workshop-b/", [])
        second.locator(".innerwork-step textarea").first.wait_for(timeout=LOAD_TIMEOUT)
        header = ".lm-AccordionPanel-header, .jupyter-widget-Collapse-header"
        second.locator(header, has_text="Your entries").first.click()
        second.get_by_text("No entries yet.").wait_for(timeout=30_000)
        names = [d["name"] for d in second.evaluate("indexedDB.databases()")]
        assert sorted(names) == ["innerwork site /workshop-a/", "innerwork site /workshop-b/"]
        assert databases_keeping(second, ANSWER) == ["innerwork site /workshop-a/"]
        context.close()


def test_over_plain_http_at_another_address_the_page_says_why_it_cannot_start(browser, served):
    url, port = served
    context = browser.new_context()
    # the site as a laptop's address on a LAN would serve it: plain http under a name that is not localhost
    context.route(
        "http://workshop.test:*/**",
        lambda route: route.fulfill(response=route.fetch(url=route.request.url.replace("workshop.test", "127.0.0.1"))),
    )
    page_ = context.new_page()
    page_.goto(f"http://workshop.test:{port}/voici/render/workshop.html")
    page_.get_by_role("heading", name="This page cannot start at this address").wait_for(timeout=30_000)
    assert page_.evaluate("window.isSecureContext") is False
    text = page_.locator("main").inner_text()
    assert "https://" in text and "localhost" in text and f"workshop.test:{port}" in text
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def test_an_exercise_from_a_plugin_folder_is_refused_and_the_plugin_is_named_with_why(tmp_path, monkeypatch):
    import yaml

    from innerwork.catalogue import loader
    from innerwork.paths import shipped

    content = tmp_path / "content"
    content.mkdir()
    data = yaml.safe_load((shipped("exercises") / "wins-log.yaml").read_text(encoding="utf-8"))
    (content / "my-wins.json").write_text(json.dumps({**data, "id": "my-wins"}), encoding="utf-8")
    plugin = tmp_path / "plugins" / "my_content.py"
    plugin.parent.mkdir()
    plugin.write_text(
        f"import innerwork\n\n@innerwork.hookimpl\ndef register_content_dirs(register):\n    register({str(content)!r})\n"
    )
    monkeypatch.setenv("INNERWORK_PLUGINS_DIR", str(plugin.parent))
    loader.reset()
    try:
        (left_out,) = [name for name in build.plugins_left_out() if name.startswith("my_content (")]
        assert f"a plugin folder {plugin.parent}" in left_out and "install it with pip" in left_out
        with pytest.raises(BuildError, match="'my-wins' comes from .*my-wins.json, which the plugin my_content "):
            build.build_site(tmp_path / "site", "my-wins", log=lambda _: None)
        assert not (tmp_path / "site").exists()
    finally:
        monkeypatch.delenv("INNERWORK_PLUGINS_DIR")
        loader.reset()
