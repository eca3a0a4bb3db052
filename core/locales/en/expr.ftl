### expr
## Expressions (`applies_if`, `expr:`, `requires`) and scripts (`script:`).

## Compiling (at load).
expr-too-long = the script is { $bytes } bytes long; at most { $max } are allowed
expr-name-not-ascii = { $name } is not a declared input; the input { $input } cannot be named in an expression because names there may hold only ASCII letters, digits and `_` (rename it, e.g. { $suggestion })
expr-undeclared = { $name } is not a declared input; declare it under `inputs:` or correct the name
expr-too-deep = the expression is nested more than { $max } deep (limit `expr_depth`); split it with `let`
expr-too-many-functions = the script defines more than { $max } functions (limit `functions`)
# $detail: the expression engine's own words (English), with their place.
expr-syntax = the expression does not compile: { $detail }
expr-unknown-function = { $name } is not a function available in expressions; the functions are { $functions }

## Running (per unit).
expr-no-value = { $name } has no value here
expr-failed = the script failed
# $detail: what the script threw, or the engine's own words (English).
expr-failed-with = the script failed: { $detail }
expr-call-depth = the script called functions more than { $max } deep (limit `call_depth`)
# $what: the engine's words for the value (English).
expr-too-large-string = the script built too large a value: { $what } (limit `string_bytes`, { $max } bytes)
expr-too-large-items = the script built too large a value: { $what } (limit `items`, { $max } items)
expr-too-many-variables = the script defined more than { $max } variables (limit `variables`)
expr-sandbox-limit = the script hit a sandbox limit
expr-division-by-zero = division by zero
expr-time = the script ran longer than { $ms } ms (limit `time`)
expr-operations = the script ran more than { $max } operations (limit `operations`; an endless loop?)
expr-overflow = the result of { $op } is too large to hold exactly
expr-fractional-power = `**` needs a whole exponent, not { $exponent }: fractional powers are not exact
expr-assign-not-number = { $op } needs a number on its left, not { $value }
expr-takes-numbers = { $function } takes numbers, not { $value }
expr-points-outside-requires = { $call } can be used in a grade's `requires` only
expr-unknown-criterion = no criterion has the id { $id }
expr-clamp-order = clamp(x, lo, hi) needs lo ≤ hi, but { $lo } > { $hi }
expr-round-places = round(x, places) needs places from 0 to 28

## A value of a script, in messages: `5 (a decimal)`; `a array` when too long to show.
expr-value = { $value } (a { $ty })
expr-value-of-type = a { $ty }

## Rhai's reasons ($detail of expr-syntax): its own words in English.
expr-reason-incomplete = Script is incomplete
expr-reason-missing-token = Expecting '{ $token }' { $detail }
expr-reason-unknown-operator = Unknown operator: '{ $op }'
expr-reason-unexpected = Unexpected '{ $text }'
expr-reason-unterminated = Open string is not terminated
expr-reason-bad-number = Invalid number: '{ $text }'
expr-reason-other = { $text }

## Rhai's reasons for stopping a script ($detail of expr-failed-with): its own words, with their place.
expr-at-line = { " " }(line { $line })
expr-reason-array-bounds = { $text }
expr-reason-data-type = { $text }
expr-reason-for = { $text }
expr-reason-indexing = { $text }
expr-reason-property = { $text }
expr-reason-constant = { $text }
expr-reason-dot = { $text }

## Script types in messages ($ty, $expected, $actual): Rhai's names.
expr-type-integer = { $name }
expr-type-decimal = { $name }
expr-type-string = { $name }
expr-type-bool = { $name }
expr-type-array = { $name }
expr-type-map = { $name }
expr-type-unit = { $name }
