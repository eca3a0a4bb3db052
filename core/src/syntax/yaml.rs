//! A spanned YAML tree built from yaml-rust2's event stream (no recursion, bounded aliases).
//!
//! Anchored nodes are not copied: the events of an anchored node are kept once, on a tape, and
//! an alias replays them. Every node an alias adds counts against a node budget and a byte
//! budget, so a small file cannot expand into a huge tree.

use std::collections::{HashMap, HashSet};

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::error::{Code, Pos};
use crate::i18n::{Arg, Message};
use crate::msg;

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Unquoted: may be a null, bool or number.
    Plain,
    /// Quoted or a block scalar (or tagged `!!str`): always text.
    Quoted,
}

/// A YAML value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// A scalar, as written.
    Scalar(String, Style),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Node, Node)>),
}

/// A YAML node and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// Where the node starts.
    pub pos: Pos,
    /// The value.
    pub value: Value,
}

/// Limits on what a document may expand to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Most nodes that aliases may add in total.
    pub alias_nodes: usize,
    /// Most bytes that aliases may add in total (scalar text plus a fixed cost per node).
    pub alias_bytes: usize,
    /// Deepest nesting of collections.
    pub depth: usize,
    /// Keep both entries of a key written twice in one mapping (the caller checks), instead
    /// of refusing the document.
    pub keep_duplicate_keys: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            alias_nodes: 100_000,
            alias_bytes: 16 * 1024 * 1024,
            depth: 64,
            keep_duplicate_keys: false,
        }
    }
}

/// What kind of problem stopped the reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Syntax,
    TooComplex,
    DuplicateKey,
    ControlCharacter,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ParseError {
    /// Where.
    pub pos: Pos,
    /// What (a plain sentence).
    pub message: Message,
    /// How to fix it, when the message does not say.
    pub help: Option<Message>,
    /// True when a limit (alias expansion, depth) was hit rather than a syntax error.
    pub too_complex: bool,
    /// True for a key written twice in one mapping.
    pub duplicate_key: bool,
    kind: Kind,
}

impl ParseError {
    fn new(kind: Kind, pos: Pos, message: Message) -> Self {
        ParseError {
            pos,
            message,
            help: None,
            too_complex: kind == Kind::TooComplex,
            duplicate_key: kind == Kind::DuplicateKey,
            kind,
        }
    }

    fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    /// The error code: `yaml_too_complex`, `duplicate_key`, `control_character`, or `syntax`
    /// (the caller's code for unreadable text: `yaml_syntax` or `data_syntax`).
    pub(crate) fn code(&self, syntax: Code) -> Code {
        match self.kind {
            Kind::Syntax => syntax,
            Kind::TooComplex => Code::YamlTooComplex,
            Kind::DuplicateKey => Code::DuplicateKey,
            Kind::ControlCharacter => Code::ControlCharacter,
        }
    }
}

fn pos_of(m: &Marker) -> Pos {
    Pos {
        line: super::clamp_u32(m.line()),
        column: super::ordinal(m.col()),
    }
}

/// Below this many entries a mapping is checked for duplicate keys by a scan; above, by a set.
const SCAN_KEYS: usize = 16;

/// What one node costs against the byte budget besides its text.
const NODE_BYTES: usize = size_of::<Node>();

enum Frame {
    Seq {
        pos: Pos,
        items: Vec<Node>,
    },
    Map {
        pos: Pos,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        keys: Option<HashSet<String>>,
    },
}

/// The YAML core schema's tags, as yaml-rust2 resolves `!!x`.
const CORE: &str = "tag:yaml.org,2002:";

/// The core-schema name of a tag (`str`, `int`, …), `Some("")` for the non-specific `!`, or
/// `None` for any other tag.
fn core_tag(tag: &Tag) -> Option<&str> {
    if tag.handle == CORE {
        return Some(tag.suffix.as_str());
    }
    if tag.handle.is_empty() {
        if tag.suffix == "!" {
            return Some("");
        }
        return tag.suffix.strip_prefix(CORE);
    }
    None
}

