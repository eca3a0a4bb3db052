// Languages: `{ lang: 'vi' | 'en' }` on every call that writes text, Vietnamese by default;
// codes, numbers and `why` the same in both; the JavaScript layer's own texts from the catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CchcError, Ruleset, messages } from 'cchc-wasm';

// The explanation texts themselves (traces, unit errors, `explain`, HTML headers) are written by
// the core's catalogue (helpers "unitmsg" and "present" of issue #9). Until their parts are
// merged the core still writes English in both languages, so the tests that read those words
// are marked `todo` (they run and report, without failing the suite). After the merge: set
// CORE_TEXTS_PENDING to false.
const CORE_TEXTS_PENDING = false;
const pending = CORE_TEXTS_PENDING ? 'core texts of issue #9 not merged yet' : false;

const ROOT = new URL('../../', import.meta.url);
const SPEC_EXAMPLE = readFileSync(new URL('rules/examples/spec-example.yaml', ROOT), 'utf8');
const rs = Ruleset.fromYaml(SPEC_EXAMPLE, 'spec-example.yaml');

// A unit that reaches most explanation kinds: check, bands, levels, per (bonus), missing data,
// not applicable (criterion 2 with no records), a self-assessed mark.
const UNIT = {
  id: 'binh-phu',
  name: 'UBND xã Bình Phú',
  kind: 'xa',
  values: {
    kh_ban_hanh_dung_han: true, ty_le_hoan_thanh_kh: 92.5, so_bao_cao_tre: 1, ho_so_tiep_nhan: 120,
    ho_so_dung_han: 118, so_sang_kien: 3, diem_khao_sat: 4.2, bao_cao_nam: 'cham',
  },
  self_assessed: { '1.1': 1, '1.2': 1 },
};
const INCOMPLETE = { id: 'thieu', values: { kh_ban_hanh_dung_han: false, ty_le_hoan_thanh_kh: 50.25 } };
const BAD = { id: 'sai', values: { kh_ban_hanh_dung_han: 'có lẽ', ty_le_hoan_thanh_kh: 150 } };

const UNKNOWN_LANG = /^unknown language `fr`: use `vi` \(Tiếng Việt\) or `en` \(English\)$/;

// Words of English sentences the core writes today; none may appear in a Vietnamese text.
const ENGLISH = /\b(of|and|the|is|are|sum|points?|missing|needs|holds|band|index|incomplete|complete|criterion|reads|which|unit|value|not applicable)\b/i;

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}

/** A result with its texts taken out (trace, message, help, labels' messages). */
function withoutTexts(x) {
  if (Array.isArray(x)) return x.map(withoutTexts);
  if (x === null || typeof x !== 'object') return x;
  const out = {};
  for (const [k, v] of Object.entries(x)) {
    if (k === 'trace' || k === 'message' || k === 'help') continue;
    out[k] = withoutTexts(v);
  }
  return out;
}

function* nodes(list) {
  for (const n of list ?? []) {
    yield n;
    yield* nodes(n.children);
  }
}

test('Vietnamese is the default; tags like vi-VN and en-US are accepted', () => {
  for (const u of [UNIT, INCOMPLETE, BAD]) {
    assert.deepEqual(rs.score(u), rs.score(u, { lang: 'vi' }));
    assert.deepEqual(rs.score(u, { lang: 'vi-VN' }), rs.score(u, { lang: 'vi' }));
    assert.deepEqual(rs.score(u, { lang: 'en-US' }), rs.score(u, { lang: 'en' }));
    assert.equal(rs.explain(u), rs.explain(u, { lang: 'vi' }));
    assert.equal(rs.explain(u, { lang: 'EN' }), rs.explain(u, { lang: 'en' }));
  }
  assert.deepEqual(messages(), messages('vi'));
});

