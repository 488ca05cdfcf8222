"""A fresh app pays its first question's costs before its first user asks (``qa.webapp.warmup``).

Each test runs a new Python process: in this one, earlier tests have long loaded jieba.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.app_support import ROOT

QUESTIONS = ("重庆将如何建设宜居宜业和美乡村？", "乡村振兴 GDP", "What did Lu Zhongheng do?")

# The warm-up's own question is held until ours are asked: on a busy machine it could finish first, and the
# questions would no longer be asked during the warm-up (the segmenter still loads in the background meanwhile).
APP = """
import json, sys, threading
sys.path.insert(0, {root!r})
import jieba
from pathlib import Path
from qa.webapp import warmup
from qa.webapp.main import create_service
release = threading.Event()
warm_search = warmup.WarmUp._search
def held(self, service):
    release.wait(300)
    warm_search(self, service)
warmup.WarmUp._search = held
service = create_service(Path({index!r}), Path({index!r}), uploads=Path({uploads!r}))
during = not service.warm_up.ready.is_set()

def answers():
    return [
        [(h.chunk.chunk_id, h.citation, round(h.score, 6)) for h in service.search(q, k=5)[1]]
        for q in {questions!r}
    ]

asked_during = answers()  # while the warm-up runs: waits for what it needs
release.set()
assert service.warm_up.wait(300)
print(json.dumps({{"during": during, "asked_during": asked_during, "asked_after": answers()}}))
"""

IDLE = """
import json, sys
sys.path.insert(0, {root!r})
import jieba
from pathlib import Path
from qa.webapp.main import create_service
service = create_service(Path({index!r}), Path({index!r}), uploads=Path({uploads!r}))
assert service.warm_up.wait(300)
print(json.dumps({{"segmenter_loaded": jieba.dt.initialized}}))
"""


def _run(script: str, corpus_index: Path, tmp: Path, cache: Path) -> dict:
    code = script.format(root=str(ROOT), index=str(corpus_index), uploads=str(tmp / "uploads"), questions=QUESTIONS)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_app_loads_the_segmenter_before_any_question(corpus_index: Path, tmp_path: Path) -> None:
    result = _run(IDLE, corpus_index, tmp_path, tmp_path / "cache")
    assert result["segmenter_loaded"]


def test_a_question_during_the_warm_up_gets_the_same_answer(corpus_index: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _run(APP, corpus_index, tmp_path, cache)  # jieba's own dictionary load; ours is kept
    assert list(cache.glob("qa/jieba-prefix-*.bin")), "the prefix dictionary was not kept for the next start"
    second = _run(APP, corpus_index, tmp_path, cache)  # the kept dictionary
    assert first["during"] and second["during"], "the questions were not asked during the warm-up"
    assert all(first["asked_during"]), "a question found nothing"
    assert first["asked_during"] == first["asked_after"]
    assert second["asked_during"] == second["asked_after"] == first["asked_after"]


def test_the_kept_dictionary_is_jiebas_own_and_a_damaged_one_is_not_used(tmp_path: Path) -> None:
    code = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import jieba
from qa import words
path = words._prefix_dict_cache()
own = jieba.Tokenizer()
own.initialize()
words._write_prefix_dict(path, own.FREQ, own.total)
path.write_bytes(path.read_bytes()[:-1000])  # cut short, e.g. a full disk
words.load_segmenter()
assert list(jieba.dt.FREQ.items()) == list(own.FREQ.items()) and jieba.dt.total == own.total
fresh = jieba.Tokenizer()
fresh.FREQ, fresh.total = words._read_prefix_dict(path)  # the damaged copy was rewritten whole
assert list(fresh.FREQ.items()) == list(own.FREQ.items()) and fresh.total == own.total
print("ok")
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-3000:]
