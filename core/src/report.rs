//! Diagnostics rendered as text, the way a compiler shows them: a header with the code,
//! `--> file:line:col`, the source line(s) with the offending span underlined, related places
//! labelled, then `= help: …` and `= note: …` lines. The messages and the renderer's own words
//! are in the renderer's language ([`Renderer::lang`]): Vietnamese by default (`lỗi[code]`,
//! `cảnh báo[code]`, `= gợi ý: …`, `= ghi chú: …`), or English; codes are never translated.
//!
//! Rendering goes through [annotate-snippets] (rustc's renderer), which measures display widths
//! with Unicode rules (combining marks take no column, CJK characters take two). This module
//! only chooses what to show, and bounds it: a long line is clipped to a window around the span
//! (`…` marks what is left out), a long message is shortened, at most [`MAX_SHOWN`] diagnostics
//! are rendered by [`Renderer::diagnostics`], and control characters in the file or in a message
//! are shown as visible symbols (`␛`, `␀`, `�`) so that nothing reaches a terminal raw.
//!
//! The source text is passed by the caller (who has read the file once already); wrap it in a
//! [`Source`] when several diagnostics point into the same text, so that lines are indexed once.
//!
//! ```
//! use cchc::report::{Renderer, Severity, Source};
//! let text = "format: cchc/1\nid: x\nversion: '1'\ntitle: t\ntotal: 1\ncriteria:\n  - { id: a, titel: b, max: 1, rule: { value: v } }\n";
//! let err = cchc::Ruleset::from_yaml_str(text, "f.yaml").unwrap_err();
//! let out = Renderer::plain().diagnostics(err.diagnostics(), Severity::Error, Some(&Source::new(text)));
//! assert!(out.contains("--> f.yaml:7:14"));
//! ```
//!
//! [annotate-snippets]: https://docs.rs/annotate-snippets

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Snippet};

use crate::data::DataFormat;
use crate::error::{Diagnostic, Issue, Label};
use crate::i18n::{Arg, Lang};
use crate::msg;

/// Most diagnostics [`Renderer::diagnostics`] renders; the rest are counted in one line.
pub const MAX_SHOWN: usize = 100;

/// Characters of context shown on each side of a span on a long line (by default).
pub const DEFAULT_CONTEXT: usize = 40;

/// Lines longer than this (in characters) are clipped around the span.
const LINE_CHARS: usize = 120;

/// Most characters of a span underlined on one line; a longer span is cut (with `…`).
const MAX_SPAN_CHARS: usize = 60;

/// Most lines a multi-line span shows; a longer span is shown on its first line only.
const MAX_SPAN_LINES: u32 = 8;

/// Two labelled places this close (in lines) are shown in one excerpt with the lines between.
const JOIN_GAP: u32 = 3;

/// Most related labels rendered for one diagnostic.
const MAX_LABELS: usize = 10;

/// Most characters of a message, label or help sentence (user text may be echoed in them).
const MAX_TEXT: usize = 500;

/// Marks text left out of a clipped line or message.
const ELLIPSIS: char = '…';

/// How serious a rendered problem is (its header: `error[…]` or `warning[…]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The file (or unit) cannot be used as it is.
    Error,
    /// Worth a look; nothing was refused.
    Warning,
}

/// Source text with its lines indexed, so that many diagnostics render without rescanning it.
///
/// The index keeps the start of every 64th line only, so that it stays small
/// (an eighth of a byte per line at most) whatever the text; finding a line scans fewer than
/// that many lines from the nearest indexed one.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    text: &'a str,
    /// Byte offset where lines 1, 1 + INDEX_STEP, 1 + 2 × INDEX_STEP, … start.
    starts: Vec<usize>,
}

/// Lines between two entries of a [`Source`]'s index.
const INDEX_STEP: usize = 64;

impl<'a> Source<'a> {
    /// Indexes the lines of `text` (one pass over it). A leading byte-order mark is not part of
    /// the first line: the readers skip it, and columns are counted without it.
    pub fn new(text: &'a str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1)
                .skip(INDEX_STEP - 1)
                .step_by(INDEX_STEP),
        );
        Source { text, starts }
    }

    /// Line `n` (from 1) without its line break, or `None` past the end.
    fn line(&self, n: u32) -> Option<&'a str> {
        let i = (n as usize).checked_sub(1)?;
        let from = *self.starts.get(i / INDEX_STEP)?;
        let rest = self.text.get(from..)?;
        let line = rest.split('\n').nth(i % INDEX_STEP)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

