# Python: the analyst's toolkit (issue #13): pickling, the progress bar, the data-entry template
# and the plots' titles and labels (cchc.plot, read through cchc.text).
py-pickle-fingerprint = the ruleset `{ $origin }` was pickled with fingerprint { $expected }, but its text now compiles to { $found }: the cchc version that unpickles it reads the ruleset differently; install the same cchc version on every machine (worker) and pickle it again
py-progress-desc = Scoring
py-progress-missing = progress=True needs the tqdm package to show a progress bar; install it with `pip install cchc[progress]` (or `pip install tqdm`), or leave out progress=True
py-plot-ranking-title = CCHC index ranking
py-plot-ranking-x = CCHC index (points on a 100 scale)
py-plot-ranking-y = Unit
py-plot-no-grade = No grade
py-plot-profile-title = Points by area: { $unit }
py-plot-profile-x = Points obtained as a share of the area's maximum (%)
py-plot-intervals-title = Rank stability under changed weights
py-plot-intervals-x = Rank (5-95 % interval)
py-plot-intervals-median = Median rank
py-plot-slope-title = Change of the CCHC index between two assessments
py-plot-slope-y = CCHC index
py-plot-before = Before
py-plot-after = After
py-template-id = Unit id
py-template-name = Unit name
py-template-kind = Unit kind
