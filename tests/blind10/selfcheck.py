"""Self-check of the blind10 gold: every name, alias, date mention and agreement title occurs in its
text (after t2s, whitespace removal, full-width brackets folded); every role org, party, organizer,
participant, event place and agreement event names a gold entry; the manifest lists every file.
Run: /tmp/venv/bin/python tests/blind10/selfcheck.py"""
import json, re, sys, csv
from pathlib import Path
import opencc
T2S = opencc.OpenCC('t2s').convert
ROOT = Path(__file__).resolve().parent
def norm_text(t):
    t = T2S(t)
    t = t.replace('（', '(').replace('）', ')').replace('\u3000', ' ')
    # remove whitespace except between two Latin letters/digits
    t = re.sub(r'(?<![A-Za-z0-9.])\s+|\s+(?![A-Za-z0-9])', '', t)
    return t
def norm_s(s):
    return s.replace('（', '(').replace('）', ')')
errors = []
lines = (ROOT/'texts/manifest.tsv').read_text(encoding='utf-8').splitlines()
assert lines[0].startswith('#'), 'manifest comment'
hdr = lines[1].split('\t'); assert hdr == ['id','file','published','title','source'], hdr
rows = [dict(zip(hdr, l.split('\t'))) for l in lines[2:] if l.strip()]
ids = [r['id'] for r in rows]
txts = sorted(p.stem for p in (ROOT/'texts').glob('*.txt'))
golds = sorted(p.stem for p in (ROOT/'gold').glob('*.json'))
if sorted(ids) != txts: errors.append(f'manifest {ids} vs texts {txts}')
if golds != txts: errors.append(f'gold {golds} vs texts {txts}')
for r in rows:
    aid = r['id']
    if r['file'] != aid + '.txt': errors.append(f'{aid}: file')
    if not re.fullmatch(r'202[2-6]-\d\d-\d\d', r['published']): errors.append(f'{aid}: published')
    raw = (ROOT/'texts'/r['file']).read_text(encoding='utf-8')
    text = norm_text(raw)
    g = json.loads((ROOT/'gold'/f'{aid}.json').read_text(encoding='utf-8'))
    if g['article'] != aid or g['published'] != r['published']: errors.append(f'{aid}: article/published')
    keys = ['article','published','persons','organizations','places','dates','events','agreements']
    if list(g) != keys: errors.append(f'{aid}: keys {list(g)}')
    def occurs(s, what):
        if norm_s(s) != T2S(norm_s(s)): errors.append(f'{aid}: not simplified {what} {s}')
        if re.search(r'[（）]', s): errors.append(f'{aid}: fullwidth bracket {what} {s}')
        ns = re.sub(r'(?<![A-Za-z0-9.])\s+|\s+(?![A-Za-z0-9])', '', norm_s(s))
        if ns not in text: errors.append(f'{aid}: {what} not in text: {s}')
    names = {}
    for typ in ['persons','organizations','places']:
        seen = set()
        for e in g[typ]:
            for k in (['name','aliases','roles','peripheral'] if typ=='persons' else ['name','aliases','region','peripheral']):
                if k not in e: errors.append(f'{aid}: {typ} {e.get("name")} lacks {k}')
            if e['name'] in seen: errors.append(f'{aid}: duplicate {typ} {e["name"]}')
            seen.add(e['name'])
            occurs(e['name'], typ)
            for a in e['aliases']: occurs(a, typ+' alias')
            if typ != 'persons' and e['region'] not in ('HK','SD','MO','CN','INTL',None): errors.append(f'{aid}: region {e}')
            names[e['name']] = typ
    orgs_places = {n for n,t in names.items() if t in ('organizations','places')}
    for p in g['persons']:
        for ro in p['roles']:
            if set(ro) != {'title','org'}: errors.append(f'{aid}: role keys {ro}')
            if ro['org'] is not None and ro['org'] not in orgs_places: errors.append(f'{aid}: role org {ro} of {p["name"]}')
    vals = set()
    for d in g['dates']:
        if d['value'] in vals: errors.append(f'{aid}: dup date {d["value"]}')
        vals.add(d['value'])
        if not re.fullmatch(r'\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?', d['value']): errors.append(f'{aid}: edtf {d}')
        for m in d['mentions']: occurs(m, 'date mention')
        if 'peripheral' not in d: errors.append(f'{aid}: date periph')
    evnames = set()
    places = {n for n,t in names.items() if t=='places'}
    persorg = {n for n,t in names.items() if t in ('persons','organizations')}
    for e in g['events']:
        evnames.add(e['name'])
        if set(e) != {'name','aliases','date','place','organizers','participants','peripheral'}: errors.append(f'{aid}: event keys {e["name"]}')
        if e['place'] is not None and e['place'] not in places: errors.append(f'{aid}: event place {e["place"]}')
        for x in e['organizers'] + e['participants']:
            if x not in persorg: errors.append(f'{aid}: event {e["name"]} member {x}')
        if len(set(e['participants'])) != len(e['participants']): errors.append(f'{aid}: dup participants {e["name"]}')
        if e['date'] is not None and not re.fullmatch(r'\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?', e['date']): errors.append(f'{aid}: event date {e}')
    for a in g['agreements']:
        if set(a) != {'title','kind','parties','date','event','peripheral'}: errors.append(f'{aid}: agreement keys')
        if a['title']: occurs(a['title'], 'agreement title')
        occurs(a['kind'], 'agreement kind')
        for x in a['parties']:
            if x not in names: errors.append(f'{aid}: party {x}')
        if a['event'] is not None and a['event'] not in evnames: errors.append(f'{aid}: agreement event {a["event"]}')
    print(aid, len(raw), {k: len(g[k]) for k in keys[2:]})
print('\n'.join(errors) if errors else 'CLEAN')