test('an unknown language throws a RangeError with the CLI message, on every call', () => {
  const fr = { lang: 'fr' };
  const calls = {
    fromYaml: () => Ruleset.fromYaml(SPEC_EXAMPLE, fr),
    fromYamlOrigin: () => Ruleset.fromYaml(SPEC_EXAMPLE, 'x.yaml', fr),
    score: () => rs.score(UNIT, fr),
    scoreJson: () => rs.scoreJson(JSON.stringify(UNIT), fr),
    scoreMany: () => rs.scoreMany([UNIT], fr),
    scoreManyJson: () => rs.scoreManyJson(JSON.stringify([UNIT]), false, 'x.json', fr),
    scoreText: () => rs.scoreText('id\na\n', 'csv', fr),
    scoreTextJson: () => rs.scoreTextJson('id\na\n', 'csv', fr),
    explain: () => rs.explain(UNIT, fr),
    html: () => rs.html(UNIT, fr),
    batchHtml: () => rs.batchHtml([UNIT], fr),
    warnings: () => rs.warnings(fr),
    messages: () => messages('fr'),
  };
  for (const [name, f] of Object.entries(calls)) {
    const e = thrown(f);
    assert.ok(e instanceof RangeError, `${name}: ${e}`);
    assert.match(e.message, UNKNOWN_LANG, name);
  }
});

test('results differ between languages only in their texts', () => {
  for (const u of [UNIT, INCOMPLETE, BAD]) {
    const vi = rs.score(u);
    const en = rs.score(u, { lang: 'en' });
    assert.deepEqual(withoutTexts(vi), withoutTexts(en));
    // Codes, criteria and numbers are there, not only texts.
    assert.deepEqual(vi.errors.map((e) => e.code), en.errors.map((e) => e.code));
    for (const n of nodes(vi.criteria)) assert.equal(typeof n.trace, 'string');
  }
  const batchVi = rs.scoreMany([UNIT, INCOMPLETE, BAD, UNIT], { groupByKind: true });
  const batchEn = rs.scoreMany([UNIT, INCOMPLETE, BAD, UNIT], { groupByKind: true, lang: 'en' });
  assert.deepEqual(withoutTexts(batchVi), withoutTexts(batchEn));
  assert.ok(batchVi.results[0].errors.some((e) => e.code === 'duplicate_unit_id'));
  const csv = 'id;kh_ban_hanh_dung_han;ty_le_hoan_thanh_kh\na;có;92,5\nb;không;x\n';
  assert.deepEqual(withoutTexts(rs.scoreText(csv, 'csv')), withoutTexts(rs.scoreText(csv, 'csv', { lang: 'en' })));
  // The JSON twins take the language too (in an options object in place of the positional ones).
  assert.deepEqual(JSON.parse(rs.scoreJson(JSON.stringify(UNIT), { lang: 'en' })), rs.score(UNIT, { lang: 'en' }));
  assert.equal(
    rs.scoreManyJson(JSON.stringify([UNIT]), true, 'x.json', { lang: 'en' }),
    rs.scoreManyJson(JSON.stringify([UNIT]), { groupByKind: true, origin: 'x.json', lang: 'en' }),
  );
});

const hasWhy = [...nodes(rs.score(UNIT).criteria)].some((n) => n.why !== undefined);

test('`why` is the same in both languages: a message id and its arguments', { skip: hasWhy ? false : 'the core JSON has no `why` yet (helper "unitmsg")' }, () => {
  for (const u of [UNIT, INCOMPLETE, BAD]) {
    const vi = [...nodes(rs.score(u).criteria)];
    const en = [...nodes(rs.score(u, { lang: 'en' }).criteria)];
    assert.equal(vi.length, en.length);
    vi.forEach((n, i) => {
      assert.equal(typeof n.why?.id, 'string', `node ${n.id} has a why`);
      assert.equal(typeof n.why.args, 'object');
      assert.deepEqual(n.why, en[i].why, `node ${n.id}`);
    });
  }
});

test('load errors in both languages: the same codes and places, texts in the language asked', () => {
  const bad = SPEC_EXAMPLE.replace('title:', 'titel: X\ntitle:');
  const vi = thrown(() => Ruleset.fromYaml(bad, 'x.yaml'));
  const en = thrown(() => Ruleset.fromYaml(bad, 'x.yaml', { lang: 'en' }));
  assert.ok(vi instanceof CchcError && en instanceof CchcError);
  assert.deepEqual(withoutTexts(vi.errors), withoutTexts(en.errors));
  assert.equal(vi.code, 'unknown_key');
  assert.ok(vi.message.startsWith(`x.yaml:${vi.line}:${vi.column}: ${vi.errors[0].message} [unknown_key]`));
  assert.ok(en.message.startsWith(`x.yaml:${en.line}:${en.column}: ${en.errors[0].message} [unknown_key]`));
});

