### ui
## Words of the presentation (explanations, tables, HTML views), the diagnostics renderer and
## the command line. Arguments arrive already written: numbers with a decimal point,
## identifiers between backticks.

## Statuses for people (JSON and CSV keep the machine values `complete`, `missing`…).

ui-node-scored = scored
ui-node-not-applicable = not applicable
ui-node-missing = missing
ui-node-error = error
ui-unit-complete = complete
ui-unit-incomplete = incomplete
ui-unit-error = error

## The explanation of a unit.

# First line: the unit, its total / max, index, status.
ui-unit-heading = { $unit } — { $total } / { $max }, index { $index }, { $status }
ui-unit-grade = , grade { $grade }
ui-unit-named = { $name } ({ $id })
ui-unit-unnamed = (unnamed unit)
ui-self-assessed = (self-assessed { $own }, difference { $delta })
ui-self-assessed-out-of-range = (self-assessed { $own }, difference out of the range of numbers)
ui-none = -

## Assessment rounds in the explanation.

# The unit's rounds after its heading: "Self-assessment 85.00 → Appraisal 1 80.00" (indexes).
ui-explain-rounds = rounds (index): { $rounds }; change { $change }
# One round and a figure in such a list.
ui-explain-round-value = { $round } { $value }
# Under a criterion: its points in each round.
ui-explain-round-points = points by round: { $rounds }; change { $change }
ui-explain-note = note ({ $round }): { $text }
ui-explain-note-plain = note: { $text }
ui-explain-evidence = evidence: { $documents }
ui-explain-explanation = explanation: { $text }
# A problem of a round other than the official one: "[Self-assessment] warning[…]".
ui-explain-round-issue = [{ $round }] { $issue }

## Error and warning titles (also the renderer's headers: `error[code]`).

ui-error = error
ui-warning = warning
ui-help = help
ui-note = note
ui-errors = Errors
ui-warnings = Warnings

## The ruleset's title lines above the table (and in explanations): issuer, and status unless official.

ui-ruleset-heading = { $title } — { $id } { $version } ({ $fingerprint })
ui-ruleset-issued-by = Issued by: { $issued_by }
ui-ruleset-illustrative = ILLUSTRATIVE — illustrative figures, not for official scoring
ui-ruleset-draft = DRAFT — figures not yet checked against an official source

## Column headers (terminal table, HTML, CSV in the Excel style).

ui-col-rank = Rank
ui-col-unit = Unit
ui-col-id = Id
ui-col-name = Name
ui-col-kind = Kind
ui-col-status = Status
ui-col-total = Total
ui-col-max = Max
ui-col-index = Index
ui-col-grade = Grade
ui-col-criterion = Criterion
ui-col-points = Points
ui-col-why = Why
# A criterion's column in the Excel-style CSV: "Criterion 1.2".
ui-col-criterion-id = Criterion { $id }
# Assessment rounds: the change of the index from the first round to the official one, a round's
# figures in the Excel-style CSV, and the mark of a round the unit does not give.
ui-col-change = Change
ui-col-round-total = Total ({ $round })
ui-col-round-index = Index ({ $round })
ui-round-absent = —

## Captions.

ui-batch-caption = { $units ->
    [one] 1 unit
   *[other] { $units } units
}, { $ranked } ranked
ui-batch-caption-grouped = { $units ->
    [one] 1 unit
   *[other] { $units } units
}, { $ranked } ranked within each kind

## The diagnostics renderer.

ui-report-criterion = criterion { $id }
ui-report-span-continues = the span continues to line { $line }
ui-report-more-not-shown = … { $count } more problem(s) not shown
ui-report-more-places = { $count } more related place(s) not shown

## The command line.

ui-cli-problems = { $count } problem(s) found
ui-cli-warnings = { $count } warning(s)
ui-cli-check-ok = ok: { $file } — { $id } { $version } ({ $criteria } criteria, { $inputs } inputs, { $tests } tests) { $fingerprint }
ui-cli-no-tests = { $file }: no tests
ui-cli-test-ok = ok   { $place } { $name }
ui-cli-test-fail = FAIL { $place } { $name }
ui-cli-test-expected = { $what }: expected { $expected }, got { $actual }
ui-cli-test-unit-error = unit error: { $error }
ui-cli-test-result = test result: { $passed } passed, { $failed } failed
ui-cli-cannot-write-output = error: cannot write the output: { $error }
ui-cli-cannot-write-file = error: cannot write { $file }: { $error }
ui-cli-cannot-write-schema = error: cannot write the schema: { $error }
ui-cli-out-is-input = error: --out { $out } is the input file { $input }; writing would overwrite it
ui-cli-out-is-input-help = help: choose another output file
ui-cli-unknown-data-format = cannot tell the data format
ui-cli-unknown-data-format-help = use a .json, .yaml, .yml or .csv file, or --data-format
ui-cli-rule-file-too-large = the rule file is over { $bytes } bytes (5 MiB)
ui-cli-rule-file-too-large-help = split it into smaller files
ui-cli-progress = units
ui-cli-unknown-round = the ruleset declares no round { $round } (--round)
ui-cli-unknown-round-help = the ruleset's rounds are { $rounds }
ui-cli-unknown-round-none = the ruleset declares no rounds, so it cannot be scored as of round { $round } (--round)
ui-cli-unknown-round-none-help = leave out --round, or declare `rounds:` in the ruleset

## Parameters of the batch (§18)
ui-parameters = Parameters: { $list }
ui-parameter-true = { $parameter } is true
ui-parameter-false = { $parameter } is false
ui-parameter-value = { $parameter } = { $value }

## Ranking groups (§10.2)
ui-col-group = Ranking group
ui-rank-group-other = Other
ui-rank-group-heading = Group { $label }:
ui-rank-group-unranked = Not ranked:
ui-batch-caption-groups = { $units } units, { $ranked } ranked within their groups
