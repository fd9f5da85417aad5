# Generates tests/Cli.Tests/BadInputs/files/* and cases.tsv from data-samples (python3 tests/Cli.Tests/BadInputs/make_corpus.py .); the output is committed.
import json, os, zipfile, io, sys, copy
root = sys.argv[1]
data = os.path.join(root, 'data-samples')
out = os.path.join(root, 'tests/Cli.Tests/BadInputs')
files = os.path.join(out, 'files')
os.makedirs(files, exist_ok=True)
base = json.load(open(os.path.join(data, 'scenario.json')))
# Scenarios in files/ refer to the sample data one folder up (the test copies data-samples next to files/).
for k in ['zones', 'sites']:
    base[k]['file'] = '../' + base[k]['file']
base['zones']['boundaries'] = '../zones.geojson'
for j in base['zones'].get('joins') or []:
    j['file'] = '../' + j['file']
base['network']['osm'] = '../region.osm.pbf'
base['transit']['gtfs'] = ['../bus-gtfs.zip']
base['placement']['candidates']['file'] = '../community_sites.csv'
base['providers']['file'] = '../care_homes.csv'
cases = []  # (id, args, exit, fragments)

def fast(s):
    """Car only, no transit/placement/providers: cheap when it gets past validation."""
    s['modes'] = ['car']; s['transit'] = None; s['placement'] = None; s['providers'] = None
    return s

def scen(name, mutate, exit_code, *frags, small=True, extra=''):
    s = copy.deepcopy(base)
    if small: fast(s)
    mutate(s)
    p = os.path.join(files, name)
    with open(p, 'w') as f: json.dump(s, f, indent=1)
    cases.append((name.rsplit('.',1)[0], f'run {{w}}/files/{name} --out {{o}} --no-maps --network {{net}}{extra}', exit_code, (name,) + frags))

def raw(name, content, mode='w'):
    p = os.path.join(files, name)
    with open(p, mode) as f: f.write(content)
    return name

def setp(path, value):
    def m(s):
        cur = s
        for k in path[:-1]: cur = cur[k]
        cur[path[-1]] = value
    return m

def full_setp(path, value):
    def m(s):
        cur = s
        for k in path[:-1]: cur = cur[k]
        cur[path[-1]] = value
    return m

# --- the crashes named in the issue
S = lambda *a, **k: scen(*a, **k)
S('options_null.json', setp(['options'], None), 3, '$.options')
S('name_null.json', setp(['name'], None), 3, '$.name')
def pl(mut):
    def m(s):
        s['placement'] = copy.deepcopy(base['placement']); mut(s)
    return m
S('placement_problem_null.json', pl(setp(['placement','problem'], None)), 3, '$.placement.problem')
S('placement_existing_null.json', pl(setp(['placement','existing'], None)), 3, '$.placement.existing')
S('providers_file_null.json', setp(['providers'], {'file': None}), 3, '$.providers.file')
S('snap_negative.json', setp(['network','maxSnapMetres'], -5), 3, '$.network.maxSnapMetres')
# --- types, ranges, nullability
S('snap_zero.json', setp(['network','maxSnapMetres'], 0), 3, '$.network.maxSnapMetres')
S('snap_huge.json', setp(['network','maxSnapMetres'], 1e9), 3, '$.network.maxSnapMetres')
S('snap_text.json', setp(['network','maxSnapMetres'], 'far'), 3, '$.network.maxSnapMetres')
S('timeband_unknown.json', setp(['network','timeBand'], 'rush_hour'), 3, '$.network.timeBand', 'off_peak')
S('network_null_osm.json', setp(['network','osm'], None), 3, 'network.osm', extra_dummy:='') if False else None
S('modes_null.json', setp(['modes'], None), 3, '$.modes')
S('modes_empty.json', setp(['modes'], []), 3, '$.modes')
S('modes_unknown.json', setp(['modes'], ['boat']), 3, '$.modes[0]', 'boat')
S('modes_twice.json', setp(['modes'], ['car','car']), 3, '$.modes[1]')
S('modes_item_null.json', setp(['modes'], [None]), 3, '$.modes[0]')
S('modes_string.json', setp(['modes'], 'car'), 3, '$.modes')
S('modes_number.json', setp(['modes'], [7]), 3, '$.modes')
S('services_empty.json', setp(['services'], []), 3, '$.services')
S('services_blank.json', setp(['services'], ['outpatients', '']), 3, '$.services[1]')
S('services_twice.json', setp(['services'], ['outpatients','outpatients','urgent_care']), 3, '$.services[1]')
S('services_item_null.json', setp(['services'], ['outpatients', None]), 3, '$.services[1]')
S('baseline_null.json', setp(['baseline'], None), 3, '$.baseline')
S('baseline_id_blank.json', setp(['baseline','id'], ''), 3, '$.baseline.id')
S('baseline_id_null.json', setp(['baseline','id'], None), 3, '$.baseline.id')
S('baseline_sites_empty.json', setp(['baseline','sites'], {}), 3, '$.baseline.sites')
S('baseline_sites_null.json', setp(['baseline','sites'], None), 3, '$.baseline.sites')
S('baseline_site_services_null.json', setp(['baseline','sites','H1'], None), 3, '$.baseline.sites.H1')
S('baseline_site_service_item_null.json', setp(['baseline','sites','H1'], [None]), 3, '$.baseline.sites.H1[0]')
S('baseline_site_service_unknown.json', setp(['baseline','sites','H1'], ['dentistry','outpatients','urgent_care']), 3, '$.baseline.sites.H1[0]', 'dentistry')
S('baseline_site_unknown.json', setp(['baseline','sites','ZZ9'], ['outpatients']), 3, '$.baseline.sites.ZZ9', 'ZZ9')
S('options_item_null.json', setp(['options'], [None]), 3, '$.options[0]')
S('options_string.json', setp(['options'], 'A'), 3, '$.options')
S('options_duplicate_id.json', lambda s: s['options'].__setitem__(1, dict(s['options'][1], id='A')), 3, '$.options[1].id', "'A'")
S('options_sites_null.json', setp(['options', 0, 'sites'], None), 3, '$.options[0].sites')
S('option_misses_service.json', setp(['options', 0, 'sites'], {'H1': ['outpatients']}), 3, '$.options[0].sites', 'urgent_care')
S('option_allocation_blank.json', setp(['options', 0, 'allocation'], {'file': ''}), 3, '$.options[0].allocation.file')
S('zones_null.json', setp(['zones'], None), 3, '$.zones')
S('zones_file_blank.json', setp(['zones','file'], ''), 3, '$.zones.file')
S('zones_file_null.json', setp(['zones','file'], None), 3, '$.zones.file')
S('zones_joins_item_null.json', setp(['zones','joins'], [None]), 3, '$.zones.joins[0]')
S('zones_join_no_columns.json', setp(['zones','joins'], [{'file': '../zones.csv', 'key': 'zone_id', 'columns': {}}]), 3, '$.zones.joins[0].columns')
S('zones_extra_item_null.json', setp(['zones','extra'], [None]), 3, '$.zones.extra[0]')
S('sites_null.json', setp(['sites'], None), 3, '$.sites')
S('sites_file_blank.json', setp(['sites','file'], ''), 3, '$.sites.file')
S('sites_where_value_null.json', setp(['sites','where'], {'kind': None}), 3, '$.sites.where.kind')
S('sites_also_item_null.json', setp(['sites','also'], [None]), 3, '$.sites.also[0]')
def tr(mut):
    def m(s):
        s['transit'] = copy.deepcopy(base['transit']); mut(s)
    return m
