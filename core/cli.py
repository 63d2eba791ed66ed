"""The ``innerwork`` command."""

from __future__ import annotations

import json
import os
import sys
import warnings

import click

from . import __version__
from .authoring.scaffold import LICENCES
from .errors import PluginError, PluginWarning
from .text.cleantext import neutralise

#: How long ``encrypt`` and ``decrypt`` wait for another program's save to finish.
WAIT_FOR_OTHERS_MS = 30_000


def _print_warning(message, category, filename, lineno, file=None, line=None):
    click.echo(f"warning: {message}", err=True)


def _load(what):
    """Run ``what()``; a plugin failure in strict mode becomes a clear error, exit 1."""
    try:
        return what()
    except PluginError as exc:
        raise click.ClickException(str(exc)) from None


def _echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


class _Group(click.Group):
    def main(self, *args, **kwargs):
        warnings.showwarning = _print_warning
        warnings.simplefilter("always", PluginWarning)
        return super().main(*args, **kwargs)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="innerwork")
@click.option(
    "--plugins-dir",
    "plugins_dirs",
    multiple=True,
    metavar="DIR",
    type=click.Path(exists=True, file_okay=False),
    help="Also load each NAME.py (or NAME/ package) in DIR as a plugin, without installing it "
    "(while developing one). Same as INNERWORK_PLUGINS_DIR.",
)
def main(plugins_dirs):
    """Guided self-help exercises for the time between therapy sessions.

    \b
    Examples:
      innerwork list                 the exercises you can do
      innerwork validate my.yaml     check an exercise file you wrote
      innerwork plugins              the exercise types installed
      innerwork --plugins-dir my_plugins/ list
    """
    if plugins_dirs:
        # through the environment, so that `serve` and its kernels load them too
        earlier = [d for d in os.environ.get("INNERWORK_PLUGINS_DIR", "").split(os.pathsep) if d]
        os.environ["INNERWORK_PLUGINS_DIR"] = os.pathsep.join([os.path.abspath(d) for d in plugins_dirs] + earlier)


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_exercises(as_json):
    """List the exercises: id, type, title and minutes."""
    from .catalogue.loader import catalogue

    cat = _load(catalogue)
    rows = sorted(cat.exercises.values(), key=lambda e: (e.type, e.id))
    if as_json:
        _echo_json([e.to_dict() for e in rows])
    else:
        width = max((len(e.id) for e in rows), default=2)
        type_width = max((len(e.type) for e in rows), default=4)
        click.echo(f"{'id':<{width}}  {'type':<{type_width}}  {'min':>3}  title")
        for e in rows:
            click.echo(f"{e.id:<{width}}  {e.type:<{type_width}}  {e.minutes:>3}  {e.title}")
    if cat.errors:
        click.echo(f"{len(cat.errors)} problem(s) in exercise files; `innerwork validate` shows them.", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def plugins(as_json):
    """List plugins: name, version, exercise types, step kinds, hooks and status.

    Also lists installed innerwork-* packages that declare no entry point (so nothing loads from them).
    """
    from .registry.plugins import packages_without_entry_point
    from .registry.registered import plugins as load_plugins

    infos = list(_load(load_plugins).infos.values())
    known = {info.distribution.lower() for info in infos}
    infos += [info for info in packages_without_entry_point() if info.distribution.lower() not in known]
    if as_json:
        _echo_json([info.to_dict() for info in infos])
        return
    for info in infos:
        click.echo(f"{info.name} ({info.distribution} {info.version}): {info.status}")
        if info.reason:
            click.echo(f"    reason: {info.reason}")
        if info.exercise_types:
            click.echo(f"    exercise types: {', '.join(info.exercise_types)}")
        if info.step_kinds:
            click.echo(f"    step kinds: {', '.join(info.step_kinds)}")
        if info.hooks:
            click.echo(f"    hooks: {', '.join(info.hooks)}")
        for problem in info.problems:
            click.echo(f"    problem: {problem}")


def _plan_option(help_text: str):
    """``--plan FILE``: a workshop plan (docs/workshops.md)."""
    return click.option(
        "--plan", "plan_path", metavar="FILE", type=click.Path(exists=True, dir_okay=False), help=help_text
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
@click.option(
    "--lint",
    is_flag=True,
    help="Also warn where valid files stray from the content guide (docs/content-guide.md): a free-text "
    "step without an example, no closing words, minutes far from the estimate, very long sentences, "
    "words that promise privacy or saving.",
)
@_plan_option(
    "Check a workshop plan (for `innerwork serve --plan`) instead of exercise files: its fields, "
    "that every exercise it names is installed, and its help region."
)
def validate(paths, as_json, lint, plan_path):
    """Check exercise files (all installed content if no PATHS are given), or a workshop plan.

    Exits 0 when every file is valid and 1 when any is not; lint warnings do
    not change the exit code. Each problem is printed as
    FILE:LINE:COLUMN: /json/pointer: message.

    \b
    Examples:
      innerwork validate my-exercise.yaml
      innerwork validate --lint exercises/
      innerwork validate --plan evening-workshop.yaml
    """
    if plan_path:
        if paths or lint:
            raise click.UsageError("--plan checks one workshop plan; give exercise files (or --lint) without it.")
        sys.exit(_validate_plan(plan_path, as_json))
    from .catalogue.loader import catalogue, load_catalogue

    cat = _load(lambda: load_catalogue(paths) if paths else catalogue())
    warnings = []
    if lint:
        from .catalogue.lint import lint as lint_exercise

        for exercise in cat.exercises.values():
            warnings += lint_exercise(exercise)
    if as_json:
        _echo_json(
            {
                "files": cat.files,
                "valid": len(cat.exercises),
                "errors": [e.to_dict() for e in cat.errors],
                "outdated": [e.to_dict() for e in cat.outdated],
                **({"warnings": [w.to_dict() for w in warnings]} if lint else {}),
            }
        )
    else:
        for error in cat.errors:
            click.echo(str(error))
        for note in cat.outdated:
            click.echo(f"note: {note}")
        for warning in warnings:
            click.echo(f"warning: {warning}")
        status = "all valid" if not cat.errors else f"{len(cat.errors)} problem(s)"
        if lint:
            status += f", {len(warnings)} lint warning(s)"
        click.echo(f"{cat.files} file(s) checked, {len(cat.exercises)} valid: {status}.", err=True)
    sys.exit(1 if cat.errors else 0)


def _validate_plan(path, as_json) -> int:
    """``innerwork validate --plan``: print the plan's problems (or that it is valid); the exit status."""
    from .app.plan import load_plan
    from .errors import InvalidContent

    try:
        plan, errors = _load(lambda: load_plan(path)), []
    except InvalidContent as exc:
        plan, errors = None, exc.errors
    if as_json:
        _echo_json({"files": 1, "valid": int(plan is not None), "errors": [e.to_dict() for e in errors]})
    else:
        for error in errors:
            click.echo(str(error))
        click.echo(_plan_status(path, plan, errors), err=True)
    return 1 if errors else 0


def _plan_status(path, plan, errors) -> str:
    if errors:
        return f"{path}: {len(errors)} problem(s) in this workshop plan."
    region = f"; the help panel lists {plan.help_region} first" if plan.help_region else ""
    return f"{path}: a valid workshop plan: '{plan.title}', {len(plan.exercises)} exercise(s){region}."


def _plan_or_stop(path):
    """The checked plan at ``path``; with problems, print them and stop before anything is served."""
    from .app.plan import load_plan
    from .errors import InvalidContent

    try:
        return _load(lambda: load_plan(path))
    except InvalidContent as exc:
        for error in exc.errors:
            click.echo(str(error), err=True)
        raise click.ClickException(
            f"the workshop plan {path} has {len(exc.errors)} problem(s) (above); fix them and serve again."
        ) from None


@main.command()
@click.option("--port", default=8866, show_default=True, help="Port to listen on.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Use 0.0.0.0 to let other machines in the room connect.",
)
@click.option("--no-browser", is_flag=True, help="Do not open a browser.")
@click.option(
    "--workshop",
    is_flag=True,
    help="Hosted mode: each participant's answers live only in their own page; nothing is written on the server.",
)
@click.option("--exercise", metavar="ID", help="Serve one exercise instead of the gallery.")
@_plan_option(
    "Serve a workshop plan: its title and welcome, its exercises in its order, and its region's "
    "helplines first (docs/workshops.md). Checked before the server starts."
)
@click.option(
    "--room",
    type=click.IntRange(0, 500),
    default=None,
    help="Kernels to start ahead of time (default: 30 with --workshop, else 1; 0 starts each on request).",
)
@click.option(
    "--max-participants",
    type=click.IntRange(1, 5000),
    default=None,
    metavar="N",
    help="Pages with a kernel at once, kernels kept ready included; beyond, a page says the room is full "
    "(default: the room and half again, at least 10, no more than 3/4 of the free memory holds "
    "at 100 MB a kernel).",
)
@click.option(
    "--shared-address",
    is_flag=True,
    help="Participants reach the server through one address (a venue's router to a server on the internet): "
    "let that address open as many pages as the room holds. Without it, one address may open 10 pages "
    "quickly, then 10 a minute, and is asked to wait beyond that.",
)
@click.option(
    "--keep-answers-on-server",
    is_flag=True,
    help="With --workshop: save participants' answers in the server's SQLite store. Read the privacy "
    "section of the README first: you become responsible for that data.",
)
@click.option(
    "--no-gentle-check",
    is_flag=True,
    help="Turn off the note that offers help when someone types about self-harm or suicide.",
)
@click.option("--voila-arg", multiple=True, metavar="ARG", help="Another Voila setting, e.g. --voila-arg=--debug.")
def serve(
    port,
    host,
    no_browser,
    workshop,
    exercise,
    plan_path,
    room,
    max_participants,
    shared_address,
    keep_answers_on_server,
    no_gentle_check,
    voila_arg,
):
    """Serve the workshop page with Voila and print its address.

    \b
    Examples:
      innerwork serve                          your own exercises, saved on this computer
      innerwork serve --workshop --host 0.0.0.0 --room 30
      innerwork serve --workshop --host 0.0.0.0 --room 30 --max-participants 40
      innerwork serve --workshop --host 0.0.0.0 --room 30 --shared-address
      innerwork serve --exercise step-ladder
      innerwork serve --workshop --plan evening-workshop.yaml
    """
    from .serving import serve as serving

    if plan_path and exercise:
        raise click.UsageError("--plan already says which exercises the page shows; leave out --exercise.")
    plan = _plan_or_stop(plan_path) if plan_path else None

    if exercise:
        from .catalogue.loader import catalogue
        from .errors import UnknownExercise

        try:
            catalogue().get(exercise)
        except UnknownExercise as exc:
            raise click.UsageError(str(exc)) from None
    if keep_answers_on_server and not workshop:
        raise click.UsageError("--keep-answers-on-server only applies with --workshop.")
    room = (30 if workshop else 1) if room is None else room
    _check_can_serve(serving, host, port)
    if max_participants is None:
        max_participants = serving.default_max_participants(room, serving.available_memory_mb())
    command = serving.voila_command(port, host, workshop, room, voila_arg, max_participants, shared_address)
    mode = (
        "workshop (answers stay in each participant's page)"
        if workshop and not keep_answers_on_server
        else "workshop (answers kept on this server)"
        if workshop
        else "personal (answers saved on this computer)"
    )
    ahead = f"starting {room} kernel(s) ahead of time" if room else "starting each kernel when its page is opened"
    click.echo(
        f"innerwork: {ahead}, at most {max_participants} participant(s) at once; mode: {mode}. Starting the server..."
    )
    if plan:
        click.echo(f"innerwork: the page follows the workshop plan '{plan.title}' ({len(plan.exercises)} exercise(s)).")
    env = serving.serve_environment(
        workshop,
        exercise,
        keep_answers_on_server,
        gentle_check=not no_gentle_check,
        plan=plan and plan.to_json(),
        help_region=plan and plan.help_region,
    )
    sys.exit(serving.run(command, env, host, port, not no_browser, say=click.echo))


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False))
@click.option("--exercise", metavar="ID", help="The page shows one exercise instead of the gallery.")
@_plan_option(
    "Follow a workshop plan, as `innerwork serve --plan` does: its title and welcome, its exercises in its "
    "order, its region's helplines first. Checked first; problems are printed with file and line."
)
def build(outdir, exercise, plan_path):
    """Write a static workshop site into OUTDIR: every exercise runs in the participant's own browser.

    No server runs the exercises: any static host with https (GitHub Pages, a university web space)
    can serve OUTDIR, or `python -m http.server -d OUTDIR` on this computer (open it as
    http://localhost:8000). Answers stay in each participant's browser. Needs the build tools
    (pip install 'innerwork[static]') and npm; downloads are cached, so later builds need no network.
    docs/static-workshop.md says how to deploy it.

    \b
    Examples:
      innerwork build site --exercise wins-log
      innerwork build site --plan evening-workshop.yaml
      python -m http.server -d site              then open http://localhost:8000
    """
    from .errors import BuildError, UnknownExercise
    from .static.build import build_site

    if plan_path and exercise:
        raise click.UsageError("--plan already says which exercises the page shows; leave out --exercise.")
    plan = _plan_or_stop(plan_path) if plan_path else None
    try:
        built = _load(lambda: build_site(outdir, exercise, log=click.echo, plan=plan))
    except UnknownExercise as exc:
        raise click.UsageError(str(exc)) from None
    except BuildError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"Wrote {built.site} in {built.seconds:.0f} s: {built.size() / 1e6:.0f} MB, {built.wheels} wheels. "
        f"The workshop page is {built.site / 'index.html'}; try it with: python -m http.server -d {built.site} "
        "(then open http://localhost:8000)."
    )