impl Source<'_> {
    /// The delimiter of CSV text, told from its first non-blank line as the reader does:
    /// the most frequent of `;`, tab and `,` outside quotes (`,` when none).
    fn csv_delimiter(&self) -> char {
        let header = self
            .text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        char::from(crate::data::csv_delimiter(header))
    }
}

/// Character columns (0-based, end exclusive) of field `n` (from 1) of a CSV line; the end of
/// the line when it has fewer fields.
fn csv_field(line: &str, delim: char, n: usize) -> (usize, usize) {
    let mut field = 1;
    let mut start = 0;
    let mut quoted = false;
    let mut count = 0;
    for (i, c) in line.chars().enumerate() {
        count = i + 1;
        if c == '"' {
            quoted = !quoted;
        } else if c == delim && !quoted {
            if field == n.max(1) {
                return (start, i);
            }
            field += 1;
            start = i + 1;
        }
    }
    if field == n.max(1) {
        (start, count)
    } else {
        (count, count)
    }
}

/// Renders diagnostics and unit issues as text (plain, or with terminal colours).
#[derive(Debug, Clone)]
pub struct Renderer {
    styled: bool,
    context: usize,
    lang: Lang,
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::plain()
    }
}

/// A problem to render, whatever it came from.
struct Problem<'a> {
    severity: Severity,
    code: &'a str,
    message: String,
    file: &'a str,
    /// Primary span; `line == 0` when the problem is not tied to a place.
    span: SpanPos,
    labels: &'a [Label],
    help: Option<String>,
    criterion: Option<&'a str>,
}

/// A span as positions: 1-based line and column (characters); `end_col == 0` when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SpanPos {
    line: u32,
    col: u32,
    end_line: u32,
    end_col: u32,
}

impl SpanPos {
    fn of_label(l: &Label) -> Self {
        SpanPos {
            line: l.line,
            col: l.column,
            end_line: l.end_line,
            end_col: l.end_column,
        }
    }

    /// The last line the span covers, as far as it is shown.
    fn last_line(&self) -> u32 {
        if self.end_col > 0
            && self.end_line > self.line
            && self.end_line - self.line < MAX_SPAN_LINES
        {
            self.end_line
        } else {
            self.line
        }
    }
}

impl Renderer {
    /// Plain text, no colours (files, logs, tests).
    pub fn plain() -> Self {
        Renderer {
            styled: false,
            context: DEFAULT_CONTEXT,
            lang: Lang::Vi,
        }
    }

    /// Text with ANSI colours, for a terminal.
    pub fn styled() -> Self {
        Renderer {
            styled: true,
            ..Renderer::plain()
        }
    }

    /// The language of the messages and of the report's own words (Vietnamese by default).
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Characters of context kept on each side of a span when a line is clipped.
    pub fn context(mut self, chars: usize) -> Self {
        self.context = chars;
        self
    }

    /// Renders one rule-file (or data-file) diagnostic; `source` is the text of `d.file`.
    pub fn diagnostic(
        &self,
        d: &Diagnostic,
        severity: Severity,
        source: Option<&Source<'_>>,
    ) -> String {
        self.render(
            &Problem {
                severity,
                code: d.code.as_str(),
                message: d.message.render(self.lang),
                file: &d.file,
                span: SpanPos {
                    line: d.line,
                    col: d.column,
                    end_line: d.end_line,
                    end_col: d.end_column,
                },
                labels: &d.labels,
                help: d.help.as_ref().map(|h| h.render(self.lang)),
                criterion: d.criterion.as_deref(),
            },
            source,
        )
    }

    /// Renders diagnostics of one file, one after another (a blank line between), at most
    /// [`MAX_SHOWN`] of them; a last line counts those left out.
    pub fn diagnostics(
        &self,
        ds: &[Diagnostic],
        severity: Severity,
        source: Option<&Source<'_>>,
    ) -> String {
        let mut out = String::new();
        for d in ds.iter().take(MAX_SHOWN) {
            out.push_str(&self.diagnostic(d, severity, source));
            out.push('\n');
        }
        if ds.len() > MAX_SHOWN {
            let more = msg!("ui-report-more-not-shown", count = ds.len() - MAX_SHOWN);
            let _ = writeln!(out, "{}", more.render(self.lang));
        }
        out
    }

