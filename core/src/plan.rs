//! The compiled form of a ruleset: nodes in pre-order, inputs as slot numbers, rules as a
//! tagged enum, expressions as compiled ASTs. Scoring reads only this.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::error::Pos;
use crate::expr::Compiled;
use crate::inputs::InputDef;
use crate::rules::Rule;
use crate::ruleset::model::TestDecl;
use crate::types::{NodeKind, RankingMode};

/// A criterion of a loaded ruleset (a node of its tree), as results list them with their
/// points (`UnitResult::iter_nodes`).
#[derive(Debug)]
pub struct PlanNode {
    /// Id (NFC).
    pub id: String,
    /// Title.
    pub title: String,
    /// Explanation.
    pub description: Option<String>,
    /// Documents an inspector asks for.
    pub evidence: Vec<String>,
    /// normal, bonus or penalty.
    pub kind: NodeKind,
    /// Declared max.
    pub max: Decimal,
    /// Condition for the node to apply.
    pub(crate) applies_if: Option<Compiled>,
    /// `if_not_applicable: full`.
    pub(crate) full_if_na: bool,
    /// `cap: true`.
    pub(crate) cap: bool,
    /// Leaf rule or children.
    pub(crate) body: Body,
    /// Parent node.
    pub parent: Option<usize>,
    /// One past the last node of this node's subtree (pre-order).
    pub end: usize,
    /// Depth (top-level criteria are 1).
    pub depth: usize,
    /// Where the node starts in the rule file.
    pub pos: Pos,
    /// Groups: the sum of the normal children's declared max.
    pub(crate) normal_sum: Decimal,
    /// Groups: some child is a bonus or penalty.
    pub(crate) has_extras: bool,
}

impl PlanNode {
    /// True for a group (a node with sub-criteria), false for a leaf.
    pub fn is_group(&self) -> bool {
        matches!(self.body, Body::Group(_))
    }

    /// A group's children, as indices into the ruleset's nodes (empty for a leaf).
    pub fn children(&self) -> &[usize] {
        match &self.body {
            Body::Group(kids) => kids,
            Body::Leaf(_) => &[],
        }
    }

    /// A leaf's rule kind.
    pub fn rule_kind(&self) -> Option<crate::types::RuleKind> {
        match &self.body {
            Body::Leaf(rule) => Some(rule.kind()),
            Body::Group(_) => None,
        }
    }

    /// The source of its `applies_if` condition.
    pub fn applies_if(&self) -> Option<&str> {
        self.applies_if.as_ref().map(|c| c.source.as_str())
    }

    /// `cap: true`: a group whose sub-criteria may add up to more than its max.
    pub fn is_capped(&self) -> bool {
        self.cap
    }

    /// `if_not_applicable: full`: full marks when not applicable.
    pub fn full_if_not_applicable(&self) -> bool {
        self.full_if_na
    }
}

/// A leaf's rule or a group's children.
#[derive(Debug)]
pub(crate) enum Body {
    /// A leaf.
    Leaf(Rule),
    /// A group: children's node indices.
    Group(Vec<usize>),
}

/// A grade.
#[derive(Debug)]
pub(crate) struct Grade {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Lowest index.
    pub at_least: Decimal,
    /// Extra condition.
    pub requires: Option<Compiled>,
}

