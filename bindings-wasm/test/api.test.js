// The package's own API: metadata, errors and their fields, exact decimals, batches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import init, { CchcError, Ruleset, codes, engineVersion, toJsonText } from 'cchc-wasm';

const ROOT = new URL('../../', import.meta.url);
const SPEC_EXAMPLE = readFileSync(new URL('rules/examples/spec-example.yaml', ROOT), 'utf8');

const DECIMALS = `
format: cchc/1
id: test.wasm-decimals
version: "1"
title: Kiểm thử số thập phân
total: 10
inputs:
  so_sang_kien: { type: count, label: Số sáng kiến }
  diem: { type: number, min: 0, max: 9, label: Điểm hội đồng }
criteria:
  - { id: "1", title: Sáng kiến, max: 1, rule: { per: { input: so_sang_kien, points: 0.1 } } }
  - { id: "2", title: Điểm hội đồng thẩm định, max: 9, rule: { value: diem } }
`;

const SMALL = `
format: cchc/1
id: test.wasm-small
version: "1"
title: Kiểm thử nhỏ
total: 2
inputs:
  kh: { type: bool, label: Kế hoạch }
  tl: { type: percent, label: Tỷ lệ }
grades:
  - { id: tot, label: Tốt, at_least: 80 }
  - { id: yeu, label: Yếu, at_least: 0 }
criteria:
  - { id: "1", title: Kế hoạch, max: 1, rule: { check: kh } }
  - { id: "2", title: Tỷ lệ, max: 1, rule: { scale: { input: tl, from: 0, to: 100 } } }
`;

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}

test('init() resolves in Node (the module is loaded on import)', async () => {
  await init();
  assert.match(engineVersion(), /^\d+\.\d+\.\d+/);
});

test('ruleset metadata, inputs and criteria', () => {
  const rs = Ruleset.fromYaml(SPEC_EXAMPLE, 'rules/examples/spec-example.yaml');
  assert.equal(rs.id, 'ha-noi.thach-that.xa');
  assert.equal(rs.version, '2021.1');
  assert.equal(rs.title, 'Bộ tiêu chí xác định Chỉ số CCHC của UBND xã, thị trấn');
  assert.match(rs.fingerprint, /^sha256:[0-9a-f]{64}$/);
  const inputs = rs.inputs();
  assert.deepEqual(inputs.map((i) => i.name), [
    'kh_ban_hanh_dung_han', 'ty_le_hoan_thanh_kh', 'so_bao_cao_tre', 'ho_so_tiep_nhan',
    'ho_so_dung_han', 'so_sang_kien', 'diem_khao_sat', 'bao_cao_nam',
  ]);
  const survey = inputs.find((i) => i.name === 'diem_khao_sat');
  assert.equal(survey.type, 'number');
  assert.equal(survey.min, 1);
  assert.equal(survey.max, 5);
  assert.deepEqual(inputs.find((i) => i.name === 'bao_cao_nam').options, ['dung_han', 'cham', 'khong_gui']);
  assert.equal(inputs.find((i) => i.name === 'so_sang_kien').on_missing, 'zero');
  const criteria = rs.criteria();
  assert.deepEqual(criteria.map((c) => c.id), ['1', '2', '3', '4', 'T']);
  assert.deepEqual(criteria[0].children.map((c) => c.id), ['1.1', '1.2', '1.3', '1.4']);
  assert.equal(criteria[4].kind, 'bonus');
  // The same text loads to the same fingerprint.
  assert.equal(Ruleset.fromYaml(SPEC_EXAMPLE).fingerprint, rs.fingerprint);
  rs.free();
});

