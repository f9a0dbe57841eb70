use super::*;
use std::collections::BTreeSet;

fn all() -> impl Iterator<Item = &'static Entry> {
    MESSAGES.iter().chain(UI.iter()).flat_map(|t| t.iter())
}

fn placeholders(t: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        if rest[i..].starts_with("{{") {
            rest = &rest[i + 2..];
            continue;
        }
        let end = rest[i..].find('}').map(|e| i + e).expect("a closed brace");
        out.insert(&rest[i + 1..end]);
        rest = &rest[end + 1..];
    }
    out
}

#[test]
fn every_code_is_there_once_with_both_languages() {
    let mut seen = BTreeSet::new();
    for (code, vi, en) in all() {
        assert!(seen.insert(*code), "{code} is in the catalogue twice");
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{code}");
    }
    assert!(seen.len() > 500, "{}", seen.len());
}

/// Both languages say the same things: a value shown in Vietnamese is shown in English.
#[test]
fn both_templates_of_a_message_use_the_same_placeholders() {
    for (code, vi, en) in MESSAGES.iter().flat_map(|t| t.iter()) {
        assert_eq!(placeholders(vi), placeholders(en), "{code}");
    }
}

#[test]
fn a_message_is_written_in_the_language_asked_for() {
    let m = msg!(
        "plan.invalid_period",
        from = 2026,
        to = Arg::both("2021 (vi)", "2021 (en)")
    );
    assert_eq!(m.code(), "plan.invalid_period");
    assert_eq!(m.vi(), "Giai đoạn 2026–2021 (vi) không hợp lệ");
    assert_eq!(m.en(), "Invalid period 2026–2021 (en)");
    assert_eq!(m.get("en"), m.render(Lang::En));
    assert_eq!(m.to_string(), format!("{} / {}", m.vi(), m.en()));
    let outer = msg!(
        "rules.at_position",
        position = 3,
        what = Arg::msg(m.clone())
    );
    assert_eq!(outer.en(), "Position 3: Invalid period 2026–2021 (en)");
    let json = serde_json::to_value(&outer).unwrap();
    assert_eq!(json["code"], "rules.at_position");
    assert_eq!(json["vi"], outer.vi());
}

#[test]
fn doubled_braces_are_literal_braces() {
    let m = Msg::text("a {{b}} {c}", "x");
    // a text held as data is shown as it is, never read as a template
    assert_eq!(m.vi(), "a {{b}} {c}");
    assert_eq!(Lang::from_code("en_GB.UTF-8"), Lang::En);
    assert_eq!(Lang::from_code("vi"), Lang::Vi);
    assert_eq!(Lang::En.pick("vi", ""), "vi");
}

/// The check behind `msg!` refuses an unknown code, a missing argument and an extra one
/// (at build time it is a compile error; here it runs as a plain function).
#[test]
fn the_build_time_check_refuses_what_does_not_fit() {
    let refused = |code: &'static str, names: &'static [&'static str]| {
        std::panic::catch_unwind(|| check(code, names)).is_err()
    };
    assert!(!refused("plan.invalid_period", &["from", "to"]));
    assert!(refused("plan.no_such_message", &[]));
    assert!(refused("plan.invalid_period", &["from"]));
    assert!(refused("plan.invalid_period", &["from", "to", "extra"]));
}

/// Every message in the catalogue is said somewhere: an entry nobody uses is a translation
/// nobody checks.
#[test]
fn every_message_is_used_by_the_code() {
    fn sources(dir: &std::path::Path, out: &mut String) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("catalogue") && !path.ends_with("target") {
                    sources(&path, out);
                }
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut text = String::new();
    let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    sources(&crates, &mut text);
    let unused: Vec<&str> = MESSAGES
        .iter()
        .flat_map(|t| t.iter())
        .map(|(code, _, _)| *code)
        .filter(|code| !text.contains(&format!("\"{code}\"")))
        .collect();
    assert!(unused.is_empty(), "not used: {unused:?}");
}
