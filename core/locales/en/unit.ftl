### unit
## A unit's errors and warnings (its values, its data file) and the checks of a rule's own
## declaration. Arguments arrive already written: numbers with the language's separator,
## identifiers and the unit's values between backticks, inputs with their label beside them.

## Reading a value. $input: the input (with its label); $value: what the unit gave.

unit-not-a-number = { $value } is not a number
unit-not-finite = { $value } is not a finite number
unit-inexact-number = { $value } cannot be held exactly (at most 28 significant digits)
unit-cell-mixed-separators = { $value } mixes `.` and `,`; write the number without thousands separators
# $why: why the value cannot be used (a message below).
unit-value-unusable = the value of { $input } cannot be used: { $why }
unit-list-not-a-value = a list is not a value
unit-map-not-a-value = a mapping is not a value
unit-cell-not-yes-no = { $input } is yes/no, but the cell holds { $value }; write `có`/`không`, `true`/`false`, `1`/`0` or `x`
# $digits: the cell without its separators.
unit-count-thousands = { $input } counts things, but { $value } can mean a thousand-fold number (`.` or `,` separating thousands) or a decimal; write the count with digits only, e.g. { $digits }
# $problem: what is wrong with the cell (a message above).
unit-input-cell = { $input }: { $problem }
# $want: what the input takes; $got: what the unit gave.
unit-wrong-value-type = { $input } must be { $want }, but the unit gives { $got }
unit-want-bool = true or false
unit-want-count = a whole number ≥ 0
unit-want-percent = a number from 0 to 100
unit-want-number = a number
unit-want-choice = one of its options (as text)
unit-got-bool = true/false
unit-got-number = a number
unit-got-text = the text { $text }
# $options: the input's options (with their labels).
unit-unknown-choice = { $value } is not an option of { $input }; use one of: { $options }
unit-list-more = … and { $count } more
unit-count-not-whole = { $input } counts things, so it must be a whole number, not { $value }
unit-count-negative = { $input } counts things, so it cannot be negative ({ $value })
unit-percent-out-of-range = { $input } is a percentage, so it must be from 0 to 100, not { $value }
unit-below-min = { $input } must be at least { $min }, not { $value }
unit-above-max = { $input } must be at most { $max }, not { $value }

## Scoring a unit. $criterion: a criterion id.

unit-missing-id = the unit has no `id`; give every unit a unique id
# $name: the key the unit gave; $suggestion: the declared input it is close to.
unit-unknown-input = { $name } is not a declared input; it is ignored
unit-unknown-input-did-you-mean = { $name } is not a declared input; did you mean { $suggestion }?
# $list: `not_applicable` or `self_assessed`.
unit-unknown-criterion = { $id } in { $list } names no criterion
unit-unknown-criterion-did-you-mean = { $id } in { $list } names no criterion; did you mean { $suggestion }?
unit-self-assessed-not-number = the self-assessed mark for { $criterion } must be a number
unit-missing-input = criterion { $criterion } reads { $input }, which the unit does not give; add the value (or mark the criterion not applicable)
unit-missing-input-applies-if = criterion { $criterion } decides whether it applies from { $input }, which the unit does not give; add the value (or mark the criterion not applicable)
# $error: what failed (a message).
unit-criterion-failed = criterion { $criterion }: { $error }
unit-no-band = criterion { $criterion }: no band holds for the value { $value }, so it scores 0
unit-zero-max = every criterion is excluded for this unit, so its max is 0 and it has no index; check its `not_applicable` list and data
# $got: the value the expression gave, and its type.
unit-applies-if-not-boolean = `applies_if` must give true or false, but gave { $got }
unit-requires-not-boolean = `requires` must give true or false, but gave { $got }
unit-grade-missing-input = the condition of grade { $grade } reads { $input }, which the unit does not give
unit-grade-refused-input = the condition of grade { $grade } reads the refused value of { $input }
unit-grade-failed = the condition of grade { $grade } failed: { $error }
unit-duplicate-unit-id = another unit of the batch also has the id { $id }; unit ids must be unique

