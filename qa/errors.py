"""Errors whose message is meant for the user, not a traceback."""


class QAError(Exception):
    """Base class: the CLI prints ``str(error)`` and exits non-zero."""


class LoadError(QAError):
    """A file could not be read as text (empty, binary, undecodable, missing)."""


class IndexStoreError(QAError):
    """An index is missing, corrupt, half-written or of an unknown format."""


class ModelMismatchError(QAError):
    """An index is searched with a different embedding model than it was built with."""


class QueryError(QAError):
    """A question is empty or otherwise unusable."""
