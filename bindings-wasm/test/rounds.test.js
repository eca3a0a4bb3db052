// Assessment rounds (issue #11) through the npm package: the spec's worked example, the `round`
// option of every scoring call, `Ruleset.rounds()`, the new keys of results and nodes, and the
// paths to a result agreeing on units that carry round data (lazy trees, summaries, the JSON
// twins, the core's reader). Results are compared, never timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CchcError, Ruleset, toJsonText } from 'cchc-wasm';

// The worked example of the spec (shared/spec/rounds.md): total 10; `a` max 4 (bands on p),
// `b` max 6 (check on k); rounds tu_cham, tham_dinh, chot_diem.
const RULES = `format: cchc/1
id: vong
version: '1'
title: Vòng chấm
total: 10
rounds:
  - { id: tu_cham, label: Tự chấm điểm }
  - { id: tham_dinh, label: Thẩm định lần 1 }
  - { id: chot_diem }
inputs:
  p: { type: percent }
  k: { type: bool }
criteria:
  - id: a
    title: Tỷ lệ
    max: 4
    rule: { bands: { input: p, steps: [ { at_least: 90, points: 4 }, { at_least: 70, points: 2 }, { points: 0 } ] } }
  - id: b
    title: Kiểm tra
    max: 6
    evidence: [Biên bản]
    rule: { check: k }
`;

const PLAIN = RULES.replace(/rounds:\n(  - .*\n)+/, '');

const U = {
  id: 'u',
  values: { p: 95, k: true },
  evidence: { b: ['Biên bản số 1'] },
  rounds: {
    tham_dinh: { values: { p: 80 }, points: { b: 3 }, notes: { b: 'Thiếu phiếu' } },
    chot_diem: { values: { p: 91 } },
  },
};

function node(r, id) {
  return r.criteria.find((n) => n.id === id);
}

function rulesets() {
  return [Ruleset.fromYaml(RULES, 'vong.yaml'), Ruleset.fromYaml(PLAIN, 'plain.yaml')];
}

test('Ruleset.rounds() lists {id, label}, the id standing for a missing label', () => {
  const [rs, plain] = rulesets();
  assert.deepStrictEqual(rs.rounds(), [
    { id: 'tu_cham', label: 'Tự chấm điểm' },
    { id: 'tham_dinh', label: 'Thẩm định lần 1' },
    { id: 'chot_diem', label: 'chot_diem' },
  ]);
  assert.deepStrictEqual(plain.rounds(), []);
});

test('the worked example: each round, the official round, change', () => {
  const [rs] = rulesets();
  const r = rs.score(U);
  assert.equal(r.round, 'chot_diem');
  assert.equal(r.total, 7);
  assert.equal(r.index, 70);
  assert.deepStrictEqual(
    r.rounds.map((x) => [x.id, x.label, x.status, x.total, x.max, x.index]),
    [
      ['tu_cham', 'Tự chấm điểm', 'complete', 10, 10, 100],
      ['tham_dinh', 'Thẩm định lần 1', 'complete', 5, 10, 50],
      ['chot_diem', 'chot_diem', 'complete', 7, 10, 70],
    ],
  );
  for (const x of r.rounds) {
    assert.deepStrictEqual(Object.keys(x), ['id', 'label', 'status', 'total', 'max', 'index', 'grade', 'errors', 'warnings']);
  }
  const a = node(r, 'a');
  const b = node(r, 'b');
  assert.deepStrictEqual(a.rounds, { tu_cham: 4, tham_dinh: 2, chot_diem: 4 });
  assert.deepStrictEqual(Object.keys(a.rounds), ['tu_cham', 'tham_dinh', 'chot_diem']);
  assert.equal(a.change, 0);
  assert.deepStrictEqual(b.rounds, { tu_cham: 6, tham_dinh: 3, chot_diem: 3 });
  assert.equal(b.change, -3);
  assert.deepStrictEqual(b.notes, { tham_dinh: 'Thiếu phiếu' });
  assert.deepStrictEqual(b.evidence, ['Biên bản số 1']);
  assert.equal('explanation' in b, false);
  // Node keys in the documented order.
  assert.deepStrictEqual(Object.keys(b), ['id', 'title', 'kind', 'points', 'max', 'status', 'trace', 'why', 'rounds', 'change', 'notes', 'evidence']);
  // Unit keys: round and rounds after delta/self_assessed, before criteria; kept in summaries.
  const keys = Object.keys(r);
  assert.ok(keys.indexOf('round') < keys.indexOf('rounds') && keys.indexOf('rounds') < keys.indexOf('criteria'));
  const summary = rs.score(U, { criteria: false });
  assert.equal(summary.round, 'chot_diem');
  assert.deepStrictEqual(summary.rounds, r.rounds);
});

