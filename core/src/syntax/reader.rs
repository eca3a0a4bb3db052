//! Reading a YAML mapping key by key, reporting unknown keys with the nearest known one.

use super::yaml::{Node, Value};

/// Walks the entries of a mapping node, remembering which keys were read.
pub(crate) struct MapReader<'a> {
    entries: &'a [(Node, Node)],
    used: Vec<bool>,
}

impl<'a> MapReader<'a> {
    /// A reader over `node`, or `None` when the node is not a mapping.
    pub(crate) fn new(node: &'a Node) -> Option<Self> {
        match &node.value {
            Value::Map(entries) => Some(MapReader {
                entries,
                used: vec![false; entries.len()],
            }),
            _ => None,
        }
    }

    /// The value under `key` (compared as written).
    pub(crate) fn get(&mut self, key: &str) -> Option<&'a Node> {
        let entries = self.entries;
        for ((k, v), used) in entries.iter().zip(self.used.iter_mut()) {
            if k.scalar() == Some(key) {
                *used = true;
                return Some(v);
            }
        }
        None
    }

    /// Where `key` itself is written (not its value).
    pub(crate) fn key_pos(&self, key: &str) -> Option<crate::error::Pos> {
        self.entries
            .iter()
            .find(|(k, _)| k.scalar() == Some(key))
            .map(|(k, _)| k.pos)
    }

    /// True when the mapping has `key`.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k.scalar() == Some(key))
    }

    /// Keys that were never read: `(key node, key text)`.
    pub(crate) fn unread(&self) -> impl Iterator<Item = (&'a Node, &'a str)> + '_ {
        self.entries
            .iter()
            .zip(self.used.iter())
            .filter(|(_, used)| !**used)
            .map(|((k, _), _)| (k, k.scalar().unwrap_or("?")))
    }
}

/// The known word nearest to `word`, when it is near enough to be a likely typo.
pub(crate) fn suggest<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let lower = word.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(&lower, &k.to_lowercase()), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("titel", ["title", "total", "id"]), Some("title"));
        assert_eq!(suggest("chidren", ["children", "rule"]), Some("children"));
        assert_eq!(suggest("zzzzzz", ["title", "rule"]), None);
    }
}
