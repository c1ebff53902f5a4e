"""Errors of kg. Every one says what happened, the likely cause and the fix.

    KgError
     ├── InputError        an article or manifest that cannot be read (names the file and line)
     │    └── Unreadable   (kg.decode) one file or row refused, with a short kind; kg.articles
     │                     reports it as a Problem and reads on
     ├── LexiconError      a data file under kg/data that is malformed
     ├── OutputError       the output folder cannot be written
     ├── EngineError       (kg.engines) an engine that cannot be used as asked
     └── UnknownEntity     (kg.query) a name that matches no node of the graph
"""
from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose."""


class InputError(KgError):
    """An input file, line or manifest entry that cannot be read as an article."""


class LexiconError(KgError):
    """A word list or table under kg/data that is missing or malformed."""


class OutputError(KgError):
    """The output folder or a file in it cannot be written."""