test('{ round } scores as of a round, in every call', () => {
  const [rs] = rulesets();
  const r = rs.score(U, { round: 'tham_dinh' });
  assert.equal(r.round, 'tham_dinh');
  assert.deepStrictEqual([r.total, r.index], [5, 50]);
  assert.deepStrictEqual(r.rounds.map((x) => x.id), ['tu_cham', 'tham_dinh']);
  assert.deepStrictEqual(node(r, 'b').rounds, { tu_cham: 6, tham_dinh: 3 });
  assert.equal(node(r, 'b').change, -3);
  // The lazy tree is the tree as of the round too.
  assert.deepStrictEqual(r, JSON.parse(rs.scoreJson(toJsonText(U), { round: 'tham_dinh' })));
  assert.equal(JSON.parse(rs.scoreJson(toJsonText(U), undefined, { round: 'tu_cham' })).total, 10);
  const b = rs.scoreMany([U], { round: 'tu_cham' });
  assert.equal(b.results[0].total, 10);
  assert.equal(b.results[0].criteria.length, 2);
  assert.equal(JSON.parse(rs.scoreManyJson(toJsonText([U]), { round: 'tu_cham' })).results[0].total, 10);
  assert.equal(JSON.parse(rs.scoreManyJson(toJsonText([U]), false, undefined, { round: 'tu_cham' })).results[0].total, 10);
  const t = rs.scoreText(toJsonText([U]), 'json', { round: 'tham_dinh' });
  assert.equal(t.results[0].total, 5);
  assert.deepStrictEqual(t, JSON.parse(rs.scoreTextJson(toJsonText([U]), 'json', { round: 'tham_dinh' })));
  assert.match(rs.explain(U, { round: 'tham_dinh', lang: 'en' }), /tham_dinh|Thẩm định lần 1/);
  assert.equal(typeof rs.html(U, { round: 'tham_dinh' }), 'string');
  assert.equal(typeof rs.batchHtml([U], { round: 'tham_dinh' }), 'string');
});

test('an unknown round throws CchcError unknown_round, in every call, in both languages', () => {
  const [rs, plain] = rulesets();
  const text = toJsonText([U]);
  const calls = (r, round, lang) => [
    () => r.score(U, { round, lang }),
    () => r.score(U, { round, lang, criteria: true }),
    () => r.score(U, { round, lang, criteria: false }),
    () => r.scoreJson(toJsonText(U), { round, lang }),
    () => r.scoreMany([U], { round, lang }),
    () => r.scoreManyJson(text, { round, lang }),
    () => r.scoreText(text, 'json', { round, lang }),
    () => r.scoreTextJson(text, 'json', { round, lang }),
    () => r.explain(U, { round, lang }),
    () => r.html(U, { round, lang }),
    () => r.batchHtml([U], { round, lang }),
  ];
  for (const [r, round] of [[rs, 'nope'], [rs, ''], [plain, 'tu_cham'], [plain, '']]) {
    for (const lang of ['vi', 'en']) {
      for (const f of calls(r, round, lang)) {
        assert.throws(f, (e) => {
          assert.ok(e instanceof CchcError, String(e));
          assert.equal(e.code, 'unknown_round');
          assert.equal(e.errors.length, 1);
          assert.ok(e.message.includes(round === '' ? '``' : round), e.message);
          return true;
        });
      }
    }
  }
  assert.throws(() => rs.score(U, { round: 'nope', lang: 'en' }), /no round `nope` in this ruleset[^]*\[unknown_round\]/);
});