def _check_can_serve(serving, host: str, port: int) -> None:
    """Stop with one clear sentence if the page could not be served: no Python kernel, or the port taken."""
    missing = serving.python_kernel_missing()
    if missing:
        raise click.ClickException(missing)
    if serving.port_taken(host, port):
        raise click.ClickException(
            f"port {port} is already in use (is another innerwork serve running?): "
            f"stop it, or choose another port with --port {port + 1}."
        )


@main.group("settings", invoke_without_command=True)
@click.pass_context
def settings_group(ctx):
    """Show or change your own settings (kept in settings.json in your innerwork folder).

    \b
    Examples:
      innerwork settings                     show them and where they are kept
      innerwork settings gentle-check off    no note when you write about wanting to die or hurting yourself
      innerwork settings gentle-check on
    """
    if ctx.invoked_subcommand is None:
        from .storage import settings

        try:
            values = settings.load()
        except settings.SettingsError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"gentle-check: {'on' if values['gentle_check'] else 'off'}")
        click.echo(f"(kept in {settings.settings_path()})", err=True)


@settings_group.command("gentle-check")
@click.argument("state", type=click.Choice(["on", "off"]))
def gentle_check_setting(state):
    """Turn the gentle check's note on or off for you.

    The gentle check reads what you type, on this computer only, and offers a
    note with the help panel when you write about wanting to die or hurting
    yourself. Nothing is saved or sent either way. You can also change this in
    the help panel of any exercise.
    """
    from .storage import settings

    try:
        path = settings.change("gentle_check", state == "on", page_only=False)
    except (settings.SettingsError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"The gentle check is {state} (saved in {path}).")


