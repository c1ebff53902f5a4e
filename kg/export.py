"""Writers: extraction records (JSON Lines) and the graph (GraphML). Every write is atomic: the
file is written beside its target and renamed into place, so an interrupted build never leaves a
truncated file behind."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import networkx as nx

from kg.errors import OutputError
from kg.model import Entity, Extraction, Kind


@contextmanager
def atomic(path: Path, mode: str = "w") -> Iterator[IO]:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{path.parent}: cannot write the output folder ({err.strerror}); choose another with --out") from err
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8", newline=None if "b" in mode else "\n") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def entity_record(e: Entity) -> dict:
    rec = {"id": e.id, "node": e.node, "type": str(e.kind), "name": e.name, "aliases": list(e.aliases)}
    if e.kind in (Kind.PERSON, Kind.ORGANIZATION, Kind.PLACE):
        rec["region"] = str(e.region) if e.region else None
    if e.kind is Kind.DATE:
        rec["value"] = e.value
    if e.kind is Kind.AGREEMENT:
        rec["title"] = e.title
        rec["kind"] = e.agreement_kind
    rec["peripheral"] = e.peripheral
    if e.merge_reason:
        rec["merge"] = e.merge_reason
    rec["mentions"] = [{"start": m.start, "end": m.end, "text": m.text, "rule": m.rule} for m in e.mentions]
    return rec


def extraction_record(x: Extraction) -> dict:
    rels = []
    for r in x.relations:
        rec = {"type": str(r.type), "source": r.source, "target": r.target}
        if r.title is not None:
            rec["title"] = r.title
        if r.evidence:
            rec["evidence"] = {"start": r.evidence[0], "end": r.evidence[1]}
        rels.append(rec)
    return {"article": x.article.id, "published": x.article.published, "title": x.article.title,
            "source": x.article.source, "entities": [entity_record(e) for e in x.entities], "relations": rels}


def write_extractions(extractions: Sequence[Extraction], path: Path) -> None:
    with atomic(path) as fh:
        for x in extractions:
            fh.write(json.dumps(extraction_record(x), ensure_ascii=False, sort_keys=False) + "\n")


def _flat(value):
    if isinstance(value, (list, tuple, set)):
        return "|".join(map(str, value))
    return value


def graphml_ready(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only str/int/float/bool attribute values (lists joined with |, None dropped)."""
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: _flat(v) for k, v in d.items() if v is not None})
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{a: _flat(b) for a, b in d.items() if b is not None})
    return h


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    with atomic(path, "wb") as fh:
        nx.write_graphml(graphml_ready(g), fh)