test('a ruleset that does not load throws a CchcError with every problem and its place', () => {
  const bad = SMALL.replace('total: 2', 'total: 3').replace('title: Kiểm thử nhỏ', 'title: Kiểm thử nhỏ\nisued_by: UBND');
  const e = thrown(() => Ruleset.fromYaml(bad, 'xa.yaml'));
  assert.ok(e instanceof CchcError);
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'CchcError');
  assert.deepEqual([...new Set(e.errors.map((d) => d.code))].sort(), ['max_mismatch', 'unknown_key']);
  assert.equal(e.code, e.errors[0].code);
  const unknown = e.errors.find((d) => d.code === 'unknown_key');
  assert.equal(unknown.file, 'xa.yaml');
  assert.equal(unknown.line, 6);
  assert.equal(unknown.column, 1);
  assert.match(unknown.help, /issued_by/); // "did you mean" is the help, not the message
  for (const d of e.errors) {
    assert.deepEqual(Object.keys(d).sort(), [
      'code', 'column', 'criterion', 'end_column', 'end_line', 'file', 'help', 'labels', 'line', 'message',
    ]);
  }
  assert.equal(e.file, e.errors[0].file);
  assert.equal(e.line, e.errors[0].line);
  assert.equal(e.column, e.errors[0].column);
  assert.match(e.message, /^xa\.yaml:\d+:\d+: .+ \[(unknown_key|max_mismatch)\] \(và 1 lỗi khác\)$/);
  const en = thrown(() => Ruleset.fromYaml(bad, { origin: 'xa.yaml', lang: 'en' }));
  assert.match(en.message, /^xa\.yaml:\d+:\d+: .+ \[(unknown_key|max_mismatch)\] \(and 1 more problem\)$/);
  assert.deepEqual(en.errors.map((d) => [d.code, d.line, d.column]), e.errors.map((d) => [d.code, d.line, d.column]));
  const three = new CchcError([{ code: 'a' }, { code: 'b' }, { code: 'c' }], { lang: 'en' });
  assert.match(three.message, /\(and 2 more problems\)$/);
});

test('a load error names its criterion', () => {
  const bad = SMALL.replace('{ id: "2", title: Tỷ lệ, max: 1, rule: { scale: { input: tl, from: 0, to: 100 } } }',
    '{ id: "2", title: Tỷ lệ, max: 1, rule: { scale: { input: tl, from: 50, to: 50 } } }');
  const e = thrown(() => Ruleset.fromYaml(bad));
  assert.equal(e.code, 'invalid_scale');
  assert.equal(e.criterion, '2');
  assert.equal(e.file, '<ruleset>');
  assert.ok(e.line > 0 && e.column > 0);
});

test('YAML syntax errors and unsupported formats', () => {
  assert.equal(thrown(() => Ruleset.fromYaml('format: [cchc/1\n')).code, 'yaml_syntax');
  assert.equal(thrown(() => Ruleset.fromYaml(SMALL.replace('cchc/1', 'cchc/2'))).code, 'unsupported_format');
  assert.ok(thrown(() => Ruleset.fromYaml(42)) instanceof TypeError);
});

test('data that cannot be read throws a CchcError with the data codes', () => {
  const rs = Ruleset.fromYaml(SMALL);
  const empty = thrown(() => rs.scoreText('', 'csv'));
  assert.ok(empty instanceof CchcError);
  assert.equal(empty.code, 'empty_csv');
  const syntax = thrown(() => rs.scoreManyJson('{"units": [', false, 'lo.json'));
  assert.equal(syntax.code, 'data_syntax');
  assert.equal(syntax.file, 'lo.json');
  assert.ok(syntax.line >= 1);
  assert.equal(thrown(() => rs.scoreManyJson('42')).code, 'data_shape');
  assert.equal(thrown(() => rs.scoreText('id,kh\na,1\n', 'xml')).code, 'data_shape');
  // score() takes one unit; a list goes to scoreMany().
  assert.equal(thrown(() => rs.score([{ id: 'a', values: {} }])).code, 'data_shape');
  assert.equal(thrown(() => rs.scoreJson('{"units": [{"id": "a"}]}')).code, 'data_shape');
});