test('data errors thrown in both languages: the same codes, the texts in the language asked', () => {
  const one = { vi: thrown(() => rs.score([UNIT])), en: thrown(() => rs.score([UNIT], { lang: 'en' })) };
  for (const e of Object.values(one)) {
    assert.ok(e instanceof CchcError);
    assert.equal(e.code, 'data_shape');
  }
  assert.match(one.vi.message, /chấm một đơn vị .*hãy dùng scoreMany\(\)/);
  assert.match(one.en.message, /takes one unit .*use scoreMany\(\)/);
  assert.doesNotMatch(one.vi.message, ENGLISH);

  const format = { vi: thrown(() => rs.scoreText('id\na\n', 'xml')), en: thrown(() => rs.scoreText('id\na\n', 'xml', { lang: 'en' })) };
  assert.equal(format.vi.code, 'data_shape');
  assert.equal(format.en.code, 'data_shape');
  assert.match(format.vi.errors[0].message, /^định dạng số liệu `xml` không được hỗ trợ; hãy dùng json, yaml hoặc csv$/);
  assert.match(format.en.errors[0].message, /^unknown data format `xml`; use json, yaml or csv$/);

  const syntax = { vi: thrown(() => rs.scoreManyJson('[', false, 'd.json')), en: thrown(() => rs.scoreManyJson('[', { origin: 'd.json', lang: 'en' })) };
  assert.deepEqual(withoutTexts(syntax.vi.errors), withoutTexts(syntax.en.errors));
  assert.equal(syntax.vi.code, 'data_syntax');
});

test('the JavaScript layer speaks the language of the call', () => {
  const vi = thrown(() => Ruleset.fromYaml(42));
  const en = thrown(() => Ruleset.fromYaml(42, { lang: 'en' }));
  assert.ok(vi instanceof TypeError && en instanceof TypeError);
  assert.equal(vi.message, 'nội dung bộ tiêu chí phải là một chuỗi ký tự (string), không phải `number`');
  assert.equal(en.message, 'the ruleset text must be a string, not `number`');
  assert.match(thrown(() => rs.scoreJson(null)).message, /^văn bản JSON của đơn vị phải là/);
  assert.match(thrown(() => rs.scoreManyJson({}, { lang: 'en' })).message, /^the units JSON text must be a string, not `object`$/);
  assert.match(thrown(() => rs.scoreText('id', 7, { lang: 'en' })).message, /^the data format must be/);
  assert.match(thrown(() => rs.scoreTextJson(7, 'csv')).message, /^nội dung tệp số liệu phải là/);
});

test('the demo texts: the same ids in both languages, Vietnamese with its diacritics', () => {
  const vi = messages('vi');
  const en = messages('en');
  assert.deepEqual(Object.keys(vi).sort(), Object.keys(en).sort());
  assert.ok(Object.keys(vi).length > 20);
  for (const [id, text] of Object.entries(vi)) {
    assert.match(id, /^demo-[a-z0-9-]+$/);
    assert.ok(text.length > 0 && !text.startsWith('demo-'), id);
    assert.ok(en[id].length > 0 && !en[id].startsWith('demo-'), id);
  }
  assert.equal(vi['demo-banner'], 'Trang minh họa');
  assert.match(vi['demo-banner-text'], /số liệu minh họa, không phải kết quả chính thức/i);
  assert.equal(vi['demo-info-fingerprint'], 'Mã kiểm tra');
  assert.notEqual(en['demo-banner'], vi['demo-banner']);
});

test('ruleset information for the page: issued_by, status, places', () => {
  assert.equal(rs.issuedBy, 'UBND huyện Thạch Thất');
  assert.equal(rs.status, 'illustrative');
  const r = rs.score(UNIT);
  assert.equal(r.ruleset.status, 'illustrative');
  assert.equal(r.ruleset.issued_by, 'UBND huyện Thạch Thất');
  const plain = Ruleset.fromYaml('format: cchc/1\nid: t\nversion: "1"\ntitle: T\ntotal: 1\ninputs:\n  kh: { type: bool }\ncriteria:\n  - { id: "1", title: K, max: 1, rule: { check: kh } }\n');
  assert.equal(plain.issuedBy, null);
  assert.equal(plain.status, 'draft');
  assert.equal(plain.places, 2); // the default
  const one = Ruleset.fromYaml('format: cchc/1\nid: t\nversion: "1"\ntitle: T\ntotal: 1\nrounding: { places: 1 }\ninputs:\n  kh: { type: bool }\ncriteria:\n  - { id: "1", title: K, max: 1, rule: { check: kh } }\n');
  assert.equal(one.places, 1);
});

