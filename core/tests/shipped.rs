//! The shipped criteria sets speak to people: every input and every choice option has a
//! Vietnamese label, and each file says how far its figures may be relied on (`status`).

use std::path::{Path, PathBuf};

use cchc::{InputType, Ruleset, RulesetStatus};

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

#[test]
fn shipped_sets_label_every_input_and_option_and_state_their_status() {
    let mut files = Vec::new();
    yaml_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules"),
        &mut files,
    );
    assert!(files.len() >= 4, "{files:?}");
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let rs = Ruleset::from_yaml_str(&text, &f.display().to_string()).unwrap();
        // Written in the file, not the `draft` default; none of them is an official source.
        assert!(
            text.lines().any(|l| l.starts_with("status:")),
            "{}: no `status:`",
            f.display()
        );
        assert_eq!(rs.status(), RulesetStatus::Illustrative, "{}", f.display());
        for i in rs.inputs() {
            let label = i.label.as_deref().unwrap_or("");
            assert!(
                !label.trim().is_empty(),
                "{}: input {}",
                f.display(),
                i.name
            );
            if i.ty == InputType::Choice {
                let labels = i.option_labels.clone().unwrap_or_default();
                for o in i.options.as_deref().unwrap_or_default() {
                    let l = labels.get(o).map_or("", String::as_str);
                    // A label people read: not the id itself, and with Vietnamese letters.
                    assert!(
                        !l.is_empty() && l != o && !l.is_ascii(),
                        "{}: input {} option {o} has the label {l:?}",
                        f.display(),
                        i.name
                    );
                }
            }
        }
    }
}