S('transit_date_bad.json', tr(setp(['transit','date'], '2024-13-45')), 3, '$.transit.date', '2024-13-45')
S('transit_window_reversed.json', tr(setp(['transit','window'], '10:00-07:00')), 3, '$.transit.window')
S('transit_window_text.json', tr(setp(['transit','window'], 'mornings')), 3, '$.transit.window')
S('transit_walk_negative.json', tr(setp(['transit','maxWalkMinutes'], -1)), 3, '$.transit.maxWalkMinutes')
S('transit_gtfs_blank.json', tr(setp(['transit','gtfs'], [''])), 3, '$.transit.gtfs[0]')
S('transit_gtfs_null.json', tr(setp(['transit','gtfs'], None)), 3, '$.transit.gtfs')
S('placement_p_zero.json', pl(setp(['placement','p'], 0)), 3, '$.placement.p')
S('placement_threshold_negative.json', pl(setp(['placement','threshold'], -3)), 3, '$.placement.threshold')
S('placement_problem_unknown.json', pl(setp(['placement','problem'], 'best')), 3, '$.placement.problem', 'best')
S('placement_mode_unknown.json', pl(setp(['placement','mode'], 'rocket')), 3, '$.placement.mode', 'rocket')
S('placement_existing_item_null.json', pl(setp(['placement','existing'], [None])), 3, '$.placement.existing[0]')
S('placement_p_fraction.json', pl(setp(['placement','p'], 1.5)), 3, '$.placement.p')
S('equality_negative.json', setp(['equality'], {'relativeMargin': -1}), 3, '$.equality')
S('matrices_layout_bad.json', setp(['matrices'], {'car': {'file': '../zones.csv', 'layout': 'diagonal'}}), 3, '$.matrices.car.layout')
S('matrices_mode_bad.json', setp(['matrices'], {'boat': {'file': '../zones.csv'}}), 3, '$.matrices.boat')
S('matrices_spec_null.json', setp(['matrices'], {'car': None}), 3, '$.matrices.car')
S('demand_zonekey_bad.json', setp(['demand'], {'file': '../zones.csv', 'zoneKey': 'postcode'}), 3, '$.demand.zoneKey')
S('zones_file_missing.json', setp(['zones','file'], 'no_such_zones.csv'), 3, 'no_such_zones.csv')
S('sites_file_missing.json', setp(['sites','file'], 'no_such_sites.csv'), 3, 'no_such_sites.csv')
S('boundaries_missing.json', setp(['zones','boundaries'], 'no_such.geojson'), 3, 'no_such.geojson')
S('costs_missing.json', setp(['costs'], 'no_such_costs.json'), 3, 'no_such_costs.json')
# whole-document problems
for name, content, frag in [
    ('root_array.json', '[]', '$'), ('root_null.json', 'null', 'empty'), ('empty.json', '', 'scenario'),
    ('truncated.json', json.dumps(base)[:400], 'scenario'), ('trailing_garbage.json', json.dumps(base) + ' }}}', 'scenario'),
    ('deep_nesting.json', '{"name":' + '[' * 2000 + ']' * 2000 + '}', '$.name'), ('not_json.json', 'name = "x"', 'scenario'),
]:
    raw(name, content)
    cases.append((name[:-5], f'run {{w}}/files/{name} --out {{o}} --no-maps', 3, (name, frag)))
