"""Every built-in exercise runs with generated answers, and each type derives what it promises."""

import random

import pytest

import innerwork
from innerwork.app.session import Session, answer_problems, recorded
from innerwork.storage.store import MemoryStore

EXERCISES = [e.id for e in innerwork.exercises()]


def generated_answers(exercise, seed):
    """Random answers that each step kind accepts, built in step order (later steps use earlier ones)."""
    rng = random.Random(seed)
    answers = {}
    for step in exercise.answer_steps:
        value = step.example(answers)
        if step.kind == "scale":
            value = rng.randint(step.min, step.max)
        elif step.kind == "rate_items":
            value = {item: rng.randint(step.min, step.max) for item in step.source_items(answers)}
        elif step.kind == "list":
            value = [f"line {seed}-{n} <b>&" for n in range(rng.randint(max(step.min_items, 1), step.max_items))]
        elif step.kind == "order":
            value = step.source_items(answers)
            rng.shuffle(value)
        elif step.kind in ("checklist", "choice"):
            value = (
                rng.sample(step.options, rng.randint(0, len(step.options)))
                if step.kind == "checklist"
                else rng.choice(step.options)
            )
        answers[step.id] = value
    return answers


@pytest.mark.parametrize("exercise_id", EXERCISES)
@pytest.mark.parametrize("seed", range(5))
def test_generated_answers_validate_and_summarise(exercise_id, seed):
    exercise = innerwork.get_exercise(exercise_id)
    answers = generated_answers(exercise, seed)
    assert answer_problems(exercise, answers) == {}
    session = Session(exercise, MemoryStore())
    for step_id, value in answers.items():
        session.set_answer(step_id, value)
    assert session.finish(), session.problems
    summary = session.entry.summary
    assert summary.startswith(f"# {exercise.title}")
    assert exercise.source["title"] in summary
    for step in exercise.answer_steps:  # every text answer reaches the summary
        if step.kind == "prompt":
            assert answers[step.id].rstrip(".") in summary.replace("\\", "")
    assert "<b>" not in summary


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_out_of_range_and_wrong_type_answers_are_refused_but_kept(exercise_id):
    exercise = innerwork.get_exercise(exercise_id)
    session = Session(exercise, MemoryStore())
    for step in exercise.answer_steps:
        wrong = 99 if step.kind == "scale" else 12345
        problem = session.set_answer(step.id, wrong)
        assert problem, f"{step.kind} accepted {wrong!r}"
        assert session.answers[step.id] == wrong


def test_a_required_answer_must_be_given_before_going_on():
    session = Session(innerwork.get_exercise("wins-log"), MemoryStore())
    assert session.next() is False
    assert session.problems["wins"] == "Please answer this one before going on."
    session.set_answer("wins", ["Went for a walk"])
    assert session.next() is True and session.index == 1


def test_self_compassion_reports_the_change_in_how_hard_it_feels():
    exercise = innerwork.get_exercise("self-compassion-break")
    derived = exercise.exercise_type.derive(exercise, {"before": 6, "after": 4})
    summary = exercise.exercise_type.summary(exercise, {"before": 6, "after": 4}, derived)
    assert derived == {"change": -2}
    assert "6 before, 4 after (felt a little lighter)" in summary


def test_step_ladder_orders_from_easiest_and_suggests_splitting_a_hard_step():
    exercise = innerwork.get_exercise("step-ladder")
    kind = exercise.exercise_type
    answers = {
        "steps": ["Call the pool", "Swim", "Pack bag"],
        "difficulty": {"Call the pool": 5, "Swim": 8, "Pack bag": 1},
    }
    assert exercise.step("order").source_items(answers) == ["Pack bag", "Call the pool", "Swim"]
    answers["chosen"] = ["Swim"]
    assert kind.derive(exercise, answers)["suggest_split"] is True
    assert "split" in kind.hint(exercise, exercise.step("chosen"), answers)
    answers["chosen"] = ["Pack bag"]
    assert kind.derive(exercise, answers)["suggest_split"] is False
    assert kind.hint(exercise, exercise.step("chosen"), answers) is None
    answers["length"] = "More than 20 minutes"
    assert kind.derive(exercise, answers)["suggest_split"] is True


