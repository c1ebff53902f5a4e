"""A small hand-made graph for the graph, export and query tests: two articles (one simplified, one
traditional), every node type and relation type, dated and undated events and agreements. Invented
names, so it does not change when extraction does."""
from __future__ import annotations

from kg import graph
from kg.model import Article, Entity, Extraction, Findings, Kind, Mention, Region, Rel, Relation

ARTICLES = {
    "a1": "2023年5月12日,山东省商务厅厅长李明与香港贸易发展局总裁陈大文在香港出席鲁港经贸合作交流会,"
          "双方签署《鲁港服务贸易合作备忘录》。",
    "a2": "香港貿易發展局總裁陳大文表示,2024年將與青岛市政府續簽《青港物流合作协议》。2月23日另有会议。",
}

# (article, entity id, kind, name, region, value or title, aliases)
ENTITIES = (
    ("a1", "e1", Kind.PERSON, "李明", Region.SD, None, ()),
    ("a1", "e2", Kind.ORGANIZATION, "山东省商务厅", Region.SD, None, ()),
    ("a1", "e3", Kind.PERSON, "陈大文", Region.HK, None, ()),
    ("a1", "e4", Kind.ORGANIZATION, "香港贸易发展局", Region.HK, None, ()),
    ("a1", "e5", Kind.PLACE, "香港", Region.HK, None, ()),
    ("a1", "e6", Kind.EVENT, "鲁港经贸合作交流会", None, None, ()),
    ("a1", "e7", Kind.AGREEMENT, "鲁港服务贸易合作备忘录", None, "鲁港服务贸易合作备忘录", ()),
    ("a1", "e8", Kind.DATE, "2023年5月12日", None, "2023-05-12", ()),
    ("a2", "e1", Kind.ORGANIZATION, "香港贸易发展局", Region.HK, None, ("香港貿易發展局",)),
    ("a2", "e2", Kind.PERSON, "陈大文", Region.HK, None, ("陳大文",)),
    ("a2", "e3", Kind.DATE, "2024年", None, "2024", ()),
    ("a2", "e4", Kind.ORGANIZATION, "青岛市政府", Region.SD, None, ()),
    ("a2", "e5", Kind.AGREEMENT, "青港物流合作协议", None, "青港物流合作协议", ()),
    ("a2", "e6", Kind.DATE, "2月23日", None, "XXXX-02-23", ()),
)

# (article, type, source, target, title)
RELATIONS = (
    ("a1", Rel.HOLDS_POSITION, "e1", "e2", "厅长"),
    ("a1", Rel.HOLDS_POSITION, "e3", "e4", "总裁"),
    ("a1", Rel.PARTICIPATED_IN, "e1", "e6", None),
    ("a1", Rel.PARTICIPATED_IN, "e3", "e6", None),
    ("a1", Rel.HELD_IN, "e6", "e5", None),
    ("a1", Rel.ON_DATE, "e6", "e8", None),
    ("a1", Rel.PARTY_TO, "e2", "e7", None),
    ("a1", Rel.PARTY_TO, "e4", "e7", None),
    ("a1", Rel.ON_DATE, "e7", "e8", None),
    ("a1", Rel.SIGNED_AT, "e7", "e6", None),
    ("a2", Rel.HOLDS_POSITION, "e2", "e1", "总裁"),
    ("a2", Rel.PARTY_TO, "e1", "e5", None),
    ("a2", Rel.PARTY_TO, "e4", "e5", None),
    ("a2", Rel.ON_DATE, "e5", "e3", None),
)

PREFIX = {Kind.PERSON: "person", Kind.ORGANIZATION: "org", Kind.PLACE: "place", Kind.DATE: "date",
          Kind.EVENT: "event", Kind.AGREEMENT: "agreement"}


def _mentions(text: str, kind: Kind, names: tuple[str, ...]) -> tuple[Mention, ...]:
    found = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            found.append(Mention(kind, at, at + len(name), name, name, at, at + len(name), "sample"))
            at = text.find(name, at + len(name))
    return tuple(found)


def extractions() -> list[Extraction]:
    out = []
    for aid, text in ARTICLES.items():
        article = Article(aid, text, "2023-05-12", f"title {aid}", "sample")
        ents = []
        for art, eid, kind, name, region, extra, aliases in ENTITIES:
            if art != aid:
                continue
            node = f"{PREFIX[kind]}:{extra if kind is Kind.DATE else name}"
            ents.append(Entity(eid, kind, name, aliases, _mentions(text, kind, (name, *aliases)), region=region,
                               value=extra if kind is Kind.DATE else None,
                               title=extra if kind is Kind.AGREEMENT else None, node=node, merge_reason="exact"))
        sentence = (0, len(text))
        rels = tuple(Relation(t, s, o, title, sentence) for art, t, s, o, title in RELATIONS if art == aid)
        out.append(Extraction(article, tuple(ents), rels))
    return out


def sample_graph():
    return graph.build(extractions())


def seeds_graph(out):
    """The seeds built into `out` as `kg build` does; the graph (it changes as extraction improves)."""
    from pathlib import Path

    from kg.pipeline import build

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    return build([seeds], out, jobs=1, cache=False).graph


def marked(doc, **kinds: list) -> Findings:
    """Findings with a mention of each listed surface at its first occurrence in `doc`, as a test's
    stand-in for earlier stages: marked(doc, organization=["香港大学"], date=[("5月3日", "2024-05-03")])."""
    out = []
    for kind, items in kinds.items():
        for item in items:
            surface, value = item if isinstance(item, tuple) else (item, None)
            at = doc.text.index(surface)
            out.append(doc.mention(Kind(kind), at, at + len(surface), "test", value=value))
    return Findings(tuple(out))