test('explain and html: one unit, from an object or JSON text', () => {
  const text = rs.explain(UNIT);
  assert.equal(rs.explain(JSON.stringify(UNIT)), text);
  assert.ok(text.includes('UBND xã Bình Phú'));
  assert.ok(text.endsWith('\n'));
  for (const n of nodes(rs.score(UNIT).criteria)) assert.ok(text.includes(n.title), n.id);
  const html = rs.html(UNIT);
  assert.match(html, /^<div class="cchc-result">/);
  assert.ok(html.includes('UBND xã Bình Phú'));
  const batch = rs.batchHtml([UNIT, INCOMPLETE], { groupByKind: true });
  assert.match(batch, /^<div class="cchc-batch">/);
  assert.equal(thrown(() => rs.explain([UNIT])).code, 'data_shape');
});

test('explanations in Vietnamese have no English sentence; in English they do', { todo: pending }, () => {
  for (const u of [UNIT, INCOMPLETE, BAD]) {
    const vi = rs.explain(u);
    const en = rs.explain(u, { lang: 'en' });
    assert.notEqual(vi, en);
    // Titles and names come from the rule file (Vietnamese in both): only the engine's words
    // are checked, with the titles taken out.
    const titles = [...nodes(rs.score(u).criteria)].map((n) => n.title);
    const strip = (s) => titles.reduce((acc, t) => acc.split(t).join(''), s).replace(/`[^`]*`/g, '');
    assert.doesNotMatch(strip(vi), ENGLISH, vi);
    assert.match(strip(en), ENGLISH);
    for (const [a, b] of [[rs.score(u), rs.score(u, { lang: 'en' })]]) {
      const tv = [...nodes(a.criteria)].map((n) => n.trace);
      const te = [...nodes(b.criteria)].map((n) => n.trace);
      for (const t of tv) assert.doesNotMatch(t.replace(/`[^`]*`/g, ''), ENGLISH, t);
      assert.notDeepEqual(tv, te);
      for (const e of a.errors) assert.doesNotMatch(e.message.replace(/`[^`]*`|\([^)]*\)/g, ''), ENGLISH, e.message);
    }
  }
  // Numbers in Vietnamese text use a decimal comma (ty_le_hoan_thanh_kh = 92.5).
  assert.match(rs.explain(UNIT), /92,5/);
  assert.match(rs.explain(UNIT, { lang: 'en' }), /92\.5/);
  assert.notEqual(rs.html(UNIT), rs.html(UNIT, { lang: 'en' }));
});

test('related places (labels) of a load error in both languages', () => {
  const dup = SPEC_EXAMPLE.replace('id: "1.2"', 'id: "1.1"');
  assert.notEqual(dup, SPEC_EXAMPLE);
  const vi = thrown(() => Ruleset.fromYaml(dup, 'dup.yaml'));
  const en = thrown(() => Ruleset.fromYaml(dup, { origin: 'dup.yaml', lang: 'en' }));
  const first = vi.errors.find((d) => d.code === 'duplicate_id');
  assert.ok(first, vi.errors.map((d) => d.code).join(', '));
  assert.ok(first.labels.length > 0);
  assert.equal(typeof first.labels[0].message, 'string');
  assert.ok(first.labels[0].message.length > 0);
  assert.deepEqual(withoutTexts(vi.errors), withoutTexts(en.errors));
});

test('before the module is there: a message in the language asked', async () => {
  // A second instance of the wrapper, never given the module.
  const fresh = await import(`../js/api.js?uninitialised=${Date.now()}`);
  assert.throws(() => fresh.Ruleset.fromYaml(SPEC_EXAMPLE), /chưa được khởi tạo: hãy gọi `await init\(\)`/);
  assert.throws(() => fresh.Ruleset.fromYaml(SPEC_EXAMPLE, { lang: 'en' }), /not initialised yet: `await init\(\)` first/);
  assert.throws(() => fresh.messages('en'), /not initialised yet/);
});