raw('latin1.json', json.dumps(fast(copy.deepcopy(base))).replace('"Sample region', '"Sample r\u00e9gion').encode('latin-1'), 'wb')
cases.append(('latin1', 'run {w}/files/latin1.json --out {o} --no-maps', 3, ('latin1.json:1', 'UTF-8')))
# YAML
laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
prev = 'a'
for n in 'bcdefghi':
    laughs += f'{n}: &{n} [' + ','.join(['*' + prev] * 9) + ']\n'; prev = n
laughs += 'name: *i\n'
raw('billion_laughs.yaml', laughs)
cases.append(('billion_laughs', 'run {w}/files/billion_laughs.yaml --out {o}', 3, ('billion_laughs.yaml', 'aliases')))
raw('yaml_syntax.yaml', 'name: x\nmodes: [car\nservices: [a]\n')
cases.append(('yaml_syntax', 'run {w}/files/yaml_syntax.yaml --out {o}', 3, ('yaml_syntax.yaml:', 'YAML')))
raw('yaml_list_key.yaml', '? [a, b]\n: c\n')
cases.append(('yaml_list_key', 'run {w}/files/yaml_list_key.yaml --out {o}', 3, ('yaml_list_key.yaml:1', 'key')))
raw('yaml_deep.yaml', 'name: ' + '[' * 200 + ']' * 200 + '\n')
cases.append(('yaml_deep', 'run {w}/files/yaml_deep.yaml --out {o}', 3, ('yaml_deep.yaml', 'nested')))
def yaml_of(s):
    return json.dumps(s)  # JSON is YAML
y = fast(copy.deepcopy(base)); y['name'] = None
raw('yaml_name_null.yaml', yaml_of(y).replace('"name": null', 'name: ~', 1).replace('{"name": null', '{"name": ~'))
cases.append(('yaml_name_null', 'run {w}/files/yaml_name_null.yaml --out {o} --network {net}', 3, ('yaml_name_null.yaml', '$.name')))
y = fast(copy.deepcopy(base)); y['options'] = None
raw('yaml_options_null.yaml', yaml_of(y))
cases.append(('yaml_options_null', 'run {w}/files/yaml_options_null.yaml --out {o} --network {net}', 3, ('yaml_options_null.yaml', '$.options')))
raw('yaml_empty.yaml', '')
cases.append(('yaml_empty', 'run {w}/files/yaml_empty.yaml --out {o}', 3, ('yaml_empty.yaml', 'empty')))
# CSV inputs
zones = open(os.path.join(data, 'zones.csv'), 'rb').read().split(b'\n')
def csv_case(name, content, frags, which='zones', extra=''):
    raw(name, content, 'wb')
    s = fast(copy.deepcopy(base))
    if which == 'zones': s['zones']['file'] = name; s['zones']['boundaries'] = None
    else: s['sites']['file'] = name
    sname = 'uses_' + name.replace('.csv', '.json')
    with open(os.path.join(files, sname), 'w') as f: json.dump(s, f, indent=1)
    cases.append((sname[:-5], f'run {{w}}/files/{sname} --out {{o}} --no-maps --network {{net}}{extra}', 3, (name,) + frags))
z = list(zones); z[6] = z[6].replace(b'Harrowby', b'Harr\xf6wby', 1)
csv_case('zones_cp1252.csv', b'\n'.join(z), (':7', 'UTF-8', '--encoding windows-1252'))
z = list(zones); z[4] = z[4].replace(b',', b',"unclosed', 1)
csv_case('zones_unclosed_quote.csv', b'\n'.join(z), (':5', 'quoted'))
z = list(zones); z[3] = z[3].replace(b'-1.3', b'west', 1)
csv_case('zones_lon_text.csv', b'\n'.join(z), (':4', 'lon'), extra=' --strict')
csv_case('zones_empty.csv', b'', ('empty',))
csv_case('zones_header_only.csv', zones[0] + b'\n', ('zones_header_only.csv',))
z = list(zones); z[0] = z[0].replace(b'zone_id', b'code', 1)
csv_case('zones_no_id_column.csv', b'\n'.join(z), ('zone_id',))
z = list(zones); z[5] = z[2]
csv_case('zones_duplicate_id.csv', b'\n'.join(z), ('S01000002',), extra=' --strict')
z = list(zones); z[3] = z[3].replace(b'50.3', b'95.3', 1)
csv_case('zones_lat_out_of_range.csv', b'\n'.join(z), (':4',), extra=' --strict')
z = list(zones); z[1] = z[1].replace(b',1849,', b',-5,', 1)
csv_case('zones_population_negative.csv', b'\n'.join(z), (':2', 'population'), extra=' --strict')
sites = open(os.path.join(data, 'sites.csv'), 'rb').read().split(b'\n')
s2 = list(sites); s2[2] = s2[2].replace(b'Kingsford', b'K\xe9ngsford', 1)
csv_case('sites_cp1252.csv', b'\n'.join(s2), (':3', 'UTF-8'), which='sites')
s2 = list(sites); s2[1] = s2[1].replace(b'-1.3484828', b'', 1)
csv_case('sites_lon_blank.csv', b'\n'.join(s2), (':2',), which='sites', extra=' --strict')
csv_case('sites_empty.csv', b'', ('empty',), which='sites')
s2 = list(sites); s2[3] = s2[1]
csv_case('sites_duplicate_id.csv', b'\n'.join(s2), ('H1',), which='sites', extra=' --strict')
raw('boundaries_broken.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature"')
s = fast(copy.deepcopy(base)); s['zones']['boundaries'] = 'boundaries_broken.geojson'
json.dump(s, open(os.path.join(files, 'uses_boundaries_broken.json'), 'w'))
cases.append(('uses_boundaries_broken', 'run {w}/files/uses_boundaries_broken.json --out {o} --no-maps --network {net}', 3, ('boundaries_broken.geojson',)))
# Crashes found by fuzzing (fuzz/run.sh), kept as regression cases: the files are committed as found.
for fz, why in [('fuzz_geojson_geometry_type.geojson', 'GeoJSON'), ('fuzz_geojson_not_utf8.geojson', 'UTF-8')]:
    s = fast(copy.deepcopy(base)); s['zones']['boundaries'] = fz
    sname = 'uses_' + fz.replace('.geojson', '.json')
    json.dump(s, open(os.path.join(files, sname), 'w'))
    cases.append((sname[:-5], f'run {{w}}/files/{sname} --out {{o}} --no-maps --network {{net}}', 3, (fz, why)))