/// A checked, compiled ruleset.
pub(crate) struct Plan {
    /// Ruleset id.
    pub id: String,
    /// Policy version.
    pub version: String,
    /// Title.
    pub title: String,
    /// Issuer.
    pub issued_by: Option<String>,
    /// official, draft or illustrative.
    pub status: crate::types::RulesetStatus,
    /// Effective period.
    pub effective: (Option<String>, Option<String>),
    /// Declared total.
    pub total: Decimal,
    /// Rounding places.
    pub places: u32,
    /// Ranking mode.
    pub ranking: RankingMode,
    /// Ranking groups, in order (none: one ranking).
    pub groups: Vec<RankGroup>,
    /// The group of each unit kind (NFC) that a group lists.
    pub group_of_kind: HashMap<String, usize>,
    /// Inputs by slot, then the parameters (format §18) from slot `n_inputs` on.
    pub inputs: Vec<InputDef>,
    /// How many of `inputs` are inputs (the rest are parameters).
    pub n_inputs: usize,
    /// Where each parameter is declared, in slot order (from slot `n_inputs`).
    pub parameter_pos: Vec<Pos>,
    /// Where `parameters:` is written (none: the ruleset declares none).
    pub parameters_pos: Option<Pos>,
    /// Slot by input name (NFC).
    pub input_index: HashMap<String, usize>,
    /// Nodes in pre-order.
    pub nodes: Vec<PlanNode>,
    /// Top-level nodes.
    pub roots: Vec<usize>,
    /// Node index by id (NFC).
    pub node_index: Arc<HashMap<String, usize>>,
    /// Grades, highest first.
    pub grades: Vec<Grade>,
    /// Assessment rounds, in order (none: one implicit round).
    pub rounds: Vec<RoundDef>,
    /// The `tests:` section.
    pub tests: Vec<TestDecl>,
    /// `sha256:` of the canonical model.
    pub fingerprint: String,
    /// The file or origin the ruleset came from.
    pub origin: String,
    /// The sandboxed expression engine.
    pub engine: rhai::Engine,
    /// True when some grade has `requires`.
    pub grades_need_points: bool,
    /// Some top-level criterion is a bonus or penalty.
    pub root_has_extras: bool,
    /// Each input's slot when the unit does not give it (default, zero, missing, N/A).
    pub absent: Vec<crate::expr::Slot>,
    /// Load-time warnings.
    pub warnings: Vec<crate::error::Diagnostic>,
    /// "Did you mean" suggestions already computed for names units gave.
    pub suggestions: Suggestions,
    /// Each node's JSON head (`{"id":…,"title":…,"kind":…,"points":`), made when a result is
    /// first written as JSON text (`result::json_text`).
    pub json_heads: std::sync::OnceLock<Vec<String>>,
}

/// An assessment round of a ruleset.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoundDef {
    /// Id (NFC), e.g. `tu_cham`.
    pub id: String,
    /// Label, e.g. `Tự chấm điểm` (the id when the file gives none).
    pub label: String,
}

/// A ranking group of a ruleset (format §10.2).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RankGroup {
    /// Id (NFC), e.g. `xa`.
    pub id: String,
    /// Label, e.g. `Xã, thị trấn` (the id when the file gives none).
    pub label: String,
}

impl Plan {
    /// The ranking group of a unit of this kind: a declared group's index, or `groups.len()`
    /// for the implicit group "khác" (a kind in no group, or no kind); `None` when the ruleset
    /// declares no groups.
    pub(crate) fn group_of(&self, kind: Option<&str>) -> Option<usize> {
        if self.groups.is_empty() {
            return None;
        }
        Some(
            kind.and_then(|k| {
                self.group_of_kind
                    .get(crate::text::nfc_cow(k).as_ref())
                    .copied()
            })
            .unwrap_or(self.groups.len()),
        )
    }

    /// The id of ranking group `g` ([`Plan::group_of`]): `khac` for the implicit one.
    pub(crate) fn group_id(&self, g: usize) -> &str {
        self.groups
            .get(g)
            .map_or(crate::ruleset::compile::OTHER_GROUP, |x| x.id.as_str())
    }
}

/// Most names whose suggestion is remembered (a hostile batch cannot grow the cache further).
const MAX_REMEMBERED: usize = 10_000;

/// A cache of "did you mean" suggestions for unknown input names and criterion ids, so that a
/// batch computes each distinct unknown name's suggestion once, not once per unit.
#[derive(Debug, Default)]
pub(crate) struct Suggestions {
    inputs: std::sync::Mutex<HashMap<String, Option<String>>>,
    criteria: std::sync::Mutex<HashMap<String, Option<String>>>,
    /// Each input label's key (NFC, trimmed, lower case) and the slots of the inputs that
    /// carry it, built when a unit first names an input by something that is not its name.
    #[cfg(feature = "xlsx")]
    labels: std::sync::OnceLock<HashMap<String, Vec<usize>>>,
}

/// How an input's label is compared with a column header: NFC, trimmed, lower case.
#[cfg(feature = "xlsx")]
pub(crate) fn header_key(label: &str) -> String {
    crate::text::nfc_cow(label.trim()).to_lowercase()
}