    /// Renders a unit's issue; `file` is the data file the unit came from, `source` its text
    /// and `format` its format. The issue's position ([`Issue::at`]) is in that file; in a CSV
    /// file its column is the field's number, and the whole field is underlined.
    pub fn issue(
        &self,
        issue: &Issue,
        severity: Severity,
        file: &str,
        source: Option<&Source<'_>>,
        format: DataFormat,
    ) -> String {
        let at = issue.at.unwrap_or_default();
        let mut span = SpanPos {
            line: at.line,
            col: at.column,
            end_line: at.line,
            end_col: 0,
        };
        if format == DataFormat::Csv && at.line > 0 {
            if let Some(src) = source {
                if let Some((s, e)) = src
                    .line(at.line)
                    .map(|l| csv_field(l, src.csv_delimiter(), at.column as usize))
                {
                    span.col = crate::syntax::ordinal(s);
                    span.end_col = crate::syntax::ordinal(e);
                }
            }
        }
        self.render(
            &Problem {
                severity,
                code: issue.code.as_str(),
                message: issue.message.render(self.lang),
                file,
                span,
                labels: &[],
                help: issue.help.as_ref().map(|h| h.render(self.lang)),
                criterion: issue.criterion.as_deref(),
            },
            source,
        )
    }

    fn render(&self, p: &Problem<'_>, source: Option<&Source<'_>>) -> String {
        let lang = self.lang;
        let level = match p.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        }
        .with_name(severity_word(p.severity, lang));
        let title = level.primary_title(clean_text(&p.message)).id(p.code);
        let help = Level::HELP.with_name(msg!("ui-help").render(lang));
        let note = Level::NOTE.with_name(msg!("ui-note").render(lang));
        let mut elements: Vec<annotate_snippets::Element<'_>> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        let path = clean_text(p.file);
        // Places `(line, column)` of the excerpts, in order, to be written in their headers.
        let mut fixes: Vec<(u32, u32)> = Vec::new();

        // Places: the primary span, then labels in the same file whose line is in the source.
        let shown = |s: &SpanPos, file: &str| {
            s.line > 0 && file == p.file && source.is_some_and(|src| src.line(s.line).is_some())
        };
        let labels: Vec<&Label> = p.labels.iter().take(MAX_LABELS).collect();
        let mut marks: Vec<Mark<'_>> = Vec::new();
        if shown(&p.span, p.file) {
            marks.push(Mark {
                span: p.span,
                label: None,
                primary: true,
            });
            if p.span.end_col > 0
                && p.span.end_line > p.span.line
                && p.span.last_line() == p.span.line
            {
                notes.push(msg!("ui-report-span-continues", line = p.span.end_line).render(lang));
            }
        }
        // A label on the primary's line but out of the window shown around it (a long line).
        let long_primary_line = !marks.is_empty()
            && source
                .and_then(|src| src.line(p.span.line))
                .is_some_and(|l| l.chars().nth(LINE_CHARS).is_some());
        let off_window = |s: &SpanPos| {
            let from = (p.span.col.max(1) as usize - 1).saturating_sub(self.context);
            let col = s.col.max(1) as usize - 1;
            long_primary_line && s.line == p.span.line && (col < from || col >= from + LINE_CHARS)
        };
        for l in &labels {
            let s = SpanPos::of_label(l);
            if shown(&s, &l.file) && !off_window(&s) {
                marks.push(Mark {
                    span: s,
                    label: Some(Cow::Owned(
                        clean_text(&l.message.render(self.lang)).into_owned(),
                    )),
                    primary: false,
                });
            } else {
                notes.push(format!(
                    "{}: {}",
                    location(&l.file, s.line, s.col),
                    clean_text(&l.message.render(self.lang))
                ));
            }
        }

        if p.labels.len() > MAX_LABELS {
            notes.push(
                msg!("ui-report-more-places", count = p.labels.len() - MAX_LABELS).render(lang),
            );
        }

