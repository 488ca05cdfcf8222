"""One wording for user-facing errors in the page and the API: bilingual, with no server paths.

The core raises ``QAError`` with English text that may name a file by its full path; on the
server that path is Gradio's temporary upload folder or the index directory, which means
nothing to the person who uploaded ``notes.txt`` (and tells a stranger how the server is laid
out). ``public_message`` keeps only file names and puts a Chinese lead in front of an English-only
message, so the page, ``gradio_client`` and the CLI's text say the same thing.
"""

from __future__ import annotations

import re

from qa.errors import IndexStoreError, LoadError, ModelMismatchError, QAError, QueryError

# An absolute path (POSIX or Windows) of two or more parts, not preceded by a word character:
# keep its last part. "A/B" section prefixes and URLs' hosts are left alone.
_PATH = re.compile(r"(?<![\w.:/])(?:[A-Za-z]:)?(?:[/\\][^\s/\\'\"<>|]+)+[/\\]([^\s/\\'\"<>|]+)")
_CJK = re.compile(r"[\u4e00-\u9fff]")

_LEADS: list[tuple[type[Exception], str]] = [
    (QueryError, "问题无效"),
    (LoadError, "文件无法读取"),
    (ModelMismatchError, "模型不匹配"),
    (IndexStoreError, "索引出错"),
    (QAError, "出错了"),
]


def strip_paths(text: str) -> str:
    """``/tmp/gradio/3f…/notes.txt: empty`` -> ``notes.txt: empty``."""
    return _PATH.sub(lambda m: m.group(1), text)


def public_message(error: Exception | str) -> str:
    """The message a user sees for ``error``: no server paths, Chinese and English."""
    text = strip_paths(str(error)).strip()
    if _CJK.search(text[:40]):
        return text
    lead = next((lead for cls, lead in _LEADS if isinstance(error, cls)), "出错了")
    return f"{lead} {text}"
