### trace
## Why a criterion scored what it did (the `trace` of a result's node; its `why` is the id and
## arguments). Arguments arrive already written: points padded to the ruleset's decimal places,
## numbers with the language's separator, inputs and expressions between backticks (an input
## with its label beside it).
## $of: the input or expression a rule reads; $value: the value it read;
## $points and $max: the node's points and max.

trace-check-true = { $of } is true: { $points } of { $max }
trace-check-false = { $of } is false: { $points } of { $max }

# $band: the number of the step that held (from 1); $bounds: its bounds.
trace-band = { $of } = { $value }: band { $band } ({ $bounds }) holds, { $points } of { $max }
trace-no-band = { $of } = { $value }: no band holds, { $points } of { $max }
trace-bound-at-least = ≥ { $x }
trace-bound-above = > { $x }
trace-bound-at-most = ≤ { $x }
trace-bound-below = < { $x }
trace-bound-equals = = { $x }
trace-bound-otherwise = otherwise

trace-scale = { $of } = { $value } on the scale { $from } → { $to }: { $points } of { $max }

# $per: the points deducted for each one; $value: how many.
trace-deduct = { $of } = { $value }: { $max } − { $per } × { $value } = { $points }
trace-deduct-floored = { $of } = { $value }: { $max } − { $per } × { $value } is below the floor { $floor }, so { $points }
# $per: the points for each one.
trace-per = { $of } = { $value }: { $per } × { $value } = { $points }
trace-per-capped = { $of } = { $value }: { $per } × { $value }, capped at the max { $max } = { $points }

# $option: the option chosen (with its label); $level: its number among the options.
trace-level = { $input } is { $option }: { $points } of { $max }
trace-value = { $of } gives { $points } of { $max }

# $result: the number the script returned; $printed: the lines it printed.
trace-script = the script returned { $points } of { $max }
trace-script-printed = the script returned { $points } of { $max }; printed: { $printed }
trace-points = { $points } of { $max }

## Not applicable, missing, errors.

trace-na-listed = not applicable: listed in the unit's `not_applicable`
trace-na-applies-if-full = not applicable: { $condition } is false (full marks)
trace-na-applies-if-excluded = not applicable: { $condition } is false (excluded)
trace-na-input = not applicable: { $input } is not given
trace-na-parent = not applicable: a parent criterion does not apply
trace-missing = missing: needs { $input }
trace-invalid = error: the value of { $input } is invalid
trace-parent-undecided = not evaluated: the parent's `applies_if` could not be decided
# $error: the unit's error message for this criterion.
trace-error = error: { $error }
trace-error-unknown = error: failed

## Groups. $count: the normal children that were scored; $sum: the points of the normal children;
## $bonus, $penalty: the points of the bonus and penalty children; $raw: sum + bonus − penalty.

trace-group = sum of { $count } scored { $count ->
        [one] sub-criterion
       *[other] sub-criteria
    }: { $points } of { $max }
trace-group-capped = sum of { $count } scored { $count ->
        [one] sub-criterion
       *[other] sub-criteria
    } { $sum }, capped at the max: { $points } of { $max }
trace-group-extras = sum of { $count } scored { $count ->
        [one] sub-criterion
       *[other] sub-criteria
    } { $sum } + bonus { $bonus } − penalty { $penalty }: { $points } of { $max }
trace-group-extras-capped = sum of { $count } scored { $count ->
        [one] sub-criterion
       *[other] sub-criteria
    } { $sum } + bonus { $bonus } − penalty { $penalty } = { $raw }, capped at the max: { $points } of { $max }
trace-group-extras-zero = sum of { $count } scored { $count ->
        [one] sub-criterion
       *[other] sub-criteria
    } { $sum } + bonus { $bonus } − penalty { $penalty } = { $raw }, raised to 0: { $points } of { $max }

## Points set by a round. $points: the points; $label: the round's label; $note: its note.

trace-set-points = { $points } points set in round { $label }
trace-set-points-note = { $points } points set in round { $label }: { $note }
trace-set-points-unit = { $points } points set in the unit's data
trace-set-points-unit-note = { $points } points set in the unit's data: { $note }
trace-parameter-true = the parameter { $parameter } is true
trace-parameter-false = the parameter { $parameter } is false
trace-parameter-value = the parameter { $parameter } is { $value }
trace-na-parameter-full = not applicable: { $condition } is false because { $parameters } (full marks)
trace-na-parameter-excluded = not applicable: { $condition } is false because { $parameters } (excluded)