        match source {
            Some(src) if !marks.is_empty() => {
                for ex in excerpts(src, &marks, self.context) {
                    fixes.push((ex.at.line, ex.at.col.max(1)));
                    elements.push(ex.snippet(&path).into());
                }
            }
            _ => {
                let mut o = Origin::path(path.clone());
                if p.span.line > 0 {
                    o = o.line(p.span.line as usize);
                    if p.span.col > 0 {
                        o = o.char_column(p.span.col as usize);
                    }
                }
                elements.push(o.into());
            }
        }
        if let Some(h) = &p.help {
            elements.push(help.clone().message(clean_text(h)).into());
        }
        if let Some(c) = p.criterion {
            let text = msg!("ui-report-criterion", id = Arg::ident(clean_text(c))).render(lang);
            elements.push(note.clone().message(text).into());
        }
        for n in notes {
            elements.push(note.clone().message(n).into());
        }
        let group: Group<'_> = title.elements(elements);
        let r = if self.styled {
            annotate_snippets::Renderer::styled()
        } else {
            annotate_snippets::Renderer::plain()
        }
        // Lines are clipped here already; the renderer's own trimming would cut them again.
        .term_width(usize::MAX / 4);
        // The renderer is not expected to panic; if it ever does on some input, the problem is
        // still reported, as its header and place.
        let rendered =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| r.render(&[group])));
        let mut out = match rendered {
            Ok(text) => fix_columns(text, &path, &fixes),
            Err(_) => fallback(p, &path, lang),
        };
        out.push('\n');
        out
    }
}

/// `lỗi` / `error`, `cảnh báo` / `warning`.
fn severity_word(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => msg!("ui-error"),
        Severity::Warning => msg!("ui-warning"),
    }
    .render(lang)
}

/// A problem as its header and place only.
fn fallback(p: &Problem<'_>, path: &str, lang: Lang) -> String {
    let level = severity_word(p.severity, lang);
    format!(
        "{level}[{}]: {}\n --> {}",
        p.code,
        clean_text(&p.message),
        location(path, p.span.line, p.span.col)
    )
}

/// Writes the true columns in the excerpts' `--> file:line:col` headers.
///
/// The renderer works the column out from the excerpt it is given, which starts later than the
/// line when a long line is clipped; each header `file:line:` is found in order and the number
/// after it replaced.
fn fix_columns(mut out: String, path: &str, fixes: &[(u32, u32)]) -> String {
    // The renderer writes paths as given (they are cleaned already).
    let shown = path;
    // Past the title: a message could quote a place.
    let mut cursor = out.find('\n').unwrap_or(out.len());
    for (line, col) in fixes {
        let head = format!("{shown}:{line}:");
        let Some(i) = out.get(cursor..).and_then(|rest| rest.find(&head)) else {
            continue;
        };
        let start = cursor + i + head.len();
        let digits = out
            .get(start..)
            .map(|r| r.bytes().take_while(u8::is_ascii_digit).count())
            .unwrap_or(0);
        let col = col.to_string();
        out.replace_range(start..start + digits, &col);
        cursor = start + col.len();
    }
    out
}

/// Renders one diagnostic as an error, in plain text; `source` is the text of its file.
pub fn render(d: &Diagnostic, source: Option<&str>) -> String {
    let src = source.map(Source::new);
    Renderer::plain().diagnostic(d, Severity::Error, src.as_ref())
}

fn location(file: &str, line: u32, col: u32) -> String {
    let file = clean_text(file);
    match (line, col) {
        (0, _) => file.into_owned(),
        (l, 0) => format!("{file}:{l}"),
        (l, c) => format!("{file}:{l}:{c}"),
    }
}

/// One place to underline.
struct Mark<'a> {
    span: SpanPos,
    label: Option<Cow<'a, str>>,
    primary: bool,
}

/// A run of consecutive source lines shown together, with the marks in it.
struct Excerpt<'a> {
    /// Where its first mark (the primary, if here) is in the file.
    at: SpanPos,
    first: u32,
    text: String,
    annotations: Vec<(Range<usize>, Option<Cow<'a, str>>, bool)>,
}

impl<'a> Excerpt<'a> {
    fn snippet(self, path: &str) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        let mut s = Snippet::source(self.text)
            .line_start(self.first as usize)
            .path(path.to_string())
            .fold(true);
        for (range, label, primary) in self.annotations {
            let kind = if primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            s = s.annotation(kind.span(range).label(label));
        }
        s
    }
}

