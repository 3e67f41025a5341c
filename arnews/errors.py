"""Typed exceptions raised by the library; only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class ArnewsError(Exception):
    """Base class of every error arnews raises on purpose."""


class InputError(ArnewsError):
    """The input cannot be read as an article (missing, unreadable, wrong kind)."""


class InputNotFoundError(InputError):
    """The path does not exist."""


class InputIsDirectoryError(InputError):
    """A directory was given where a file was expected."""


class EmptyInputError(InputError):
    """The input holds no text (empty file, or only white space/boilerplate)."""


class InputTooLargeError(InputError):
    """The input is larger than the configured size limit."""


class DecodingError(InputError):
    """The bytes are binary or in no encoding arnews can recognise."""


class NotArabicError(InputError):
    """The text has too little Arabic script to be analyzed as an Arabic article."""


class RecordError(InputError):
    """A JSON/JSONL record is malformed or lacks the requested field."""


class ModelError(ArnewsError):
    """A model or its data is missing or cannot be loaded."""


class EvaluationError(ArnewsError):
    """A gold file for evaluation is malformed."""
