//! Every key asked for is in the catalogue (which holds both languages of each).

use super::*;

/// The templates, feature folders included.
fn template_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            out.extend(template_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Every `p.t("…")` in the templates has a string in both languages.
#[test]
fn templates_use_known_keys() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/templates"));
    let mut used = 0;
    for path in template_files(dir) {
        let text = std::fs::read_to_string(path).unwrap();
        for part in text.split("p.t(\"").skip(1) {
            let key = &part[..part.find('"').unwrap()];
            used += 1;
            assert!(lookup(key).is_some(), "missing key {key}");
        }
    }
    assert!(used > 50);
}

/// Every literal key the Rust code asks for (`t(l, "…")`) has its strings too.
#[test]
fn code_uses_known_keys() {
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    rust_files(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let mut used = 0;
    for path in files
        .iter()
        .filter(|p| !p.ends_with("http/i18n.rs") && !p.ends_with("i18n/tests.rs"))
    {
        let text = std::fs::read_to_string(path).unwrap();
        for call in ["t(l, \"", "t(lang, \"", "t(p.lang, \"", "i18n::t(l, \""] {
            for part in text.split(call).skip(1) {
                let key = &part[..part.find('"').unwrap()];
                used += 1;
                assert!(
                    lookup(key).is_some(),
                    "{}: missing key {key}",
                    path.display()
                );
            }
        }
    }
    assert!(used > 50, "{used}");
}