fn tag_text(tag: &Tag) -> String {
    if tag.handle == CORE {
        format!("!!{}", tag.suffix)
    } else if tag.handle.is_empty() || tag.handle == "!" {
        format!("!{}", tag.suffix.trim_start_matches('!'))
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

fn unknown_tag(tag: &Tag, pos: Pos, what: Message) -> ParseError {
    ParseError::new(
        Kind::Syntax,
        pos,
        msg!(
            "load-yaml-unknown-tag",
            tag = Arg::ident(tag_text(tag)),
            what = what
        ),
    )
    .with_help(msg!("load-yaml-unknown-tag-help"))
}

/// The scalar as the tag says it must be read.
fn tagged_scalar(
    text: String,
    style: TScalarStyle,
    tag: Option<&Tag>,
    pos: Pos,
) -> Result<Value, ParseError> {
    let plain = style == TScalarStyle::Plain;
    let Some(tag) = tag else {
        let style = if plain { Style::Plain } else { Style::Quoted };
        return Ok(Value::Scalar(text, style));
    };
    let probe = Node {
        pos,
        value: Value::Scalar(text, Style::Plain),
    };
    let fits = match core_tag(tag) {
        // `!x` (non-specific) and `!!str`: text, whatever it looks like.
        Some("" | "str") => true,
        Some("null") => probe.is_null(),
        Some("bool") => probe.as_bool().is_some(),
        Some("int") => probe.scalar().is_some_and(|s| {
            let d = s.strip_prefix(['+', '-']).unwrap_or(s);
            !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
        }),
        Some("float") => probe
            .scalar()
            .is_some_and(|s| super::number::parse_decimal(s).is_ok()),
        _ => return Err(unknown_tag(tag, pos, msg!("load-kind-scalar"))),
    };
    let Value::Scalar(text, _) = probe.value else {
        return Err(unknown_tag(tag, pos, msg!("load-kind-scalar")));
    };
    if !fits {
        return Err(ParseError::new(
            Kind::Syntax,
            pos,
            msg!(
                "load-yaml-tag-mismatch",
                text = Arg::ident(text),
                tag = Arg::ident(tag_text(tag))
            ),
        )
        .with_help(msg!("load-yaml-tag-mismatch-help")));
    }
    let style = match core_tag(tag) {
        Some("" | "str") => Style::Quoted,
        _ => Style::Plain,
    };
    Ok(Value::Scalar(text, style))
}

fn check_collection_tag(tag: Option<&Tag>, want: &str, pos: Pos) -> Result<(), ParseError> {
    match tag {
        None => Ok(()),
        Some(t) if matches!(core_tag(t), Some(s) if s.is_empty() || s == want) => Ok(()),
        Some(t) => Err(unknown_tag(
            t,
            pos,
            if want == "seq" {
                msg!("load-kind-list")
            } else {
                msg!("load-kind-mapping")
            },
        )),
    }
}

/// Builds the tree from events; keeps the events of anchored nodes for aliases to replay.
struct Builder {
    limits: Limits,
    stack: Vec<Frame>,
    root: Option<Node>,
    /// Events of anchored nodes, each kept once (nested anchors share them).
    tape: Vec<(Event, Pos)>,
    /// Anchored nodes being read: (anchor id, start on the tape, stack depth at their start).
    open: Vec<(usize, usize, usize)>,
    /// Complete anchored nodes: anchor id → their events on the tape.
    anchors: HashMap<usize, (usize, usize)>,
    /// Budgets left for what aliases add.
    nodes_left: usize,
    bytes_left: usize,
    /// The alias being expanded (for the error position).
    alias_at: Pos,
}

fn anchor_of(event: &Event) -> usize {
    match event {
        Event::Scalar(_, _, a, _) | Event::SequenceStart(a, _) | Event::MappingStart(a, _) => *a,
        _ => 0,
    }
}

impl Builder {
    fn new(limits: Limits) -> Self {
        Builder {
            limits,
            stack: Vec::new(),
            root: None,
            tape: Vec::new(),
            open: Vec::new(),
            anchors: HashMap::new(),
            nodes_left: limits.alias_nodes,
            bytes_left: limits.alias_bytes,
            alias_at: Pos::default(),
        }
    }

    /// One event of the document as written.
    fn feed(&mut self, event: Event, pos: Pos) -> Result<(), ParseError> {
        let anchor = anchor_of(&event);
        if anchor > 0 {
            self.open.push((anchor, self.tape.len(), self.stack.len()));
        }
        if !self.open.is_empty() {
            self.tape.push((event.clone(), pos));
        }
        let completes = matches!(
            event,
            Event::Scalar(..) | Event::Alias(_) | Event::SequenceEnd | Event::MappingEnd
        );
        match event {
            Event::Alias(id) => {
                self.alias_at = pos;
                self.expand(id, pos)?;
            }
            other => self.apply(other, pos, false)?,
        }
        if completes {
            if let Some(&(id, start, depth)) = self.open.last() {
                if depth == self.stack.len() {
                    self.anchors.insert(id, (start, self.tape.len()));
                    self.open.pop();
                }
            }
        }
        Ok(())
    }

    fn charge(&mut self, text_len: usize) -> Result<(), ParseError> {
        let cost = text_len.saturating_add(NODE_BYTES);
        match (
            self.nodes_left.checked_sub(1),
            self.bytes_left.checked_sub(cost),
        ) {
            (Some(n), Some(b)) => {
                self.nodes_left = n;
                self.bytes_left = b;
                Ok(())
            }
            _ => Err(ParseError::new(
                Kind::TooComplex,
                self.alias_at,
                msg!(
                    "load-yaml-alias-bomb",
                    nodes = self.limits.alias_nodes,
                    mib = self.limits.alias_bytes / (1024 * 1024)
                ),
            )
            .with_help(msg!("load-yaml-alias-bomb-help"))),
        }
    }

    /// Adds a copy of the anchored node `id` (replaying its events) at `pos`.
    fn expand(&mut self, id: usize, pos: Pos) -> Result<(), ParseError> {
        let Some(&(start, end)) = self.anchors.get(&id) else {
            return Err(
                ParseError::new(Kind::Syntax, pos, msg!("load-yaml-unknown-anchor"))
                    .with_help(msg!("load-yaml-unknown-anchor-help")),
            );
        };
        // Ranges of the tape still to replay; the first node of each takes the alias's place.
        let mut cursors: Vec<(usize, usize)> = vec![(start, end)];
        let mut first: Option<Pos> = Some(pos);
        while let Some((i, end)) = cursors.pop() {
            if i >= end {
                continue;
            }
            cursors.push((i + 1, end));
            let Some((event, at)) = self.tape.get(i).cloned() else {
                continue;
            };
            let at = first.take().unwrap_or(at);
            match event {
                Event::Alias(inner) => {
                    let Some(&(s, e)) = self.anchors.get(&inner) else {
                        continue;
                    };
                    first = Some(at);
                    cursors.push((s, e));
                }
                other => self.apply(other, at, true)?,
            }
        }
        Ok(())
    }

    /// Builds nodes from one event (not an alias); `copy` when an alias replays it.
    fn apply(&mut self, event: Event, pos: Pos, copy: bool) -> Result<(), ParseError> {
        match event {
            Event::Scalar(text, style, _, tag) => {
                if copy {
                    self.charge(text.len())?;
                }
                let value = tagged_scalar(text, style, tag.as_ref(), pos)?;
                self.complete(Node { pos, value })
            }
            Event::SequenceStart(_, tag) => {
                check_collection_tag(tag.as_ref(), "seq", pos)?;
                if copy {
                    self.charge(0)?;
                }
                self.stack.push(Frame::Seq {
                    pos,
                    items: Vec::new(),
                });
                self.check_depth(pos)
            }
            Event::MappingStart(_, tag) => {
                check_collection_tag(tag.as_ref(), "map", pos)?;
                if copy {
                    self.charge(0)?;
                }
                self.stack.push(Frame::Map {
                    pos,
                    entries: Vec::new(),
                    key: None,
                    keys: None,
                });
                self.check_depth(pos)
            }
            Event::SequenceEnd | Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Seq { pos, items }) => self.complete(Node {
                    pos,
                    value: Value::Seq(items),
                }),
                Some(Frame::Map { pos, entries, .. }) => self.complete(Node {
                    pos,
                    value: Value::Map(entries),
                }),
                None => Ok(()),
            },
            _ => Ok(()),
        }
    }

    fn check_depth(&self, pos: Pos) -> Result<(), ParseError> {
        if self.stack.len() > self.limits.depth {
            return Err(ParseError::new(
                Kind::TooComplex,
                pos,
                msg!("load-yaml-too-deep", depth = self.limits.depth),
            )
            .with_help(msg!("load-yaml-flatten")));
        }
        Ok(())
    }

    fn complete(&mut self, node: Node) -> Result<(), ParseError> {
        let keep = self.limits.keep_duplicate_keys;
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries, key, keys, ..
            }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if let Value::Scalar(ktext, _) = &k.value {
                        let twice = match keys {
                            Some(set) => !set.insert(ktext.clone()),
                            None => {
                                let twice = entries.iter().any(
                                    |(e, _)| matches!(&e.value, Value::Scalar(t, _) if t == ktext),
                                );
                                if entries.len() >= SCAN_KEYS {
                                    let mut set: HashSet<String> = entries
                                        .iter()
                                        .filter_map(|(e, _)| e.scalar().map(str::to_string))
                                        .collect();
                                    set.insert(ktext.clone());
                                    *keys = Some(set);
                                }
                                twice
                            }
                        };
                        if twice && !keep {
                            return Err(ParseError::new(
                                Kind::DuplicateKey,
                                k.pos,
                                msg!("load-yaml-duplicate-key", key = Arg::ident(ktext.as_str())),
                            ));
                        }
                    }
                    entries.push((k, node));
                }
            },
        }
        Ok(())
    }
}

