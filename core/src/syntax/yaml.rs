//! A spanned YAML tree built from yaml-rust2's event stream (no recursion, bounded aliases).

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::error::Pos;

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Unquoted: may be a null, bool or number.
    Plain,
    /// Quoted or a block scalar: always text.
    Quoted,
}

/// A YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar, as written.
    Scalar(String, Style),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Node, Node)>),
}

/// A YAML node and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the node starts.
    pub pos: Pos,
    /// The value.
    pub value: Value,
}

/// Limits on what a document may expand to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most nodes that aliases may add in total.
    pub alias_nodes: usize,
    /// Deepest nesting of collections.
    pub depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            alias_nodes: 100_000,
            depth: 64,
        }
    }
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// Where.
    pub pos: Pos,
    /// What (a plain sentence).
    pub message: String,
    /// True when a limit (alias expansion, depth) was hit rather than a syntax error.
    pub too_complex: bool,
    /// True for a key written twice in one mapping.
    pub duplicate_key: bool,
}

fn pos_of(m: &Marker) -> Pos {
    Pos {
        line: m.line() as u32,
        column: m.col() as u32 + 1,
    }
}

enum Frame {
    Seq {
        pos: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        pos: Pos,
        anchor: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

fn count(node: &Node) -> usize {
    let mut n = 0;
    let mut stack = vec![node];
    while let Some(x) = stack.pop() {
        n += 1;
        match &x.value {
            Value::Scalar(..) => {}
            Value::Seq(items) => stack.extend(items.iter()),
            Value::Map(entries) => {
                for (k, v) in entries {
                    stack.push(k);
                    stack.push(v);
                }
            }
        }
    }
    n
}

/// Parses one YAML document. An empty document is `None`.
pub fn parse(text: &str, limits: Limits) -> Result<Option<Node>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut alias_budget = limits.alias_nodes;
    let mut root: Option<Node> = None;
    let mut docs = 0usize;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let too_complex = e.info().contains("recursion limit");
            ParseError {
                pos: pos_of(e.marker()),
                message: if too_complex {
                    "the YAML nests too deeply to be read; flatten it".to_string()
                } else {
                    format!("the YAML cannot be read here: {}", e.info())
                },
                too_complex,
                duplicate_key: false,
            }
        })?;
        let pos = pos_of(&mark);
        let complete: Option<(Node, usize)> = match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                docs += 1;
                if docs > 1 {
                    return Err(ParseError {
                        pos,
                        message: "the file holds more than one YAML document; keep one (remove the extra `---`)".into(),
                        too_complex: false,
                        duplicate_key: false,
                    });
                }
                None
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => None,
            Event::Scalar(text, style, anchor, _tag) => {
                let style = if style == TScalarStyle::Plain {
                    Style::Plain
                } else {
                    Style::Quoted
                };
                Some((
                    Node {
                        pos,
                        value: Value::Scalar(text, style),
                    },
                    anchor,
                ))
            }
            Event::Alias(id) => {
                let Some((node, size)) = anchors.get(&id) else {
                    return Err(ParseError {
                        pos,
                        message: "this alias names an anchor that is not defined before it".into(),
                        too_complex: false,
                        duplicate_key: false,
                    });
                };
                if *size > alias_budget {
                    return Err(ParseError {
                        pos,
                        message: format!(
                            "aliases in this file expand to more than {} nodes (an alias bomb?); write the values out or use fewer aliases",
                            limits.alias_nodes
                        ),
                        too_complex: true,
                        duplicate_key: false,
                    });
                }
                alias_budget -= *size;
                let mut node = node.clone();
                node.pos = pos;
                Some((node, 0))
            }
            Event::SequenceStart(anchor, _) => {
                stack.push(Frame::Seq {
                    pos,
                    anchor,
                    items: Vec::new(),
                });
                None
            }
            Event::MappingStart(anchor, _) => {
                stack.push(Frame::Map {
                    pos,
                    anchor,
                    entries: Vec::new(),
                    key: None,
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq { pos, anchor, items }) => Some((
                    Node {
                        pos,
                        value: Value::Seq(items),
                    },
                    anchor,
                )),
                Some(Frame::Map {
                    pos,
                    anchor,
                    entries,
                    ..
                }) => Some((
                    Node {
                        pos,
                        value: Value::Map(entries),
                    },
                    anchor,
                )),
                None => None,
            },
        };
        if stack.len() > limits.depth {
            return Err(ParseError {
                pos,
                message: format!(
                    "the YAML nests deeper than {} levels; flatten it",
                    limits.depth
                ),
                too_complex: true,
                duplicate_key: false,
            });
        }
        let Some((node, anchor)) = complete else {
            continue;
        };
        if anchor > 0 {
            let size = count(&node);
            anchors.insert(anchor, (node.clone(), size));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if let Value::Scalar(ktext, _) = &k.value {
                        if entries
                            .iter()
                            .any(|(e, _)| matches!(&e.value, Value::Scalar(t, _) if t == ktext))
                        {
                            return Err(ParseError {
                                pos: k.pos,
                                message: format!(
                                    "the key `{ktext}` appears twice in this mapping; keep one"
                                ),
                                too_complex: false,
                                duplicate_key: true,
                            });
                        }
                    }
                    entries.push((k, node));
                }
            },
        }
    }
    Ok(root)
}

impl Node {
    /// The scalar text, if this is a scalar.
    pub fn scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s, _) => Some(s),
            _ => None,
        }
    }

    /// True for a YAML null (`~`, `null`, or nothing).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar(s, Style::Plain) if matches!(s.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The boolean, if this is a plain `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
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
    pub fn looks_numeric(&self) -> bool {
        match &self.value {
            Value::Scalar(s, Style::Plain) => super::number::looks_numeric(s),
            _ => false,
        }
    }

    /// A short description of what this node is, for messages.
    pub fn describe(&self) -> &'static str {
        match &self.value {
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
            Value::Scalar(_, Style::Quoted) => "text",
            Value::Scalar(..) if self.is_null() => "nothing (null)",
            Value::Scalar(..) if self.as_bool().is_some() => "true/false",
            Value::Scalar(..) if self.looks_numeric() => "a number",
            Value::Scalar(..) => "text",
        }
    }
}
