"""One person working through one exercise: current step, answers, checks, saving. No widgets."""

from __future__ import annotations

import threading

from ..content import schemas
from ..content.exercise_type import Exercise
from ..content.steps import StepKind
from ..later import call_later
from ..registry.plugins import call_each_safely
from ..registry.registered import plugins
from ..storage.store import Entry, MemoryStore, StoreError
from ..text.cleantext import neutralise

AUTOSAVE_SECONDS = 0.8


def answer_problems(exercise: Exercise, answers: dict) -> dict[str, str]:
    """Every problem with a set of answers, by step id (the step kit's checks, then the answers schema)."""
    problems = {}
    for step in exercise.answer_steps:
        message = step.problem(answers.get(step.id), answers)
        if message:
            problems[step.id] = message
    known = {s.id for s in exercise.answer_steps}
    for key in answers:
        if key not in known:
            problems[key] = f"'{key}' is not a step of this exercise."
    if not problems:
        for error in schemas.validator(exercise.exercise_type.answers_schema_dict()).iter_errors(answers):
            key = str(error.absolute_path[0]) if error.absolute_path else "/"
            problems.setdefault(key, error.message)
    return problems


def recorded(exercise: Exercise, answers: dict) -> dict:
    """The answers worth keeping: known steps that were answered."""
    return {s.id: answers[s.id] for s in exercise.answer_steps if not s.is_empty(answers.get(s.id))}


def typed_text(value) -> str:
    """The free text in an answer (a string, a list of strings or notes by item), one piece per line."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return "\n".join(v for v in value if isinstance(v, str))
    return ""


def call_plugins(hook_name: str, **kwargs) -> list:
    """Every loaded plugin's ``hook_name``, each called on its own (see :func:`call_each_safely`)."""
    registry = plugins()
    return call_each_safely(registry.manager, registry.infos, hook_name, **kwargs)


def typed_notice(exercise: Exercise, value) -> str | None:
    """The first note any plugin has about the text in ``value`` (``answer_notice`` hook), or None.

    Each plugin is asked on its own: one that raises is reported once, and the others' notes still show.
    """
    text = typed_text(value)
    if not text.strip():
        return None
    notes = call_plugins("answer_notice", text=text, exercise=exercise)
    return next((note for note in notes if note), None)


