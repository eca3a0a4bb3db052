//! Reading a YAML mapping key by key, reporting unknown keys with the nearest known one.

use super::yaml::{Node, Value};

/// Walks the entries of a mapping node, remembering which keys were read.
pub struct MapReader<'a> {
    entries: &'a [(Node, Node)],
    used: Vec<bool>,
}

impl<'a> MapReader<'a> {
    /// A reader over `node`, or `None` when the node is not a mapping.
    pub fn new(node: &'a Node) -> Option<Self> {
        match &node.value {
            Value::Map(entries) => Some(MapReader {
                entries,
                used: vec![false; entries.len()],
            }),
            _ => None,
        }
    }

    /// The value under `key` (compared as written).
    pub fn get(&mut self, key: &str) -> Option<&'a Node> {
        let entries = self.entries;
        for (i, (k, v)) in entries.iter().enumerate() {
            if k.scalar() == Some(key) {
                self.used[i] = true;
                return Some(v);
            }
        }
        None
    }

    /// True when the mapping has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k.scalar() == Some(key))
    }

    /// Keys that were never read: `(key node, key text)`.
    pub fn unread(&self) -> impl Iterator<Item = (&'a Node, &'a str)> + '_ {
        self.entries
            .iter()
            .zip(self.used.iter())
            .filter(|(_, used)| !**used)
            .map(|((k, _), _)| (k, k.scalar().unwrap_or("?")))
    }
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The known word nearest to `word`, when it is near enough to be a likely typo.
pub fn suggest<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let lower = word.to_lowercase();
    known
        .into_iter()
        .map(|k| (levenshtein(&lower, &k.to_lowercase()), k))
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
