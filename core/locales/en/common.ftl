### common
## Shared by several parts. Arguments are written by the engine: numbers already use the
## language's decimal separator, identifiers are already between backticks.

test-sample = { $name } = { $value }, { $count ->
    [one] once
   *[other] { $count } times
}; { $inner }
test-inner = inside

# Text without a catalogue message of its own (shown as it is).
common-text = { $text }

# An identifier with its label from the rule file: `kh_cchc` (Kế hoạch CCHC).
common-labelled = { $name } ({ $label })
