//! The rule file: loading (with positions), validation (all problems at once), fingerprint.

mod canonical;
pub(crate) mod compile;
mod info;
pub(crate) mod load;
pub(crate) mod model;
pub(crate) mod testing;

use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::error::{Code, Diagnostic, Error, Pos};
use crate::i18n::Arg;
use crate::msg;
use crate::plan::{Plan, PlanNode};
use crate::syntax::{self, Limits};

pub use info::{CriterionInfo, InputDefault, InputInfo};
pub(crate) use info::{parameters as parameters_info, value_of};
pub use testing::{TestFailure, TestOutcome};

/// Largest rule file, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// A loaded, checked and compiled ruleset: immutable, cheap to clone, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Ruleset {
    pub(crate) plan: Arc<Plan>,
    /// The file as written (with positions), for the authoring tools (lint, diff).
    #[cfg(feature = "tools")]
    pub(crate) doc: Arc<model::RulesetDoc>,
    /// Every unit's starting slots when parameter values are set (`None`: the plan's
    /// `absent`, with every parameter at its default; crate::parameters).
    pub(crate) base: Option<Arc<Vec<crate::expr::Slot>>>,
}

/// `sha256:` of the canonical JSON of the model (sorted keys, exact numbers): the bytes
/// `serde_json::to_vec(&serde_json::to_value(doc))` writes, written directly (D129).
fn fingerprint(doc: &model::RulesetDoc, origin: &str) -> Result<String, Error> {
    let json = canonical::to_vec(doc).map_err(|e| {
        // Every key is text and every number exact, so this does not happen; if it did, a
        // fingerprint of nothing would be wrong, so it is reported.
        Error::Ruleset(vec![Diagnostic::new(
            Code::InvalidValue,
            origin,
            Pos::default(),
            msg!("load-fingerprint-failed", detail = e.to_string()),
        )])
    })?;
    let digest = Sha256::digest(&json);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for b in digest.iter() {
        for nibble in [b >> 4, b & 15] {
            s.push(char::from(
                HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    Ok(s)
}

impl Ruleset {
    /// Loads a ruleset from YAML (or JSON) text; `origin` names it in messages (e.g. a path).
    ///
    /// The text is parsed with positions, checked for shape and meaning (every problem found
    /// is reported, not just the first) and compiled once; the ruleset then scores any number
    /// of units. Problems that do not stop loading are kept as [`Ruleset::warnings`].
    ///
    /// # Errors
    ///
    /// [`Error::Ruleset`] with every problem found, each a located [`Diagnostic`] with a stable
    /// [`Code`]: YAML syntax, unknown or missing keys, wrong types, sums that do not add up,
    /// undeclared inputs, expressions that do not compile, a text over 5 MiB, …
    ///
    /// # Example
    ///
    /// ```
    /// let rs = cchc::Ruleset::from_yaml_str(
    ///     "format: cchc/1\nid: demo\nversion: '1'\ntitle: Demo\ntotal: 1\n\
    ///      inputs: { kh: { type: bool } }\n\
    ///      criteria: [ { id: '1', title: Plan, max: 1, rule: { check: kh } } ]\n",
    ///     "demo.yaml",
    /// )?;
    /// assert_eq!(rs.id(), "demo");
    ///
    /// let err = cchc::Ruleset::from_yaml_str("format: cchc/1\nid: x\n", "bad.yaml").unwrap_err();
    /// assert!(err.diagnostics().iter().all(|d| d.code == cchc::Code::MissingKey));
    /// # Ok::<(), cchc::Error>(())
    /// ```
    pub fn from_yaml_str(text: &str, origin: &str) -> Result<Ruleset, Error> {
        if text.len() > MAX_FILE_BYTES {
            return Err(too_large(origin, text.len() as u64));
        }
        let root = syntax::parse(text, Limits::default()).map_err(|e| {
            let d = Diagnostic::new(e.code(Code::YamlSyntax), origin, e.pos, e.message);
            Error::Ruleset(vec![match e.help {
                Some(h) => d.with_help(h),
                None => d,
            }])
        })?;
        let mut loader = load::Loader::new(origin);
        let doc = loader.document(root.as_ref());
        let mut diags = loader.diags;
        let Some(doc) = doc else {
            sort(&mut diags);
            return Err(Error::Ruleset(diags));
        };
        let fp = fingerprint(&doc, origin)?;
        let compiled = compile::compile(&doc, origin, fp);
        match compiled.plan {
            Ok(mut plan) if diags.is_empty() => {
                let mut warnings = loader.warnings;
                warnings.extend(compiled.warnings);
                sort(&mut warnings);
                plan.warnings = warnings;
                Ok(Ruleset {
                    plan: Arc::new(plan),
                    #[cfg(feature = "tools")]
                    doc: Arc::new(doc),
                    base: None,
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
    ///
    /// # Errors
    ///
    /// As [`Ruleset::from_yaml_str`], and `not_utf8` (located at the first bad byte) when the
    /// bytes are not UTF-8 text.
    ///
    /// # Example
    ///
    /// ```
    /// let err = cchc::Ruleset::from_bytes(b"format: cchc/1\nid: \xff\n", "bad.yaml").unwrap_err();
    /// assert_eq!(err.diagnostics()[0].code, cchc::Code::NotUtf8);
    /// ```
    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<Ruleset, Error> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(too_large(origin, bytes.len() as u64));
        }
        let text = syntax::utf8(bytes).map_err(|pos| {
            Error::Ruleset(vec![Diagnostic::new(
                Code::NotUtf8,
                origin,
                pos,
                msg!("load-not-utf8"),
            )])
        })?;
        Self::from_yaml_str(text, origin)
    }

    /// Loads a ruleset from a file; the path names it in messages.
    ///
    /// # Errors
    ///
    /// As [`Ruleset::from_bytes`], and `io` when the file cannot be read, `file_too_large` when
    /// it is over 5 MiB (checked before reading).
    ///
    /// # Example
    ///
    /// ```no_run
    /// let rs = cchc::Ruleset::load("rules/ha-noi/thach-that/xa-thi-tran/2021.yaml")?;
    /// for w in rs.warnings() {
    ///     eprintln!("{w}");
    /// }
    /// let units = cchc::read_units_file("examples/thach-that-2021/xa-thi-tran.csv")?;
    /// let batch = rs.score_batch(&units);
    /// for (rank, r) in batch.ranked() {
    ///     println!("{rank}. {:?} {:?}", r.unit.id, r.index);
    /// }
    /// # Ok::<(), cchc::Error>(())
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Ruleset, Error> {
        let path = path.as_ref();
        let origin = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| io_error(&origin, e))?;
        if meta.len() > MAX_FILE_BYTES as u64 {
            return Err(too_large(&origin, meta.len()));
        }
        // Bounded even when the size is unknown (a pipe, `/dev/zero`).
        let bytes = crate::data::read_file_bounded(path, MAX_FILE_BYTES).map_err(|e| match e {
            crate::data::ReadError::Io(e) => io_error(&origin, e),
            crate::data::ReadError::TooLarge => too_large(&origin, MAX_FILE_BYTES as u64 + 1),
        })?;
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

    /// The assessment rounds, in order (empty: one implicit round).
    pub fn rounds(&self) -> &[crate::plan::RoundDef] {
        &self.plan.rounds
    }

    /// The index of the round with this id (compared in Unicode NFC), for
    /// [`Ruleset::score_as_of`] and [`crate::BatchOptions::as_of`].
    pub fn round_index(&self, id: &str) -> Option<usize> {
        let id = crate::text::nfc_cow(id);
        self.plan.rounds.iter().position(|r| r.id == id.as_ref())
    }

    /// Load-time warnings: the ruleset loaded, but something in it looks wrong (a band step
    /// that can never hold, a grade threshold outside 0–100, a date that does not exist, an
    /// empty id…). Each is coded and located like a problem.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.plan.warnings
    }

    /// Issuing authority, if the rule file names one.
    pub fn issued_by(&self) -> Option<&str> {
        self.plan.issued_by.as_deref()
    }

    /// How far the ruleset's figures may be relied on: `status:` of the rule file, `draft` when
    /// the file does not say (nothing is presented as official unless its file says so).
    pub fn status(&self) -> crate::types::RulesetStatus {
        self.plan.status
    }

    /// The decimal places points, totals and the index are rounded to (`rounding.places`);
    /// text for people writes them with this many decimals (`75,20`).
    pub fn places(&self) -> u32 {
        self.plan.places
    }

    /// The period the ruleset applies to: `(from, to)` dates as written (YYYY-MM-DD).
    pub fn effective(&self) -> (Option<&str>, Option<&str>) {
        (
            self.plan.effective.0.as_deref(),
            self.plan.effective.1.as_deref(),
        )
    }

    /// The file (or origin name) the ruleset was loaded from.
    pub fn origin(&self) -> &str {
        &self.plan.origin
    }

    #[cfg(feature = "slots")]
    /// The slot of the unit input declared with exactly this (NFC) name, for giving values by
    /// slot ([`crate::Unit::push_slot_value`], D123); none for a parameter or an unknown name.
    pub fn input_slot(&self, name: &str) -> Option<crate::InputSlot> {
        let &i = self.plan.input_index.get(name)?;
        let def = self.plan.inputs.get(i)?;
        (i < self.plan.n_inputs && def.name == name).then(|| crate::InputSlot::new(&self.plan, i))
    }

    /// The data dictionary: every declared input, in file order (for forms and bindings).
    pub fn inputs(&self) -> Vec<InputInfo> {
        info::inputs(&self.plan)
    }

    /// The criteria tree: top-level criteria with their sub-criteria.
    pub fn criteria(&self) -> Vec<CriterionInfo> {
        info::criteria(&self.plan)
    }

    /// Every criterion (groups and leaves) in pre-order, as results index them.
    pub fn nodes(&self) -> &[PlanNode] {
        &self.plan.nodes
    }

    /// How many criteria (groups and leaves) the ruleset has.
    pub fn criteria_count(&self) -> usize {
        self.plan.nodes.len()
    }

    /// How many worked cases its `tests:` section has.
    pub fn test_count(&self) -> usize {
        self.plan.tests.len()
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
        msg!("load-file-too-large", bytes = bytes, max = MAX_FILE_BYTES),
    )])
}

pub(crate) fn io_error(origin: &str, e: std::io::Error) -> Error {
    Error::Ruleset(vec![Diagnostic::new(
        Code::Io,
        origin,
        Pos::default(),
        msg!("load-io", file = Arg::ident(origin), detail = io_detail(&e)),
    )])
}

/// Why a file cannot be read: the system's words (English), with a Vietnamese sentence for
/// the common cases.
pub(crate) fn io_detail(e: &std::io::Error) -> crate::Message {
    let detail = e.to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => msg!("load-io-not-found", detail = detail),
        std::io::ErrorKind::PermissionDenied => msg!("load-io-permission", detail = detail),
        std::io::ErrorKind::IsADirectory => msg!("load-io-directory", detail = detail),
        _ => msg!("load-io-other", detail = detail),
    }
}

/// The JSON Schema of the `cchc/1` rule format.
pub fn json_schema() -> serde_json::Value {
    schemars::schema_for!(model::RulesetDoc).to_value()
}

#[cfg(all(test, feature = "tools"))]
mod fingerprint_tests {
    use std::path::{Path, PathBuf};

    use sha2::{Digest, Sha256};

    use super::Ruleset;

    fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
        // Unreadable entries are skipped; the test counts what it checked.
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                yaml_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }

    /// The canonical writer gives the old writer's bytes (the `Value` tree, then its text) for
    /// every ruleset the project ships or tests, so no fingerprint changes (D129).
    #[test]
    fn the_canonical_writer_keeps_every_fingerprint() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        let mut files = Vec::new();
        for d in ["rules", "examples", "tests/conformance", "docs"] {
            if root.join(d).is_dir() {
                yaml_files(&root.join(d), &mut files);
            }
        }
        let mut checked = 0;
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let mut sources = vec![text.clone()];
            if let Ok(v) = serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text) {
                if let Some(r) = v.get("ruleset").and_then(|r| r.as_str()) {
                    sources.push(r.to_string());
                }
            }
            for src in sources {
                let Ok(rs) = Ruleset::from_yaml_str(&src, "t.yaml") else {
                    continue;
                };
                let old = serde_json::to_vec(&serde_json::to_value(&*rs.doc).unwrap()).unwrap();
                let new = super::canonical::to_vec(&*rs.doc).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&new),
                    String::from_utf8_lossy(&old),
                    "{}",
                    f.display()
                );
                let hex: String = Sha256::digest(&old)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                assert_eq!(rs.fingerprint(), format!("sha256:{hex}"), "{}", f.display());
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} rulesets checked");
    }
}