def _store_or_fail():
    """The answers file, opened; asks for its passphrase if it has one and INNERWORK_PASSPHRASE is not set."""
    from .storage.store import PassphraseNeeded, SQLiteStore, StoreError, default_store

    store = default_store()
    try:
        store.entries()
    except PassphraseNeeded as exc:
        if os.environ.get("INNERWORK_PASSPHRASE"):
            raise click.ClickException(str(exc)) from None
        store = SQLiteStore(store.path, click.prompt("Passphrase for your answers file", hide_input=True))
        try:
            store.entries()
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    _echo_notes(store)
    return store


def _echo_notes(store, prefix: str = "note: ", err: bool = True) -> None:
    """Say what the store did to the files around the answers file (removed backups and the like)."""
    notes = getattr(store, "notes", [])
    for note in notes:
        click.echo(f"{prefix}{note}", err=err)
    notes.clear()


def _read_all(store, exercise=None):
    """Every readable entry; each one that cannot be read is named on stderr."""
    from .storage.store import StoreError

    try:
        entries, unreadable = store.read_all(exercise_id=exercise)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    for problem in unreadable:
        click.echo(f"warning: entry {neutralise(str(problem))}", err=True)
    return entries, unreadable


def _entries(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def _run_store(action):
    """Run ``action()`` on the store; its errors become clear messages, exit 1."""
    from .storage.store import StoreError

    try:
        return action()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json", "csv"]),
    default=None,
    help="Format of the entries: md (default), json or csv.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to a file instead of the screen."
)
@click.option("--exercise", metavar="ID", help="Only entries of this exercise.")
@click.option(
    "--looking-back",
    is_flag=True,
    help="Instead: a page to print and bring to a session (HTML), with the charts of a period.",
)
@click.option(
    "--period",
    type=click.Choice(["4w", "3m", "all"]),
    default="3m",
    show_default=True,
    help="With --looking-back: the last 4 weeks, 3 months, or everything.",
)
@click.option(
    "--include",
    "include",
    multiple=True,
    metavar="ID",
    help="With --looking-back: an entry to show in full on the page (repeat for more; ids are in "
    "`innerwork export --format json`).",
)
@click.option("--include-all", is_flag=True, help="With --looking-back: show every entry of the period in full.")
def export_entries(fmt, output, exercise, looking_back, period, include, include_all):
    """Export your entries as Markdown, JSON or CSV, or a Looking back page to print.

    \b
    Examples:
      innerwork export -o entries.md
      innerwork export --looking-back -o looking-back.html
      innerwork export --looking-back --period 4w --include 3f2a9c -o session.html

    Markdown and CSV show control characters and right-to-left overrides as
    visible stand-ins (ESC as ␛); JSON keeps the exact text. Entries that
    cannot be read are named and left out. A read-only answers file can be
    exported.

    The Looking back page shows the charts and their readings, and only the
    entries you name with --include (the start of an id is enough) or
    --include-all. Open it in a browser and print it, or save it as a PDF.
    """
    store = _store_or_fail()
    unreadable = []
    if looking_back:
        if fmt or exercise:
            raise click.UsageError("--looking-back makes an HTML page; --format and --exercise do not apply to it.")
        text, count = _looking_back_page(store, period, include, include_all)
        what = f"a Looking back page with {count} entr{'y' if count == 1 else 'ies'} in full"
    else:
        if include or include_all:
            raise click.UsageError("--include and --include-all only apply with --looking-back.")
        from .app.export import export

        entries, unreadable = _read_all(store, exercise)
        text, count = export(entries, fmt or "md"), len(entries)
        what = _entries(count)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        click.echo(f"{what[0].upper()}{what[1:]} written to {output}.", err=True)
    else:
        click.echo(text)
    if unreadable:
        click.echo(
            f"Left out of the export because they could not be read: {_entries(len(unreadable))} (see above).", err=True
        )


