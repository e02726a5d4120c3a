"""A built site's search index as tests read it (the format: guidesite/search.py)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from guidesite import search


@dataclass
class BuiltIndex:
    folder: Path
    manifest: dict
    docs: list[list[str]]          # [url, title, kind, summary], by doc number
    postings: dict[str, dict[int, int]]  # term -> doc number -> score

    @property
    def urls(self) -> list[str]:
        return [doc[0] for doc in self.docs]

    def pages_with(self, text: str, lang: str) -> set[str]:
        """URLs of the pages that hold every meaningful word of ``text`` (in any of its forms)."""
        found = None
        for forms in search.terms(text, lang):
            pages = set().union(*(self.postings.get(term, {}).keys() for term in forms))
            found = pages if found is None else found & pages
        return {self.docs[n][0] for n in found or ()}


def search_index(built: Path, lang: str) -> BuiltIndex:
    """The index of one language of a built site (English at en/search/, Welsh at cy/search/)."""
    folder = built / lang / "search"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    docs = []
    for number in range((manifest["docs"] + manifest["doc_shard"] - 1) // manifest["doc_shard"]):
        docs += json.loads((folder / f"d{number}.json").read_text(encoding="utf-8"))
    postings: dict[str, dict[int, int]] = {}
    for number in range(len(manifest["shards"])):
        for term, flat in json.loads((folder / f"t{number}.json").read_text(encoding="utf-8")).items():
            doc, scores = 0, {}
            for i in range(0, len(flat), 2):
                doc += flat[i]
                scores[doc] = flat[i + 1]
            postings[term] = scores
    return BuiltIndex(folder, manifest, docs, postings)