test('as of a round a unit does not give: round_absent, not ranked; ranking as of the round', () => {
  const [rs] = rulesets();
  const v = { id: 'v', values: { p: 100, k: true }, evidence: { b: 'BB' } }; // the first round only
  const w = { id: 'w', values: { p: 50, k: false }, explanations: { b: 'không' }, rounds: { tham_dinh: { values: { p: 95, k: true } } } };
  const b = rs.scoreMany([U, v, w], { round: 'tham_dinh' });
  const [ru, rv, rw] = b.results;
  assert.deepStrictEqual([ru.round, ru.total], ['tham_dinh', 5]);
  assert.equal(rv.round, 'tu_cham');
  assert.deepStrictEqual(rv.warnings.map((x) => x.code), ['round_absent']);
  assert.deepStrictEqual([rw.round, rw.total], ['tham_dinh', 10]);
  assert.deepStrictEqual(b.ranking.map((e) => [e.id, e.rank]), [['w', 1], ['u', 2]]);
  // Ranking as of the first round equals ranking a batch made of that round's data alone.
  const first = rs.scoreMany([U, v, w], { round: 'tu_cham' });
  const alone = rs.scoreMany([U, v, w].map(({ id, values }) => ({ id, values })), { round: 'tu_cham' });
  assert.deepStrictEqual(first.ranking, alone.ranking);
  // The official ranking (no option): v's official round is its first.
  const official = rs.scoreMany([U, v, w]);
  assert.deepStrictEqual(official.ranking.map((e) => e.id), ['v', 'w', 'u']);
  assert.deepStrictEqual(official.results[1].warnings, []);
});

test('a ruleset without rounds: no round keys; notes keyed by "", evidence and explanation', () => {
  const [, plain] = rulesets();
  const u = { id: 'x', values: { p: 95, k: true }, notes: { a: 'ghi chú' }, explanations: { b: 'Không có biên bản' } };
  const r = plain.score(u);
  assert.equal('round' in r, false);
  assert.equal('rounds' in r, false);
  assert.deepStrictEqual(node(r, 'a').notes, { '': 'ghi chú' });
  assert.equal('rounds' in node(r, 'a') || 'change' in node(r, 'a'), false);
  assert.equal(node(r, 'b').explanation, 'Không có biên bản');
  // No `evidence`/`explanations` at all: today's result exactly (no no_evidence warning).
  assert.deepStrictEqual(plain.score({ id: 'y', values: { p: 95, k: true } }).warnings, []);
  // A unit naming a round here: unit error unknown_round, not a throw.
  const bad = plain.score({ id: 'z', values: { p: 95, k: true }, rounds: { r2: { values: { p: 1 } } } });
  assert.deepStrictEqual(bad.errors.map((e) => e.code), ['unknown_round']);
});

test('no_evidence and the unit errors of round data', () => {
  const [rs] = rulesets();
  const r = rs.score({ id: 'n', values: { p: 95, k: true } });
  assert.deepStrictEqual(r.warnings.map((w) => [w.code, w.criterion]), [['no_evidence', 'b']]);
  const codes = (u) => rs.score(u).errors.map((e) => e.code);
  assert.deepStrictEqual(codes({ id: 'g', values: { p: 95, k: true }, points: { b: 7 } }), ['points_out_of_range']);
  assert.deepStrictEqual(codes({ id: 'h', values: { p: 95, k: true }, points: { b: 1 }, self_assessed: { b: 1 } }), ['conflicting_marks']);
  assert.deepStrictEqual(codes({ id: 'i', values: { p: 95, k: true }, rounds: { nope: {} } }), ['unknown_round']);
});

