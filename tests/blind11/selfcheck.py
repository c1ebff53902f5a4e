"""Self-check of the blind11 set (texts/ and gold/ beside this file).

What it checks, for every article listed in texts/manifest.tsv:
  * the manifest: a `#` comment first line, then the header `id file published title source`
    (tab-separated); every row's file exists, `id` is the file stem, `published` is YYYY-MM-DD in
    2022-2026; every texts/*.txt and every gold/*.json is listed;
  * the text has 800-3,000 Chinese characters;
  * the gold JSON parses, has exactly the GUIDELINES keys, `article`/`published` agree with the
    manifest, and every entry carries a boolean `peripheral`;
  * every string of the gold is simplified (OpenCC t2s leaves it unchanged) and uses `()` rather
    than full-width brackets;
  * every person/organisation/place name and alias, every date mention and every agreement title
    occurs in the text after t2s conversion, `（）` -> `()` and removal of whitespace next to a
    Chinese character (PDF spaces and line breaks);
  * regions are HK/SD/MO/CN/INTL/null; date values, event dates and agreement dates are EDTF
    (YYYY, YYYY-MM, YYYY-MM-DD or an interval of two of them);
  * every role org names a gold organisation or place of the same article; every event place
    names a gold place; every organizer/participant names a gold person or organisation; every
    agreement party names a gold person, organisation or place; every agreement event names a
    gold event; no name or alias is given twice within one type.

Run:  /tmp/venv/bin/python tests/blind11/selfcheck.py          (prints problems; exit 1 if any)
      /tmp/venv/bin/python tests/blind11/selfcheck.py --hints  (also lists spans of the text that
      look like names - ending in 公司/大学/局/会/... - and are not covered by any gold string, as a
      reading aid for the second, manual pass; hints are not errors)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import opencc

HERE = Path(__file__).resolve().parent
TEXTS, GOLD = HERE / "texts", HERE / "gold"
KEYS = ["article", "published", "persons", "organizations", "places", "dates", "events", "agreements"]
REGIONS = {"HK", "SD", "MO", "CN", "INTL", None}
_T2S = opencc.OpenCC("t2s")
_DAY = r"\d{4}(-\d{2}(-\d{2})?)?"
EDTF = re.compile(rf"^{_DAY}(/{_DAY})?$")
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2015\u201c\u201d\u00b7"
SPACE_NEAR_CJK = re.compile(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])")


def t2s(s: str) -> str:
    return _T2S.convert(s)


def normalize(text: str) -> str:
    text = t2s(text).replace("（", "(").replace("）", ")")
    prev = None
    while prev != text:  # runs of spaces around a full-width space need a second pass
        prev, text = text, SPACE_NEAR_CJK.sub("", text)
    return text


def strings_of(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from strings_of(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings_of(v)


def read_manifest(errors: list[str]) -> list[dict]:
    path = TEXTS / "manifest.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        errors.append("manifest: first line is not a # comment")
    body = [ln for ln in lines if not ln.startswith("#")]
    if not body or body[0].split("\t") != ["id", "file", "published", "title", "source"]:
        errors.append("manifest: bad header")
        return []
    rows = []
    for ln in body[1:]:
        cells = ln.split("\t")
        if len(cells) != 5:
            errors.append(f"manifest: row has {len(cells)} cells: {ln!r}")
            continue
        row = dict(zip(body[0].split("\t"), cells))
        if not (TEXTS / row["file"]).is_file():
            errors.append(f"manifest: missing file {row['file']}")
        if Path(row["file"]).stem != row["id"]:
            errors.append(f"manifest: id {row['id']} is not the stem of {row['file']}")
        if not re.fullmatch(r"202[2-6]-\d{2}-\d{2}", row["published"]):
            errors.append(f"manifest: bad published date {row['published']}")
        rows.append(row)
    ids = {r["id"] for r in rows}
    for p in TEXTS.glob("*.txt"):
        if p.stem not in ids:
            errors.append(f"manifest: text {p.name} not listed")
    for p in GOLD.glob("*.json"):
        if p.stem not in ids:
            errors.append(f"manifest: gold {p.name} has no manifest row")
    return rows


def check_article(row: dict, errors: list[str], hints: bool) -> None:
    aid = row["id"]
    err = lambda msg: errors.append(f"{aid}: {msg}")  # noqa: E731
    raw = (TEXTS / row["file"]).read_text(encoding="utf-8")
    n_cjk = len(re.findall(r"[\u4e00-\u9fff]", raw))
    if not 800 <= n_cjk <= 3000:
        err(f"text has {n_cjk} Chinese characters")
    text = normalize(raw)
    gpath = GOLD / f"{aid}.json"
    try:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        err(f"gold does not load: {e}")
        return
    if list(gold) != KEYS:
        err(f"gold keys {list(gold)}")
    if gold.get("article") != aid or gold.get("published") != row["published"]:
        err("article/published disagree with the manifest")
    for s in strings_of(gold):
        if t2s(s) != s:
            err(f"not simplified: {s!r}")
        if "（" in s or "）" in s:
            err(f"full-width bracket: {s!r}")

    def occurs(s: str, what: str) -> None:
        if s not in text:
            err(f"{what} {s!r} not in text")

    names: dict[str, set[str]] = {}
    for key in ("persons", "organizations", "places"):
        seen: set[str] = set()
        names[key] = set()
        for e in gold.get(key, []):
            if not isinstance(e.get("peripheral"), bool):
                err(f"{key} {e.get('name')!r}: peripheral missing")
            for s in [e["name"], *e.get("aliases", [])]:
                occurs(s, key[:-1])
                if s in seen:
                    err(f"{key}: {s!r} given twice")
                seen.add(s)
            names[key].add(e["name"])
            if key != "persons" and e.get("region") not in REGIONS:
                err(f"{key} {e['name']!r}: bad region {e.get('region')!r}")
    for p in gold.get("persons", []):
        for r in p.get("roles", []):
            if set(r) != {"title", "org"} or not r["title"]:
                err(f"person {p['name']!r}: bad role {r}")
            if r.get("org") is not None and r["org"] not in names["organizations"] | names["places"]:
                err(f"person {p['name']!r}: role org {r['org']!r} is no gold organisation or place")
    values = set()
    for d in gold.get("dates", []):
        if not EDTF.match(d.get("value", "")):
            err(f"date value {d.get('value')!r} is not EDTF")
        if d["value"] in values:
            err(f"date value {d['value']} given twice")
        values.add(d["value"])
        if not isinstance(d.get("peripheral"), bool):
            err(f"date {d['value']}: peripheral missing")
        if not d.get("mentions"):
            err(f"date {d['value']}: no mentions")
        for m in d.get("mentions", []):
            occurs(m, f"date {d['value']} mention")
    actors = names["persons"] | names["organizations"]
    events = set()
    for ev in gold.get("events", []):
        if ev["name"] in events:
            err(f"event {ev['name']!r} given twice")
        events.add(ev["name"])
        if set(ev) != {"name", "aliases", "date", "place", "organizers", "participants", "peripheral"}:
            err(f"event {ev['name']!r}: keys {sorted(ev)}")
        if ev.get("date") is not None and not EDTF.match(ev["date"]):
            err(f"event {ev['name']!r}: date {ev['date']!r} is not EDTF")
        if ev.get("place") is not None and ev["place"] not in names["places"]:
            err(f"event {ev['name']!r}: place {ev['place']!r} is no gold place")
        for a in ev.get("organizers", []) + ev.get("participants", []):
            if a not in actors:
                err(f"event {ev['name']!r}: {a!r} is no gold person or organisation")
        if not isinstance(ev.get("peripheral"), bool):
            err(f"event {ev['name']!r}: peripheral missing")
    for ag in gold.get("agreements", []):
        label = ag.get("title") or ag.get("kind")
        if set(ag) != {"title", "kind", "parties", "date", "event", "peripheral"}:
            err(f"agreement {label!r}: keys {sorted(ag)}")
        if ag.get("title"):
            occurs(ag["title"], "agreement title")
        if not ag.get("kind"):
            err(f"agreement {label!r}: no kind")
        for p in ag.get("parties", []):
            if p not in actors | names["places"]:
                err(f"agreement {label!r}: party {p!r} is no gold entry")
        if ag.get("date") is not None and not EDTF.match(ag["date"]):
            err(f"agreement {label!r}: date {ag['date']!r} is not EDTF")
        if ag.get("event") is not None and ag["event"] not in events:
            err(f"agreement {label!r}: event {ag['event']!r} is no gold event")
        if not isinstance(ag.get("peripheral"), bool):
            err(f"agreement {label!r}: peripheral missing")

    if hints:
        covered = [s for s in strings_of({k: gold[k] for k in ("persons", "organizations", "places")})]
        covered += [m for d in gold["dates"] for m in d["mentions"]]
        covered += [a["title"] for a in gold["agreements"] if a.get("title")]
        mask = text
        for s in sorted(set(covered), key=len, reverse=True):
            mask = mask.replace(s, "■" * len(s))
        pat = re.compile(r"[\u4e00-\u9fff()]{2,14}?(?:公司|集团|大学|学院|学系|局|厅|委员会|管委会|委|办|会|协会|商会|"
                         r"联合会|中心|研究院|研究所|实验室|政府|市|区|县|港|园|酒店|宾馆|基地|论坛|大会)")
        found = sorted({m.group(0) for m in pat.finditer(mask)})
        if found:
            print(f"{aid} hints: " + " ".join(found))


def main(argv: list[str]) -> int:
    errors: list[str] = []
    rows = read_manifest(errors)
    for row in rows:
        check_article(row, errors, "--hints" in argv)
    for e in errors:
        print(e)
    print(f"{len(rows)} articles checked, {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
