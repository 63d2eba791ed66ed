"""What an exercise is made of: reading YAML and JSON files with the line of every value (``sourcefile``), the shipped JSON Schemas and their validators (``schemas``), ``ExerciseType`` and ``Exercise`` (``exercise_type``), and the step kinds (``steps``).

May import ``errors``, ``paths`` and ``text``. No widgets, no plugins, no storage.
"""