cases.append(('fuzz_yaml_unsupported_event', 'run {w}/files/fuzz_yaml_unsupported_event.yaml --out {o}', 3, ('fuzz_yaml_unsupported_event.yaml', 'YAML')))
# GTFS feeds (transit only, prebuilt network)
gtfs = zipfile.ZipFile(os.path.join(data, 'bus-gtfs.zip'))
def feed(name, mutate):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        entries = {n: gtfs.read(n) for n in gtfs.namelist()}
        mutate(entries)
        for n, b in entries.items(): z.writestr(n, b)
    return buf.getvalue()
def gtfs_case(name, content, exit_code, frags, matrix=True):
    raw(name, content, 'wb')
    s = copy.deepcopy(base); fast(s); s['modes'] = ['transit']; s['transit'] = copy.deepcopy(base['transit']); s['transit']['gtfs'] = [name]
    sname = 'uses_' + name.replace('.zip', '.json')
    json.dump(s, open(os.path.join(files, sname), 'w'))
    cases.append((sname[:-5], f'run {{w}}/files/{sname} --out {{o}} --no-maps --network {{net}}', exit_code, frags))
    if matrix:
        cases.append(('matrix_' + name[:-4], f'matrix --network {{net}} --mode transit --gtfs {{w}}/files/{name} --date 2024-03-05 --window 07:00-10:00 --origins {{w}}/zones.csv --destinations {{w}}/sites.csv --out {{o}}/m.csv', exit_code, frags))
good = open(os.path.join(data, 'bus-gtfs.zip'), 'rb').read()
b = bytearray(good); i = b.find(b'PK\x01\x02')
for k in range(i + 10, i + 40): b[k] ^= 0x5A
gtfs_case('gtfs_central_directory.zip', bytes(b), 3, ('gtfs_central_directory.zip', 'zip'))
b = bytearray(good); i = b.find(b'PK\x05\x06'); b = b[:i + 8] + bytes([0x77, 0x77]) + b[i + 10:]
gtfs_case('gtfs_eocd_count.zip', bytes(b), 3, ('gtfs_eocd_count.zip', 'zip'), matrix=False)
b = bytearray(good); i = b.find(b'stop_times.txt', b.find(b'PK\x03\x04', 1000)) + 40
for k in range(i, i + 64): b[k] ^= 0xA5
gtfs_case('gtfs_deflate_damaged.zip', bytes(b), 3, ('gtfs_deflate_damaged.zip',), matrix=False)
gtfs_case('gtfs_not_a_zip.zip', b'stop_id,stop_name\n1,a\n', 3, ('gtfs_not_a_zip.zip', 'zip'))
gtfs_case('gtfs_no_stops.zip', feed('x', lambda e: e.pop('stops.txt')), 3, ('stops.txt',), matrix=False)
gtfs_case('gtfs_no_stop_lat.zip', feed('x', lambda e: e.__setitem__('stops.txt', e['stops.txt'].replace(b'stop_lat', b'stop_latitude'))), 5, ('gtfs_no_stop_lat.zip', '0 of'), matrix=False)
def far(e):
    lines = e['stops.txt'].decode().splitlines(); hdr = lines[0].split(','); la = hdr.index('stop_lat'); lo = hdr.index('stop_lon')
    out = [lines[0]]
    for l in lines[1:]:
        f = l.split(','); f[la] = '57.1'; f[lo] = '-4.2'; out.append(','.join(f))
    e['stops.txt'] = ('\n'.join(out) + '\n').encode()
