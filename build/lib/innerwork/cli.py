"""The ``innerwork`` command."""
from __future__ import annotations

import json
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