def _looking_back_page(store, period, include, include_all) -> tuple[str, int]:
    from .app.series import overview
    from .catalogue.loader import catalogue
    from .ui.printable import page

    entries = store.entries()
    chosen = {}
    for wanted in include:
        found = [e for e in entries if e.id.startswith(wanted.strip().lower())] if wanted.strip() else []
        if len(found) != 1:
            problem = "no entry has" if not found else f"{len(found)} entries have"
            raise click.BadParameter(
                f"{problem} the id {wanted!r} in {store.location}. "
                "`innerwork export --format json` lists every entry with its id.",
                param_hint="--include",
            )
        chosen[found[0].id] = found[0]
    summary = _load(lambda: overview(entries, period))
    shown = summary.entries if include_all else list(chosen.values())
    titles = {e.id: e.title for e in catalogue().exercises.values()}
    return page(summary, shown, titles), len(shown)


@main.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def forget(yes):
    """Delete every entry in your answers file, after asking.

    Entries that cannot be read are deleted too. Also removes every copy
    innerwork made next to the file (backups made before an upgrade) and
    overwrites deleted text inside the file and its write-ahead log, even
    when no entries are left. Says what it removed.
    """
    store = _store_or_fail()
    entries, unreadable = _read_all(store)
    count = len(entries) + len(unreadable)
    if count and not yes:
        click.confirm(f"Delete all {count} entries in {store.location}? This cannot be undone", abort=True)
    deleted = _run_store(store.delete_all)
    click.echo(f"Deleted {_entries(deleted)}." if deleted else "There are no entries to delete.")
    _echo_removed(store)


