"""Read a content file (an exercise or a workshop plan, YAML or JSON) with the line and column of every value."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError

try:
    import yaml
except ImportError:  # a browser (Pyodide): a static site ships its content as JSON, checked when it was built
    yaml = None  # type: ignore[assignment]

MAX_BYTES = 512 * 1024
MAX_DEPTH = 32


# libyaml's parser recurses on each "[" or "{" and can overflow the C stack on deep nesting, so a
# file with more openings than this is read by the (slower) Python parser, which reports it cleanly.
MAX_FLOW_OPENINGS_FOR_LIBYAML = 1000


def _keeping_dates_as_text(base):
    """A safe YAML loader that keeps dates as plain strings (JSON Schema has no date type)."""

    class Loader(base):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


if yaml is not None:
    _PythonLoader = _keeping_dates_as_text(yaml.SafeLoader)
    _FastLoader = _keeping_dates_as_text(yaml.CSafeLoader) if yaml.__with_libyaml__ else _PythonLoader


@dataclass(frozen=True)
class FileKind:
    """What a file holds, for the messages about it: "exercise files may be at most ..."."""

    name: str
    expected: str


EXERCISE = FileKind("exercise", "an exercise with id, type, title, ...")


def pointer_join(pointer: str, key) -> str:
    """Append one key to a JSON pointer, escaping ``~`` and ``/``."""
    return pointer + "/" + str(key).replace("~", "~0").replace("/", "~1")


class SourceFile:
    """The parsed data of one file, and where each JSON pointer sits in it."""

    def __init__(self, path: str, data, positions: dict[str, tuple[int, int]]):
        self.path = path
        self.data = data
        self.positions = positions

    def error(self, pointer: str, message: str, plugin: str | None = None) -> ContentError:
        """A :class:`ContentError` placed at ``pointer``, or at its nearest parent that has a position."""
        probe = pointer
        while probe and probe not in self.positions:
            probe = probe.rsplit("/", 1)[0]
        line, column = self.positions.get(probe, (1, 1))
        return ContentError(self.path, message, line, column, pointer, plugin)


def read(path: str | Path, display: str | None = None, kind: FileKind = EXERCISE) -> SourceFile:
    """Parse ``path``; raise :class:`FileProblem` when it cannot be read as YAML or JSON."""
    path = Path(path)
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileProblem(
                ContentError(name, f"file is {size:,} bytes; {kind.name} files may be at most {MAX_BYTES:,} bytes")
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem(ContentError(name, f"cannot read the file: {exc.strerror or exc}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FileProblem(
            ContentError(
                name,
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read); save it as UTF-8",
                line,
                column,
            )
        ) from None
    if not text.strip():
        raise FileProblem(ContentError(name, f"the file is empty; expected {kind.expected}", 1, 1))
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise FileProblem(ContentError(name, f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno)) from None
        if yaml is None:  # no positions: the file was checked, with them, when the static site was built
            return SourceFile(name, data, {})
        # valid JSON holds no raw tab inside a string, so every tab is indentation, which YAML refuses
        text = text.replace("\t", " ")
    return parse_yaml(text, name, kind)


class FileProblem(Exception):
    """A file that could not be read at all."""

    def __init__(self, error: ContentError):
        self.error = error
        super().__init__(str(error))


def parse_yaml(text: str, name: str, kind: FileKind = EXERCISE) -> SourceFile:
    """Parse YAML (or JSON, which YAML reads too), recording positions and rejecting what JSON can't hold."""
    if yaml is None:
        raise FileProblem(ContentError(name, "PyYAML is not installed here, so YAML files cannot be read", 1, 1))
    if text.count("[") + text.count("{") <= MAX_FLOW_OPENINGS_FOR_LIBYAML:
        try:
            return _parse(text, name, _FastLoader, kind)
        except FileProblem:
            pass  # read it again with the Python parser, whose messages say more ("expected ... but got ...")
    return _parse(text, name, _PythonLoader, kind)


def _parse(text: str, name: str, loader_class, kind: FileKind = EXERCISE) -> SourceFile:
    loader = loader_class(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or "syntax error"
            if exc.context:
                problem = f"{exc.context}, {problem}"
            raise FileProblem(
                ContentError(
                    name,
                    f"YAML syntax error: {problem}",
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                )
            ) from None
        except yaml.YAMLError as exc:
            raise FileProblem(ContentError(name, f"YAML error: {exc}", 1, 1)) from None
        except RecursionError:
            raise FileProblem(
                ContentError(name, f"the file is nested too deeply (more than {MAX_DEPTH} levels)", 1, 1)
            ) from None
        if node is None:
            raise FileProblem(ContentError(name, f"the file is empty; expected {kind.expected}", 1, 1))
        positions: dict[str, tuple[int, int]] = {}
        _walk(node, "", 0, positions, set(), name, kind)
        try:
            data = loader.construct_document(node)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            raise FileProblem(
                ContentError(
                    name,
                    f"YAML value not allowed here: {exc.problem}",
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                )
            ) from None
    finally:
        loader.dispose()
    return SourceFile(name, data, positions)


def _walk(node, pointer, depth, positions, seen, name, kind):
    """Record positions; reject aliases, duplicate keys, non-string keys and deep nesting."""
    here = positions.setdefault(pointer, (node.start_mark.line + 1, node.start_mark.column + 1))
    if depth > MAX_DEPTH:
        raise FileProblem(ContentError(name, f"nested too deeply (more than {MAX_DEPTH} levels)", *here, pointer))
    if id(node) in seen:
        raise FileProblem(
            ContentError(
                name,
                f"YAML anchors and aliases are not supported in {kind.name} files; write the value out",
                *here,
                pointer,
            )
        )
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise FileProblem(
                    ContentError(name, f"YAML merge keys (<<) are not supported in {kind.name} files", *key_at, pointer)
                )
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise FileProblem(
                    ContentError(
                        name, f"keys must be text, found {key_node.value!r}; put it in quotes", *key_at, pointer
                    )
                )
            key = key_node.value
            if key in keys:
                first = keys[key]
                raise FileProblem(
                    ContentError(name, f"the key '{key}' appears twice (first at line {first[0]})", *key_at, pointer)
                )
            keys[key] = key_at
            child = pointer_join(pointer, key)
            positions[child] = key_at
            _walk(value_node, child, depth + 1, positions, seen, name, kind)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, pointer_join(pointer, index), depth + 1, positions, seen, name, kind)