/// Groups the marks into excerpts (nearby lines together; the primary's excerpt first) and
/// builds each excerpt's clipped, cleaned text with the marks' byte ranges in it.
fn excerpts<'a>(src: &Source<'_>, marks: &[Mark<'a>], context: usize) -> Vec<Excerpt<'a>> {
    // Line ranges, joined when close.
    let mut ranges: Vec<(u32, u32)> = marks
        .iter()
        .map(|m| (m.span.line, m.span.last_line()))
        .collect();
    ranges.sort_unstable();
    let mut joined: Vec<(u32, u32)> = Vec::new();
    for (a, b) in ranges {
        match joined.last_mut() {
            Some(last) if a <= last.1.saturating_add(JOIN_GAP) => last.1 = last.1.max(b),
            _ => joined.push((a, b)),
        }
    }
    // The primary's excerpt first, then the others in line order.
    if let Some(primary) = marks.iter().find(|m| m.primary) {
        if let Some(i) = joined
            .iter()
            .position(|(a, b)| (*a..=*b).contains(&primary.span.line))
        {
            let r = joined.remove(i);
            joined.insert(0, r);
        }
    }
    joined
        .into_iter()
        .map(|(first, last)| excerpt(src, marks, first, last, context))
        .collect()
}

/// Character columns (0-based, end exclusive) a mark covers on `line`, if it touches it.
fn cols_on(m: &Mark<'_>, line: u32, line_text: &str) -> Option<(usize, usize)> {
    let s = m.span;
    let last = s.last_line();
    if line < s.line || line > last {
        return None;
    }
    let start = if line == s.line {
        (s.col.max(1) - 1) as usize
    } else {
        0
    };
    let end = if line == last && s.end_col > 0 && s.end_line == last {
        ((s.end_col - 1) as usize).max(start)
    } else if line < last || s.end_col > 0 {
        // To the end of the line: a line inside a multi-line span, or the first line of one
        // too long to show whole.
        usize::MAX
    } else {
        start.saturating_add(token_len(line_text, start))
    };
    Some((start, end))
}

/// Length (in characters) of the token starting at character `start`: a quoted string, or a
/// run up to a space or YAML/CSV punctuation; at least 1, at most [`MAX_SPAN_CHARS`].
fn token_len(line: &str, start: usize) -> usize {
    let mut chars = line.chars().skip(start).take(MAX_SPAN_CHARS);
    let n = match chars.next() {
        None => return 1,
        Some(q @ ('"' | '\'')) => {
            let inner = chars.position(|c| c == q);
            match inner {
                Some(k) => k + 2,
                None => MAX_SPAN_CHARS,
            }
        }
        Some(c) if is_stop(c) => 1,
        Some(_) => 1 + chars.take_while(|c| !is_stop(*c)).count(),
    };
    n.clamp(1, MAX_SPAN_CHARS)
}

fn is_stop(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '{' | '}' | '[' | ']' | '#' | '"')
}