gtfs_case('gtfs_stops_far_away.zip', feed('x', far), 5, ('gtfs_stops_far_away.zip', '0 of', 'linked'))
gtfs_case('gtfs_empty_zip.zip', feed('x', lambda e: e.clear()), 3, ('stops.txt',), matrix=False)
# appraise
cases += [
    ('appraise_options_null', 'appraise {w}/files/options_null.json --out {o}', 3, ('options_null.json', '$.options')),
    ('appraise_matrix_missing', 'appraise {w}/files/appraise_base.json --out {o} --matrix car={w}/files/no_such_matrix.csv', 3, ('no_such_matrix.csv',)),
    ('appraise_matrix_bad_mode', 'appraise {w}/files/appraise_base.json --out {o} --matrix boat={w}/zones.csv', 2, ('boat',)),
    ('appraise_matrix_no_equals', 'appraise {w}/files/appraise_base.json --out {o} --matrix car', 2, ('MODE=FILE',)),
    ('appraise_matrix_bad_minutes', 'appraise {w}/files/appraise_base.json --out {o} --matrix car={w}/files/matrix_bad_minutes.csv --strict', 3, ('matrix_bad_minutes.csv:3',)),
    ('appraise_matrix_cp1252', 'appraise {w}/files/appraise_base.json --out {o} --matrix car={w}/files/matrix_cp1252.csv', 3, ('matrix_cp1252.csv:2', 'UTF-8')),
    ('appraise_no_matrix_for_mode', 'appraise {w}/files/appraise_base.json --out {o}', 3, ('car',)),
    ('appraise_out_is_file', 'appraise {w}/files/appraise_base.json --out {w}/zones.csv --matrix car={w}/files/matrix_good.csv', 4, ('zones.csv', 'file')),
    ('appraise_scenario_missing', 'appraise {w}/files/no_such_scenario.json --out {o}', 3, ('no_such_scenario.json',)),
]
s = fast(copy.deepcopy(base)); s['network'] = None
json.dump(s, open(os.path.join(files, 'appraise_base.json'), 'w'))
zl = [l.split(b',')[0] for l in zones[1:] if l.strip()]
sl = [l.split(b',')[0] for l in sites[1:] if l.strip()]
rows = [b'origin_id,destination_id,minutes'] + [o + b',' + d + b',12.5' for o in zl for d in sl]
raw('matrix_good.csv', b'\n'.join(rows) + b'\n', 'wb')
r2 = list(rows); r2[2] = r2[2].replace(b'12.5', b'twelve')
raw('matrix_bad_minutes.csv', b'\n'.join(r2) + b'\n', 'wb')
r3 = list(rows); r3[1] = r3[1].replace(b',12.5', b'\xa3,12.5')
raw('matrix_cp1252.csv', b'\n'.join(r3) + b'\n', 'wb')
# results folder conflicts
raw('not_results/notes.txt'.replace('/', '_'), 'my notes')
cases += [
    ('run_out_is_file', 'run {w}/files/appraise_base.json --out {w}/zones.csv --network {net}', 4, ('zones.csv', 'file')),
    ('run_out_not_results', 'run {w}/scenario.json --out {w}/files --network {net}', 4, ('files', 'summary.json')),
    ('appraise_out_not_results', 'appraise {w}/scenario.json --out {w}/net', 4, ('net', 'summary.json')),
    ('run_out_holds_scenario', 'run {w}/files/appraise_base.json --out {w} --network {net}', 4, ('input',)),
    ('run_out_under_file', 'run {w}/files/appraise_base.json --out {w}/zones.csv/results --network {net}', 4, ('zones.csv',)),
    ('run_no_scenario', 'run --out {o}', 2, ('scenario',)),
    ('run_scenario_missing', 'run {w}/files/no_such_scenario.json --out {o}', 3, ('no_such_scenario.json', 'not found')),
    ('run_threads_zero', 'run {w}/files/appraise_base.json --out {o} --threads 0', 2, ('--threads',)),
    ('run_network_missing', 'run {w}/files/appraise_base.json --out {o} --network {w}/files/no_such.geonet', 3, ('no_such.geonet',)),
    ('run_network_garbage', 'run {w}/files/appraise_base.json --out {o} --network {w}/files/garbage.geonet', 3, ('garbage.geonet', 'geo build-network')),
    ('run_osm_missing', 'run {w}/files/osm_missing.json --out {o} --no-maps', 3, ('osm_missing.json', 'network.osm')),
    ('run_osm_garbage', 'run {w}/files/osm_garbage.json --out {o} --no-maps', 3, ('garbage.osm.pbf',)),
]
raw('garbage.geonet', 'this is not a network\n')
raw('garbage.osm.pbf', b'\x00\x00\x00\x0dnot protobuf at all, just bytes' * 3, 'wb')
s = fast(copy.deepcopy(base)); s['network']['osm'] = 'no_such.osm.pbf'
json.dump(s, open(os.path.join(files, 'osm_missing.json'), 'w'))
s = fast(copy.deepcopy(base)); s['network']['osm'] = 'garbage.osm.pbf'
json.dump(s, open(os.path.join(files, 'osm_garbage.json'), 'w'))
# matrix / isochrone / basemap / build-network
M = 'matrix --network {net} --mode car --origins {w}/zones.csv --destinations {w}/sites.csv'
cases += [
    ('matrix_network_missing', 'matrix --network {w}/files/no_such.geonet --mode car --origins {w}/zones.csv --destinations {w}/sites.csv --out {o}/m.csv', 3, ('no_such.geonet',)),
    ('matrix_network_garbage', 'matrix --network {w}/files/garbage.geonet --mode car --origins {w}/zones.csv --destinations {w}/sites.csv --out {o}/m.csv', 3, ('garbage.geonet',)),
    ('matrix_mode_unknown', 'matrix --network {net} --mode boat --origins {w}/zones.csv --destinations {w}/sites.csv --out {o}/m.csv', 2, ('boat',)),
    ('matrix_origins_missing', 'matrix --network {net} --mode car --origins {w}/files/no_such.csv --destinations {w}/sites.csv --out {o}/m.csv', 3, ('no_such.csv',)),
    ('matrix_origins_cp1252', 'matrix --network {net} --mode car --origins {w}/files/zones_cp1252.csv --destinations {w}/sites.csv --out {o}/m.csv', 3, ('zones_cp1252.csv:7', 'UTF-8')),
    ('matrix_origins_lon_text', 'matrix --network {net} --mode car --origins {w}/files/zones_lon_text.csv --destinations {w}/sites.csv --out {o}/m.csv --strict', 3, ('zones_lon_text.csv:4',)),
    ('matrix_origins_empty', 'matrix --network {net} --mode car --origins {w}/files/zones_empty.csv --destinations {w}/sites.csv --out {o}/m.csv', 3, ('zones_empty.csv',)),
    ('matrix_destinations_unclosed', 'matrix --network {net} --mode car --origins {w}/zones.csv --destinations {w}/files/zones_unclosed_quote.csv --out {o}/m.csv', 3, ('zones_unclosed_quote.csv:5',)),
    ('matrix_out_not_table', M + ' --out {w}/files', 2, ('.csv or .parquet',)),
    ('matrix_out_is_folder', M + ' --out {w}/taken.csv', 4, ('taken.csv',)),
    ('matrix_out_under_file', M + ' --out {w}/zones.csv/m.csv', 4, ('zones.csv', 'is a file')),
    ('matrix_out_extension', M + ' --out {o}/m.xlsx', 2, ('.xlsx',)),
    ('matrix_snap_negative', M + ' --out {o}/m.csv --max-snap-metres -5', 2, ('--max-snap-metres',)),
    ('matrix_time_band_bad', M + ' --out {o}/m.csv --time-band rush', 2, ('rush',)),
    ('matrix_speeds_missing', M + ' --out {o}/m.csv --speeds {w}/files/no_such_speeds.csv', 3, ('no_such_speeds.csv',)),
    ('matrix_origin_column_missing', M + ' --out {o}/m.csv --origin-id nope', 3, ('nope',)),
    ('matrix_transit_no_date', 'matrix --network {net} --mode transit --gtfs {w}/bus-gtfs.zip --origins {w}/zones.csv --destinations {w}/sites.csv --out {o}/m.csv', 2, ('--date',)),
    ('matrix_transit_date_bad', 'matrix --network {net} --mode transit --gtfs {w}/bus-gtfs.zip --date 2024-02-31 --origins {w}/zones.csv --destinations {w}/sites.csv --out {o}/m.csv', 2, ('2024-02-31',)),
    ('matrix_transit_gtfs_missing', 'matrix --network {net} --mode transit --gtfs {w}/files/no_such.zip --date 2024-03-05 --window 07:00-10:00 --origins {w}/zones.csv --destinations {w}/sites.csv --out {o}/m.csv', 3, ('no_such.zip',)),
    ('isochrone_at_text', 'isochrone --network {net} --mode walk --at here --minutes 10 --out {o}/i.geojson', 2, ('--at',)),
    ('isochrone_at_out_of_range', 'isochrone --network {net} --mode walk --at 200,100 --minutes 10 --out {o}/i.geojson', 2, ('--at',)),
    ('isochrone_minutes_negative', 'isochrone --network {net} --mode walk --at -1.35,50.35 --minutes -5 --out {o}/i.geojson', 2, ('--minutes',)),
    ('isochrone_network_missing', 'isochrone --network {w}/files/no_such.geonet --mode walk --at -1.35,50.35 --minutes 10 --out {o}/i.geojson', 3, ('no_such.geonet',)),
    ('isochrone_far_point', 'isochrone --network {net} --mode walk --at 10.0,60.0 --minutes 10 --out {o}/i.geojson', 5, ('10',)),
    ('isochrone_at_and_points', 'isochrone --network {net} --mode walk --at -1.35,50.35 --points {w}/sites.csv --minutes 10 --out {o}/i.geojson', 2, ('--points',)),
    ('isochrone_points_missing', 'isochrone --network {net} --mode walk --points {w}/files/no_such.csv --minutes 10 --out {o}/i.geojson', 3, ('no_such.csv',)),
    ('isochrone_points_all_far', 'isochrone --network {net} --mode walk --points {w}/files/far_points.csv --minutes 10 --out {o}/i.geojson', 5, ('far_points.csv',)),
    ('isochrone_transit_no_gtfs', 'isochrone --network {net} --mode transit --date 2024-03-05 --window 07:00-08:00 --at -1.35,50.35 --minutes 30 --out {o}/i.geojson', 2, ('--gtfs',)),
    ('isochrone_transit_no_window', 'isochrone --network {net} --mode transit --gtfs {w}/bus-gtfs.zip --date 2024-03-05 --at -1.35,50.35 --minutes 30 --out {o}/i.geojson', 2, ('--window',)),
    ('isochrone_percentile_zero', 'isochrone --network {net} --mode transit --gtfs {w}/bus-gtfs.zip --date 2024-03-05 --window 07:00-08:00 --percentile 0 --at -1.35,50.35 --minutes 30 --out {o}/i.geojson', 2, ('--percentile',)),
    ('basemap_network_garbage', 'basemap --network {w}/files/garbage.geonet --out {o}/b.geojson', 3, ('garbage.geonet',)),
    ('basemap_network_missing', 'basemap --network {w}/files/no_such.geonet --out {o}/b.geojson', 3, ('no_such.geonet',)),
    ('build_network_osm_missing', 'build-network --osm {w}/files/no_such.osm.pbf --out {o}/n.geonet', 3, ('no_such.osm.pbf',)),
    ('build_network_osm_garbage', 'build-network --osm {w}/files/garbage.osm.pbf --out {o}/n.geonet', 3, ('garbage.osm.pbf',)),
    ('build_network_osm_text', 'build-network --osm {w}/zones.csv --out {o}/n.geonet', 3, ('zones.csv',)),
    ('build_network_osm_truncated', 'build-network --osm {w}/files/truncated.osm.pbf --out {o}/n.geonet', 3, ('truncated.osm.pbf',)),
    ('build_network_profiles_broken', 'build-network --osm {w}/region.osm.pbf --profiles {w}/files/truncated.json --out {o}/n.geonet', 3, ('truncated.json',)),
    ('build_network_out_is_folder', 'build-network --osm {w}/region.osm.pbf --out {w}/taken.geonet', 4, ('taken.geonet', 'folder')),
    ('nearest_matrix_missing', 'nearest --matrix {w}/files/no_such.csv --providers {w}/care_homes.csv --out {o}/n.csv', 3, ('no_such.csv',)),
    ('nearest_matrix_cp1252', 'nearest --matrix {w}/files/matrix_cp1252.csv --out {o}/n.csv', 3, ('matrix_cp1252.csv:2',)),
    ('nearest_matrix_bad_minutes', 'nearest --matrix {w}/files/matrix_bad_minutes.csv --out {o}/n.csv --strict', 3, ('matrix_bad_minutes.csv:3',)),
    ('nearest_providers_missing', 'nearest --matrix {w}/files/matrix_good.csv --providers {w}/files/no_such_providers.csv --out {o}/n.csv', 3, ('no_such_providers.csv',)),
    ('place_problem_unknown', 'place --problem best --matrix {w}/files/matrix_good.csv --zones {w}/zones.csv --candidates {w}/sites.csv -p 1 --out {o}', 2, ('best',)),
    ('place_p_zero', 'place --problem pmedian --matrix {w}/files/matrix_good.csv --zones {w}/zones.csv --candidates {w}/sites.csv -p 0 --out {o}', 2, ('p >= 1',)),
    ('place_matrix_missing', 'place --problem pmedian --matrix {w}/files/no_such.csv --zones {w}/zones.csv --candidates {w}/sites.csv -p 1 --out {o}', 3, ('no_such.csv',)),
    ('place_matrix_bad_minutes', 'place --problem pmedian --matrix {w}/files/matrix_bad_minutes.csv --zones {w}/zones.csv --candidates {w}/sites.csv -p 1 --out {o} --strict', 3, ('matrix_bad_minutes.csv:3',)),
    ('place_zones_cp1252', 'place --problem pmedian --matrix {w}/files/matrix_good.csv --zones {w}/files/zones_cp1252.csv --candidates {w}/sites.csv -p 1 --out {o}', 3, ('zones_cp1252.csv:7',)),
    ('place_need_bad', 'place --problem pmedian --matrix {w}/files/matrix_good.csv --zones {w}/zones.csv --candidates {w}/sites.csv -p 1 --need "population*" --out {o}', 2, ('--need', 'population*')),
    ('map_results_missing', 'map --results {w}/files/no_such_results --out {o}/m.png', 3, ('no_such_results',)),
    ('map_layer_unknown', 'map --results {w}/files --layer nope --out {o}/m.png', 2, ('nope',)),
    ('serve_port_bad', 'serve --results {w}/files --port 70000', 2, ('70000',)),
    ('serve_host_name', 'serve --results {w}/files --host example.org --port 0', 2, ('example.org',)),
    ('serve_results_missing', 'serve --results {w}/files/no_such_results --port 0', 3, ('no_such_results',)),
    ('serve_allow_host_bad', 'serve --results {w}/files --port 0 --allow-host http://x', 2, ('allow-host',)),
    ('sample_out_is_file', 'sample --out {w}/zones.csv', 4, ('zones.csv',)),
    ('unknown_command', 'frobnicate --out {o}', 2, ('frobnicate',)),
    ('matrix_no_options', 'matrix', 2, ('--network',)),
    ('map_out_is_folder', 'map --results {w}/files/no_such_results --out {w}/taken.png', 3, ('no_such_results',)),
]
# --- input row issues (skipped and listed by default; errors with --strict), limits, encodings, YAML lines
z = list(zones); z[4] = b',' + z[4].split(b',', 1)[1]
csv_case('zones_empty_id.csv', b'\n'.join(z), (':5', 'zone_id', 'empty'), extra=' --strict')
z = [zones[0]] + [b','.join(f[:2] + [b'west'] + f[3:]) for f in (l.split(b',') for l in zones[1:] if l.strip())]
csv_case('zones_all_bad.csv', b'\n'.join(z) + b'\n', ('no valid', 'west'))
s2 = list(sites); s2[1] = s2[1].replace(b'-1.3484828', b'', 1)
raw('sites_lon_blank_lenient.csv', b'\n'.join(s2), 'wb')
s = fast(copy.deepcopy(base)); s['sites']['file'] = 'sites_lon_blank_lenient.csv'
json.dump(s, open(os.path.join(files, 'uses_sites_lon_blank_lenient.json'), 'w'), indent=1)
cases.append(('uses_sites_lon_blank_lenient', 'run {w}/files/uses_sites_lon_blank_lenient.json --out {o} --no-maps --network {net}', 3, ('H1', 'sites_lon_blank_lenient.csv:2', 'skipped')))
r4 = list(rows); r4.insert(3, r4[2])
raw('matrix_duplicate_pair.csv', b'\n'.join(r4) + b'\n', 'wb')
r5 = list(rows); r5[2] = r5[2].replace(b'12.5', b'1500')
raw('matrix_over_a_day.csv', b'\n'.join(r5) + b'\n', 'wb')
providers = open(os.path.join(data, 'care_homes.csv'), 'rb').read().split(b'\n')
p2 = list(providers); p2[2] = p2[2] + b',extra'
raw('providers_wide_row.csv', b'\n'.join(p2), 'wb')
cases += [
    ('appraise_matrix_duplicate_pair', 'appraise {w}/files/appraise_base.json --out {o} --matrix car={w}/files/matrix_duplicate_pair.csv --strict', 3, ('matrix_duplicate_pair.csv:4', 'twice')),
    ('place_matrix_over_a_day', 'place --problem pmedian --matrix {w}/files/matrix_over_a_day.csv --zones {w}/zones.csv --candidates {w}/sites.csv -p 1 --out {o} --strict', 3, ('matrix_over_a_day.csv:3', '24 hours')),
    ('nearest_providers_wide_row', 'nearest --matrix {w}/files/matrix_good.csv --providers {w}/files/providers_wide_row.csv --out {o}/n.csv --strict', 3, ('providers_wide_row.csv:3', 'fields')),
    ('matrix_destinations_all_bad', 'matrix --network {net} --mode car --origins {w}/zones.csv --destinations {w}/files/zones_all_bad.csv --out {o}/m.csv', 3, ('zones_all_bad.csv', 'no valid rows', 'line 2')),
    ('matrix_encoding_unknown', 'matrix --network {net} --mode car --origins {w}/zones.csv --destinations {w}/sites.csv --out {o}/m.csv --encoding ebcdic', 2, ('ebcdic', 'windows-1252')),
    ('run_encoding_unknown', 'run {w}/files/appraise_base.json --out {o} --network {net} --encoding utf-16', 2, ('utf-16',)),
    ('appraise_matrix_cp1252_hint', 'appraise {w}/files/appraise_base.json --out {o} --matrix car={w}/files/matrix_cp1252.csv', 3, ('matrix_cp1252.csv:2', '--encoding windows-1252')),
    # Files over the limits are written by the test into its temporary copy (BadInputTests.WriteOverLimitFiles), never committed.
    ('limit_file_size_matrix', 'matrix --network {net} --mode car --origins {w}/files/generated_over_size.csv --destinations {w}/sites.csv --out {o}/m.csv', 3, ('generated_over_size.csv', '64 GiB', 'Limits')),
    ('limit_file_size_appraise', 'appraise {w}/files/appraise_base.json --out {o} --matrix car={w}/files/generated_over_size.csv', 3, ('generated_over_size.csv', '64 GiB')),
    ('limit_field_length', 'matrix --network {net} --mode car --origins {w}/zones.csv --destinations {w}/files/generated_long_field.csv --out {o}/m.csv', 3, ('generated_long_field.csv:2', '65,536')),
    ('limit_columns', 'nearest --matrix {w}/files/generated_many_columns.csv --out {o}/n.csv', 3, ('generated_many_columns.csv:1', '100,000')),
]
s = fast(copy.deepcopy(base)); s['zones']['file'] = 'generated_long_field.csv'; s['zones']['boundaries'] = None
json.dump(s, open(os.path.join(files, 'uses_generated_long_field.json'), 'w'), indent=1)
cases.append(('limit_field_length_run', 'run {w}/files/uses_generated_long_field.json --out {o} --no-maps --network {net}', 3, ('generated_long_field.csv:2', '65,536')))
# YAML scenarios: an error naming a JSON path names the YAML line too.
import yaml
def yaml_case(name, mutate, path, key, frags, needle=None):
    s = fast(copy.deepcopy(base)); mutate(s)
    text = yaml.safe_dump(s, sort_keys=False, default_flow_style=False, width=1000)
    lines = text.split('\n')
    line = next(i + 1 for i, l in enumerate(lines) if (needle or key) in l)
    raw(name, text)
    cases.append((name.rsplit('.', 1)[0], f'run {{w}}/files/{name} --out {{o}} --no-maps --network {{net}}', 3, (f'{name}:{line}', path) + frags))