/// The YAML reader's reason for a syntax error: a catalogue message for the common ones (its
/// English text is the reader's own), else the reader's words as they are.
fn yaml_reason(info: &str) -> Message {
    match info {
        "mapping values are not allowed in this context" => msg!("load-yaml-reason-mapping-values"),
        "mapping keys are not allowed in this context" => msg!("load-yaml-reason-mapping-keys"),
        "block sequence entries are not allowed in this context" => {
            msg!("load-yaml-reason-sequence-entries")
        }
        "while scanning a quoted scalar, found unexpected end of stream" => {
            msg!("load-yaml-reason-unclosed-quote")
        }
        "invalid trailing content after double-quoted scalar" => {
            msg!("load-yaml-reason-after-quote")
        }
        "while parsing a block mapping, did not find expected key" => {
            msg!("load-yaml-reason-expected-key")
        }
        "while parsing a block collection, did not find expected '-' indicator" => {
            msg!("load-yaml-reason-expected-dash")
        }
        "while parsing a flow sequence, expected ',' or ']'" => {
            msg!("load-yaml-reason-flow-sequence")
        }
        "while parsing a flow mapping, did not find expected ',' or '}'" => {
            msg!("load-yaml-reason-flow-mapping")
        }
        "while parsing a node, did not find expected node content" => {
            msg!("load-yaml-reason-node-content")
        }
        "invalid indentation" => msg!("load-yaml-reason-indentation"),
        "tabs disallowed within this context (block indentation)" => {
            msg!("load-yaml-reason-tab-block")
        }
        "tab cannot be used as indentation" => msg!("load-yaml-reason-tab-indentation"),
        "comments must be separated from other tokens by whitespace" => {
            msg!("load-yaml-reason-comment")
        }
        "while parsing node, found unknown anchor" => msg!("load-yaml-reason-unknown-anchor"),
        other => msg!("load-yaml-reason-other", text = other),
    }
}

