"""Self-check of the dev16 evaluation set (texts/ and gold/ beside this file).

Run:  /tmp/venv/bin/python tests/dev16/selfcheck.py      (from /work/main; needs opencc)
Exit status 0 when there is no ERROR; WARN and REVIEW lines do not fail the run.

ERROR checks (the set's own consistency, not the extractor):
  manifest   texts/manifest.tsv starts with a '#' comment, then the header
             `id file published title source`; one row per text file; id is the file stem;
             published is YYYY-MM-DD within 2022-2026; every text has a row and a gold file.
  schema     every gold file parses as JSON and has exactly the GUIDELINES keys; `article` and
             `published` match the manifest; each entry has its fields with the right types and a
             boolean `peripheral`; regions are HK/SD/MO/CN/INTL/null.
  strings    every gold string is simplified (OpenCC t2s leaves it unchanged), has no full-width
             brackets （） and no whitespace next to a Chinese character.
  occurs     every person/organisation/place name and alias, every date mention and every
             agreement title occurs in the article text after: OpenCC t2s, removal of whitespace
             between two characters of which one is Chinese and the other Chinese or a digit
             (PDF/OCR spaces and line breaks), and （）-> ().
  refs       every role org is a gold organisation or place; every agreement party, event
             organizer and participant is a gold person, organisation or place; every event place
             is a gold place; every agreement event is a gold event; no name is listed twice
             within a type; an alias is never another entry's name of the same type.
  edtf       date values, event dates and agreement dates are EDTF (YYYY, YYYY-MM, YYYY-MM-DD
             or an interval A/B of those with A <= B); date values are distinct.
  length     each article has 800-3000 Chinese characters.
WARN: an event name or alias that does not occur in the text (allowed for descriptive names
  of unnamed events, listed so that each can be confirmed).
REVIEW (the second pass, for a human reader): date-like expressions and relative day words,
  and organisation-like spans (ending in 公司/大学/局/厅/会/院/中心/办/署 ...), that no gold
  entry covers. Each must be read and either added to the gold or dismissed.
"""
import json
import os
import re
import sys

import opencc

HERE = os.path.dirname(os.path.abspath(__file__))
TEXTS = os.path.join(HERE, 'texts')
GOLD = os.path.join(HERE, 'gold')
T2S = opencc.OpenCC('t2s')
HAN = r'\u3400-\u9fff\uf900-\ufaff'
REGIONS = {'HK', 'SD', 'MO', 'CN', 'INTL', None}
KEYS = ['article', 'published', 'persons', 'organizations', 'places', 'dates', 'events', 'agreements']
FIELDS = {
    'persons': {'name': str, 'aliases': list, 'roles': list, 'peripheral': bool},
    'organizations': {'name': str, 'aliases': list, 'region': (str, type(None)), 'peripheral': bool},
    'places': {'name': str, 'aliases': list, 'region': (str, type(None)), 'peripheral': bool},
    'dates': {'value': str, 'mentions': list, 'peripheral': bool},
    'events': {'name': str, 'aliases': list, 'date': (str, type(None)), 'place': (str, type(None)),
               'organizers': list, 'participants': list, 'peripheral': bool},
    'agreements': {'title': (str, type(None)), 'kind': str, 'parties': list,
                   'date': (str, type(None)), 'event': (str, type(None)), 'peripheral': bool},
}
EDTF1 = re.compile(r'^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$')

errors, warns, reviews = [], [], []


def err(aid, msg):
    errors.append(f'ERROR {aid}: {msg}')


def normalize(text):
    text = T2S.convert(text)
    pat = re.compile(rf'(?<=[{HAN}])\s+(?=[{HAN}0-9])|(?<=[{HAN}0-9])\s+(?=[{HAN}])')
    text = pat.sub('', text)
    return text.replace('（', '(').replace('）', ')')


def edtf_ok(v):
    if v is None:
        return True
    parts = v.split('/')
    if len(parts) == 1:
        return bool(EDTF1.match(v))
    if len(parts) == 2 and all(EDTF1.match(p) for p in parts):
        # compare on the shared precision: 2019/2025, 2025-04-14/2025-04-17, 2024-01/2024-10
        a, b = (tuple(int(x) for x in p.split('-')) for p in parts)
        n = min(len(a), len(b))
        return a[:n] < b[:n] or (a[:n] == b[:n] and len(a) != len(b))
    return False


def strings_of(g):
    for key in KEYS[2:]:
        for e in g[key]:
            for f, v in e.items():
                if isinstance(v, str):
                    yield key, v
                elif isinstance(v, list):
                    for x in v:
                        if isinstance(x, str):
                            yield key, x
                        elif isinstance(x, dict):
                            for y in x.values():
                                if isinstance(y, str):
                                    yield key, y


