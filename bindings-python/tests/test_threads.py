"""One shared Ruleset scored from 8 threads at once (scoring releases the GIL)."""

import threading
from concurrent.futures import ThreadPoolExecutor

from helpers import full_unit, types_ruleset


def units_for(t):
    return [full_unit(f"t{t}-u{i}", tl=(i * 7 + t) % 101, so=i % 5, diem=1 + (i % 5)) for i in range(300)]


def test_score_from_8_threads():
    rs = types_ruleset()
    expected = {t: [r.to_json() for r in rs.score_many(units_for(t))] for t in range(8)}
    expected_one = {t: [rs.score(u).to_json() for u in units_for(t)[:40]] for t in range(8)}
    start = threading.Barrier(8)

    def work(t):
        start.wait()
        out = []
        for _ in range(3):
            batch = [r.to_json() for r in rs.score_many(units_for(t))]
            single = [rs.score(u).to_json() for u in units_for(t)[:40]]
            out.append((batch, single))
        return t, out

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    assert len(results) == 8
    for t, runs in results:
        for batch, single in runs:
            assert batch == expected[t]
            assert single == expected_one[t]


def test_ruleset_is_shareable_while_loading_in_threads():
    from helpers import TYPES

    import cchc

    def load(_):
        return cchc.Ruleset.from_yaml(TYPES).fingerprint

    with ThreadPoolExecutor(max_workers=8) as pool:
        prints = set(pool.map(load, range(16)))
    assert len(prints) == 1
