"""mgb6: check dietary magnesium and vitamin B6 in a plain-text food log against the DRIs."""

__version__ = "0.1.0"
