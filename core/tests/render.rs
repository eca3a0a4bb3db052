//! Rendered diagnostics (the `render` feature): snapshots of what a user sees, and bounds on
//! what hostile files can make the renderer print.
#![cfg(feature = "render")]
#![allow(
    clippy::string_slice,
    clippy::cast_possible_truncation,
    reason = "test code: string slices and small casts in the assertions are checked by the test itself"
)]

use cchc::report::{MAX_SHOWN, Renderer, Severity, Source, render};
use cchc::{Code, DataFormat, Diagnostic, Issue, Label, Lang, Pos};

const RULES: &str = "format: cchc/1
id: demo
version: \"1\"
title: Bộ tiêu chí
total: 2
criteria:
  - { id: \"1\", titel: Kế hoạch, max: 1, rule: { check: kh } }
  - id: \"2\"
    title: Hoàn thành
    max: 1
    rule:
      bands:
        input: tl
  - { id: \"1\", title: Lặp lại, max: 1, rule: { check: kh } }
";

/// A message holding test text as it is (the renderer's tests need arbitrary texts).
fn raw(s: impl Into<String>) -> cchc::Message {
    cchc::msg!("test-text", text = s.into())
}

fn pos(line: u32, column: u32) -> Pos {
    Pos { line, column }
}

fn plain(d: &Diagnostic, text: &str) -> String {
    Renderer::plain()
        .lang(Lang::En)
        .diagnostic(d, Severity::Error, Some(&Source::new(text)))
}

/// No control character but the line break reaches the output (terminal safety).
fn assert_no_raw_controls(out: &str) {
    let bad: Vec<char> = out
        .chars()
        .filter(|c| {
            *c != '\n'
                && (c.is_control()
                    || matches!(*c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        })
        .collect();
    assert!(bad.is_empty(), "raw control characters {bad:?} in:\n{out}");
}

#[test]
fn unknown_key_with_help() {
    let d = Diagnostic::new(
        Code::UnknownKey,
        "rules.yaml",
        pos(7, 16),
        raw("unknown key `titel` in criterion `1`"),
    )
    .with_end(pos(7, 21))
    .with_help(raw("did you mean `title`?"))
    .with_criterion(Some("1"));
    insta::assert_snapshot!(plain(&d, RULES));
}

#[test]
fn duplicate_id_with_related_label_far_away() {
    let d = Diagnostic::new(
        Code::DuplicateId,
        "rules.yaml",
        pos(14, 11),
        raw("the id `1` is used by two criteria"),
    )
    .with_end(pos(14, 14))
    .with_label(Label::new("rules.yaml", pos(7, 11), raw("first used here")).with_end(pos(7, 14)))
    .with_help(raw("give each criterion its own id"));
    insta::assert_snapshot!(plain(&d, RULES));
}

#[test]
fn related_label_on_a_nearby_line_shares_the_excerpt() {
    let text = "a: 1\nb: 2\na: 3\n";
    let d = Diagnostic::new(
        Code::DuplicateKey,
        "k.yaml",
        pos(3, 1),
        raw("the key `a` appears twice in this mapping"),
    )
    .with_end(pos(3, 2))
    .with_label(Label::new("k.yaml", pos(1, 1), raw("first here")).with_end(pos(1, 2)));
    insta::assert_snapshot!(plain(&d, text));
}

#[test]
fn label_in_another_file_becomes_a_note() {
    let d = Diagnostic::new(
        Code::DuplicateId,
        "b.yaml",
        pos(1, 1),
        raw("the id `x` is used twice"),
    )
    .with_label(Label::new("a.yaml", pos(3, 5), raw("first used here")));
    insta::assert_snapshot!(plain(&d, "id: x\n"));
}

#[test]
fn multi_line_span() {
    let d = Diagnostic::new(
        Code::BandsNoSteps,
        "rules.yaml",
        pos(12, 7),
        raw("`bands` needs at least one step"),
    )
    .with_end(pos(13, 18))
    .with_criterion(Some("2"));
    insta::assert_snapshot!(plain(&d, RULES));
}

#[test]
fn a_very_long_multi_line_span_shows_its_first_line() {
    let text: String = (1..=40).map(|i| format!("line {i}\n")).collect();
    let d = Diagnostic::new(
        Code::InvalidNode,
        "big.yaml",
        pos(2, 1),
        raw("this node is wrong"),
    )
    .with_end(pos(39, 4));
    let out = plain(&d, &text);
    insta::assert_snapshot!(out);
    assert!(!out.contains("line 20"), "{out}");
}

#[test]
fn vietnamese_with_diacritics_precomposed_and_combining() {
    // Line 1 precomposed (NFC), line 2 the same words with combining marks (NFD), line 3 CJK:
    // the caret must stand under `x` on each, although the characters before it differ in
    // number and display width.
    let text = "title: Bộ tiêu chí cải cách x: 1\ntitle: Bo\u{323}\u{302} tie\u{302}u chi\u{301} ca\u{309}i ca\u{301}ch x: 1\ntitle: 行政改革 x: 1\n";
    let nfd_col = "title: Bo\u{323}\u{302} tie\u{302}u chi\u{301} ca\u{309}i ca\u{301}ch "
        .chars()
        .count() as u32
        + 1;
    let out: String = [(1, 29), (2, nfd_col), (3, 13)]
        .iter()
        .map(|(l, c)| {
            let d = Diagnostic::new(
                Code::UnknownKey,
                "vi.yaml",
                pos(*l, *c),
                raw("unknown key `x`"),
            )
            .with_end(pos(*l, c + 1));
            plain(&d, text)
        })
        .collect();
    insta::assert_snapshot!(out);
    // The caret column is the same display column on the three lines.
    let carets: Vec<usize> = out
        .lines()
        .filter(|l| l.trim_end().ends_with('^'))
        .map(|l| l.chars().count())
        .collect();
    assert_eq!(carets.len(), 3, "{out}");
    assert_eq!(carets[0], carets[1], "{out}");
    // `  | ` then the columns before `x`: 7 + 4 CJK characters 2 wide + 1.
    assert_eq!(carets[2], 4 + 7 + 8 + 1 + 1, "{out}");
}

#[test]
fn a_very_long_line_is_clipped_around_the_span() {
    let line = format!("title: {}BAD{}\n", "a".repeat(50_000), "z".repeat(50_000));
    let d = Diagnostic::new(
        Code::InvalidValue,
        "long.yaml",
        pos(1, 50_008),
        raw("a bad value"),
    )
    .with_end(pos(1, 50_011));
    let out = plain(&d, &line);
    insta::assert_snapshot!(out);
    assert!(out.contains("--> long.yaml:1:50008"), "{out}");
    assert!(out.len() < 1_000, "{} bytes", out.len());
    // Whatever the file's name.
    let d = Diagnostic::new(
        Code::InvalidValue,
        "my\trules 1:1:1.yaml",
        pos(1, 50_008),
        raw("a bad value"),
    );
    let out = plain(&d, &line);
    assert!(out.contains("--> my\trules 1:1:1.yaml:1:50008"), "{out}");
}

#[test]
fn a_label_far_away_on_the_same_long_line_becomes_a_note() {
    let line = format!("{{\"a\": 1, {}\"a\": 2}}\n", "\"x\": 0, ".repeat(10_000));
    let second = line.rfind("\"a\"").unwrap() as u32 + 1;
    let d = Diagnostic::new(
        Code::DuplicateKey,
        "one.json",
        pos(1, second),
        raw("the key `a` appears twice"),
    )
    .with_end(pos(1, second + 3))
    .with_label(Label::new("one.json", pos(1, 2), raw("first here")).with_end(pos(1, 5)));
    let out = plain(&d, &line);
    assert!(out.contains(&format!("--> one.json:1:{second}")), "{out}");
    assert!(out.contains("= note: one.json:1:2: first here"), "{out}");
    assert!(out.len() < 1_000, "{out}");
}

#[test]
fn a_label_far_on_a_short_line_stays_on_it() {
    let line = format!("{{\"a\": 1, {}\"a\": 2}}\n", "\"x\": 0, ".repeat(10));
    let second = line.rfind("\"a\"").unwrap() as u32 + 1;
    let d = Diagnostic::new(
        Code::DuplicateKey,
        "one.json",
        pos(1, second),
        raw("the key `a` appears twice"),
    )
    .with_end(pos(1, second + 3))
    .with_label(Label::new("one.json", pos(1, 2), raw("first here")).with_end(pos(1, 5)));
    let out = plain(&d, &line);
    assert!(out.contains("--- first here"), "{out}");
    assert!(!out.contains("note"), "{out}");
}

#[test]
fn too_many_labels_are_counted() {
    let text: String = (1..=30).map(|i| format!("k{i}: 1\n")).collect();
    let mut d = Diagnostic::new(Code::DuplicateKey, "m.yaml", pos(30, 1), raw("many"));
    for i in 1..=25 {
        d = d.with_label(Label::new("m.yaml", pos(i, 1), raw("here")));
    }
    let out = plain(&d, &text);
    assert!(
        out.contains("= note: 15 more related place(s) not shown"),
        "{out}"
    );
    assert!(out.len() < 8_000, "{out}");
}

#[test]
fn a_long_span_is_cut() {
    let line = format!("k: {}\n", "v".repeat(5_000));
    let d = Diagnostic::new(
        Code::InvalidValue,
        "long.yaml",
        pos(1, 4),
        raw("a bad value"),
    )
    .with_end(pos(1, 5_004));
    let out = plain(&d, &line);
    assert!(out.len() < 1_000, "{} bytes:\n{out}", out.len());
    assert!(out.contains("^^^^^^^^^^"), "{out}");
}

#[test]
fn huge_one_line_file_bounded_output() {
    // A 6 MB line with the problem at its very end (like a data file without line breaks).
    let line = "x".repeat(6_000_000);
    let d = Diagnostic::new(
        Code::DataSyntax,
        "huge.json",
        pos(1, 6_000_001),
        raw("the data ends too soon"),
    );
    let out = plain(&d, &line);
    assert!(out.len() < 1_000, "{} bytes", out.len());
    assert!(out.contains("--> huge.json:1:6000001"), "{out}");
    assert!(out.contains('…'), "{out}");
}

#[test]
fn many_diagnostics_are_capped() {
    let ds: Vec<Diagnostic> = (1..=MAX_SHOWN as u32 + 7)
        .map(|i| {
            Diagnostic::new(
                Code::UnknownKey,
                "f.yaml",
                pos(i, 1),
                raw(format!("problem {i}")),
            )
        })
        .collect();
    let out = Renderer::plain()
        .lang(Lang::En)
        .diagnostics(&ds, Severity::Error, None);
    assert_eq!(out.matches("error[unknown_key]").count(), MAX_SHOWN);
    assert!(
        out.contains("… 7 more problem(s) not shown"),
        "{}",
        &out[out.len() - 200..]
    );
}

#[test]
fn long_messages_are_shortened() {
    let key = "k".repeat(100_000);
    let d = Diagnostic::new(
        Code::UnknownKey,
        "f.yaml",
        pos(0, 0),
        raw(format!("unknown key `{key}`")),
    )
    .with_help(raw(format!("remove `{key}`")));
    let out = Renderer::plain()
        .lang(Lang::En)
        .diagnostic(&d, Severity::Error, None);
    assert!(out.len() < 2_000, "{} bytes", out.len());
    assert!(out.contains("k…"), "{out}");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let text = "title: \u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}evil\u{0}\rx: 1\n";
    let d = Diagnostic::new(
        Code::UnknownKey,
        "c\u{1b}[1m.yaml",
        pos(1, 34),
        raw("unknown key `\u{1b}[31mred\u{9b}0m`"),
    )
    .with_help(raw("remove \u{1b}]8;;http://x\u{7}it"))
    .with_label(Label::new(
        "c\u{1b}[1m.yaml",
        pos(1, 1),
        raw("here \u{1b}[5m"),
    ))
    .with_criterion(Some("\u{1b}c"));
    let out = plain(&d, text);
    assert_no_raw_controls(&out);
    insta::assert_snapshot!(out);
    let styled =
        Renderer::styled()
            .lang(Lang::En)
            .diagnostic(&d, Severity::Error, Some(&Source::new(text)));
    // Styled output has the renderer's own colour codes (ESC [ … m) and nothing else raw.
    let stripped = strip_sgr(&styled);
    assert_no_raw_controls(&stripped);
}

/// Removes `ESC [ params m` colour sequences.
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\u{1b}' && it.peek() == Some(&'[') {
            for d in it.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn styled_output_keeps_the_true_column() {
    let line = format!("k: {}BAD\n", "a".repeat(500));
    let d = Diagnostic::new(Code::InvalidValue, "s.yaml", pos(1, 504), raw("bad"))
        .with_end(pos(1, 507));
    let out = strip_sgr(&Renderer::styled().lang(Lang::En).diagnostic(
        &d,
        Severity::Error,
        Some(&Source::new(&line)),
    ));
    assert!(out.contains("s.yaml:1:504"), "{out}");
}

#[test]
fn tabs_keep_the_caret_aligned() {
    let text = "\tkey:\tvalue\n";
    let d = Diagnostic::new(Code::UnknownKey, "t.yaml", pos(1, 7), raw("bad value"))
        .with_end(pos(1, 12));
    insta::assert_snapshot!(plain(&d, text));
}

#[test]
fn position_past_the_end_of_a_line_or_file() {
    let text = "a: [1, 2\n";
    let d = Diagnostic::new(
        Code::YamlSyntax,
        "p.yaml",
        pos(1, 9),
        raw("a list is not closed"),
    );
    let past_line = plain(&d, text);
    assert!(past_line.contains("--> p.yaml:1:9"), "{past_line}");
    assert!(past_line.contains('^'), "{past_line}");
    let d = Diagnostic::new(Code::YamlSyntax, "p.yaml", pos(40, 2), raw("stale place"));
    let past_file = plain(&d, text);
    insta::assert_snapshot!(format!("{past_line}{past_file}"));
}

#[test]
fn crlf_line_ends_are_not_shown() {
    let text = "a: 1\r\nb: 2\r\n";
    let d = Diagnostic::new(
        Code::UnknownKey,
        "w.yaml",
        pos(2, 1),
        raw("unknown key `b`"),
    )
    .with_end(pos(2, 2));
    let out = plain(&d, text);
    assert!(out.contains("2 | b: 2\n"), "{out}");
    assert!(!out.contains('␍'), "{out}");
}

#[test]
fn data_file_issue() {
    let csv = "id,name,kh,tl\nubnd-a,Sở Nội vụ,có,85;5\nubnd-b,Sở Tư pháp,không,90\n";
    let issue = Issue::new(
        Some("2"),
        Code::WrongValueType,
        raw("`tl` expects a percentage, got `85;5`"),
    )
    .with_help(raw("write a decimal comma: 85,5"))
    .at(pos(2, 4));
    // In CSV, the column is the field's number: the whole fourth cell is underlined.
    let src = Source::new(csv);
    let out = Renderer::plain().lang(Lang::En).issue(
        &issue,
        Severity::Error,
        "units.csv",
        Some(&src),
        DataFormat::Csv,
    );
    insta::assert_snapshot!(out);
    let semi = "id;name;kh;tl\nubnd-a;\"Sở Nội vụ; Hà Nội\";có;85.5\n";
    let out = Renderer::plain().lang(Lang::En).issue(
        &issue,
        Severity::Error,
        "units.csv",
        Some(&Source::new(semi)),
        DataFormat::Csv,
    );
    assert!(out.contains("--> units.csv:2:31"), "{out}");
    assert!(out.contains(" ^^^^\n"), "{out}");
    // Missing fields: the end of the row.
    let short = Issue::new(None, Code::InvalidUnit, raw("row 2 has 2 cells")).at(pos(2, 9));
    let out = Renderer::plain().lang(Lang::En).issue(
        &short,
        Severity::Error,
        "units.csv",
        Some(&src),
        DataFormat::Csv,
    );
    assert!(out.contains("--> units.csv:2:25"), "{out}");
    // Without the data text, the place is still given.
    let bare = Renderer::plain().lang(Lang::En).issue(
        &issue,
        Severity::Error,
        "units.csv",
        None,
        DataFormat::Csv,
    );
    assert!(bare.contains("--> units.csv:2:4"), "{bare}");
}

#[test]
fn issue_without_a_place() {
    let issue = Issue::new(
        None,
        Code::ZeroMax,
        raw("no criterion applies to this unit"),
    );
    insta::assert_snapshot!(Renderer::plain().lang(Lang::En).issue(
        &issue,
        Severity::Warning,
        "units.json",
        None,
        DataFormat::Json
    ));
}

#[test]
fn json_issue_points_at_the_value() {
    let json = "[\n  {\"id\": \"a\", \"tl\": \"nhiều\"}\n]\n";
    let issue = Issue::new(Some("2"), Code::NotNumeric, raw("`tl` is not a number")).at(pos(2, 21));
    let out = Renderer::plain().lang(Lang::En).issue(
        &issue,
        Severity::Error,
        "u.json",
        Some(&Source::new(json)),
        DataFormat::Json,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn warning() {
    let text = "grades:\n  - { id: A, label: Tốt, at_least: 120 }\n";
    let d = Diagnostic::new(
        Code::InvalidValue,
        "g.yaml",
        pos(2, 35),
        raw("a grade at 120 can never be reached: the index is at most 100"),
    )
    .with_end(pos(2, 38))
    .with_help(raw("use a threshold between 0 and 100"));
    insta::assert_snapshot!(Renderer::plain().lang(Lang::En).diagnostic(
        &d,
        Severity::Warning,
        Some(&Source::new(text))
    ));
}

#[test]
fn from_the_loader_end_to_end() {
    let text = "format: cchc/1\nid: x\nversion: '1'\ntitle: t\ntotal: 1\ncriteria:\n  - { id: a, titel: b, max: 1, rule: { value: v } }\n";
    let err = cchc::Ruleset::from_yaml_str(text, "f.yaml").unwrap_err();
    let out = Renderer::plain().lang(Lang::En).diagnostics(
        err.diagnostics(),
        Severity::Error,
        Some(&Source::new(text)),
    );
    assert!(out.contains("error[unknown_key]"), "{out}");
    assert!(out.contains("--> f.yaml:7:14"), "{out}");
    assert!(
        out.contains("7 |   - { id: a, titel: b, max: 1, rule: { value: v } }"),
        "{out}"
    );
    assert!(out.contains("  |              ^^^^^"), "{out}");
    // The convenience function renders one diagnostic the same way.
    let d = err
        .diagnostics()
        .iter()
        .find(|d| d.code == Code::UnknownKey)
        .unwrap();
    assert_eq!(
        render(d, Some(text)),
        Renderer::plain().diagnostic(d, Severity::Error, Some(&Source::new(text)))
    );
}

/// The renderer's own words in Vietnamese (the default) and English: the headers, `help`,
/// `note`, the criterion note, a span running past the lines shown, the count of problems left
/// out; the compiler-style layout (place, source line, caret) is the same.
#[test]
fn renderer_words_in_both_languages() {
    let text = "a: 1\nb: 2\nc: 3\n";
    let d = Diagnostic::new(Code::InvalidValue, "g.yaml", pos(1, 4), raw("bad"))
        .with_end(pos(30, 2))
        .with_criterion(Some("1.2"))
        .with_help(raw("fix it"));
    let vi = Renderer::plain().diagnostic(&d, Severity::Error, Some(&Source::new(text)));
    let en =
        Renderer::plain()
            .lang(Lang::En)
            .diagnostic(&d, Severity::Error, Some(&Source::new(text)));
    for (out, words) in [
        (
            &vi,
            [
                "lỗi[invalid_value]: bad",
                "= gợi ý: fix it",
                "= ghi chú: tiêu chí `1.2`",
                "= ghi chú: đoạn được đánh dấu còn kéo dài đến dòng 30",
            ],
        ),
        (
            &en,
            [
                "error[invalid_value]: bad",
                "= help: fix it",
                "= note: criterion `1.2`",
                "= note: the span continues to line 30",
            ],
        ),
    ] {
        for w in words {
            assert!(out.contains(w), "{w:?} not in\n{out}");
        }
        assert!(out.contains("--> g.yaml:1:4"), "{out}");
        assert!(out.contains("1 | a: 1"), "{out}");
    }
    let w = Renderer::plain().diagnostic(&d, Severity::Warning, None);
    assert!(w.starts_with("cảnh báo[invalid_value]: bad"), "{w}");
    let many = vec![d; MAX_SHOWN + 3];
    let vi = Renderer::plain().diagnostics(&many, Severity::Error, None);
    assert!(vi.ends_with("… còn 3 vấn đề khác chưa hiển thị\n"), "{vi}");
    let en = Renderer::plain()
        .lang(Lang::En)
        .diagnostics(&many, Severity::Error, None);
    assert!(en.ends_with("… 3 more problem(s) not shown\n"), "{en}");
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a",
            "key",
            " ",
            "  ",
            ":",
            ",",
            "\"",
            "'",
            "{",
            "}",
            "[",
            "]",
            "#",
            "-",
            "ộ",
            "e\u{302}",
            "漢字",
            "\t",
            "\u{1b}[2J",
            "\u{9b}",
            "\r",
            "\u{202e}",
            "\u{0}",
            "\u{7f}",
            "🙂",
            "\u{feff}",
        ])
    }

    fn source() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                9 => prop::collection::vec(piece(), 0..25).prop_map(|p| p.concat()),
                1 => (1usize..400).prop_map(|n| "x".repeat(n)),
            ],
            0..14,
        )
        .prop_map(|lines| lines.join("\n"))
    }

    fn place() -> impl Strategy<Value = (u32, u32, u32, u32)> {
        (0u32..16, 0u32..60, 0u32..30, 0u32..70)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// Any position, span and labels on any text: rendered without panic (the fallback
        /// has no `|` gutter), bounded, and with no raw control characters.
        #[test]
        fn renders_anything(
            text in source(),
            (l, c, el, ec) in place(),
            labels in prop::collection::vec(place(), 0..4),
            warn in any::<bool>(),
        ) {
            let mut d = Diagnostic::new(Code::InvalidValue, "h.yaml", pos(l, c), raw("bad \u{1b}[1m"))
                .with_end(pos(el, ec))
                .with_help(raw("fix"));
            for (i, (l, c, el, ec)) in labels.iter().enumerate() {
                let file = if i == 2 { "other.yaml" } else { "h.yaml" };
                d = d.with_label(Label::new(file, pos(*l, *c), raw("here")).with_end(pos(*el, *ec)));
            }
            let sev = if warn { Severity::Warning } else { Severity::Error };
            let src = Source::new(&text);
            let out = Renderer::plain().lang(Lang::En).diagnostic(&d, sev, Some(&src));
            assert_no_raw_controls(&out);
            prop_assert!(out.len() < 8_000, "{} bytes", out.len());
            let line_exists = l > 0 && (l as usize) <= text.split('\n').count();
            if line_exists {
                prop_assert!(out.contains(" | ") || out.contains(" |\n"), "no snippet:\n{out}");
                prop_assert!(out.contains(&format!("h.yaml:{l}:")), "{out}");
            }
            let issue = Issue::new(None, Code::NotNumeric, raw("x")).at(pos(l, c));
            for f in [DataFormat::Csv, DataFormat::Json] {
                let out = Renderer::plain().lang(Lang::En).issue(&issue, sev, "u.csv", Some(&src), f);
                assert_no_raw_controls(&out);
                prop_assert!(out.len() < 8_000);
            }
        }
    }
}

#[test]
fn visible_text_for_tables() {
    use cchc::report::visible;
    assert!(matches!(
        visible("Sở Nội vụ"),
        std::borrow::Cow::Borrowed("Sở Nội vụ")
    ));
    assert_eq!(visible("a\u{1b}[2J\tb\r\nc\u{9b}\u{202e}"), "a␛[2J␉b␍␊c��");
}

#[test]
fn a_byte_order_mark_does_not_shift_the_caret() {
    let with = "\u{feff}format: cchc/2\nid: x\n";
    let err = cchc::Ruleset::from_yaml_str(with, "bom.yaml").unwrap_err();
    let without = &with[3..];
    let err2 = cchc::Ruleset::from_yaml_str(without, "bom.yaml").unwrap_err();
    assert_eq!(err.diagnostics(), err2.diagnostics());
    let a = Renderer::plain().lang(Lang::En).diagnostics(
        err.diagnostics(),
        Severity::Error,
        Some(&Source::new(with)),
    );
    let b = Renderer::plain().lang(Lang::En).diagnostics(
        err2.diagnostics(),
        Severity::Error,
        Some(&Source::new(without)),
    );
    assert_eq!(a, b);
    assert!(!a.contains('\u{feff}'), "{a}");
}