def read_manifest():
    path = os.path.join(TEXTS, 'manifest.tsv')
    lines = open(path, encoding='utf-8').read().splitlines()
    rows = {}
    if not lines or not lines[0].startswith('#'):
        err('manifest', 'first line is not a # comment')
    if len(lines) < 2 or lines[1].split('\t') != ['id', 'file', 'published', 'title', 'source']:
        err('manifest', 'second line is not the header id/file/published/title/source')
    for ln in lines[2:]:
        if not ln.strip():
            continue
        f = ln.split('\t')
        if len(f) != 5:
            err('manifest', f'row has {len(f)} fields: {ln!r}')
            continue
        aid, fn, pub, title, src = f
        if fn != aid + '.txt':
            err('manifest', f'{aid}: file {fn} is not <id>.txt')
        if not re.match(r'^20(2[2-6])-\d\d-\d\d$', pub):
            err('manifest', f'{aid}: published {pub} not YYYY-MM-DD in 2022-2026')
        if not title or not src:
            err('manifest', f'{aid}: empty title or source')
        if aid in rows:
            err('manifest', f'{aid}: listed twice')
        rows[aid] = pub
    texts = {f[:-4] for f in os.listdir(TEXTS) if f.endswith('.txt')}
    golds = {f[:-5] for f in os.listdir(GOLD) if f.endswith('.json')}
    for t in sorted(texts - set(rows)):
        err('manifest', f'{t}.txt not listed')
    for t in sorted(set(rows) - texts):
        err('manifest', f'{t} listed but no text file')
    for t in sorted(texts ^ golds):
        err('manifest', f'{t}: text and gold files do not pair up')
    return rows


ORG_RX = re.compile('有限公司|公司|集团|大学|学院|研究院|实验室|局|厅|署|港澳办|办公室|委员会|政府|交易所|商会|协会|'
                    '联合会|总会|中心|学系|医院|管委会|电台|商报|日报')
DATE_RX = re.compile(r'(\d{4}年(\d{1,2}月(\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|'
                     r'\d{4}-\d{2}-\d{2}|[〇零一二三四五六七八九]{4}年|'
                     r'(?<![月\d])\d{1,2}日|今日|今天|昨日|昨天|明日|明天|次日|翌日|当天|当日|同日|本月|上月|下月|当月|'
                     r'今年|去年|明年|上周[一二三四五六日]|本周[一二三四五六日]|下周[一二三四五六日]|当年)')


