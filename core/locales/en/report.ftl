### report
## The printable HTML report (`cchc report`, Python `Batch.report_html`, the demo page's
## "Print report"): core feature `report`, left out of the scoring browser build.

report-title = Administrative reform index (PAR Index) results
report-cover-ruleset = Criteria set: { $title }
report-cover-id = Criteria set id: { $id }, version { $version }
report-cover-fingerprint = Criteria set fingerprint (SHA-256): { $fingerprint }
report-cover-round = Results as of round: { $round }
report-cover-round-official = Official results (each unit's last assessment round)
report-cover-units = Units: { $units }, of which { $ranked } ranked
report-cover-date = Report date: { $date }
report-running-head = { $title } — { $date }

report-ranking = Ranking
report-ranking-chart = Index of the ranked units
report-chart-first = The chart shows the first { $shown } of { $ranked } ranked units; the ranking table above lists them all.
report-no-ranked = No unit is ranked.
report-grades = Grade distribution
report-col-count = Units
report-no-grade = No grade
report-legend = Legend
report-not-ranked = Units not ranked
report-not-ranked-none = Every unit is ranked.
report-col-reason = Reason
report-more-problems = … and { $count } more problems
report-reason-round-absent = The unit has no result in this round.
report-reason-none = Not enough data to compute the index.

report-unit-rank = Rank { $rank }
report-unit-not-ranked = Not ranked
report-areas-chart = Points achieved by area (% of the maximum)
report-criteria = Points of the areas, criteria and sub-criteria
report-col-no = No.
report-col-why = Why
report-col-evidence = Evidence
report-col-notes = Notes / explanation
report-no-problems = No errors or warnings.