def set_placement_p(s):
    s['placement'] = copy.deepcopy(base['placement']); s['placement']['p'] = 0
yaml_case('yaml_placement_p_zero.yaml', set_placement_p, '$.placement.p', '  p: 0', ())
yaml_case('yaml_mode_unknown.yaml', lambda s: s.__setitem__('modes', ['car', 'boat']), '$.modes[1]', '- boat', ('boat',))
yaml_case('yaml_snap_text.yaml', lambda s: s['network'].__setitem__('maxSnapMetres', 'far'), '$.network.maxSnapMetres', 'maxSnapMetres', ())
yaml_case('yaml_baseline_site_unknown.yaml', lambda s: s['baseline']['sites'].__setitem__('ZZ9', ['outpatients']), '$.baseline.sites.ZZ9', '    ZZ9:', ('ZZ9',))
raw('truncated.osm.pbf', open(os.path.join(data, 'region.osm.pbf'), 'rb').read()[:1500], 'wb')
raw('truncated.json', '{"car": {"speeds": ', 'w')
raw('far_points.csv', 'id,lon,lat\nP1,10.0,60.0\nP2,11.0,61.0\n')
with open(os.path.join(out, 'cases.tsv'), 'w') as f:
    f.write('# id\tcommand ({w} = work folder with data-samples and files/, {net} = sample network, {o} = output that must not exist afterwards)\texit\tstderr must contain (all of, separated by " && ")\n')
    for c in cases:
        if c is None: continue
        f.write(f'{c[0]}\t{c[1]}\t{c[2]}\t{" && ".join(c[3])}\n')
print(len([c for c in cases if c]), 'cases')
