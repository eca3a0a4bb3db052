### load
## Reading the YAML or JSON text (shared by rule files and data files).

# What a value is, in "… but this is { $kind }".
load-kind-list = a list
load-kind-mapping = a mapping
load-kind-text = text
load-kind-null = nothing (null)
load-kind-bool = true/false
load-kind-number = a number
load-kind-scalar = a scalar

load-control-character = the file holds the control character { $code } here; a text file may not hold it
load-control-character-help = remove the character (a NUL byte often means the file was saved as UTF-16 or is not a text file); save the file as UTF-8 text
load-yaml-unknown-tag = the tag { $tag } cannot be used on { $what }
load-yaml-unknown-tag-help = remove the tag; only the YAML core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are understood
load-yaml-tag-mismatch = { $text } cannot be read as { $tag }
load-yaml-tag-mismatch-help = write a value of the tagged type, or remove the tag (!!float takes only numbers that are exact in decimal)
load-yaml-alias-bomb = aliases in this file expand to more than { $nodes } nodes or { $mib } MiB (an alias bomb?)
load-yaml-alias-bomb-help = write the values out, or use fewer aliases
load-yaml-unknown-anchor = this alias names an anchor that is not defined before it
load-yaml-unknown-anchor-help = define the anchor (`&name`) on a complete value before its alias (`*name`)
load-yaml-too-deep = the YAML nests deeper than { $depth } levels
load-yaml-flatten = flatten the structure
load-yaml-duplicate-key = the key { $key } appears twice in this mapping; keep one
load-yaml-nests-too-deeply = the YAML nests too deeply to be read
# $detail: the YAML reader's own description of the problem (in English).
load-yaml-syntax = the YAML cannot be read here: { $detail }
load-yaml-several-documents = the file holds more than one YAML document; keep one (remove the extra `---`)

## Reading the rule file: shapes and types of values.
## $what names what is read: a key (`rounding`) or a phrase (a criterion); $kind what was found.

load-did-you-mean = did you mean { $name }?
load-allowed-keys = the keys allowed here are: { $keys }
load-use-one-of = use one of: { $words }
load-not-a-mapping = { $what } must be a mapping of `key: value` lines, but this is { $kind }
load-not-a-list = { $what } must be a list, but this is { $kind }
load-unknown-key = unknown key { $key } in { $what }
load-missing-key = { $what } needs a { $key }; add { $example }
load-not-text = { $what } must be text, but this is { $kind }
load-not-a-number-unquoted = { $what } must be a number (unquoted), but this is { $kind }
load-number-too-large = { $what } { $text } is too large; numbers in a rule file are at most { $max } in size
load-not-a-number = { $what } must be a number, but { $text } is not one; write digits with `.` as the decimal point
load-number-not-finite = { $what } must be a finite number, not { $text }
load-number-inexact = { $what } { $text } cannot be held exactly (at most 28 significant digits); shorten it
load-not-a-bool = { $what } must be true or false, but this is { $kind }
load-invalid-keyword = { $text } is not a valid { $what }
load-not-a-text-list = { $what } must be a list (`[a, b]` or `- a` lines), but this is { $kind }
load-not-a-map-of-pairs = { $what } must be a mapping, but this is { $kind }
load-not-a-scalar = { $what } must be true/false, a number or text, but this is { $kind }

# What keywords are called ($what of load-invalid-keyword).
load-what-on-missing = on_missing policy
load-what-ranking = ranking
load-what-input-type = input type
load-what-node-kind = node kind
load-what-if-not-applicable = if_not_applicable
load-what-rule-kind = rule kind
load-what-unit-status = unit status
load-what-node-status = node status
load-what-ruleset-status = ruleset status

# What is read ($what of the messages above).
load-what-ruleset = a ruleset
load-what-the-ruleset = the ruleset
load-what-ruleset-id = the ruleset id
load-what-date = a date
load-what-input-name = an input name
load-what-input = input { $name }
load-what-grade = a grade
load-what-grade-id = a grade id
load-what-grade-label = a grade label
load-what-round = an assessment round
load-what-round-id = a round id
load-what-round-label = a round label
load-what-test = a test
load-what-test-name = a test name
load-what-value = a value
load-what-self-assessed-points = self-assessed points
load-what-expected-points = expected points
load-what-criteria-list = criteria and children (`- id: ...` entries)
load-what-criterion = a criterion
load-what-criterion-id = a criterion id
load-what-criterion-named = criterion { $id }
load-what-rule-one-kind = `rule` (one rule kind per criterion)
load-what-script = a script
load-what-level-points = level points
load-what-steps = `steps` (`- { "{" } at_least: x, points: p { "}" }` entries)
load-what-band-step = a band step

