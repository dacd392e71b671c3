"""The one exception family of extractor; the CLI turns it into a one-line message."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class of every error extractor raises on purpose."""

    exit_code: int = 2


class InputError(ExtractorError):
    """A path or option given by the user cannot be used."""


class DataError(ExtractorError):
    """A rule-data file under ``models/`` is missing or malformed."""


class OutputError(ExtractorError):
    """The output folder cannot be written."""


class StrictError(ExtractorError):
    """With ``--strict``, a document failed: the run stops and no table is replaced."""

    exit_code = 4