/** Every path gives the same result for a unit carrying round data. */
function samePaths(rs, u, options, where) {
  const text = toJsonText(u);
  const eager = JSON.parse(rs.scoreJson(text, options));
  // A trailing space makes the package hand the text to the core's reader.
  assert.deepStrictEqual(JSON.parse(rs.scoreJson(`${text} `, options)), eager, `${where}: quick and core readers`);
  assert.deepStrictEqual(rs.score(u, options), eager, `${where}: lazy score`);
  assert.equal(JSON.stringify(rs.score(u, options)), JSON.stringify(eager), `${where}: key order`);
  assert.deepStrictEqual(rs.score(u, { ...options, criteria: true }), eager, `${where}: criteria: true`);
  const { criteria: _c, ...rest } = eager;
  assert.deepStrictEqual(rs.score(u, { ...options, criteria: false }), rest, `${where}: summary`);
  const many = JSON.parse(rs.scoreManyJson(toJsonText([u, u]), options));
  const lazy = rs.scoreMany([u, u], options);
  void lazy.results[1].criteria;
  assert.deepStrictEqual(lazy, many, `${where}: lazy scoreMany`);
  assert.deepStrictEqual(rs.scoreText(toJsonText([u, u]), 'json', options), many, `${where}: scoreText`);
}

test('every path agrees on units with round data, as of each round', () => {
  const [rs, plain] = rulesets();
  const units = [
    U,
    { id: 'u2', values: { p: 95, k: true }, points: { a: 1.5 }, notes: { a: 'tự chấm', '': 'x' }, explanations: { b: 'chưa có' } },
    { id: 'u3', values: { p: 60 }, rounds: { chot_diem: { values: { k: true }, not_applicable: ['a'], points: { a: 2 } } } },
    { id: 'u4', values: { p: 95, k: true }, evidence: { b: 'Một văn bản' }, rounds: { tu_cham: { values: {} } } },
    { id: 'u5', values: { p: 95, k: true } },
  ];
  for (const u of units) {
    for (const round of [undefined, 'tu_cham', 'tham_dinh', 'chot_diem']) {
      for (const lang of ['vi', 'en']) samePaths(rs, u, { round, lang }, `${u.id} as of ${round}`);
    }
    samePaths(plain, u, {}, `${u.id} without rounds`);
  }
});

test('CSV with a round column: the worked example, later rows giving only what changes', () => {
  const [rs] = rulesets();
  const csv = 'id;round;p;k;points:b;notes:b;evidence:b\nu;tu_cham;95;có;;;Biên bản số 1\nu;tham_dinh;80;;3;Thiếu phiếu;\nu;chot_diem;91;;;;\n';
  const b = rs.scoreText(csv, 'csv');
  const [r] = b.results;
  assert.equal(b.results.length, 1);
  assert.deepStrictEqual([r.round, r.total, r.index], ['chot_diem', 7, 70]);
  assert.deepStrictEqual(r.rounds.map((x) => x.total), [10, 5, 7]);
  assert.equal(node(r, 'b').change, -3);
  assert.deepStrictEqual(node(r, 'b').notes, { tham_dinh: 'Thiếu phiếu' });
  // The same unit as an object scores the same.
  const { criteria: _a, ...fromCsv } = r;
  const { criteria: _b, ...fromObject } = rs.score(U);
  assert.deepStrictEqual(
    [fromCsv.round, fromCsv.rounds.map(({ id, total, index, status }) => [id, total, index, status])],
    [fromObject.round, fromObject.rounds.map(({ id, total, index, status }) => [id, total, index, status])],
  );
  const asOf = rs.scoreText(csv, 'csv', { round: 'tham_dinh' });
  assert.deepStrictEqual(asOf, JSON.parse(rs.scoreTextJson(csv, 'csv', { round: 'tham_dinh' })));
  assert.equal(asOf.results[0].total, 5);
});
