"""The ``innerwork`` command."""
from __future__ import annotations

import json
import os
import sys
import warnings

import click

from . import __version__
from .errors import PluginLoadError, PluginWarning


def _print_warning(message, category, filename, lineno, file=None, line=None):
    click.echo(f"warning: {message}", err=True)


def _load(what):
    """Run ``what()``; a plugin failure in strict mode becomes a clear error, exit 1."""
    try:
        return what()
    except PluginLoadError as exc:
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
def main():
    """Guided self-help exercises for the time between therapy sessions.

    \b
    Examples:
      innerwork list                 the exercises you can do
      innerwork validate my.yaml     check an exercise file you wrote
      innerwork plugins              the exercise types installed
    """


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_exercises(as_json):
    """List the exercises: id, type, title and minutes."""
    from .catalogue import catalogue
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
    """List plugins: name, version, exercise types, hooks and status."""
    from .catalogue import plugins as load_plugins
    infos = _load(load_plugins).infos.values()
    if as_json:
        _echo_json([info.to_dict() for info in infos])
        return
    for info in infos:
        click.echo(f"{info.name} ({info.distribution} {info.version}): {info.status}")
        if info.reason:
            click.echo(f"    reason: {info.reason}")
        if info.exercise_types:
            click.echo(f"    exercise types: {', '.join(info.exercise_types)}")
        if info.hooks:
            click.echo(f"    hooks: {', '.join(info.hooks)}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
def validate(paths, as_json):
    """Check exercise files (all installed content if no PATHS are given).

    Exits 0 when every file is valid and 1 when any is not. Each problem is
    printed as FILE:LINE:COLUMN: /json/pointer: message.
    """
    from .catalogue import catalogue, load_catalogue
    cat = _load(lambda: load_catalogue(paths) if paths else catalogue())
    if as_json:
        _echo_json({"files": cat.files, "valid": len(cat.exercises),
                    "errors": [e.to_dict() for e in cat.errors],
                    "outdated": [e.to_dict() for e in cat.outdated]})
    else:
        for error in cat.errors:
            click.echo(str(error))
        for note in cat.outdated:
            click.echo(f"note: {note}")
        status = "all valid" if not cat.errors else f"{len(cat.errors)} problem(s)"
        click.echo(f"{cat.files} file(s) checked, {len(cat.exercises)} valid: {status}.", err=True)
    sys.exit(1 if cat.errors else 0)


@main.command()
@click.option("--port", default=8866, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Use 0.0.0.0 to let other machines in the room connect.")
@click.option("--no-browser", is_flag=True, help="Do not open a browser.")
@click.option("--workshop", is_flag=True,
              help="Hosted mode: each participant's answers live only in their own page; nothing is written on the server.")
@click.option("--exercise", metavar="ID", help="Serve one exercise instead of the gallery.")
@click.option("--room", type=click.IntRange(0, 500), default=None,
              help="Kernels to start ahead of time (default: 30 with --workshop, else 1; 0 starts each on request).")
@click.option("--max-participants", type=click.IntRange(1, 5000), default=None, metavar="N",
              help="Pages with a kernel at once, kernels kept ready included; beyond, a page says the room is full "
                   "(default: the room and half again, at least 10, no more than 3/4 of the free memory holds "
                   "at 100 MB a kernel).")
@click.option("--keep-answers-on-server", is_flag=True,
              help="With --workshop: save participants' answers in the server's SQLite store. Read the privacy "
                   "section of the README first: you become responsible for that data.")
@click.option("--no-gentle-check", is_flag=True,
              help="Turn off the note that offers help when someone types about self-harm or suicide.")
@click.option("--voila-arg", multiple=True, metavar="ARG", help="Another Voila setting, e.g. --voila-arg=--debug.")
def serve(port, host, no_browser, workshop, exercise, room, max_participants, keep_answers_on_server, no_gentle_check,
          voila_arg):
    """Serve the workshop page with Voila and print its address.

    \b
    Examples:
      innerwork serve                          your own exercises, saved on this computer
      innerwork serve --workshop --host 0.0.0.0 --room 30
      innerwork serve --workshop --host 0.0.0.0 --room 30 --max-participants 40
      innerwork serve --exercise step-ladder
    """
    from . import serve as serving
    if exercise:
        from .catalogue import catalogue
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
    command = serving.voila_command(port, host, workshop, room, voila_arg, max_participants)
    mode = "workshop (answers stay in each participant's page)" if workshop and not keep_answers_on_server else \
        "workshop (answers kept on this server)" if workshop else "personal (answers saved on this computer)"
    ahead = f"starting {room} kernel(s) ahead of time" if room else "starting each kernel when its page is opened"
    click.echo(f"innerwork: {ahead}, at most {max_participants} participant(s) at once; mode: {mode}. "
               "Starting the server...")
    env = serving.serve_environment(workshop, exercise, keep_answers_on_server, gentle_check=not no_gentle_check)
    sys.exit(serving.run(command, env, host, port, not no_browser, say=click.echo))


def _check_can_serve(serving, host: str, port: int) -> None:
    """Stop with one clear sentence if the page could not be served: no Python kernel, or the port taken."""
    missing = serving.python_kernel_missing()
    if missing:
        raise click.ClickException(missing)
    if serving.port_taken(host, port):
        raise click.ClickException(f"port {port} is already in use (is another innerwork serve running?): "
                                   f"stop it, or choose another port with --port {port + 1}.")


def _store_or_fail():
    """The answers file, opened; asks for its passphrase if it has one and INNERWORK_PASSPHRASE is not set."""
    from .store import PassphraseNeeded, SQLiteStore, StoreError, default_store
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
    return store


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to a file instead of the screen.")
@click.option("--exercise", metavar="ID", help="Only entries of this exercise.")
def export_entries(fmt, output, exercise):
    """Export your entries as Markdown, JSON or CSV."""
    from .export import export
    entries = _store_or_fail().entries(exercise_id=exercise)
    text = export(entries, fmt)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        click.echo(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'} written to {output}.", err=True)
    else:
        click.echo(text)


@main.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def forget(yes):
    """Delete every entry in your answers file, after asking."""
    store = _store_or_fail()
    count = len(store.entries())
    if count == 0:
        click.echo("There are no entries to delete.")
        return
    if not yes:
        click.confirm(f"Delete all {count} entries in {store.location}? This cannot be undone", abort=True)
    store.delete_all()
    click.echo(f"Deleted {count} entr{'y' if count == 1 else 'ies'}.")


@main.command()
def encrypt():
    """Lock your answers file with a passphrase.

    Answers and summaries are encrypted (AES-GCM, key from scrypt). Which
    exercises you did and when stays readable, so history can be listed. The
    passphrase cannot be recovered: without it, the answers are lost. Notebooks
    and `innerwork serve` open the file with INNERWORK_PASSPHRASE.
    """
    store = _store_or_fail()
    if store.encrypted:
        raise click.ClickException(f"The answers file {store.location} already has a passphrase.")
    passphrase = click.prompt("New passphrase (at least 8 characters)", hide_input=True, confirmation_prompt=True)
    if len(passphrase) < 8:
        raise click.ClickException("The passphrase is shorter than 8 characters; nothing was changed.")
    count = store.encrypt(passphrase)
    click.echo(f"Encrypted {count} entr{'y' if count == 1 else 'ies'} in {store.location}. "
               "Keep the passphrase safe: it cannot be recovered.")


@main.command()
def decrypt():
    """Remove the passphrase from your answers file (asks for it first)."""
    store = _store_or_fail()
    if not store.encrypted:
        raise click.ClickException(f"The answers file {store.location} has no passphrase.")
    count = store.decrypt()
    click.echo(f"Decrypted {count} entr{'y' if count == 1 else 'ies'} in {store.location}; it has no passphrase now.")


@main.command("new-plugin")
@click.argument("name")
@click.option("--dir", "parent", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder to create the package in.")
def new_plugin(name, parent):
    """Create innerwork-NAME: a pip-installable plugin with an exercise type, its schemas, an example
    exercise, example answers, a README and tests.

    \b
    Then:
      cd innerwork-NAME && pip install -e ".[test]"
      python -m pytest && innerwork plugins
    """
    from .scaffold import new_plugin as write
    try:
        root, files = write(name, parent)
    except (ValueError, FileExistsError) as exc:
        raise click.UsageError(str(exc)) from None
    for path in files:
        click.echo(f"  created {path}")
    click.echo(f"\nNext:\n  cd {root}\n  pip install -e \".[test]\"\n  python -m pytest\n  innerwork plugins")


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
    from .catalogue import find_files
    from .migrate import migrate_file
    results = [_load(lambda: migrate_file(path, write=not check)) for path in find_files(paths)]
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

    from . import serve as serving
    from .catalogue import load_file
    from .errors import InvalidContent
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
