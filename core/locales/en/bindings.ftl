### bindings

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
