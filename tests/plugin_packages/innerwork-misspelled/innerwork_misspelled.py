"""Registers its exercise type under a misspelled hook name, so innerwork never calls it."""

from innerwork import ExerciseType, hookimpl


class Journal(ExerciseType):
    name = "journal"


@hookimpl
def register_exercise_type(register):  # the hook is register_exercise_types
    register(Journal())
