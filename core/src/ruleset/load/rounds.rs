//! `rounds:`: the assessment rounds (tự chấm, thẩm định, …), in order.

use super::Loader;
use super::read::{key, what};
use crate::msg;
use crate::ruleset::model::RoundDecl;
use crate::syntax::Node;
use crate::text::nfc;

impl Loader<'_> {
    /// The rounds that could be read (each problem reported).
    pub(super) fn rounds(&mut self, n: &Node) -> Vec<RoundDecl> {
        let items = self.list(n, &key("rounds"));
        let mut out = Vec::new();
        for it in items {
            let round = what(msg!("load-what-round"));
            let Some(mut m) = self.map(it, &round) else {
                continue;
            };
            let id_node = self.required(&mut m, "id", it.pos, &round);
            let id = id_node.and_then(|v| self.text(v, &what(msg!("load-what-round-id"))));
            let label = m
                .get("label")
                .and_then(|v| self.text(v, &what(msg!("load-what-round-label"))));
            self.finish(&m, &["id", "label"], &round);
            let Some(id) = id else { continue };
            let id = nfc(&id);
            self.check_id(
                &id,
                id_node.map_or(it.pos, |v| v.pos),
                &what(msg!("load-what-round-id")),
            );
            out.push(RoundDecl {
                label,
                id,
                pos: it.pos,
            });
        }
        out
    }
}