## A rule's value.

unit-input-not-number = the input is not a number
unit-expression-not-number = the expression must give a number, but gave { $got }
unit-input-not-boolean = the input is not true/false
unit-expression-not-boolean = the expression must give true or false, but gave { $got }
unit-input-not-a-choice = the input is not a choice
unit-choice-not-an-option = the choice is not one of the input's options
# $rule: `deduct` or `per`.
unit-negative-value = { $rule } needs a value ≥ 0, but got { $value }
unit-scale-overflow = the scale computation for the value { $value } overflowed (the result is too large to hold exactly)
unit-script-not-number = the script must return a number, but returned { $got }
unit-script-out-of-range = the script gave { $value } points, outside [0, { $max }]; correct the data or the rule
unit-value-out-of-range = `value` gave { $value } points, outside [0, { $max }]; correct the data or the rule

## The data file.

unit-data-unknown-format = cannot tell the data format from the file name; use .json, .yaml, .yml or .csv
unit-data-not-utf8 = the data file is not UTF-8 text; save it (or export it from Excel) as UTF-8
# $why: the system's own words (not translated).
unit-data-io = cannot read { $file }: { $why }
unit-data-too-large = the data file is larger than { $mib } MiB
unit-data-too-large-help = split the units over several files
unit-data-unreadable = the data cannot be read: { $why }
unit-data-empty = the data file is empty
unit-data-units-twice = the key `units` appears twice; keep one list of units
unit-data-units-first = the first list is here
unit-data-beside-units = next to `units:` the data may have no other key, but it has { $key }
unit-data-units-not-list = `units` must be a list of units
unit-data-shape = the data must be a unit (a mapping with `id` and `values`), a list of units, or `units: [...]`
# $place: where (a message below).
unit-duplicate-key = the key { $key } appears twice in { $place }
unit-duplicate-key-help = keep one of the two
unit-place-unit = this unit
unit-place-key = the unit's { $key }
# $got: what the data has there (e.g. a list).
unit-not-a-mapping = a unit must be a mapping with `id` and `values`, but this is { $got }
unit-key-not-text = the unit's { $key } must be text, not { $got }
unit-key-not-mapping = the unit's { $key } must be a mapping of `name: value`, not { $got }
unit-not-applicable-item = `not_applicable` must list criterion ids, not { $got }
unit-not-applicable-not-list = the unit's `not_applicable` must be a list of criterion ids, not { $got }
unit-unknown-unit-key = unknown key { $key } in a unit; it is ignored
unit-did-you-mean = did you mean { $name }?
unit-unit-keys = a unit has: { $keys }
unit-csv-empty = the CSV file is empty; it needs a header row and one row per unit
unit-csv-no-rows = the CSV file has a header but no rows; add one row per unit
# $why: the CSV reader's own words (not translated).
unit-csv-header-unreadable = the CSV header cannot be read: { $why }
unit-csv-row-unreadable = this row cannot be read: { $why }
# $first, $second: the column numbers.
unit-csv-column-twice = the column { $column } appears twice in the header (columns { $first } and { $second })
unit-csv-column-twice-help = keep one of the two columns, or rename one
unit-csv-column-first = the first is here
unit-csv-row-length = this row has { $cells } cells but the header has { $columns } columns
unit-csv-row-length-help = give every row one cell per column (an empty cell for a missing value)
unit-csv-unnamed-column = the cell { $value } is in column { $column }, which has no name in the header, so it is ignored
unit-csv-unnamed-column-help = name the column in the header row, or empty the cell

## A rule's declaration (checked when the rule file loads).