/// Parses one YAML document. An empty document is `None`.
///
/// Refuses control characters (other than tab, CR and LF), unknown tags, aliases that expand
/// beyond `limits`, nesting deeper than `limits.depth` and (unless `limits.keep_duplicate_keys`)
/// a key written twice in one mapping.
pub(crate) fn parse(text: &str, limits: Limits) -> Result<Option<Node>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((pos, c)) = super::find_control(text) {
        let (message, help) = super::control_message(c);
        return Err(ParseError::new(Kind::ControlCharacter, pos, message).with_help(help));
    }
    let mut parser = Parser::new_from_str(text);
    let mut b = Builder::new(limits);
    let mut docs = 0usize;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            if e.info().contains("recursion limit") {
                ParseError::new(
                    Kind::TooComplex,
                    pos_of(e.marker()),
                    msg!("load-yaml-nests-too-deeply"),
                )
                .with_help(msg!("load-yaml-flatten"))
            } else {
                ParseError::new(
                    Kind::Syntax,
                    pos_of(e.marker()),
                    msg!("load-yaml-syntax", detail = yaml_reason(e.info())),
                )
            }
        })?;
        let pos = pos_of(&mark);
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                docs += 1;
                if docs > 1 {
                    return Err(ParseError::new(
                        Kind::Syntax,
                        pos,
                        msg!("load-yaml-several-documents"),
                    ));
                }
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
            other => b.feed(other, pos)?,
        }
    }
    Ok(b.root)
}

impl Node {
    /// The scalar text, if this is a scalar.
    pub(crate) fn scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s, _) => Some(s),
            _ => None,
        }
    }

    /// True for a YAML null (`~`, `null`, or nothing).
    pub(crate) fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar(s, Style::Plain) if matches!(s.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The boolean, if this is a plain `true` or `false`.
    pub(crate) fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Scalar(s, Style::Plain) => match s.as_str() {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// A plain scalar that YAML reads as a number (including `.inf` and `.nan`).
    pub(crate) fn looks_numeric(&self) -> bool {
        match &self.value {
            Value::Scalar(s, Style::Plain) => super::number::looks_numeric(s),
            _ => false,
        }
    }

    /// A short description of what this node is, for messages ("a list", "text", …).
    pub(crate) fn describe(&self) -> Message {
        match &self.value {
            Value::Seq(_) => msg!("load-kind-list"),
            Value::Map(_) => msg!("load-kind-mapping"),
            Value::Scalar(_, Style::Quoted) => msg!("load-kind-text"),
            Value::Scalar(..) if self.is_null() => msg!("load-kind-null"),
            Value::Scalar(..) if self.as_bool().is_some() => msg!("load-kind-bool"),
            Value::Scalar(..) if self.looks_numeric() => msg!("load-kind-number"),
            Value::Scalar(..) => msg!("load-kind-text"),
        }
    }
}
