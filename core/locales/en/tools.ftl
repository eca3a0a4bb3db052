### tools
## Authoring tools: static analysis (lint), comparing two versions (diff), coverage of a file's
## worked cases. Not in the browser's scoring build.

## Static analysis (cchc check, cchc test, Ruleset.lint()).

# $step: the step's number; $bounds: its bounds; $of: the input; $values: the values the input can take.
tools-lint-band-never-holds = step { $step } of `bands` ({ $bounds }) is never used: { $of } only takes values { $values }, and those within this step are taken by earlier steps
tools-lint-band-never-holds-help = fix the step's bounds to match the values the input can take (its type, `min` and `max`), or remove the step
# $gap: the bounds of the values no step takes.
tools-lint-band-gap = no step of `bands` takes the values { $gap } of { $of }: a unit with such a value scores 0
tools-lint-band-gap-help = add a step for these values (or a last step without bounds for all other cases, even if it gives 0 points) so that the rule says what is meant
# $end: `from` or `to`.
tools-lint-scale-outside-range = `scale.{ $end }` is { $value }, outside the values { $of } can take ({ $values })
tools-lint-scale-outside-range-help = put `from` and `to` within the input's values (its type, `min`, `max`), or fix the input's declaration
# $why: the reason (one of the tools-lint-max-unreachable-* sentences).
tools-lint-max-unreachable = no unit can reach this criterion's max of { $max }: { $why }
tools-lint-max-unreachable-bands = the best step any value of the input reaches gives { $best } points
tools-lint-max-unreachable-levels = the highest option is priced { $best } points
tools-lint-max-unreachable-deduct = { $of } can never be 0, so points are always deducted
tools-lint-max-unreachable-per = { $of } is at most { $top }, which earns { $best } points
tools-lint-max-unreachable-value = { $of } is at most { $top }
tools-lint-max-unreachable-help = fix the criterion's max to match its rule, or fix the rule (step or option points) so that the max can be earned
tools-lint-input-unused = the input { $input } is declared, but no rule, `applies_if`, expression or grade condition reads it
tools-lint-input-unused-help = remove the declaration, or use the input in the rule of the criterion that needs it
tools-lint-applies-if-always-true = `applies_if: { $condition }` is true for every value of the inputs it reads: the criterion always applies
tools-lint-applies-if-always-false = `applies_if: { $condition }` is false for every value of the inputs it reads: the criterion never applies
tools-lint-applies-if-constant-help = fix the condition to say what is meant, or remove `applies_if` if the criterion always applies

## Coverage of a file's worked cases (cchc test --coverage).

# $percent: a percentage; $covered, $total: items covered, items; $tests: worked cases.
tools-coverage-summary = { $file }: the worked cases cover { $percent } % ({ $covered }/{ $total } items, { $tests } cases)
# $kind: the kind of item (one of tools-coverage-kind-*).
tools-coverage-kind = { $kind }: { $covered }/{ $total }
tools-coverage-kind-leaf = leaves scored by their rule
tools-coverage-kind-band-step = `bands` steps
tools-coverage-kind-level-option = `levels` options
tools-coverage-kind-applies-if = `applies_if` outcomes
tools-coverage-kind-extra = bonus and penalty criteria earning points
tools-coverage-kind-grade = grades
tools-coverage-missing = Not covered by any case ({ $count } items):
tools-coverage-item-leaf = criterion { $criterion } never scored by its rule
tools-coverage-item-band-step = step { $step } of criterion { $criterion }
tools-coverage-item-level-option = option { $option } of criterion { $criterion }
# $outcome: true or false.
tools-coverage-item-applies-if = `applies_if` of criterion { $criterion } being { $outcome }
tools-coverage-item-extra = criterion { $criterion } (bonus or penalty) never earning points
tools-coverage-item-grade = grade { $grade }
# $min: the required percentage.
tools-coverage-below-min = The coverage of { $file }, { $percent } %, is below the minimum of { $min } %.

## Comparing two versions of a ruleset (cchc diff, cchc.diff()).

tools-diff-side = { $file } (id { $id }, version { $version }, fingerprint { $fingerprint })
tools-diff-old = Old: { $side }
tools-diff-new = New: { $side }
tools-diff-no-change = No change.
tools-diff-changes = { $count ->
    [one] 1 change:
   *[other] { $count } changes:
}
tools-diff-none = (none)
tools-diff-top-level = the top level
tools-diff-group = a group
tools-diff-pair = { $key }: { $value }
tools-diff-plus = +{ $value }
# $field: a field of the ruleset (total, rounding, ranking, on_missing, status).
tools-diff-ruleset-changed = ruleset: { $field } changed from { $old } to { $new }
tools-diff-criterion-added = criterion { $criterion } added (under { $parent }, position { $position }, max { $max })
tools-diff-criterion-removed = criterion { $criterion } removed (under { $parent }, position { $position }, max { $max })
tools-diff-criterion-moved = criterion { $criterion } moved from { $old_parent } position { $old_position } to { $new_parent } position { $new_position }
tools-diff-criterion-retitled = criterion { $criterion } retitled: "{ $old }" to "{ $new }"
# $field: max, kind, applies_if, if_not_applicable, cap, description, evidence.
tools-diff-criterion-changed = criterion { $criterion }: { $field } changed from { $old } to { $new }
tools-diff-rule-kind-changed = criterion { $criterion }: rule kind changed from { $old } to { $new }
# $parameter: a rule parameter (of, steps.N, from, to, per, floor, points, input, points.OPTION, script).
tools-diff-rule-changed = criterion { $criterion }: { $parameter } changed from { $old } to { $new }
tools-diff-input-added = input { $input } added (type { $input_type })
tools-diff-input-removed = input { $input } removed (type { $input_type })
tools-diff-input-changed = input { $input }: { $field } changed from { $old } to { $new }
tools-diff-grade-added = grade { $grade } added (from index { $at_least })
tools-diff-grade-removed = grade { $grade } removed (from index { $at_least })
tools-diff-grade-changed = grade { $grade }: { $field } changed from { $old } to { $new }
# $changed: units that change; $scored: units scored.
tools-diff-effect = Effect on units: { $changed } of { $scored } change index, grade or rank
tools-diff-unit = { $unit }: index { $old_index } → { $new_index } ({ $delta }), grade { $old_grade } → { $new_grade }, rank { $old_rank } → { $new_rank }
tools-diff-unit-criterion = { $criterion } ({ $old } → { $new })
tools-diff-unit-criteria = because of: { $criteria }
