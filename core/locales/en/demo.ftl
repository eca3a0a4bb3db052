### demo
## The demo page of the JavaScript package (bindings-wasm/demo). The page asks for every
## `demo-` message by id (a wasm function returns them all), so none takes an argument.

demo-page-title = Demonstration page: self-assessment and appraisal of the administrative reform index
demo-banner = Demonstration page
demo-banner-text = This is not an official portal. The figures are illustrative, not official results: do not use them in reports, rankings or publications.
demo-heading = Self-assessment and appraisal of the administrative reform index (PAR index)
demo-language = Language

demo-step-ruleset = 1. Choose a criteria set
demo-ruleset-shipped = Criteria sets provided
demo-ruleset-loading = Loading the list…
demo-ruleset-choose = — Choose a criteria set —
demo-ruleset-none = (no criteria set found)
demo-ruleset-file = Or open a criteria set file (.yaml) from your computer
demo-set-xa-thi-tran = Commune and town people's committees — Thạch Thất district (2021)
demo-set-phong = Specialised offices — Thạch Thất district (2021)
demo-set-par-tinh = Provincial PAR Index (2022)
demo-set-example = Example of the cchc/1 format documentation

demo-info-id = Criteria set id
demo-info-version = Version
demo-info-file = File
demo-info-issued-by = Issued by
demo-info-issued-by-none = (the file does not say who issued it)
demo-info-status = Status
demo-info-fingerprint = Check code
demo-info-fingerprint-help = Two criteria set files with the same check code give the same scores.
demo-status-official = Official
demo-status-draft = Draft: not yet checked against an official source
demo-status-illustrative = Illustrative: the figures are not any authority's
demo-note-illustrative = This criteria set has illustrative figures: the results below are not official results.
demo-note-draft = This criteria set is a draft: the results below are for reference only.

demo-load-failed = The criteria set could not be loaded
demo-init-failed = The scoring program (WebAssembly) could not start
demo-line = line
demo-column = column
demo-criterion = criterion
demo-help = How to fix

demo-step-data = 2. Enter the data: the unit's self-assessment, the council's appraisal
demo-unit-legend = Assessed unit
demo-unit-id = Unit id
demo-unit-name = Unit name
demo-unit-name-example = e.g. UBND xã Bình Phú
demo-unit-kind = Kind of unit
demo-kind-none = — no kind —
demo-kind-xa = Commune (xã)
demo-kind-phuong = Ward (phường)
demo-kind-thi-tran = Town (thị trấn)
demo-kind-phong = Specialised office (phòng)
demo-kind-tinh = Province (tỉnh)
demo-kind-thanh-pho = Centrally governed city
demo-inputs-legend = Data asked by the criteria set
demo-inputs-empty = Choose a criteria set to show the form.
demo-type-bool = yes/no
demo-type-count = count
demo-type-percent = percentage
demo-type-number = number
demo-type-choice = choice
demo-choice-none = — not chosen —
demo-default = default
demo-missing-not-applicable = leave empty if it does not arise
demo-missing-zero = empty counts as 0
demo-not-a-number = The value entered is not a number.
demo-export = Download the unit's data, every round (JSON)
demo-reset = Clear the data entered

demo-step-result = 3. Score
demo-total = Total points
demo-index = PAR index
demo-grade = Grade
demo-not-graded = Not graded
demo-not-scored = Not scored yet.
demo-score-failed = Could not score
demo-unit-complete = All data given: the result is complete.
demo-unit-incomplete = Data missing: a criterion without its data scores 0 and the unit is not graded.
demo-unit-error = Some data is not valid: see the errors below; the unit is not graded.
demo-errors = Data errors
demo-warnings = Warnings
demo-tree-heading = Points by area and criterion
demo-tree-empty = No result yet.
demo-node-not-applicable = not applicable
demo-node-missing = missing data
demo-node-error = error
demo-node-bonus = bonus points
demo-node-penalty = penalty points
demo-why = Why

demo-footer = Every figure is computed by the cchc library (written in Rust, run as WebAssembly in your browser); the data you enter is not sent anywhere.
demo-library-version = Library version

## Assessment rounds (issue #11): the self-assessment and the council's rounds.
demo-round-tu-cham = Self-assessment
demo-round-tham-dinh = First appraisal
demo-round-chot-diem = Second appraisal (after the explanations)
demo-rounds-added = This ruleset declares no assessment rounds: the demonstration page added the usual three (self-assessment, first appraisal, second appraisal). The check code above is that of the ruleset with the rounds added.
demo-tabs = Assessment rounds
demo-tab-self-intro = The unit's self-assessment: enter the facts; for each criterion you may give your own points, cite evidence and add a note.
demo-tab-council-intro = The appraisal council: enter only the facts that change (empty means unchanged), the council's points and notes per criterion; with the unit's explanations.
demo-round-on = This round took place (include it in the result)
demo-unchanged = unchanged
demo-yes = Yes
demo-no = No
demo-criteria-legend = Per criterion
demo-crit-points-self = Own points (empty: scored from the facts)
demo-crit-points-council = The council's points (empty: unchanged)
demo-crit-note = Note
demo-crit-evidence = Evidence (one document per line)
demo-crit-evidence-needed = Evidence expected
demo-crit-explanation = The unit's explanation
demo-rounds-heading = Result of each round
demo-round = Round
demo-status = Status
demo-official = official result
demo-change = Change
demo-no-evidence = no evidence
demo-notes = Notes
demo-evidence = Evidence
demo-explanation = Explanation
demo-open-unit = Open a unit's data file (.json) downloaded before
demo-open-failed = The unit's data file could not be read
demo-export-rules = Download the ruleset used (YAML)
demo-round-complete = complete
demo-round-incomplete = incomplete
demo-round-error = invalid data