class Session:
    """The state of an exercise in progress. Widgets are a thin layer over this."""

    def __init__(self, exercise: Exercise, store=None, entry: Entry | None = None):
        self.exercise = exercise
        self.store = store if store is not None else MemoryStore()
        kind = exercise.exercise_type
        self.entry = entry or Entry(exercise.id, exercise.type, kind.version, kind.content_version)
        answers = dict(self.entry.answers)
        if self.entry.content_version < kind.content_version:  # recorded under an older version of the type
            answers = kind.upgrade_answers(self.entry.content_version, answers)
            self.entry.content_version, self.entry.type_version = kind.content_version, kind.version
        known = {s.id for s in exercise.answer_steps}
        self.answers: dict = {k: v for k, v in answers.items() if k in known}
        #: answers to steps this version no longer has: kept in the entry, never dropped
        self.kept: dict = {k: v for k, v in answers.items() if k not in known}
        self.index = min(self.entry.step, len(exercise.steps) - 1)
        if self.exercise.steps[self.index].kind == "summary" and not self.finished:
            self.index = max(0, self.index - 1)
        self.problems: dict[str, str] = {}
        #: steps whose answer box could not be shown (a fault in an add-on): the person may go on past them
        self.not_shown: set[str] = set()
        #: ``None`` when saved; otherwise a plain message why the answers are only in memory
        self.save_problem: str | None = None
        self.saved = True
        self._timer = None  # the autosave waiting to happen (see innerwork.later)
        self._lock = threading.RLock()
        self.listeners: list = []  # called with no arguments after each save attempt
        #: a plugin's note about what was just typed (see the ``answer_notice`` hook); never saved
        self.notice: str | None = None
        self.notice_dismissed = False

    # -- where we are ----------------------------------------------------------
    @property
    def step(self) -> StepKind:
        return self.exercise.steps[self.index]

    @property
    def total(self) -> int:
        return len(self.exercise.steps)

    @property
    def finished(self) -> bool:
        return self.entry.status == "completed"

    def progress(self) -> str:
        return f"Step {self.index + 1} of {self.total}"

    # -- answers ---------------------------------------------------------------
    def value(self, step: StepKind | None = None):
        step = step or self.step
        return self.answers.get(step.id, step.empty())

    def set_answer(self, step_id: str, value) -> str | None:
        """Keep ``value`` (even if it is not acceptable yet), schedule a save, and return any problem."""
        step = self.exercise.step(step_id)
        with self._lock:
            self.answers[step_id] = value
            problem = step.problem(value, self.answers, final=False)
            self._set_problem(step_id, problem)
            self.saved = False
            self._schedule_save()
        if step.typed and not self.notice_dismissed:
            self.notice = typed_notice(self.exercise, value)
        return problem

    def dismiss_notice(self) -> None:
        """The person hid the note: no more notes for the rest of this exercise."""
        self.notice, self.notice_dismissed = None, True

    def _set_problem(self, step_id, problem):
        if problem:
            self.problems[step_id] = problem
        else:
            self.problems.pop(step_id, None)

    def hint(self) -> str | None:
        return self.exercise.exercise_type.hint(self.exercise, self.step, self.answers)

    # -- moving ----------------------------------------------------------------
    def next(self, save: bool = True) -> bool:
        """Go on if this step's answer is acceptable; otherwise stay and keep the answer.

        Returns whether it went on. With ``save=False`` the caller saves (a page shows the new step
        first, then saves, so that the step does not wait for the disk).
        """
        step = self.step
        answerable = step.records_answer and step.id not in self.not_shown
        problem = step.problem(self.answers.get(step.id), self.answers) if answerable else None
        self._set_problem(step.id, problem)
        if problem:
            return False
        if not self.at_last_step():
            self.index += 1
        if save:
            self.save_now()
        return True

    def back(self, save: bool = True) -> bool:
        """Go back a step (not before the first); returns whether it moved. ``save`` as for :meth:`next`."""
        if self.index == 0:
            return False
        self.index -= 1
        if save:
            self.save_now()
        return True

    def at_last_step(self) -> bool:
        """True on the last step before the summary: the place for "Finish"."""
        last = max(i for i, s in enumerate(self.exercise.steps) if s.kind != "summary")
        return self.index >= last

    # -- summary and finishing ---------------------------------------------------
    def derived(self) -> dict:
        return self.exercise.exercise_type.derive(self.exercise, recorded(self.exercise, self.answers))

    def summary(self) -> str:
        """The exercise type's summary, with control characters and bidi overrides made visible."""
        answers = recorded(self.exercise, self.answers)
        return neutralise(self.exercise.exercise_type.summary(self.exercise, answers, self.derived()))

    def finish(self) -> bool:
        """Check every answer; if all are acceptable, mark the entry completed, save it and return True."""
        problems = answer_problems(self.exercise, recorded(self.exercise, self.answers))
        problems = {step_id: text for step_id, text in problems.items() if step_id not in self.not_shown}
        self.problems = problems
        if problems:
            first = next(i for i, s in enumerate(self.exercise.steps) if s.id in problems)
            self.index = first
            return False
        summary = self.summary()
        self.entry.status, self.entry.summary = "completed", summary
        self.save_now()
        call_plugins("exercise_completed", entry=self.entry, summary=summary)
        return True

    # -- saving ------------------------------------------------------------------
    def _schedule_save(self):
        if self._timer is not None:
            self._timer.cancel()
        self._timer = call_later(AUTOSAVE_SECONDS, self.save_now)

    def save_now(self) -> bool:
        """Save the entry now. On failure the answers stay in memory and ``save_problem`` says why."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self.entry.answers = {**self.kept, **recorded(self.exercise, self.answers)}
            self.entry.step = self.index
            try:
                self.store.save(self.entry)
            except StoreError as exc:
                self.save_problem = str(exc)
                self.saved = False
            else:
                self.save_problem = None
                self.saved = True
        if self.saved:
            call_plugins("exercise_saved", entry=self.entry)
        for listener in list(self.listeners):
            listener()
        return self.saved
