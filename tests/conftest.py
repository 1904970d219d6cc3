"""Shared test setup: the dates stage runs strict (a resolver's exception fails the test that met it
instead of silently dropping the candidate)."""
import os

os.environ.setdefault("EXTRACT_DATES_STRICT", "1")
