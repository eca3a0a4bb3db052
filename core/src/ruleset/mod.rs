//! The rule file: loading (with positions), validation (all problems at once), fingerprint.

pub(crate) mod compile;
pub mod load;
pub mod model;
pub(crate) mod testing;

use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::error::{Code, Diagnostic, Error, Pos};
use crate::plan::Plan;
use crate::syntax::{self, Limits};

pub use testing::{TestFailure, TestOutcome};

/// Largest rule file, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// A loaded, checked and compiled ruleset: immutable, cheap to clone, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Ruleset {
    pub(crate) plan: Arc<Plan>,
}

fn fingerprint(doc: &model::RulesetDoc) -> String {
    let json =
        serde_json::to_vec(&serde_json::to_value(doc).unwrap_or_default()).unwrap_or_default();
    let digest = Sha256::digest(&json);
    let mut s = String::from("sha256:");
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

impl Ruleset {
    /// Loads a ruleset from YAML (or JSON) text; `origin` names it in messages (e.g. a path).
    pub fn from_yaml_str(text: &str, origin: &str) -> Result<Ruleset, Error> {
        if text.len() > MAX_FILE_BYTES {
            return Err(too_large(origin, text.len() as u64));
        }
        let root = syntax::parse(text, Limits::default()).map_err(|e| {
            let code = if e.too_complex {
                Code::YamlTooComplex
            } else if e.duplicate_key {
                Code::DuplicateKey
            } else {
                Code::YamlSyntax
            };
            Error::Ruleset(vec![Diagnostic::new(code, origin, e.pos, e.message)])
        })?;
        let mut loader = load::Loader::new(origin);
        let doc = loader.document(root.as_ref());
        let mut diags = loader.diags;
        let Some(doc) = doc else {
            sort(&mut diags);
            return Err(Error::Ruleset(diags));
        };
        let fp = fingerprint(&doc);
        let compiled = compile::compile(&doc, origin, fp);
        match compiled.plan {
            Ok(mut plan) if diags.is_empty() => {
                let mut warnings = loader.warnings;
                warnings.extend(compiled.warnings);
                sort(&mut warnings);
                plan.warnings = warnings;
                Ok(Ruleset {
                    plan: Arc::new(plan),
                })
            }
            Ok(_) => {
                sort(&mut diags);
                Err(Error::Ruleset(diags))
            }
            Err(more) => {
                diags.extend(more);
                sort(&mut diags);
                Err(Error::Ruleset(diags))
            }
        }
    }

    /// Loads a ruleset from bytes (UTF-8, a leading BOM ignored).
    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<Ruleset, Error> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(too_large(origin, bytes.len() as u64));
        }
        let text = syntax::utf8(bytes).map_err(|pos| {
            Error::Ruleset(vec![Diagnostic::new(
                Code::NotUtf8,
                origin,
                pos,
                "the rule file is not UTF-8 text; save it as UTF-8",
            )])
        })?;
        Self::from_yaml_str(text, origin)
    }

    /// Loads a ruleset from a file.
    pub fn load(path: impl AsRef<Path>) -> Result<Ruleset, Error> {
        let path = path.as_ref();
        let origin = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| io_error(&origin, e))?;
        if meta.len() > MAX_FILE_BYTES as u64 {
            return Err(too_large(&origin, meta.len() as u64));
        }
        let bytes = std::fs::read(path).map_err(|e| io_error(&origin, e))?;
        Self::from_bytes(&bytes, &origin)
    }

    /// Ruleset id.
    pub fn id(&self) -> &str {
        &self.plan.id
    }

    /// Policy version.
    pub fn version(&self) -> &str {
        &self.plan.version
    }

    /// Title.
    pub fn title(&self) -> &str {
        &self.plan.title
    }

    /// `sha256:` hash of the ruleset's meaning.
    pub fn fingerprint(&self) -> &str {
        &self.plan.fingerprint
    }

    /// Load-time warnings: the ruleset loaded, but something in it looks wrong (a band step
    /// that can never hold, a grade threshold outside 0–100, a date that does not exist, an
    /// empty id…). Each is coded and located like a problem.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.plan.warnings
    }

    /// The compiled plan (read-only).
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The data dictionary as JSON: `[{name, type, label, description, min, max, options,
    /// default, on_missing}]`, in file order (for forms and bindings).
    pub fn inputs_json(&self) -> serde_json::Value {
        use crate::inputs::Value as V;
        use crate::result::Num;
        let num = |d: Option<rust_decimal::Decimal>| {
            d.map(|d| serde_json::to_value(Num(d)).unwrap_or_default())
        };
        let list = self.plan.inputs.iter().map(|d| {
            let default = d.default.as_ref().map(|v| match v {
                V::Bool(b) => serde_json::Value::Bool(*b),
                V::Num(n) => serde_json::to_value(Num(*n)).unwrap_or_default(),
                V::Choice(i) => serde_json::Value::String(d.options[*i].clone()),
            });
            serde_json::json!({
                "name": d.name,
                "type": d.ty.as_str(),
                "label": d.label,
                "description": d.description,
                "min": num(d.min),
                "max": num(d.max),
                "options": if d.options.is_empty() { None } else { Some(&d.options) },
                "default": default,
                "on_missing": match d.on_missing {
                    model::OnMissing::Error => "error",
                    model::OnMissing::Zero => "zero",
                    model::OnMissing::NotApplicable => "not_applicable",
                },
            })
        });
        serde_json::Value::Array(list.collect())
    }

    /// The criteria tree as JSON: `[{id, title, kind, max, rule, description, evidence,
    /// applies_if, children}]`.
    pub fn criteria_json(&self) -> serde_json::Value {
        fn node(plan: &Plan, i: usize) -> serde_json::Value {
            use crate::plan::Body;
            let n = &plan.nodes[i];
            let mut v = serde_json::json!({
                "id": n.id,
                "title": n.title,
                "kind": n.kind.as_str(),
                "max": serde_json::to_value(crate::result::Num(n.max)).unwrap_or_default(),
                "description": n.description,
                "evidence": n.evidence,
                "applies_if": n.applies_if.as_ref().map(|c| c.source.clone()),
            });
            match &n.body {
                Body::Leaf(rule) => {
                    v["rule"] = serde_json::Value::String(rule.kind().as_str().into())
                }
                Body::Group(kids) => {
                    v["children"] =
                        serde_json::Value::Array(kids.iter().map(|&k| node(plan, k)).collect())
                }
            }
            v
        }
        serde_json::Value::Array(
            self.plan
                .roots
                .iter()
                .map(|&r| node(&self.plan, r))
                .collect(),
        )
    }

    /// Runs the ruleset's `tests:` section.
    pub fn run_tests(&self) -> Vec<TestOutcome> {
        testing::run(self)
    }
}

/// Problems in file order.
fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| (d.line, d.column));
}

fn too_large(origin: &str, bytes: u64) -> Error {
    Error::Ruleset(vec![Diagnostic::new(
        Code::FileTooLarge,
        origin,
        Pos { line: 1, column: 1 },
        format!("the rule file is {bytes} bytes; at most {MAX_FILE_BYTES} (5 MiB) are allowed; split it"),
    )])
}

pub(crate) fn io_error(origin: &str, e: std::io::Error) -> Error {
    Error::Ruleset(vec![Diagnostic::new(
        Code::Io,
        origin,
        Pos::default(),
        format!("cannot read `{origin}`: {e}"),
    )])
}

/// The JSON Schema of the `cchc/1` rule format.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(model::RulesetDoc)).unwrap_or_default()
}
