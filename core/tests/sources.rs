//! The sources of the shipped criteria sets are checkable from the repository: every source key
//! cited in `rules/` (`[HN-3199]`, `[BNV-876]`, …) is listed in `docs/sources.md`, and no
//! shipped rule file, example or document points at a path outside the repository.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "Test helpers: a failed unwrap or a panic here is a failing test."
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The source keys in `text`: `[` + an ASCII upper-case letter + upper-case letters, digits and
/// hyphens, with at least one hyphen + `]`. `[S]`, `[I]` and `[ĐTXHH]` are not keys.
fn source_keys(text: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut rest = text;
    while let Some((_, after)) = rest.split_once('[') {
        rest = after;
        let Some((inner, _)) = rest.split_once(']') else {
            break;
        };
        let well_formed = inner.starts_with(|c: char| c.is_ascii_uppercase())
            && inner.contains('-')
            && !inner.ends_with('-')
            && inner
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if well_formed {
            keys.insert(inner.to_owned());
        }
    }
    keys
}

/// The keys `docs/sources.md` lists: a key in the first cell of a table row (`| [KEY] |`).
fn listed_keys(sources: &str) -> BTreeSet<String> {
    sources
        .lines()
        .filter_map(|line| line.strip_prefix("| ["))
        .filter_map(|rest| rest.split_once("] |").map(|(key, _)| key.to_owned()))
        .collect()
}

fn rule_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    files_under(&root().join("rules"), &mut files);
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"));
    files.sort();
    assert!(
        files.len() >= 3,
        "the shipped rule files are found: {files:?}"
    );
    files
}

#[test]
fn every_source_cited_in_rules_is_listed_in_sources_md() {
    let sources = std::fs::read_to_string(root().join("docs/sources.md")).unwrap();
    let listed = listed_keys(&sources);
    assert!(
        listed.len() >= 10,
        "docs/sources.md lists its sources in tables: {listed:?}"
    );
    let mut cited_anywhere = 0;
    for file in rule_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let cited = source_keys(&text);
        cited_anywhere += cited.len();
        let missing: Vec<_> = cited.difference(&listed).collect();
        assert!(
            missing.is_empty(),
            "{} cites sources that docs/sources.md does not list: {missing:?}",
            file.display()
        );
    }
    assert!(
        cited_anywhere > 0,
        "the shipped rule files cite their sources by key"
    );
}

#[test]
fn the_thach_that_sets_and_the_provincial_set_cite_sources() {
    for rel in [
        "rules/ha-noi/thach-that/xa-thi-tran/2021.yaml",
        "rules/ha-noi/thach-that/phong-chuyen-mon/2021.yaml",
        "rules/vn/par-index/cap-tinh/2022.yaml",
    ] {
        let text = std::fs::read_to_string(root().join(rel)).unwrap();
        assert!(!source_keys(&text).is_empty(), "{rel} cites no source key");
    }
}

#[test]
fn sources_md_lists_each_key_once() {
    let sources = std::fs::read_to_string(root().join("docs/sources.md")).unwrap();
    let mut seen = BTreeSet::new();
    for line in sources.lines() {
        if let Some((key, _)) = line.strip_prefix("| [").and_then(|r| r.split_once("] |")) {
            assert!(
                seen.insert(key.to_owned()),
                "docs/sources.md lists [{key}] twice"
            );
        }
    }
}

#[test]
fn no_shipped_file_cites_a_path_outside_the_repository() {
    let mut files = rule_files();
    files_under(&root().join("examples"), &mut files);
    for doc in [
        "docs/sources.md",
        "docs/rules.md",
        "docs/huong-dan-bo-tieu-chi.md",
    ] {
        files.push(root().join(doc));
    }
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for bad in ["../shared", "/work/", "shared/domain"] {
            assert!(
                !text.contains(bad),
                "{} cites a path outside the repository ({bad})",
                file.display()
            );
        }
    }
}

#[test]
fn key_scanner_regressions() {
    let keys = source_keys("[S] [I] [ĐTXHH] [HN-3199] [BNV-876], [a-b] [X-] [CM-1880]");
    let want: BTreeSet<String> = ["BNV-876", "CM-1880", "HN-3199"].map(String::from).into();
    assert_eq!(keys, want);
    let listed = listed_keys("| key | x |\n| [HN-3199] | Quyết định |\n| [BNV-876] | 876 |\n");
    let want: BTreeSet<String> = ["BNV-876", "HN-3199"].map(String::from).into();
    assert_eq!(listed, want);
}