test('decimal exactness: per 0.1 × 3 = 0.3, and 3.7 reads back 3.7', () => {
  const rs = Ruleset.fromYaml(DECIMALS);
  const r = rs.score({ id: 'a', values: { so_sang_kien: 3, diem: 3.7 } });
  assert.equal(r.status, 'complete');
  const [per, value] = r.criteria;
  assert.equal(per.points, 0.3);
  assert.equal(String(per.points), '0.3');
  assert.equal(value.points, 3.7);
  assert.equal(String(value.points), '3.7');
  assert.equal(String(r.total), '4');
  assert.equal(String(r.index), '40');
  // The JSON twin prints the exact decimals.
  const text = rs.scoreJson('{"id": "a", "values": {"so_sang_kien": 3, "diem": 3.7}}');
  assert.match(text, /"points":0\.3[,}]/);
  assert.match(text, /"points":3\.7[,}]/);
  assert.match(text, /"total":4[,}]/);
  // 0.1 + 0.2 written as text is exact too.
  const sum = JSON.parse(rs.scoreJson('{"id": "b", "values": {"so_sang_kien": 1, "diem": 0.30}}'));
  assert.equal(sum.total, 0.4);
  // A number with more digits than a decimal holds is an invalid value, never rounded.
  const long = JSON.parse(rs.scoreJson('{"id": "c", "values": {"so_sang_kien": 1, "diem": 1.00000000000000000000000000001}}'));
  assert.equal(long.status, 'error');
  assert.deepEqual(long.errors.map((e) => e.code), ['inexact_number']);
});

test('plain objects and JSON text give the same result', () => {
  const rs = Ruleset.fromYaml(SPEC_EXAMPLE);
  const unit = {
    id: 'binh-phu',
    name: 'UBND xã Bình Phú',
    kind: 'xa',
    values: {
      kh_ban_hanh_dung_han: true, ty_le_hoan_thanh_kh: 92.5, so_bao_cao_tre: 1, ho_so_tiep_nhan: 120,
      ho_so_dung_han: 118, so_sang_kien: 3, diem_khao_sat: 4.2, bao_cao_nam: 'cham',
    },
    self_assessed: { '1.1': 1, '1.2': 1 },
  };
  const a = rs.score(unit);
  const b = JSON.parse(rs.scoreJson(JSON.stringify(unit)));
  assert.deepEqual(a, b);
  assert.equal(a.status, 'complete');
  assert.equal(a.unit.name, 'UBND xã Bình Phú');
  assert.equal(a.ruleset.fingerprint, rs.fingerprint);
  const n12 = a.criteria[0].children[1];
  assert.equal(n12.id, '1.2');
  assert.equal(n12.self_assessed, 1);
  assert.equal(n12.delta, -0.5);
  assert.equal(typeof n12.trace, 'string');
  assert.ok(n12.trace.length > 0);
});

test('non-finite numbers are not_finite, BigInt is exact, null is missing', () => {
  const rs = Ruleset.fromYaml(DECIMALS);
  assert.match(toJsonText({ a: NaN, b: -Infinity, c: 12345678901234567890123n }), /"a":\.nan,"b":-\.inf,"c":12345678901234567890123/);
  const nan = rs.score({ id: 'a', values: { so_sang_kien: 1, diem: NaN } });
  assert.equal(nan.status, 'error');
  assert.deepEqual(nan.errors.map((e) => e.code), ['not_finite']);
  const big = rs.score({ id: 'b', values: { so_sang_kien: 2n, diem: 1 } });
  assert.equal(big.status, 'complete');
  assert.equal(big.total, 1.2);
  const missing = rs.score({ id: 'c', values: { so_sang_kien: null, diem: 1 } });
  assert.equal(missing.status, 'incomplete');
  assert.deepEqual(missing.errors.map((e) => e.code), ['missing_input']);
});

test('a batch with a bad unit among good ones drops nothing', () => {
  const rs = Ruleset.fromYaml(SMALL);
  const batch = rs.scoreMany([
    { id: 'a', kind: 'xa', values: { kh: true, tl: 90 } },
    { id: 'b', kind: 'xa', values: { kh: 'có lẽ', tl: 150 } },
    { values: { kh: true, tl: 50 } },
    { id: 'd', kind: 'thi_tran', values: { kh: false, tl: 100 } },
    { id: 'a', kind: 'xa', values: { kh: true, tl: 10 } },
    { id: 'f', kind: 'xa', values: { kh: true } },
  ]);
  assert.equal(batch.results.length, 6);
  assert.deepEqual(batch.results.map((r) => r.unit.id), ['a', 'b', null, 'd', 'a', 'f']);
  assert.deepEqual(batch.results.map((r) => r.status), ['error', 'error', 'error', 'complete', 'error', 'incomplete']);
  assert.deepEqual(new Set(batch.results[1].errors.map((e) => e.code)), new Set(['wrong_value_type', 'value_out_of_range']));
  assert.deepEqual(batch.results[2].errors.map((e) => e.code), ['missing_unit_id']);
  assert.ok(batch.results[0].errors.some((e) => e.code === 'duplicate_unit_id'));
  // The units with bad data are still scored (their other nodes) and reported.
  assert.equal(batch.results[1].criteria.length, 2);
  assert.deepEqual(batch.ranking.map((e) => [e.id, e.rank]), [['d', 1]]);
  // The JSON twin agrees.
  const viaJson = JSON.parse(rs.scoreManyJson(toJsonText({ units: [{ id: 'x', values: { kh: true, tl: 80 } }] })));
  assert.equal(viaJson.results[0].index, 90);
  assert.equal(viaJson.results[0].grade.id, 'tot');
  assert.deepEqual(viaJson.ranking.map((e) => e.id), ['x']);
});

