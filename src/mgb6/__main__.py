"""The ``mgb6`` console script and ``python -m mgb6``: start the collector-free, then hand over to the CLI.

The cyclic garbage collector is switched off before anything is imported: typer, rich and mgb6 create
tens of thousands of long-lived objects while importing, and each collection re-scans them, which cost
8-10 ms of a one-week check (docs/performance.md). The CLI freezes what was loaded and switches the
collector back on before the work starts, so a long run still frees cycles. Lives apart from ``cli``
because importing ``cli`` is exactly the work the collector should sit out.
"""

import gc


def run() -> None:
    gc.disable()
    from mgb6.cli import run as cli_run

    cli_run()


if __name__ == "__main__":
    run()
