//! `ranking:`: the word form (`dense`) or `{ method, groups }` (format §10.2).

use super::Loader;
use super::read::{key, what};
use crate::msg;
use crate::ruleset::model::{GroupDecl, RankingDecl, RankingSpec};
use crate::syntax::{Node, Value};
use crate::text::nfc;

/// Keys of `ranking:` in its mapping form.
const RANKING_KEYS: &[&str] = &["method", "groups"];
/// Keys of a ranking group.
const GROUP_KEYS: &[&str] = &["id", "label", "kinds"];

impl Loader<'_> {
    /// `ranking:`.
    pub(super) fn ranking(&mut self, n: &Node) -> Option<RankingDecl> {
        if !matches!(n.value, Value::Map(_)) {
            return self.keyword(n).map(RankingDecl::Method);
        }
        let what_ranking = key("ranking");
        let mut m = self.map(n, &what_ranking)?;
        let method = m.get("method").and_then(|v| self.keyword(v));
        let groups = m
            .get("groups")
            .map(|v| self.rank_groups(v))
            .unwrap_or_default();
        self.finish(&m, RANKING_KEYS, &what_ranking);
        Some(RankingDecl::Spec(RankingSpec { method, groups }))
    }

    /// `ranking.groups`: the groups that could be read.
    fn rank_groups(&mut self, n: &Node) -> Vec<GroupDecl> {
        let items = self.list(n, &key("ranking.groups"));
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            let group = what(msg!("load-what-rank-group"));
            let Some(mut m) = self.map(it, &group) else {
                continue;
            };
            let id_node = self.required(&mut m, "id", it.pos, &group);
            let id = id_node.and_then(|v| self.text(v, &what(msg!("load-what-rank-group-id"))));
            let label = m.get("label").and_then(|v| self.text(v, &key("label")));
            let kinds = self
                .required(&mut m, "kinds", it.pos, &group)
                .and_then(|v| self.text_list(v, &key("kinds")));
            self.finish(&m, GROUP_KEYS, &group);
            let (Some(id), Some(kinds)) = (id, kinds) else {
                continue;
            };
            let id = nfc(&id);
            self.check_id(
                &id,
                id_node.map_or(it.pos, |v| v.pos),
                &what(msg!("load-what-rank-group-id")),
            );
            out.push(GroupDecl {
                id,
                label,
                kinds: kinds.iter().map(|k| nfc(k)).collect(),
                pos: it.pos,
            });
        }
        out
    }
}