def check(aid, pub):
    gpath = os.path.join(GOLD, aid + '.json')
    try:
        g = json.load(open(gpath, encoding='utf-8'))
    except Exception as e:  # noqa: BLE001
        err(aid, f'gold does not parse: {e}')
        return
    if list(g.keys()) != KEYS:
        err(aid, f'top-level keys {list(g.keys())}')
        return
    if g['article'] != aid or g['published'] != pub:
        err(aid, f'article/published {g["article"]}/{g["published"]} differ from manifest')
    raw = open(os.path.join(TEXTS, aid + '.txt'), encoding='utf-8').read()
    text = normalize(raw)
    nhan = len(re.findall(f'[{HAN}]', raw))
    if not 800 <= nhan <= 3000:
        err(aid, f'{nhan} Chinese characters, outside 800-3000')
    for key, fields in FIELDS.items():
        for e in g[key]:
            if set(e) != set(fields):
                err(aid, f'{key} entry keys {sorted(e)}')
                continue
            for f, t in fields.items():
                if not isinstance(e[f], t):
                    err(aid, f'{key} {e.get("name") or e.get("value") or e.get("title")}: {f} has type {type(e[f]).__name__}')
            if 'region' in e and e['region'] not in REGIONS:
                err(aid, f'{key} {e["name"]}: region {e["region"]}')
            for r in e.get('roles', []):
                if set(r) != {'title', 'org'} or not r['title']:
                    err(aid, f'person {e["name"]}: bad role {r}')
    for key, s in strings_of(g):
        if T2S.convert(s) != s:
            err(aid, f'{key}: {s!r} is not simplified (t2s gives {T2S.convert(s)!r})')
        if '（' in s or '）' in s:
            err(aid, f'{key}: {s!r} has full-width brackets')
        if re.search(rf'[{HAN}]\s|\s[{HAN}]', s):
            err(aid, f'{key}: {s!r} has whitespace next to a Chinese character')
    # occurrence
    for key in ('persons', 'organizations', 'places'):
        for e in g[key]:
            for s in [e['name']] + e['aliases']:
                if s not in text:
                    err(aid, f'{key}: {s!r} not in text')
            if e['name'] in e['aliases']:
                err(aid, f'{key}: {e["name"]} lists itself as alias')
    for d in g['dates']:
        if not d['mentions']:
            err(aid, f'date {d["value"]} has no mention')
        for m in d['mentions']:
            if m not in text:
                err(aid, f'date mention {m!r} not in text')
    for a in g['agreements']:
        if a['title'] is not None and a['title'] not in text:
            err(aid, f'agreement title {a["title"]!r} not in text')
    for ev in g['events']:
        for s in [ev['name']] + ev['aliases']:
            if s not in text:
                warns.append(f'WARN  {aid}: event name {s!r} not in text (descriptive?)')
    # references and duplicates
    names = {k: [e['name'] for e in g[k]] for k in ('persons', 'organizations', 'places', 'events')}
    for k, ns in names.items():
        dup = {n for n in ns if ns.count(n) > 1}
        if dup:
            err(aid, f'{k}: duplicate names {sorted(dup)}')
        for e in g[k]:
            for al in e['aliases']:
                if al in ns:
                    err(aid, f'{k}: alias {al!r} of {e["name"]} is another entry\'s name')
    orgs_places = set(names['organizations']) | set(names['places'])
    actors = orgs_places | set(names['persons'])
    for p in g['persons']:
        for r in p['roles']:
            if r['org'] is not None and r['org'] not in orgs_places:
                err(aid, f'person {p["name"]}: role org {r["org"]!r} is not a gold org/place')
    for ev in g['events']:
        if ev['place'] is not None and ev['place'] not in names['places']:
            err(aid, f'event {ev["name"]}: place {ev["place"]!r} is not a gold place')
        for x in ev['organizers'] + ev['participants']:
            if x not in actors:
                err(aid, f'event {ev["name"]}: {x!r} is not a gold person/org/place')
        if not edtf_ok(ev['date']):
            err(aid, f'event {ev["name"]}: date {ev["date"]!r} not EDTF')
    for a in g['agreements']:
        for x in a['parties']:
            if x not in actors:
                err(aid, f'agreement {a["title"] or a["kind"]}: party {x!r} is not a gold person/org/place')
        if a['event'] is not None and a['event'] not in names['events']:
            err(aid, f'agreement {a["title"] or a["kind"]}: event {a["event"]!r} is not a gold event')
        if not edtf_ok(a['date']):
            err(aid, f'agreement {a["title"] or a["kind"]}: date {a["date"]!r} not EDTF')
        if not a['parties']:
            warns.append(f'WARN  {aid}: agreement {a["title"] or a["kind"]} has no parties')
    vals = [d['value'] for d in g['dates']]
    for v in vals:
        if not edtf_ok(v):
            err(aid, f'date value {v!r} not EDTF')
    if len(vals) != len(set(vals)):
        err(aid, f'duplicate date values {sorted({v for v in vals if vals.count(v) > 1})}')
    # second-pass aids: date-like words and organisation-like heads that no gold string covers
    def mask(strings):
        cov = [False] * len(text)
        for st in set(strings):
            if not st:
                continue
            i = text.find(st)
            while i >= 0:
                for j in range(i, i + len(st)):
                    cov[j] = True
                i = text.find(st, i + 1)
        return cov

    dcov = mask([m for d in g['dates'] for m in d['mentions']])
    for m in DATE_RX.finditer(text):
        if not any(dcov[m.start():m.end()]):
            ctx = text[max(0, m.start() - 8):m.end() + 8].replace('\n', ' ')
            reviews.append(f'REVIEW {aid}: date-like {m.group(0)!r} uncovered: …{ctx}…')
    known = [s for k in ('persons', 'organizations', 'places') for e in g[k] for s in [e['name']] + e['aliases']]
    known += [e['name'] for e in g['events']] + [e for ev in g['events'] for e in ev['aliases']]
    known += [a['title'] for a in g['agreements'] if a['title']]
    ocov = mask(known)
    for m in ORG_RX.finditer(text):
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        if before in '签副' or after == '长':  # 签署, 副局长, 局长/厅长/署长: titles and verbs
            continue
        if not any(ocov[m.start():m.end()]):
            ctx = text[max(0, m.start() - 10):m.end() + 2].replace('\n', ' ')
            reviews.append(f'REVIEW {aid}: org-like head {m.group(0)!r} uncovered: …{ctx}…')


def main():
    rows = read_manifest()
    for aid, pub in sorted(rows.items()):
        if os.path.exists(os.path.join(GOLD, aid + '.json')) and os.path.exists(os.path.join(TEXTS, aid + '.txt')):
            check(aid, pub)
    verbose = '-q' not in sys.argv
    for line in errors + warns + (reviews if verbose else []):
        print(line)
    print(f'{len(rows)} articles: {len(errors)} errors, {len(warns)} warnings, {len(reviews)} review items')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