## The top level of a rule file.

load-empty-file = the file is empty; a ruleset starts with `format: cchc/1`
load-unsupported-format = format { $format } is not supported; this engine reads `cchc/1`
load-unsupported-format-help = write `format: cchc/1`
load-rounding-places = `rounding.places` must be a whole number from 0 to 10
load-effective-order = `effective.from` ({ $from }) is after `effective.to` ({ $to }); swap them
load-not-a-date = { $text } is not a date; write it as YYYY-MM-DD, e.g. 2021-01-01
load-date-not-in-calendar = { $text } is not a day of the calendar: that month has { $days } days
load-date-not-in-calendar-help = check the date; it is kept as written
load-grade-out-of-range = grade { $grade } starts at an index of { $at_least }, which no unit can have (the index runs from 0 to 100)
load-grade-out-of-range-help = write `at_least` as an index from 0 to 100

## Ids and criteria.

load-id-control-character = { $what } { $id } contains a control character
load-id-control-character-help = write ids with visible characters only
load-id-empty = { $what } is empty
load-id-empty-help = give it a short visible id, e.g. `1.2`
load-id-spaces = { $what } { $id } starts or ends with a space
load-id-spaces-help = remove the spaces: data files must repeat them exactly
load-too-many-nodes = the ruleset has more than { $max } criteria; split it into several rulesets
load-too-deep = criteria nest deeper than { $max } levels here; flatten the tree

## Rules.

load-rule-no-kind = `rule` names no rule kind; write exactly one of: { $kinds }
load-rule-several-kinds = `rule` names { $count } rule kinds ({ $kinds }); keep exactly one
load-rule-input-and-expr = { $what } has both `input` and `expr`; keep one
load-rule-no-source = { $what } needs `input: NAME` or `expr: "..."`

## Reading the rule file.

load-not-utf8 = the rule file is not UTF-8 text; save it as UTF-8
load-file-too-large = the rule file is { $bytes } bytes; at most { $max } (5 MiB) are allowed; split it
load-io = cannot read { $file }: { $detail }
# $detail: the operating system's own words (English).
load-io-not-found = { $detail }
load-io-permission = { $detail }
load-io-directory = { $detail }
load-io-other = { $detail }
load-fingerprint-failed = the ruleset cannot be written as canonical JSON for its fingerprint: { $detail }

## Meaning of the rule file: ids, sums, inputs, grades, tests.

load-first-used-here = first used here
load-total-mismatch = `total` is { $total } but the top-level normal criteria's max add up to { $sum }; make them equal
load-node-both = criterion { $id } has both `children` and `rule`; a criterion is either a group or a leaf
load-node-neither = criterion { $id } has neither `children` nor `rule`; give it a rule or sub-criteria
load-invalid-max = criterion { $id } has max { $max }; max must be greater than 0
load-duplicate-id = the id { $id } is already used by another criterion
load-duplicate-id-help = ids must be unique; rename one of them
load-empty-children = criterion { $id } has an empty `children` list
load-cap-on-leaf = criterion { $id } is a leaf; `cap` applies to groups only
load-cap-too-small = criterion { $id } has `cap: true` and max { $max }, but its normal sub-criteria add up to only { $sum }; lower max or drop `cap`
load-max-mismatch = criterion { $id } has max { $max } but its normal sub-criteria's max add up to { $sum }; make them equal (or set `cap: true` if the sub-criteria may exceed it)
load-duplicate-round = the round id { $id } is used twice
load-duplicate-round-help = round ids must be unique; rename one of them
load-duplicate-grade = the grade id { $id } is used twice
load-duplicate-grade-help = grade ids must be unique; rename one of them
load-grades-order = grade { $grade } (at least { $at_least }) comes after { $previous } (at least { $previous_at_least }); list grades from the highest threshold down
load-grade-unknown-criterion = grade { $grade } reads { $call }, but no criterion has that id
load-test-unknown-criterion = test { $test } names the criterion { $id }, which does not exist
load-test-unknown-grade = test { $test } expects the grade { $grade }, which is not a declared grade
load-or = { $a } or { $b }
load-undeclared-input = { $rule } reads { $input }, which is not a declared input
load-undeclared-input-help = declare it under `inputs:`
load-input-type-mismatch = { $rule } needs an input of type { $wanted }, but { $input } is { $ty }; use another rule or input
load-points-outside-requires = `points()` and `max_points()` can only be used in a grade's `requires`: { $source }
load-points-outside-requires-help = read the inputs the criterion is scored from instead
# $problem: what is wrong with the expression or script (an expr- message); $source: its text.
load-source-problem = { $problem }: { $source }
load-source-problem-line = { $problem } (line { $line } of the script): { $source }
load-input-min-max = input { $input } is { $ty }; `min` and `max` apply to `number` inputs only
load-input-min-above-max = input { $input } has min { $min } above max { $max }; swap them
load-input-no-options = choice input { $input } needs `options: [a, b, ...]`
load-input-option-twice = choice input { $input } lists the option { $option } twice
load-input-options-not-choice = input { $input } is { $ty }; `options` apply to `choice` inputs only
load-input-twice = the input { $input } is declared twice (after Unicode normalisation); keep one
load-input-bad-default = the default of input { $input } is not valid: { $problem }

