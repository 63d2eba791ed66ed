"""Would register an exercise type, but the package declares no innerwork entry point."""

from innerwork import ExerciseType, hookimpl


class Forgotten(ExerciseType):
    name = "forgotten"


@hookimpl
def register_exercise_types(register):
    register(Forgotten())
