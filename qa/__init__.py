"""Semantic search over Chinese and mixed-language documents, with exact citations.

Python API::

    from qa import build_index, Searcher
    build_index(["corpus"], "index/default")
    for hit in Searcher("index/default").search("重庆将如何建设和美乡村？", k=3):
        print(hit.citation, hit.text)
"""

from qa.build import BuildReport, build_index, remove_documents
from qa.errors import QAError
from qa.options import SearchOptions
from qa.search import Hit, Searcher

__all__ = ["BuildReport", "Hit", "QAError", "SearchOptions", "Searcher", "build_index", "remove_documents"]
