### xlsx
## Workbooks: reading unit data from .xlsx/.xls/.ods, writing results workbooks and
## data-entry templates (native builds only: left out of the browser build).

## Reading.

xlsx-unreadable = the file { $file } cannot be read as a workbook: { $why }
xlsx-unreadable-help = Open the file in Excel or LibreOffice, save it as .xlsx (Excel Workbook) and try again.
xlsx-encrypted = the workbook { $file } is protected by a password and cannot be read
xlsx-encrypted-help = Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, left empty), save it and try again.
xlsx-archive-parts = the workbook { $file } holds { $count } parts, more than the limit of { $max }
xlsx-archive-too-large = the parts of the workbook { $file } unpack to more than the limit of { $mib } MiB
xlsx-archive-ratio = the part { $part } of the workbook { $file } is compressed more than { $ratio } times (it may be a hostile "zip bomb")
xlsx-archive-size-lie = the part { $part } of the workbook { $file } unpacks to more than its declared size ({ $declared } bytes): the file is damaged or forged
xlsx-archive-part-unreadable = the part { $part } of the workbook { $file } cannot be unpacked: { $why }
xlsx-archive-help = This workbook cannot be read safely. If it comes from a trusted source, open it in Excel or LibreOffice, save it as .xlsx and try again; if its source is unknown, do not open it.
xlsx-unknown-sheet = the workbook has no sheet { $sheet }; its sheets are: { $sheets }
xlsx-unknown-sheet-help = Name one of these sheets with --sheet (in Python: sheet=…).
xlsx-no-sheets = the workbook { $file } has no sheets
xlsx-empty-sheet = sheet { $sheet } is empty: there is no header row
xlsx-no-rows = sheet { $sheet } has a header row but no rows of units
xlsx-column-twice = the column { $column } appears twice, in cells { $first } and { $second }
xlsx-beyond-limits = cell { $cell } is beyond the limits of a sheet ({ $rows } rows, { $columns } columns)
xlsx-cell-date = cell { $cell } holds a date or a time, which is not a valid value; enter a number or text (cell format General or Number)
xlsx-cell-error = cell { $cell } holds the error { $error } (a formula that failed); fix the formula or enter the value
xlsx-cell-not-finite = cell { $cell } holds a number that is not finite
xlsx-cell-too-long = cell { $cell } is longer than { $max } characters
xlsx-ambiguous-label = the column header { $header } is the label of several inputs: { $inputs }
xlsx-ambiguous-label-help = Use the input's name as the column header instead of its label, or give the inputs different labels in the ruleset.

## Results workbooks.

# Row 2 of every sheet.
xlsx-ruleset-line = Ruleset { $id }, version { $version } · fingerprint { $fingerprint }
xlsx-sheet-ranking = Ranking
xlsx-sheet-summary = Summary
# A unit's sheet when the unit has no id.
xlsx-sheet-unit = Unit { $n }
xlsx-unit-caption = { $status }, index { $index }, grade { $grade }
xlsx-col-number = No.
xlsx-col-criterion = Area / criterion
xlsx-col-max = Maximum points
xlsx-col-evidence = Evidence
xlsx-col-notes = Notes / explanation
xlsx-problems = The unit's errors and warnings:

## Data-entry templates.

xlsx-sheet-entry = Data entry
xlsx-sheet-guide = Instructions
xlsx-sheet-lists = Lists
xlsx-entry-id = Unit id
xlsx-entry-name = Unit name
xlsx-entry-kind = Unit kind
xlsx-guide-title = How to fill in this workbook
xlsx-guide-1 = Enter one unit per row of the sheet { $sheet }, from row 3. Row 1 holds the inputs' labels; row 2 holds the input names the program reads: do not change or delete these two rows.
xlsx-guide-2 = The "Unit id" column is required and must not repeat; "Unit kind" (e.g. xa, phuong, phong) is used to rank each kind separately.
xlsx-guide-3 = Pick yes/no cells (true or false) and choice cells from their drop-down lists; enter numbers in number cells (counts are whole numbers from 0, percentages from 0 to 100). Hover over a column header for its explanation.
xlsx-guide-4 = Leave a cell empty when its data is not available: an empty cell is missing data, not zero. Do not enter dates, and do not leave formulas that fail (#DIV/0!, #N/A...).
xlsx-guide-5 = You may add a "not_applicable" column (criteria that do not apply, separated by commas) and "evidence:CRITERION_ID", "notes:CRITERION_ID" columns for evidence and notes.
xlsx-guide-6 = Save the file as .xlsx and score it: cchc score RULESET.yaml filled-in.xlsx (or in Python: ruleset.score_file("filled-in.xlsx")).
xlsx-guide-inputs = The inputs to enter:
xlsx-expects-bool = true or false
xlsx-expects-count = a whole number from 0
xlsx-expects-percent = a percentage from 0 to 100
xlsx-expects-number = a number
xlsx-expects-number-between = a number from { $min } to { $max }
xlsx-expects-number-min = a number not below { $min }
xlsx-expects-number-max = a number not above { $max }
xlsx-expects-choice = one of: { $options }
xlsx-validation-title = Invalid value

## The command line.

xlsx-cli-needs-out = error: an .xlsx workbook cannot be shown on a terminal; name the file to write with --out, e.g. --out results.xlsx
xlsx-cli-sheet-not-workbook = error: --sheet applies only to data in a workbook (.xlsx, .xlsm, .xls, .ods)

## Python.

xlsx-py-empty-batch = the batch has no results: there is nothing to write to a workbook
