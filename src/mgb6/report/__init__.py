"""Rendering for people: tables, charts and the terminal they are printed on."""
