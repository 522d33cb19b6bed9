"""The ``mgb6`` command line: a thin layer that turns options into library calls and results into output.

options.py defines the app and the options the commands share; commands.py holds one body per command
(importing it registers them); lifecycle.py is the process around a run (garbage collector, last-resort
errors, fast exit). ``mgb6.__main__`` calls ``run``.
"""

from mgb6.cli import commands as _commands  # noqa: F401  (registers every command on the app)
from mgb6.cli.lifecycle import app_for, main, run
from mgb6.cli.options import app

__all__ = ["app", "app_for", "main", "run"]
