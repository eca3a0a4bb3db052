### bindings

## Python (the `cchc` package): its own texts. Arguments arrive already written: numbers with
## a decimal point, identifiers and Python type names between backticks.

# `cchc.set_lang("fr")`, `lang="fr"` (the command line's wording).

## Exceptions.

py-ruleset-problems = the ruleset has { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }:
py-data-unreadable = the data cannot be read:
py-internal = internal error in cchc while { $what }; please report it
py-doing-load = loading a ruleset
py-doing-describe = describing the ruleset
py-doing-score-unit = scoring a unit
py-doing-score-batch = scoring a batch
py-doing-read-data = reading data
py-doing-run-tests = running the ruleset's tests
py-json-error = cannot write JSON: { $error }
py-unknown-criterion = no criterion { $id } in this ruleset; check the criterion id
py-batch-index = batch index { $index } out of range (the batch has { $len ->
        [one] 1 unit
       *[other] { $len } units
    })
py-needs-pandas = Batch.to_pandas() needs pandas (pip install pandas): { $error }
py-from-yaml-type = from_yaml takes the rule file's text (str or bytes), not a { $found }
py-score-text-type = score_text takes the data as text (str or bytes), not a { $found }
py-unknown-round = the ruleset has no round { $round }; its rounds are: { $rounds }
py-unknown-round-none = the ruleset declares no rounds, so nothing can be scored as of round { $round }
py-unknown-format = unknown data format { $format }; use "json", "yaml" or "csv"
py-score-many-one = score_many takes a list of unit dicts or a pandas DataFrame, not a { $found }; use score() for one unit and score_text() for data text
py-score-many-type = score_many takes a list of unit dicts or a pandas DataFrame, not a { $found }

## A Python value that cannot be used as an input's value (the engine places the reason after
## "the value of `input` cannot be used:").

py-value-inexact-integer = the integer { $value } cannot be held exactly (at most 28 significant digits)
py-value-unreadable = a { $found } that cannot be read
py-value-not-finite = { $value } is not a finite number
py-value-list = a list is not a value
py-value-mapping = a mapping is not a value
py-value-type = a { $found } is not a value; give a bool, int, float, Decimal, str or None

## A unit given as a Python dict (or a DataFrame row) with a wrong shape (reported in the
## unit's errors and warnings, not raised).

py-unit-not-dict = a unit must be a dict with `id` and `values`, but this is a { $found }
py-unit-text = the unit's { $key } must be text, not a { $found }
py-unit-mapping = the unit's { $key } must be a mapping of `name: value`, not a { $found }
py-unit-names = the names in the unit's { $key } must be text, not a { $found }
py-unit-not-applicable = the unit's `not_applicable` must be a list of criterion ids, not a { $found }
py-unit-not-applicable-item = `not_applicable` must list criterion ids (text)
py-unit-unknown-key = unknown key { $key } in a unit; a unit has: { $keys }
py-row-unreadable = a DataFrame row could not be read
py-row-column = column names must be text, not a { $found }
py-unit-text-expected = in the unit's { $key }, { $id } must be text, not a { $found }
py-unit-evidence-item = the evidence for { $id } must be a document (text) or a list of documents, not a { $found }
py-round-mapping = round { $round } of the unit must be a dict with `values`, `not_applicable`, `points` and `notes`, not a { $found }
py-round-unknown-key = unknown key { $key } in round { $round } of a unit; a round has: { $keys }
py-row-round = the `round` column must hold a round's id (text), not a { $found }

## `repr()` of the package's objects.

# A figure a result does not have (an index when the maximum is 0, a grade).
py-none = None
py-ruleset-repr = <cchc.Ruleset id={ $id } version={ $version } title={ $title } issued_by={ $issued_by } status={ $status }>
py-result-repr = <cchc.Result id={ $id } status={ $status } total={ $total } max={ $max } index={ $index } grade={ $grade }>
py-batch-repr = <cchc.Batch units={ $units } ranked={ $ranked }>

## JavaScript (cchc-wasm): the texts of the JavaScript layer. Kept in one block at the end of
## the file (the rest of the file belongs to the Python binding).

js-more-problems = { $count ->
    [one] (and 1 more problem)
   *[other] (and { $count } more problems)
}
js-unknown-error = unknown error
js-internal = internal error of the scoring library: { $error }
js-engine-stopped = the engine stopped after an internal error and must be loaded again (reload the page or restart the process); the error was: { $error }
js-freed = this Ruleset has been freed (`free()`); load it again with `Ruleset.fromYaml(text)`
js-use-from-yaml = use `Ruleset.fromYaml(text)` to load a ruleset
js-not-string = { $what } must be a string, not { $got }
js-what-ruleset = the ruleset text
js-what-unit-json = the unit JSON text
js-what-units-json = the units JSON text
js-what-data = the data text
js-what-format = the data format
js-json-failed = cannot write the result as JSON: { $error }
js-unknown-format = unknown data format { $format }; use json, yaml or csv
js-one-unit = score() takes one unit (an object with `id` and `values`); for a list of units use scoreMany()
js-unknown-round = no round { $round } in this ruleset; the `round` option must name one of its rounds
js-unknown-round-none = no round { $round } in this ruleset: it declares no rounds, so leave out the `round` option
js-params-not-object = `params` must be an object {"{"} name: value {"}"}: { $error }
py-unknown-groups = `groups` must be "ruleset", "kind" or "none", not { $groups }
js-unknown-groups = the `groups` option must be 'ruleset', 'kind' or 'none', not { $groups }