def _echo_removed(store) -> None:
    """What the last command removed next to the answers file, and which log files another program keeps open."""
    _echo_notes(store, prefix="", err=False)
    for left in getattr(store, "leftover_copies", list)():
        click.echo(f"Still there: {left}.")


@main.command()
def encrypt():
    """Lock your answers file with a passphrase.

    Answers and summaries are encrypted (AES-GCM, key from scrypt). Which
    exercises you did and when stays readable, so history can be listed. The
    passphrase cannot be recovered: without it, the answers are lost. Notebooks
    and `innerwork serve` open the file with INNERWORK_PASSPHRASE.

    If another program (a notebook, `innerwork serve`) is saving, this waits
    up to 30 seconds for that save to finish, then locks every entry in one
    step. Such programs then refuse to save until they are reopened with the
    passphrase; nothing is ever saved in clear into the locked file. Backups
    innerwork made before an upgrade are removed.
    """
    store = _store_or_fail()
    if _run_store(lambda: store.encrypted):
        raise click.ClickException(f"The answers file {store.location} already has a passphrase.")
    _, unreadable = _read_all(store)
    passphrase = click.prompt("New passphrase (at least 8 characters)", hide_input=True, confirmation_prompt=True)
    if len(passphrase) < 8:
        raise click.ClickException("The passphrase is shorter than 8 characters; nothing was changed.")
    click.echo("Waiting for any save in progress in another program to finish (up to 30 s)...", err=True)
    store.busy_timeout_ms = WAIT_FOR_OTHERS_MS
    count = _run_store(lambda: store.encrypt(passphrase))
    click.echo(f"Encrypted {_entries(count)} in {store.location}. Keep the passphrase safe: it cannot be recovered.")
    if unreadable:
        click.echo(f"Could not be read, so left as they were: {_entries(len(unreadable))} (see above).")
    click.echo(
        "Programs that already had the file open without the passphrase now refuse to save: reopen them "
        "with INNERWORK_PASSPHRASE set."
    )
    _echo_removed(store)