def test_activity_check_in_compares_predicted_and_actual_mood():
    exercise = innerwork.get_exercise("activity-mood-check-in")
    answers = {"activity": "Walk", "predicted": 3, "actual": 6, "mastery": 4, "pleasure": 7}
    summary = Session(exercise, MemoryStore(), None)
    for k, v in answers.items():
        summary.set_answer(k, v)
    assert summary.derived()["mood_change"] == 3
    assert "Mood: expected 3, actual 6 (+3)." in summary.summary()


def test_needs_inventory_puts_the_least_met_needs_first():
    exercise = innerwork.get_exercise("needs-inventory")
    answers = {"ratings": {"Enough sleep": 2, "Play and fun": 9, "Someone to talk to": 0}}
    assert exercise.step("focus").source_items(answers)[:3] == ["Someone to talk to", "Enough sleep", "Play and fun"]
    derived = exercise.exercise_type.derive(exercise, answers)
    assert derived["least_met"] == ["Someone to talk to", "Enough sleep", "Play and fun"]
    assert derived["low"] == ["Someone to talk to", "Enough sleep"]


@pytest.mark.parametrize("working,not_working,leaning", [(5, 0, "working"), (2, 2, "mixed"), (0, 3, "not_working")])
def test_hard_because_working_tallies_the_signs_and_gives_guidance(working, not_working, leaning):
    exercise = innerwork.get_exercise("hard-because-working")
    warnings = {w["sign"] for w in exercise.content["guidance"]["warnings"]}
    calm_signs = [o for o in exercise.step("not_working").options if o not in warnings]
    answers = {"working": exercise.step("working").options[:working], "not_working": calm_signs[:not_working]}
    derived = exercise.exercise_type.derive(exercise, answers)
    assert derived == {"working": working, "not_working": not_working, "warnings": [], "leaning": leaning}
    summary = exercise.exercise_type.summary(exercise, answers, derived)
    assert exercise.content["guidance"][leaning].strip() in summary
    assert exercise.content["guidance"]["help_now"].strip() in summary  # the help-now guidance is always there
    assert "tel:988" in summary  # with the crisis lines themselves, so a download is complete


def test_recorded_answers_drop_empty_and_unknown_steps():
    exercise = innerwork.get_exercise("wins-log")
    assert recorded(exercise, {"wins": ["a"], "kinds": [], "nope": 1}) == {"wins": ["a"]}


@pytest.mark.parametrize(
    "line,nothing",
    [
        ("Nothing really", True),
        ("not much, honestly", True),
        ("I don’t know", True),
        ("I can't find words right now.", True),
        ("Nothing could stop me going to my session", False),
        ("No longer scared of the bus", False),
        ("Slept well", False),
    ],
)
def test_wins_log_tells_nothing_from_a_win_that_starts_with_no(line, nothing):
    from innerwork_plugins.wins_log import NOTHING_CAME, is_nothing

    assert is_nothing(line) is nothing
    exercise = innerwork.get_exercise("wins-log")
    summary = exercise.exercise_type.summary(
        exercise, {"wins": [line]}, exercise.exercise_type.derive(exercise, {"wins": [line]})
    )
    assert (NOTHING_CAME in summary) is nothing


def test_kind_words_not_found_get_words_to_borrow():
    from innerwork.content.steps import NO_WORDS

    exercise = innerwork.get_exercise("talk-like-a-friend")
    answers = {"friend": "Be gentle", "self": "Try harder", "kind_words": f"{NO_WORDS}."}
    summary = exercise.exercise_type.summary(exercise, answers, exercise.exercise_type.derive(exercise, answers))
    assert "you could borrow" in summary


def test_a_required_list_has_a_way_through_too():
    from innerwork.content.steps import NO_WORDS

    step = innerwork.get_exercise("step-ladder").step("steps")  # at least two steps, required
    assert step.required and step.min_items == 2
    assert step.problem(step.no_words(), {}) is None and NO_WORDS in step.no_words()[0]