fn excerpt<'a>(
    src: &Source<'_>,
    marks: &[Mark<'a>],
    first: u32,
    last: u32,
    context: usize,
) -> Excerpt<'a> {
    let mut text = String::new();
    // Per mark: byte start and end in `text`, as found line by line.
    let mut starts: Vec<Option<usize>> = vec![None; marks.len()];
    let mut ends: Vec<Option<usize>> = vec![None; marks.len()];
    for n in first..=last {
        let line = src.line(n).unwrap_or("");
        if n > first {
            text.push('\n');
        }
        let on: Vec<(usize, (usize, usize))> = marks
            .iter()
            .enumerate()
            .filter_map(|(i, m)| cols_on(m, n, line).map(|c| (i, c)))
            .collect();
        // The window of characters to show: around the marks' starts (and the primary first).
        let focus_start = on
            .iter()
            .find(|(i, _)| marks.get(*i).is_some_and(|m| m.primary))
            .or(on.first())
            .map(|(_, (s, _))| *s)
            .unwrap_or(0);
        // A column past the end of the line: the line's end.
        let focus_start = line.chars().take(focus_start).count();
        let focus_end = on
            .iter()
            .map(|(_, (s, e))| if *e == usize::MAX { *s + 1 } else { *e })
            .filter(|e| *e >= focus_start)
            .max()
            .unwrap_or(focus_start)
            .min(focus_start.saturating_add(MAX_SPAN_CHARS));
        // A line up to LINE_CHARS is shown whole; a longer one from `context` characters
        // before the focus, and about LINE_CHARS wide (more when the focus needs it).
        let long = line.chars().nth(LINE_CHARS).is_some();
        let from = if long {
            focus_start.saturating_sub(context)
        } else {
            0
        };
        let to = focus_end
            .saturating_add(context)
            .max(from.saturating_add(LINE_CHARS));
        let base = text.len();
        let clipped = clip(line, from, to);
        // Byte offset in `text` of character column `c` of this line (clamped to the window).
        let at = |c: usize| -> usize {
            let c = c.clamp(from, to);
            let chars = c - from;
            let lead = if clipped.left { ELLIPSIS.len_utf8() } else { 0 };
            base + lead
                + clipped
                    .body
                    .char_indices()
                    .nth(chars)
                    .map(|(b, _)| b)
                    .unwrap_or(clipped.body.len())
        };
        for (i, (s, e)) in on {
            let Some(m) = marks.get(i) else { continue };
            if n == m.span.line {
                if let Some(slot) = starts.get_mut(i) {
                    *slot = Some(at(s));
                }
            }
            if e != usize::MAX || n == m.span.last_line() {
                if let Some(slot) = ends.get_mut(i) {
                    *slot = Some(at(e));
                }
            }
        }
        text.push_str(&clipped.render());
    }
    // Ended by a line break, so that a place at the start of an empty last line stays on it
    // (the renderer counts a place after a final break as the end of the line before).
    text.push('\n');
    let annotations = marks
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let s = starts.get(i).copied().flatten()?;
            let e = ends.get(i).copied().flatten().unwrap_or(s).max(s);
            Some((s..e, m.label.clone(), m.primary))
        })
        .collect();
    let in_here: Vec<&Mark<'_>> = marks
        .iter()
        .filter(|m| (first..=last).contains(&m.span.line))
        .collect();
    let at = in_here
        .iter()
        .find(|m| m.primary)
        .or_else(|| in_here.iter().min_by_key(|m| (m.span.line, m.span.col)))
        .map(|m| m.span)
        .unwrap_or(SpanPos {
            line: first,
            col: 1,
            end_line: first,
            end_col: 0,
        });
    Excerpt {
        at,
        first,
        text,
        annotations,
    }
}

/// A line cut to a window of characters, cleaned of control characters.
struct Clipped {
    left: bool,
    body: String,
    right: bool,
}

impl Clipped {
    fn render(&self) -> String {
        let mut s = String::with_capacity(self.body.len() + 6);
        if self.left {
            s.push(ELLIPSIS);
        }
        s.push_str(&self.body);
        if self.right {
            s.push(ELLIPSIS);
        }
        s
    }
}

/// Characters `from..to` of `line`, cleaned; reads no further than `to + 1` characters.
fn clip(line: &str, from: usize, to: usize) -> Clipped {
    let mut it = line.chars().skip(from);
    let body: String = it
        .by_ref()
        .take(to.saturating_sub(from))
        .map(clean_char)
        .collect();
    Clipped {
        left: from > 0 && !line.is_empty(),
        body,
        right: it.next().is_some(),
    }
}

/// Text safe to print on a terminal on one line: every control character (tab and line breaks
/// too) and bidirectional override is replaced by a visible symbol (`␛`, `␊`, `�`…) of the
/// same width. For names and values echoed from files (a unit's name in a table, a test's name).
pub fn visible(s: &str) -> Cow<'_, str> {
    let fix = |c: char| if c == '\t' { '\u{2409}' } else { clean_char(c) };
    if s.chars().all(|c| fix(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(fix).collect())
    }
}

/// A control character (other than tab) replaced by a visible one of the same width.
fn clean_char(c: char) -> char {
    match c {
        '\t' => '\t',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        '\u{80}'..='\u{9f}' | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' => {
            '\u{fffd}'
        }
        '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c => c,
    }
}

/// A message cleaned of control characters (line breaks kept) and shortened to [`MAX_TEXT`].
fn clean_text(s: &str) -> Cow<'_, str> {
    let long = s.len() > MAX_TEXT && s.chars().nth(MAX_TEXT).is_some();
    let dirty = s.chars().any(|c| c != '\n' && clean_char(c) != c);
    if !long && !dirty {
        return Cow::Borrowed(s);
    }
    let mut out: String = s
        .chars()
        .take(MAX_TEXT)
        .map(|c| if c == '\n' { c } else { clean_char(c) })
        .collect();
    if long {
        out.push(ELLIPSIS);
    }
    Cow::Owned(out)
}