@main.command()
def decrypt():
    """Remove the passphrase from your answers file (asks for it first).

    If another program is saving, this waits up to 30 seconds for that save
    to finish, then rewrites every entry in clear in one step. Programs that
    had the file open with the passphrase go on saving, now in clear.
    """
    store = _store_or_fail()
    if not _run_store(lambda: store.encrypted):
        raise click.ClickException(f"The answers file {store.location} has no passphrase.")
    _, unreadable = _read_all(store)
    click.echo("Waiting for any save in progress in another program to finish (up to 30 s)...", err=True)
    store.busy_timeout_ms = WAIT_FOR_OTHERS_MS
    count = _run_store(store.decrypt)
    click.echo(f"Decrypted {_entries(count)} in {store.location}; it has no passphrase now.")
    if unreadable:
        click.echo(
            f"Could not be decrypted, so left as they were: {_entries(len(unreadable))} (see above). "
            "They cannot be read again; `innerwork forget` deletes them."
        )
    _echo_removed(store)


@main.command("new-plugin")
@click.argument("name")
@click.option(
    "--dir",
    "parent",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder to create the package in.",
)
@click.option("--author", default="", help="Your name, for pyproject.toml and the LICENSE.")
@click.option("--email", default="", help="Your email address, for pyproject.toml.")
@click.option("--description", default="", help="One sentence about the exercise type, for pyproject.toml and README.")
@click.option(
    "--licence",
    "--license",
    "licence",
    type=click.Choice(sorted(LICENCES)),
    default="Apache-2.0",
    show_default=True,
    help="The licence the package is published under (written to LICENSE).",
)
def new_plugin(name, parent, author, email, description, licence):
    """Create innerwork-NAME: a pip-installable plugin with an exercise type, its schemas, an example
    exercise, example answers, a README, a LICENSE, tests and a CI workflow that runs them.

    \b
    Example:
      innerwork new-plugin grounding --author "Ada Lovelace" --description "Come back to the present."
    \b
    Then:
      cd innerwork-NAME && pip install -e ".[testing]"
      python -m pytest && innerwork plugins
    """
    from .authoring.scaffold import new_plugin as write

    try:
        root, files = write(name, parent, author=author, email=email, description=description, licence=licence)
    except (ValueError, FileExistsError) as exc:
        raise click.UsageError(str(exc)) from None
    for path in files:
        click.echo(f"  created {path}")
    click.echo(f'\nNext:\n  cd {root}\n  pip install -e ".[testing]"\n  python -m pytest\n  innerwork plugins')
    click.echo("Before publishing, read innerwork's publishing guide (docs/publishing.md in its repository).")


