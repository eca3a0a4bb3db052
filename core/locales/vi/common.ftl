### common
## Shared by several parts. Arguments are written by the engine: numbers already use the
## language's decimal separator, identifiers are already between backticks.

test-sample = { $name } = { $value }, { $count } lần; { $inner }
test-inner = bên trong

# An identifier with its label from the rule file: `kh_cchc` (Kế hoạch CCHC).
common-labelled = { $name } ({ $label })

# A text as it is (tests of the renderers only).
test-text = { $text }

# A language tag that is neither Vietnamese nor English (CLI, Python, JavaScript).
common-unknown-lang = ngôn ngữ { $lang } không được hỗ trợ: dùng `vi` (Tiếng Việt) hoặc `en` (English)