unit-rule-bands-no-steps = `bands` has no steps; add `steps:` with at least one `- {"{"} at_least: x, points: p {"}"}`
# $step: the step's number (from 1).
unit-rule-band-points-out-of-range = step { $step } of `bands` gives { $points } points, outside [0, { $max }] (the criterion's max); lower the points or raise `max`
unit-rule-band-contradictory = step { $step } of `bands` ({ $bounds }) can never hold: its bounds contradict each other
unit-rule-band-unreachable = step { $step } of `bands` ({ $bounds }) is never reached: the steps before it already take every value it holds for
unit-rule-band-unreachable-help = steps are tried in order and the first that holds gives the points; reorder or fix the bounds
unit-rule-deduct-per = `deduct.per` is { $per }; it must be greater than 0
unit-rule-deduct-floor = `deduct.floor` is { $floor }; it must lie in [0, { $max }] (the criterion's max)
unit-rule-per-points = `per.points` is { $points }; it must be greater than 0
unit-rule-scale-empty = `scale` has from = to = { $from }; they must differ (from scores 0, to scores the max)
# $options: the input's options.
unit-rule-levels-unknown-option = `levels` gives points for { $option }, which is not an option of { $input } ({ $options })
unit-rule-levels-points-out-of-range = `levels` gives { $option } { $points } points, outside [0, { $max }] (the criterion's max)
unit-rule-levels-incomplete = `levels` gives no points for { $count ->
        [one] option
       *[other] options
    } { $options } of { $input }; every option needs points

## Assessment rounds. $round: a round's id; $label: its label; $criterion: a criterion id.

unit-place-round = round { $round } of the unit
unit-text-expected = in the unit's { $key }, { $id } must be a text, not { $got }
unit-evidence-item = the evidence for { $id } must be a list of documents (texts), not { $got }
unit-unknown-round = the ruleset declares no round { $round }; that round's data is ignored
unit-unknown-round-help = the ruleset's rounds are { $rounds }
unit-unknown-round-none = the ruleset declares no rounds, so the unit cannot give round { $round }; that round's data is ignored
unit-unknown-round-none-help = give the data at the top level of the unit, or declare `rounds:` in the ruleset
unit-first-round-twice = the first round { $round } is given both at the top level of the unit and under `rounds`; the block under `rounds` is ignored
unit-round-twice = the unit gives round { $round } twice; the second is ignored
unit-first-round-twice-help = give each round's data in one place only
# $where: unit-in-round or unit-in-data.
unit-in-round = in round { $round }
unit-in-data = in the unit's data
unit-points-not-a-leaf = { $criterion } is a group: points can be set on leaves only ({ $where })
unit-points-not-a-leaf-help = set the points of its sub-criteria instead
unit-points-not-number = the points set on { $criterion } { $where } must be a number
unit-points-out-of-range = the points set on { $criterion } { $where } are { $points }, outside [0, { $max }]
unit-points-out-of-range-help = set a figure between 0 and the criterion's max, { $max }
unit-conflicting-marks = { $criterion } has both a self-assessed mark (`self_assessed`) and first-round points (`points`)
unit-conflicting-marks-help = keep one of them: `points` sets the round's mark, `self_assessed` is only compared with the result
unit-points-ignored = { $criterion } is not applicable to the unit, so the points set on it { $where } are ignored
unit-no-evidence = { $criterion } asks for evidence ({ $evidence }), but the unit cites none and gives no explanation
unit-no-evidence-help = cite the documents under `evidence`, or explain why there are none under `explanations`
unit-round-absent = the unit has no round { $round }; it is shown as of round { $shown } and is not ranked
unit-round-absent-none = the unit has no round { $round } or earlier; it is shown as of round { $shown } and is not ranked

## Parameters (§18)
unit-parameter-in-data = { $name } is a parameter of the ruleset, set once for the whole batch, not per unit; this value is ignored
unit-parameter-in-data-help = remove this column or key from the data and set the parameter when scoring (e.g. `cchc score --set { $name }=…`)
unit-ungrouped = the kind of unit { $kind } is in none of the ruleset's ranking groups; the unit is ranked in the group "other"
unit-ungrouped-no-kind = the unit has no `kind`, so it is in no ranking group; it is ranked in the group "other"
unit-ungrouped-help = the ruleset's ranking groups: { $groups }; correct the unit's kind or add it to a group in `ranking.groups`
