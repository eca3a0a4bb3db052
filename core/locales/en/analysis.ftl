### analysis
## The analyst tools (feature `tools`; not in the browser scoring build): sensitivity to the
## area weights, the improvement report, the comparison of two results files. Arguments arrive
## already written: numbers with a decimal point, identifiers between backticks.

analysis-no-grade = no grade
analysis-grade-undecided = undecided

## Options and inputs that cannot be used.

analysis-bad-range = the range { $range } is not between 0 (included) and 1 (excluded), with at most 6 decimals
analysis-bad-range-help = give the relative change of the weights as a fraction, e.g. 0.2 for ±20 %
analysis-bad-probability = the probability { $value } is not between 0 and 1
analysis-bad-probability-help = give a fraction, e.g. 0.1 to name units that change grade in more than 10 % of the draws
analysis-too-many-draws = { $draws } draws over { $units } units is too much: at most { $max_draws } draws and { $max_cells } draws × units
analysis-too-many-draws-help = use fewer draws (1,000 is usually enough for the 5–95 % interval)
analysis-other-ruleset = the results were not scored with this ruleset
analysis-other-ruleset-help = score the units with the same rule file as the analysis uses
analysis-units-mismatch = { $units } units were given for { $results } results
analysis-units-mismatch-help = give the units in the same order as the results, or none
analysis-unknown-option = unknown option { $key }
analysis-unknown-option-help = the options are draws, range, seed, group_by_kind, leave_one_out, max_rank_width, max_grade_change and parallel
analysis-bad-option = the option { $key } has a value of the wrong type or out of range
analysis-bad-option-help = see docs/analysis.md for each option's type and range
analysis-options-not-json = the options are not JSON: { $detail }
analysis-unit-not-found = no unit has the id { $id }
analysis-unit-not-found-help = use an id from the data file, e.g. { $ids }

## Sensitivity.

analysis-sens-heading = Sensitivity of ranks and grades to the area weights — { $title }: { $draws } draws, weights ±{ $percent } %, seed { $seed }
analysis-sens-unit = { $unit }: index { $index }, rank { $rank }, grade { $grade }
analysis-sens-unit-draws = weights drawn: median rank { $median }, 5–95 % rank interval { $low }–{ $high }, same grade in { $percent } % of the draws
analysis-sens-unit-without = each area left out: rank { $best }–{ $worst }, grades: { $grades }
analysis-sens-not-analysed = { $count ->
    [one] 1 unit is
   *[other] { $count } units are
} not complete or not ranked and left out: { $units }
analysis-sens-all-robust = Every analysed unit's rank and grade are robust to the weights.
analysis-sens-unstable-rank = { $count ->
    [one] 1 unit has
   *[other] { $count } units have
} a 5–95 % rank interval wider than { $width } places: { $units }
analysis-sens-unstable-grade = { $count ->
    [one] 1 unit gets
   *[other] { $count } units get
} another grade in more than { $percent } % of the draws: { $units }

## Improvement report.

analysis-imp-heading = { $unit }: index { $index }, grade { $grade }
analysis-imp-no-losses = The unit lost no points on any applicable criterion.
analysis-imp-losses = Criteria where points were lost ({ $count }), largest effect on the index first:
analysis-imp-loss = { $id } { $title }: { $points } of { $max } points, { $recoverable } to recover, index up by { $gain }
analysis-imp-no-grades = The ruleset has no grades.
analysis-imp-not-complete = The unit is not complete, so it has no grade yet: complete its data first.
analysis-imp-already-top = The unit already has the highest grade.
analysis-imp-unreachable = Full marks on every criterion where points were lost do not reach { $grade }.
analysis-imp-found = To reach { $grade }: full marks on { $count ->
    [one] 1 criterion
   *[other] { $count } criteria
} ({ $criteria }) give index { $index }, grade { $reached } (checked by scoring again).
analysis-imp-not-proven = The search stopped after { $scorings } scorings: a set with fewer criteria may exist.
analysis-imp-budget-spent = The search stopped after { $scorings } scorings before any set reached { $grade }: raise --max-scorings to search further.

## Comparison of two results files.

analysis-cmp-bad-shape = this is not a results file of `cchc score --format json`: { $what } is missing or of the wrong type
analysis-cmp-bad-shape-help = write the file with `cchc score RULES DATA --format json --out FILE`
analysis-cmp-not-json = the file is not JSON: { $detail }
analysis-cmp-rulesets = The files were scored with different rulesets ({ $a } and { $b }); areas are matched by id.
analysis-cmp-unit = { $unit }: index { $index_a } → { $index_b } ({ $index_change }), rank { $rank_a } → { $rank_b }, grade { $grade_a } → { $grade_b }
analysis-cmp-area = area { $id }: { $a } → { $b } points ({ $change })
analysis-cmp-area-only-a = area { $id }: only in the first file
analysis-cmp-area-only-b = area { $id }: only in the second file
analysis-cmp-only-a = Only in the first file: { $units }
analysis-cmp-only-b = Only in the second file: { $units }
analysis-cmp-summary = { $matched ->
    [one] 1 unit
   *[other] { $matched } units
} in both files, { $changed } changed; { $only_a } only in the first, { $only_b } only in the second.