## `cchc test`: the ruleset's own worked cases.

load-test-points-of = points of { $id }
load-test-total = total
load-test-index = index
load-test-grade = grade
load-test-status = status
load-test-unit-error = { $message } [{ $code }]

## The YAML reader's reasons ($detail of load-yaml-syntax): its own words in English.
load-yaml-reason-mapping-values = mapping values are not allowed in this context
load-yaml-reason-mapping-keys = mapping keys are not allowed in this context
load-yaml-reason-sequence-entries = block sequence entries are not allowed in this context
load-yaml-reason-unclosed-quote = while scanning a quoted scalar, found unexpected end of stream
load-yaml-reason-after-quote = invalid trailing content after double-quoted scalar
load-yaml-reason-expected-key = while parsing a block mapping, did not find expected key
load-yaml-reason-expected-dash = while parsing a block collection, did not find expected '-' indicator
load-yaml-reason-flow-sequence = while parsing a flow sequence, expected ',' or ']'
load-yaml-reason-flow-mapping = while parsing a flow mapping, did not find expected ',' or '{ "}" }'
load-yaml-reason-node-content = while parsing a node, did not find expected node content
load-yaml-reason-indentation = invalid indentation
load-yaml-reason-tab-block = tabs disallowed within this context (block indentation)
load-yaml-reason-tab-indentation = tab cannot be used as indentation
load-yaml-reason-comment = comments must be separated from other tokens by whitespace
load-yaml-reason-unknown-anchor = while parsing node, found unknown anchor
load-yaml-reason-other = { $text }

# Option labels (options written as a map id → label).
load-what-option-id = an option id
load-what-option-label = an option's label
load-options-shape = `options` must be a list of option ids (`[a, b]`) or a mapping of each option id to its label (`{"{"} a: Label A, b: Label B {"}"}`), but this is { $kind }
load-option-label-empty = the option { $id } of input { $input } has an empty label; write the text people read, e.g. `kip_thoi: Kịp thời`
load-option-label-is-id = input { $input }: the label `{ $label }` of option { $id } is the id of another option; data giving { $key } would name two options
load-option-label-is-id-help = change the label, or the option id
load-option-label-twice = input { $input }: the options { $first } and { $id } have the same label `{ $label }`; give each option its own label

## Parameters (parameters:, §18)
load-what-parameter-name = a parameter name
load-what-parameter = parameter { $name }
load-parameter-twice = the name { $name } is already used by an input or another parameter; parameters and inputs share one set of names
load-parameter-twice-help = rename the parameter or the input so that each name is used once
load-unknown-parameter = the ruleset declares no parameter { $name }
load-unknown-parameter-help = the parameters declared under `parameters:` are: { $names }
load-unknown-parameter-none-help = this ruleset has no `parameters:` section, so no parameter can be set
load-parameter-empty = the value set for the parameter { $parameter } is empty; a parameter always has a value
load-parameter-refused = the value set for the parameter { $parameter } is not valid: { $problem }
load-invalid-parameter-help = set a value of the parameter's declared type (e.g. `--set khao_sat=false`), or leave it unset to use its default
load-test-unknown-parameter = test { $test } sets the parameter { $name }, which the ruleset does not declare

## Ranking groups (ranking.groups, §10.2)
load-what-rank-group = a ranking group
load-what-rank-group-id = a ranking group id
load-rank-group-reserved = the group id { $id } is reserved for the group "other" of units in no group
load-rank-group-reserved-help = give the group another id
load-duplicate-rank-group = the ranking group id { $id } is used twice
load-duplicate-rank-group-help = ranking group ids must be unique; rename one of them
load-rank-group-no-kinds = the ranking group { $id } lists no kind of unit in `kinds`
load-rank-group-no-kinds-help = list the kinds of unit of the group, e.g. `kinds: [xa, thi_tran]`
load-kind-in-two-groups = the kind of unit { $kind } is in both group { $first } and group { $second }
load-kind-in-two-groups-help = each kind of unit may be in one ranking group only; remove it from one of them
