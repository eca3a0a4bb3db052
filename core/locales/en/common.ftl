### common
## Shared by several parts. Arguments are written by the engine: numbers already use the
## language's decimal separator, identifiers are already between backticks.

test-sample = { $name } = { $value }, { $count ->
    [one] once
   *[other] { $count } times
}; { $inner }
test-inner = inside

# An identifier with its label from the rule file: `kh_cchc` (Kế hoạch CCHC).
common-labelled = { $name } ({ $label })

# A text as it is (tests of the renderers only).
test-text = { $text }

# A language tag that is neither Vietnamese nor English (CLI, Python, JavaScript).
common-unknown-lang = unknown language { $lang }: use `vi` (Tiếng Việt) or `en` (English)
