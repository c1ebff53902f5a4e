"""`Doc`: one article with its cleaned, simplified view; the input of every extractor."""
from __future__ import annotations

import bisect
import re
from sys import intern
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from kg.clean import View, clean
from kg.model import Article, Kind, Mention, Region
from kg.script import simplify

# sentence ends for evidence spans: Chinese and Latin stops, and line breaks
SENTENCE_END = re.compile(r"(?=[。！？!?；;\n])(?:[。！？!?；;]+|\n+)")  # (the lookahead lets the scan skip ahead)
ACTORS = (Kind.PERSON, Kind.ORGANIZATION, Kind.PLACE)  # who takes part in events and agreements
# what ends a clause: a comma, a stop, a colon, a line break
CLAUSE_MARK = re.compile(r"[,。;:!?\n]")


@dataclass(frozen=True)
class Doc:
    article: Article
    view: View

    @classmethod
    def of(cls, article: Article) -> "Doc":
        return cls(article, simplify(clean(article.text)))

    @cached_property
    def text(self) -> str:
        """The normalised simplified text extractors read (an attribute once read: asked everywhere)."""
        return self.view.text

    @property
    def raw(self) -> str:
        return self.article.text

    def to_raw(self, nstart: int, nend: int) -> tuple[int, int]:
        return self.view.to_raw(nstart, nend)

    def mention(self, kind: Kind, nstart: int, nend: int, rule: str, *, region: Region | None = None,
                value: str | None = None, peripheral: bool | None = None, title: str | None = None,
                agreement_kind: str | None = None) -> Mention:
        """A mention of view span [nstart, nend), carrying its raw offsets and text. Its strings are
        interned: a build holds a name's text once, however many mentions say it."""
        if nstart < nend:  # View.to_raw, inline
            raw_index = self.view.raw_index
            start, end = raw_index[nstart], raw_index[nend - 1] + 1
        else:
            start, end = self.view.to_raw(nstart, nend)
        if peripheral is None:
            peripheral = False
            for s, e in self.peripheral_zones:  # is_peripheral, inline
                if s <= nstart < e:
                    peripheral = True
                    break
        # the fields in Mention's order, given by position (a call by keyword costs more, made this often)
        return Mention(kind, start, end, intern(self.article.text[start:end]), intern(self.view.text[nstart:nend]),
                       nstart, nend, rule, value, region, peripheral, title, agreement_kind)

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Sentence spans of the view, [start, end) with the closing stop included."""
        out, start = [], 0
        for m in SENTENCE_END.finditer(self.text):
            if m.end() > start:
                out.append((start, m.end()))
            start = m.end()
        if start < len(self.text):
            out.append((start, len(self.text)))
        return tuple(out)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The start of each sentence, computed once: sentence_at is asked for many positions."""
        return [s for s, _ in self.sentences]

    def sentence_at(self, npos: int) -> tuple[int, int]:
        """The view span of the sentence holding view position npos."""
        k = bisect.bisect_right(self.sentence_starts, npos) - 1
        return self.sentences[max(k, 0)] if self.sentences else (0, len(self.text))

    def actors(self, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
        """The persons, organisations and places among mentions that lie inside no longer one
        (match.outermost): events, their slots and agreements all ask it of the same mentions,
        so it is worked out once per article for them."""
        from kg.extract.match import outermost

        found = tuple([m for m in mentions if m.kind in ACTORS])
        # keyed by the mentions' ids (hashing the mentions themselves runs Mention.__hash__ on each
        # of them at every question), the mentions kept beside the answer to check the key against
        ids = tuple(map(id, found))
        hit = self._actors.get(ids)
        if hit is not None and hit[0] == found:
            return hit[1]
        got = tuple(outermost(found))
        self._actors[ids] = (found, got)
        return got

    @cached_property
    def _actors(self) -> dict[tuple[int, ...], tuple[tuple[Mention, ...], tuple[Mention, ...]]]:
        return {}

    @cached_property
    def clause_ends(self) -> list[int]:
        """The view position right after each clause mark (CLAUSE_MARK), in order, found once."""
        return [m.end() for m in CLAUSE_MARK.finditer(self.text)]

    def clause_start(self, npos: int, floor: int = 0) -> int:
        """Where the clause holding view position npos starts: right after the last clause mark
        before npos, and not before floor (the clause's sentence, say)."""
        k = bisect.bisect_right(self.clause_ends, npos) - 1
        return max(self.clause_ends[k], floor) if k >= 0 else floor

    def evidence(self, *npositions: int) -> tuple[int, int]:
        """Raw offsets of the smallest run of sentences covering the given view positions."""
        sentences, starts = self.sentences, self.sentence_starts
        if not sentences:
            return self.view.to_raw(0, len(self.text))
        lo = hi = None
        for p in npositions:  # sentence_at of each, inline: asked tens of times per article
            s, e = sentences[max(bisect.bisect_right(starts, p) - 1, 0)]
            if lo is None or s < lo:
                lo = s
            if hi is None or e > hi:
                hi = e
        got = self._evidence.get((lo, hi))
        if got is None:  # one tuple for each span, however many relations cite it: a build keeps them all
            got = self._evidence[(lo, hi)] = self.view.to_raw(lo, hi)
        return got

    @cached_property
    def _evidence(self) -> dict[tuple[int, int], tuple[int, int]]:
        return {}

    @cached_property
    def peripheral_zones(self) -> tuple[tuple[int, int], ...]:
        from kg.extract.zones import peripheral_zones
        return peripheral_zones(self.text)

    def is_peripheral(self, npos: int) -> bool:
        for s, e in self.peripheral_zones:  # (a loop, not any() over a generator: asked for every mention)
            if s <= npos < e:
                return True
        return False
