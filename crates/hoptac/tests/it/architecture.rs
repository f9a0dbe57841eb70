//! The shape of the code, checked: no module cycles in any crate, and no source file too long
//! to read in one sitting (docs/architecture.md).
//!
//! A module depends on another when its code names a path into it (`crate::a::b`, `super::x`).
//! For every module, its own items and each of its child subtrees form a graph; an edge runs
//! from the subtree (or the module itself) that names a path to the one that holds it. That
//! graph must have no cycle: a parent that re-exports a child while the child uses the parent's
//! items is a cycle, as are two siblings that use each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Longest a hand-written source file may be (tests and generated data aside).
const MAX_LINES: usize = 800;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src`: `lib.rs` is the root, `a/mod.rs` and `a.rs` are `a`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    match last.as_str() {
        "lib.rs" | "main.rs" | "mod.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_string()),
    }
    parts
}

/// The code without comments, string and char literals, and the inline test module at the end
/// (its `super::*` means the file itself).
fn code_of(text: &str) -> String {
    // only an inline module (`mod tests {`): a `mod tests;` declaration may have code after it
    let inline_test = text.match_indices("#[cfg(test)]\nmod ").find(|(i, _)| {
        let rest = &text[i + "#[cfg(test)]\nmod ".len()..];
        let line = rest.lines().next().unwrap_or("");
        line.trim_end().ends_with('{')
    });
    let text = match inline_test {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'r' && matches!(b.get(i + 1), Some(b'"') | Some(b'#')) && !ident(b, i) {
            // raw string r"…" / r#"…"#
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'"'
                    && b[j + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|c| **c == b'#')
                        .count()
                        == hashes
                {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            i += 3;
            out.push_str("' '");
        } else if b[i] == b'\'' && b.get(i + 1) == Some(&b'\\') {
            i += 2;
            while i < b.len() && b[i] != b'\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn ident(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// Every path that starts at `crate::` or `super::`, brace groups expanded.
fn paths(code: &str) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        // `crate::…`, `super::…`, or `name::…` where name may be a child module
        let starts_word = !ident(b, i) && (i == 0 || b[i - 1] != b':');
        let mut end = i;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
            end += 1;
        }
        let start = starts_word
            && end > i
            && b[i].is_ascii_lowercase()
            && b[end..].starts_with(b"::")
            && !rest.starts_with(b"self::");
        if start {
            let mut p = Vec::new();
            let j = parse_path(code, i, &mut p, &mut out);
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads `a::b::{c, d::e}` from `i`, pushing every full path with `prefix`; returns the end.
fn parse_path(
    code: &str,
    mut i: usize,
    prefix: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    let b = code.as_bytes();
    let depth = prefix.len();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'{' {
            i += 1;
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'}' {
                    i += 1;
                    break;
                }
                let mut inner = prefix.clone();
                i = parse_path(code, i, &mut inner, out);
            }
            prefix.truncate(depth);
            return i;
        }
        let s = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'*') {
            i += 1;
        }
        if s == i {
            break;
        }
        prefix.push(code[s..i].to_string());
        if b[i..].starts_with(b"::") {
            i += 2;
        } else {
            break;
        }
    }
    out.push(prefix.clone());
    i
}

/// The module a path points into: resolved against `here`, the longest prefix that is a module.
fn target(
    path: &[String],
    here: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let mut abs: Vec<String> = Vec::new();
    let mut segs = path.iter().peekable();
    match segs.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segs.next();
        }
        Some("super") => {
            abs = here.to_vec();
            while segs.peek().map(|s| s.as_str()) == Some("super") {
                segs.next();
                abs.pop()?;
            }
        }
        Some(first) => {
            // a relative path: only a child module of `here` counts (else it names a crate)
            let mut child = here.to_vec();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            abs = here.to_vec();
        }
        None => return None,
    }
    abs.extend(segs.filter(|s| s.as_str() != "self").cloned());
    while !abs.is_empty() && !modules.contains(&abs) {
        abs.pop();
    }
    Some(abs)
}

fn cycles_in(krate: &Path) -> Vec<String> {
    let src = krate.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    // for every module: edges among {its own items ("."), its children}
    let mut graphs: BTreeMap<Vec<String>, BTreeSet<(String, String)>> = BTreeMap::new();
    let mut why: BTreeMap<(Vec<String>, String, String), String> = BTreeMap::new();
    for f in &files {
        let here = module_of(&src, f);
        let code = code_of(&std::fs::read_to_string(f).unwrap());
        for p in paths(&code) {
            let Some(to) = target(&p, &here, &modules) else {
                continue;
            };
            if to == here {
                continue;
            }
            let common = here.iter().zip(&to).take_while(|(a, b)| a == b).count();
            let parent = here[..common].to_vec();
            let node = |m: &[String]| m.get(common).cloned().unwrap_or_else(|| ".".into());
            let (a, b) = (node(&here), node(&to));
            if a == b {
                continue;
            }
            graphs
                .entry(parent.clone())
                .or_default()
                .insert((a.clone(), b.clone()));
            why.entry((parent, a, b)).or_insert_with(|| {
                format!(
                    "{} names {}",
                    f.strip_prefix(&src).unwrap().display(),
                    p.join("::")
                )
            });
        }
    }
    let mut found = Vec::new();
    for (parent, edges) in &graphs {
        let nodes: BTreeSet<&String> = edges.iter().flat_map(|(a, b)| [a, b]).collect();
        let before = found.len();
        for start in &nodes {
            // a path from start back to itself?
            let mut stack: Vec<Vec<&String>> = vec![vec![start]];
            let mut seen = BTreeSet::new();
            while let Some(trail) = stack.pop() {
                let last = *trail.last().unwrap();
                for (a, b) in edges {
                    if a != last {
                        continue;
                    }
                    if b == *start {
                        let mut steps: Vec<String> = Vec::new();
                        let mut cyc = trail.clone();
                        cyc.push(b);
                        for w in cyc.windows(2) {
                            let key = (parent.clone(), w[0].clone(), w[1].clone());
                            steps.push(format!("{} → {} ({})", w[0], w[1], why[&key]));
                        }
                        found.push(format!(
                            "{} in crate::{}: {}",
                            krate.file_name().unwrap().to_string_lossy(),
                            parent.join("::"),
                            steps.join("; ")
                        ));
                    } else if seen.insert(b) {
                        let mut t = trail.clone();
                        t.push(b);
                        stack.push(t);
                    }
                }
            }
            if found.len() > before {
                break;
            }
        }
    }
    found
}

fn crates() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(workspace().join("crates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("Cargo.toml").exists())
        .collect();
    out.sort();
    out
}

#[test]
fn no_module_cycles() {
    let crates = crates();
    assert!(crates.len() >= 8, "the workspace's crates were found");
    let found: Vec<String> = crates.iter().flat_map(|c| cycles_in(c)).collect();
    assert!(found.is_empty(), "module cycles:\n{}", found.join("\n"));
}

/// The checker itself finds a cycle and a brace-group path.
#[test]
fn the_cycle_check_sees_a_cycle() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("demo/src");
    std::fs::create_dir_all(src.join("a")).unwrap();
    std::fs::write(dir.path().join("demo/Cargo.toml"), "").unwrap();
    std::fs::write(src.join("lib.rs"), "mod a;\nmod b;\n").unwrap();
    std::fs::create_dir_all(dir.path().join("app/src")).unwrap();
    std::fs::write(dir.path().join("app/Cargo.toml"), "").unwrap();
    std::fs::write(
        dir.path().join("app/src/lib.rs"),
        "mod auth;\npub use auth::Actor;\npub struct App;\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("app/src/auth.rs"),
        "use crate::App;\npub struct Actor;\n",
    )
    .unwrap();
    let found = cycles_in(&dir.path().join("app"));
    assert!(
        found
            .iter()
            .any(|c| c.contains(". → auth") && c.contains("auth → .")),
        "{found:?}"
    );
    std::fs::write(
        src.join("a/mod.rs"),
        "mod x;\nuse crate::{b::{Thing}, a::x::Y};\n",
    )
    .unwrap();
    std::fs::write(src.join("a/x.rs"), "pub struct Y; // crate::b::Z\n").unwrap();
    std::fs::write(
        src.join("b.rs"),
        "pub struct Thing;\nfn f() -> crate::a::Q { todo!() }\n",
    )
    .unwrap();
    let found = cycles_in(&dir.path().join("demo"));
    assert!(
        found
            .iter()
            .any(|c| c.contains("a → b") && c.contains("b → a")),
        "{found:?}"
    );
    std::fs::write(
        src.join("b.rs"),
        "pub struct Thing;\nconst S: &str = \"crate::a::Q\";\n",
    )
    .unwrap();
    assert!(cycles_in(&dir.path().join("demo")).is_empty());
}

#[test]
fn source_files_are_short_enough_to_read() {
    let mut long = Vec::new();
    for krate in crates() {
        let mut files = Vec::new();
        rust_files(&krate.join("src"), &mut files);
        for f in files {
            if f.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let lines = std::fs::read_to_string(&f).unwrap().lines().count();
            if lines > MAX_LINES {
                long.push(format!(
                    "{} ({lines} lines)",
                    f.strip_prefix(workspace()).unwrap().display()
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}