test('ranking, grouped by kind or not', () => {
  const rs = Ruleset.fromYaml(SMALL);
  const units = [
    { id: 'x1', kind: 'xa', values: { kh: true, tl: 80 } },
    { id: 'p1', kind: 'phong', values: { kh: true, tl: 100 } },
    { id: 'x2', kind: 'xa', values: { kh: true, tl: 100 } },
  ];
  const flat = rs.scoreMany(units);
  assert.deepEqual(flat.ranking.map((e) => [e.id, e.rank]), [['p1', 1], ['x2', 1], ['x1', 3]]);
  const grouped = rs.scoreMany({ units }, { groupByKind: true });
  assert.deepEqual(grouped.ranking.map((e) => [e.id, e.rank]), [['x2', 1], ['x1', 2], ['p1', 1]]);
  const text = JSON.parse(rs.scoreManyJson(JSON.stringify(units), true));
  assert.deepEqual(text.ranking, grouped.ranking);
});

test('scoreText reads CSV, YAML and JSON data text', () => {
  const rs = Ruleset.fromYaml(SMALL);
  const csv = rs.scoreText('id;name;kh;tl\nbp;UBND xã Bình Phú;có;92,5%\nht;UBND xã Hữu Bằng;không;\n', 'csv');
  assert.deepEqual(csv.results.map((r) => [r.unit.id, r.status, r.total]), [['bp', 'complete', 1.93], ['ht', 'incomplete', 0]]);
  assert.equal(csv.results[0].unit.name, 'UBND xã Bình Phú');
  const yaml = rs.scoreText('units:\n  - { id: a, values: { kh: true, tl: 3.7 } }\n', 'yaml');
  assert.equal(yaml.results[0].criteria[1].points, 0.04);
  const json = rs.scoreTextJson('[{"id": "a", "values": {"kh": false, "tl": 50}}]', 'json', false, 'don-vi.json');
  assert.match(json, /"index":25[,}]/);
});

test('every code is known to the types and the docs', () => {
  const list = codes();
  const dts = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8');
  const docs = readFileSync(new URL('docs/error-codes.md', ROOT), 'utf8');
  for (const c of list) {
    assert.ok(dts.includes(`'${c}'`), `index.d.ts lacks the code ${c}`);
    assert.ok(docs.includes(`\`${c}\``), `docs/error-codes.md lacks the code ${c}`);
  }
  assert.ok(list.includes('unknown_key') && list.includes('empty_csv'));
});

test('a freed ruleset refuses to score', () => {
  const rs = Ruleset.fromYaml(SMALL);
  rs.free();
  rs.free();
  assert.throws(() => rs.score({ id: 'a', values: {} }), /đã được giải phóng/);
  assert.throws(() => rs.score({ id: 'a', values: {} }, { lang: 'en' }), /has been freed/);
});

test('the constructor is not public', () => {
  assert.throws(() => new Ruleset(), { name: 'TypeError', message: /Ruleset\.fromYaml\(text\)/ });
});

test('the browser entry point works with the bytes given to init()', async () => {
  const web = await import('cchc-wasm/web');
  await web.default(readFileSync(new URL('../pkg/cchc_wasm_bg.wasm', import.meta.url)));
  const rs = web.Ruleset.fromYaml(SMALL);
  assert.equal(rs.score({ id: 'a', values: { kh: true, tl: 50 } }).index, 75);
  assert.equal(web.CchcError, CchcError);
});
