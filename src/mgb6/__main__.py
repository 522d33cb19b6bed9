"""Allow ``python -m mgb6``."""

from mgb6.cli import main

if __name__ == "__main__":
    main()
