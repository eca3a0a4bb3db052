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

## Descriptions of the JSON Schema (editor hovers; cchc schema).

tools-schema-root = A criteria set (cchc/1) for the CCHC index: inputs, the criteria tree, grades and worked cases.
tools-schema-root-format = File-format version; always `cchc/1`.
tools-schema-root-id = Ruleset id, e.g. `ha-noi.thach-that.xa`.
tools-schema-root-version = The policy's version (free text, quoted).
tools-schema-root-title = Title of the criteria set (Vietnamese).
tools-schema-root-issued-by = Issuing authority.
tools-schema-root-status = How far the figures may be relied on: `official`, `draft` (the default) or `illustrative`.
tools-schema-root-effective = Period the ruleset applies to: `{"{"} from: YYYY-MM-DD, to: YYYY-MM-DD {"}"}`.
tools-schema-root-total = Total points; must equal the sum of the top-level normal criteria's max.
tools-schema-root-rounding = Rounding of leaf points and of the index: `{"{"} places: 2 {"}"}` (default 2, half away from zero).
tools-schema-root-on-missing = Default for inputs a unit does not give: `error`, `zero` or `not_applicable`.
tools-schema-root-ranking = Ranking of tied units: `competition` (1, 2, 2, 4) or `dense` (1, 2, 2, 3).
tools-schema-root-inputs = The data dictionary: every value a rule may read, by name.
tools-schema-root-grades = Grades, highest first; the first that holds is the unit's grade.
tools-schema-root-rounds = Assessment rounds in order (self-assessment, appraisal, …); none: one implicit round.
tools-schema-root-criteria = The criteria tree.
tools-schema-root-tests = Worked cases run by `cchc test`: input values and the expected figures.
tools-schema-effective-from = First day (YYYY-MM-DD).
tools-schema-effective-to = Last day (YYYY-MM-DD).
tools-schema-rounding-places = Decimal places (0 to 10), half away from zero; default 2.
tools-schema-input-decl-type = Type: `bool`, `count`, `percent` (0–100), `number` or `choice`.
tools-schema-input-decl-label = Label shown to users (Vietnamese).
tools-schema-input-decl-description = Longer explanation.
tools-schema-input-decl-min = Smallest allowed value (`number` only).
tools-schema-input-decl-max = Largest allowed value (`number` only).
tools-schema-input-decl-options = The options (`choice` only): a list of ids, or a mapping id → label.
tools-schema-input-decl-default = Value used when the unit gives none.
tools-schema-input-decl-on-missing = What an absent value means (overrides the ruleset's).
tools-schema-grade-decl-id = Grade id, e.g. `tot`.
tools-schema-grade-decl-label = Label (Vietnamese), e.g. Tốt.
tools-schema-grade-decl-at-least = Lowest index for this grade (0–100).
tools-schema-grade-decl-requires = Extra condition (an expression over `index`, `total`, `points("id")`, inputs).
tools-schema-round-decl-id = Round id, e.g. `tu_cham`, `tham_dinh`.
tools-schema-round-decl-label = Label (Vietnamese); the id when absent.
tools-schema-node-decl-id = Criterion id, unique, e.g. "1.2" (quoted).
tools-schema-node-decl-title = Title (Vietnamese).
tools-schema-node-decl-max = Maximum points (> 0); for a group, the sum of its normal children's max (unless `cap: true`).
tools-schema-node-decl-description = Explanation.
tools-schema-node-decl-evidence = Documents an inspector asks for (evidence).
tools-schema-node-decl-kind = `normal` (the default), `bonus` or `penalty`.
tools-schema-node-decl-applies-if = The criterion applies only when this expression is true.
tools-schema-node-decl-if-not-applicable = What a not-applicable criterion scores: `exclude` (the default) or `full`.
tools-schema-node-decl-cap = Groups only: the children's max may add up to more than the group's max, whose points are capped.
tools-schema-node-decl-children = Sub-criteria (a group); a criterion has `children` or `rule`, not both.
tools-schema-node-decl-rule = The leaf's rule: exactly one of check, bands, scale, deduct, per, levels, value, script.
tools-schema-rule-decl-check = Max if true, else 0: `check: input_name`.
tools-schema-rule-decl-bands = Points of the first step whose bounds all hold.
tools-schema-rule-decl-scale = Linear: 0 at `from`, the max at `to`.
tools-schema-rule-decl-deduct = Deduction: max minus `per` for each unit of the value, not below `floor`.
tools-schema-rule-decl-per = `points` for each unit of the value, up to the max.
tools-schema-rule-decl-levels = Points for the option chosen.
tools-schema-rule-decl-value = The value itself.
tools-schema-rule-decl-script = The number a Rhai script returns.
tools-schema-operand-input = The input read, by name.
tools-schema-operand-expr = A Rhai expression computing the value.
tools-schema-bands-decl-steps = Steps, tried in order; a step without bounds takes every other value.
tools-schema-step-decl-at-least = Value ≥ this.
tools-schema-step-decl-above = Value > this.
tools-schema-step-decl-at-most = Value ≤ this.
tools-schema-step-decl-below = Value < this.
tools-schema-step-decl-equals = Value = this.
tools-schema-step-decl-points = Points when the bounds hold (0 to the max).
tools-schema-scale-decl-from = Value scoring 0.
tools-schema-scale-decl-to = Value scoring the max.
tools-schema-deduct-decl-per = Points taken per unit of the value (> 0).
tools-schema-deduct-decl-floor = Lowest score (default 0).
tools-schema-per-decl-points = Points per unit of the value (> 0).
tools-schema-levels-decl-input = The `choice` input read.
tools-schema-levels-decl-points = Points of every option: `{"{"} option: points {"}"}`.
tools-schema-test-decl-name = Name.
tools-schema-test-decl-values = Input values.
tools-schema-test-decl-not-applicable = Criteria not applicable to this unit.
tools-schema-test-decl-self-assessed = Self-assessed points by criterion id.
tools-schema-test-decl-expect = What the result must show: points by criterion, total, index, grade, status.
tools-schema-expect-decl-points = Points by criterion id.
tools-schema-expect-decl-total = Total.
tools-schema-expect-decl-index = Index (null for none).
tools-schema-expect-decl-grade = Grade id (null for none).
tools-schema-expect-decl-status = Status: `complete`, `incomplete` or `error`.
tools-schema-def-bands-decl = `bands`: the value read (`input` or `expr`) and its `steps`.
tools-schema-def-deduct-decl = `deduct`: the value read, `per` and `floor`.
tools-schema-def-effective = Period the ruleset applies to (dates as YYYY-MM-DD).
tools-schema-def-expect-decl = Expected figures of a worked case.
tools-schema-def-grade-decl = A grade.
tools-schema-def-if-not-applicable = What a not-applicable criterion scores.
tools-schema-def-input-decl = An input declaration.
tools-schema-def-input-type = Input types.
tools-schema-def-levels-decl = `levels`: a `choice` input and the points of every option.
tools-schema-def-node-decl = A criterion: a group (`children`) or a leaf (`rule`).
tools-schema-def-node-kind = Criterion kinds.
tools-schema-def-on-missing = What an absent input means.
tools-schema-def-options = The options of a `choice` input: a list of ids, or a mapping id → label (e.g. `{"{"} kip_thoi: Kịp thời, cham: Chậm {"}"}`); unit data may give the id or the label.
tools-schema-def-per-decl = `per`: the value read and `points`.
tools-schema-def-ranking-mode = Ranking of tied units.
tools-schema-def-round-decl = An assessment round.
tools-schema-def-rounding = `rounding: {"{"} places {"}"}`.
tools-schema-def-rule-decl = A leaf rule: exactly one kind.
tools-schema-def-ruleset-status = How far the figures may be relied on (`status:`; absent: draft).
tools-schema-def-scalar = A scalar: true/false, a number or text.
tools-schema-def-scale-decl = `scale`: the value read, `from` and `to`.
tools-schema-def-simple-operand = The value read: an input's name, `{"{"} input: NAME {"}"}` or `{"{"} expr: "…" {"}"}`.
tools-schema-def-step-decl = One step: bounds and points.
tools-schema-def-test-decl = A worked case in `tests:`.
tools-schema-def-unit-status = A unit's status.
tools-schema-if-not-applicable-is-exclude = 0 points, and its max leaves the parent's max.
tools-schema-if-not-applicable-is-full = Full marks.
tools-schema-input-type-is-bool = true/false.
tools-schema-input-type-is-count = A whole number ≥ 0.
tools-schema-input-type-is-percent = A number in [0, 100].
tools-schema-input-type-is-number = Any number, optionally within `min`/`max`.
tools-schema-input-type-is-choice = One of `options`.
tools-schema-node-kind-is-normal = Counts toward the parent's max.
tools-schema-node-kind-is-bonus = Adds up to `max` (bonus).
tools-schema-node-kind-is-penalty = Takes away up to `max` (penalty).
tools-schema-on-missing-is-error = Criteria that read it are missing; the unit is incomplete.
tools-schema-on-missing-is-zero = Read as 0 (false for a bool).
tools-schema-on-missing-is-not-applicable = Criteria that read it are not applicable.
tools-schema-ranking-mode-is-competition = Competition ranking: 1, 2, 2, 4.
tools-schema-ranking-mode-is-dense = Dense ranking: 1, 2, 2, 3.
tools-schema-ruleset-status-is-official = Every figure comes from a cited official source.
tools-schema-ruleset-status-is-draft = Not (yet) checked against an official source: the default.
tools-schema-ruleset-status-is-illustrative = Made up to show how the engine works; not any authority's figures.
tools-schema-unit-status-is-complete = Every criterion scored or not applicable, no error.
tools-schema-unit-status-is-incomplete = Some criterion is missing an input.
tools-schema-unit-status-is-error = Some criterion failed, or the unit's data is invalid.

# Parameters and ranking groups (format §18, §10.2).
tools-schema-root-parameters = The ruleset's parameters: values set once for a whole batch (e.g. whether a survey was held); expressions read them like inputs.
tools-schema-group-decl-id = The ranking group's id (not `khac`).
tools-schema-group-decl-label = The group's name, shown on the ranking.
tools-schema-group-decl-kinds = The unit kinds (`kind`) ranked together in the group.
tools-schema-param-type = The parameter's type (as an input's type).
tools-schema-param-label = The parameter's name for people.
tools-schema-param-description = What the parameter means.
tools-schema-param-default = The default value (required): used when no other value is set.
tools-schema-param-min = Smallest allowed value.
tools-schema-param-max = Largest allowed value.
tools-schema-param-options = The options (type `choice`).
tools-schema-ranking-spec-method = How tied units are ranked: `competition` (1, 2, 2, 4) or `dense` (1, 2, 2, 3).
tools-schema-ranking-spec-groups = Ranking groups: each group ranks its own unit kinds.
tools-schema-test-decl-parameters = Parameter values for this case.
tools-schema-def-group-decl = A ranking group.
tools-schema-def-param-schema = A parameter's declaration.
tools-schema-def-ranking-spec = The ranking method and the ranking groups.
tools-schema-def-ranking-decl = The ranking: a word (`competition`, `dense`) or a mapping with `method` and `groups`.