@main.command("schema-path")
@click.argument("name", required=False)
def schema_path(name):
    """Print where the shipped JSON Schemas are (or one of them: steps, answers, exercise, helplines, plan).

    Plugin schemas refer to them by $id (urn:innerwork:steps, urn:innerwork:answers); read them here.

    \b
    Examples:
      innerwork schema-path              the folder
      innerwork schema-path steps        the step kinds: less $(innerwork schema-path steps)
    """
    from .content.schemas import schemas_dir

    folder = schemas_dir()
    if not name:
        click.echo(str(folder))
        return
    candidates = [folder / name, folder / f"{name}.schema.json", folder / "types" / name]
    found = next((path for path in candidates if path.is_file()), None)
    if found is None:
        names = sorted(p.name.removesuffix(".schema.json") for p in folder.glob("*.schema.json"))
        raise click.UsageError(
            f"no shipped schema is called '{name}'; shipped: {', '.join(names)} (and the types/ folder in {folder})"
        )
    click.echo(str(found))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--check", is_flag=True, help="Only report outdated files; exit 1 if there are any. Writes nothing.")
def migrate(paths, check):
    """Upgrade exercise files written for an older version of their type.

    Each upgraded file is rewritten (comments in YAML are not kept) and the
    original is kept next to it as FILE.vN.bak. Files that cannot be upgraded
    are reported and left alone.

    \b
    Examples:
      innerwork migrate --check exercises/     in CI: fail if any file is outdated
      innerwork migrate exercises/
    """
    from .catalogue.loader import find_files
    from .catalogue.migrate import migrate_file

    results = [_load(lambda path=path: migrate_file(path, write=not check)) for path in find_files(paths)]
    for result in results:
        for error in result.errors or []:
            click.echo(str(error))
        if result.outdated and not result.errors:
            done = "outdated" if check else f"upgraded (the original is in {result.backup})"
            click.echo(f"{result.path}: version {result.old} -> {result.new}: {done}")
    outdated = sum(r.outdated and not r.errors for r in results)
    failed = sum(bool(r.errors) for r in results)
    verb = "outdated" if check else "upgraded"
    click.echo(f"{len(results)} file(s) checked, {outdated} {verb}, {failed} with problems.", err=True)
    sys.exit(1 if failed or (check and outdated) else 0)


# an author reloads the preview after every edit: more pages a minute than a workshop participant opens
PREVIEW_PAGE_RATE = ("--RoomGuard.page_burst=60", "--RoomGuard.pages_per_minute=120")


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--port", default=8866, show_default=True, help="Port to listen on.")
@click.option("--no-browser", is_flag=True, help="Do not open a browser.")
def preview(path, port, no_browser):
    """Show one exercise file in the browser as it will look, without packaging it.

    The file is checked first; problems are printed and nothing is served.
    Reload the page after editing the file. Answers are not saved.

    \b
    Example:
      innerwork preview my-exercise.yaml
    """
    from pathlib import Path

    from .catalogue.loader import load_file
    from .errors import InvalidContent
    from .serving import serve as serving

    try:
        exercise, notes = _load(lambda: load_file(path))
    except InvalidContent as exc:
        for error in exc.errors:
            click.echo(str(error))
        raise click.ClickException(f"{path} has {len(exc.errors)} problem(s); fix them and preview again.") from None
    for note in notes:
        click.echo(f"note: {note}")
    _check_can_serve(serving, "127.0.0.1", port)
    # no kernel ahead of time: each reload runs the file as it is now
    command = serving.voila_command(port, "127.0.0.1", False, 0, PREVIEW_PAGE_RATE)
    click.echo(f"innerwork: previewing '{exercise.title}'. Starting the server...")
    env = serving.serve_environment(False, None, False, preview=str(Path(path).resolve()))
    sys.exit(serving.run(command, env, "127.0.0.1", port, not no_browser, say=click.echo))