impl Plan {
    /// The inputs whose label is `header` (NFC, trimmed, case-insensitive): one slot, or
    /// several when the label is ambiguous; empty when no input has that label.
    #[cfg(feature = "xlsx")]
    pub(crate) fn inputs_labelled(&self, header: &str) -> &[usize] {
        let labels = self.suggestions.labels.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>> = HashMap::new();
            for (slot, def) in self.inputs.iter().enumerate() {
                if let Some(label) = def.label.as_deref().filter(|l| !l.trim().is_empty()) {
                    map.entry(header_key(label)).or_default().push(slot);
                }
            }
            map
        });
        labels.get(&header_key(header)).map_or(&[], Vec::as_slice)
    }

    /// The declared input nearest to an unknown `name`, if one is near enough.
    pub(crate) fn suggest_input(&self, name: &str) -> Option<String> {
        cached(&self.suggestions.inputs, name, || {
            crate::syntax::suggest(name, self.input_index.keys().map(String::as_str))
        })
    }

    /// The criterion id nearest to an unknown `id`, if one is near enough.
    pub(crate) fn suggest_criterion(&self, id: &str) -> Option<String> {
        cached(&self.suggestions.criteria, id, || {
            crate::syntax::suggest(id, self.node_index.keys().map(String::as_str))
        })
    }
}

/// Looks `word` up in `cache`, computing and remembering it when absent.
fn cached<'k>(
    cache: &std::sync::Mutex<HashMap<String, Option<String>>>,
    word: &str,
    compute: impl FnOnce() -> Option<&'k str>,
) -> Option<String> {
    // A poisoned lock only means another thread panicked mid-insert: the map is still valid.
    if let Some(hit) = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(word)
    {
        return hit.clone();
    }
    let found = compute().map(str::to_string);
    let mut map = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if map.len() < MAX_REMEMBERED {
        map.insert(word.to_string(), found.clone());
    }
    found
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field("id", &self.id)
            .field("version", &self.version)
            .field("fingerprint", &self.fingerprint)
            .field("nodes", &self.nodes.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use crate::{RawValue, Ruleset, Unit};

    /// A batch whose units all give the same unknown names computes each suggestion once.
    #[test]
    fn suggestions_are_computed_once_per_name() {
        let rs = Ruleset::from_yaml_str(
            "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 1\ninputs: { ke_hoach: { type: bool } }\ncriteria: [ { id: '1', title: A, max: 1, rule: { check: ke_hoach } } ]\n",
            "t.yaml",
        )
        .unwrap();
        let units: Vec<Unit> = (0..50)
            .map(|i| {
                Unit::new(format!("u{i}"))
                    .with_value("ke_hoach", RawValue::Bool(true))
                    .with_value("ke_hoah", RawValue::Bool(true))
                    .with_value("zzz", RawValue::Bool(true))
                    .with_not_applicable("2")
            })
            .collect();
        let batch = rs.score_batch(&units);
        let w = &batch.results[49].warnings;
        assert!(
            w.iter().any(|i| i
                .message
                .render(crate::Lang::En)
                .contains("did you mean `ke_hoach`")),
            "{w:?}"
        );
        let plan = &rs.plan;
        let inputs = plan.suggestions.inputs.lock().unwrap();
        assert_eq!(inputs.len(), 2, "{inputs:?}");
        assert_eq!(inputs.get("ke_hoah"), Some(&Some("ke_hoach".to_string())));
        assert_eq!(inputs.get("zzz"), Some(&None));
        assert_eq!(plan.suggestions.criteria.lock().unwrap().len(), 1);
    }

    /// The cache stops growing at its bound; suggestions past it are still given.
    #[test]
    fn suggestion_cache_is_bounded() {
        let rs = Ruleset::from_yaml_str(
            "format: cchc/1\nid: t\nversion: '1'\ntitle: T\ntotal: 1\ninputs: { ab: { type: bool } }\ncriteria: [ { id: '1', title: A, max: 1, rule: { check: ab } } ]\n",
            "t.yaml",
        )
        .unwrap();
        for i in 0..super::MAX_REMEMBERED + 10 {
            let _ = rs.plan.suggest_input(&format!("name{i}"));
        }
        assert_eq!(rs.plan.suggest_input("ac").as_deref(), Some("ab"));
        assert_eq!(
            rs.plan.suggestions.inputs.lock().unwrap().len(),
            super::MAX_REMEMBERED
        );
    }
}
