"""Allow ``python -m mgb6``."""

from mgb6.cli import run

if __name__ == "__main__":
    run()
