//! The build-time check behind `msg!`: the code is in the catalogue, every placeholder of
//! both templates is given, and every argument given is used. It runs in `const` context,
//! so a mistake is a compile error at the call.

use super::catalogue::MESSAGES;
use super::entry::Entry;

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `s[from..to] == name`, byte for byte.
const fn slice_is(s: &[u8], from: usize, to: usize, name: &str) -> bool {
    let n = name.as_bytes();
    if to - from != n.len() {
        return false;
    }
    let mut i = 0;
    while i < n.len() {
        if s[from + i] != n[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn find(code: &str) -> Option<&'static Entry> {
    let mut t = 0;
    while t < MESSAGES.len() {
        let table = MESSAGES[t];
        let mut i = 0;
        while i < table.len() {
            if same(table[i].0, code) {
                return Some(&table[i]);
            }
            i += 1;
        }
        t += 1;
    }
    None
}

/// Every `{placeholder}` of `template` is one of `names`.
const fn placeholders_given(template: &str, names: &[&str]) -> bool {
    let s = template.as_bytes();
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'{' && i + 1 < s.len() && s[i + 1] == b'{' {
            i += 2;
            continue;
        }
        if s[i] == b'{' {
            let mut end = i + 1;
            while end < s.len() && s[end] != b'}' {
                end += 1;
            }
            let mut found = false;
            let mut k = 0;
            while k < names.len() {
                if slice_is(s, i + 1, end, names[k]) {
                    found = true;
                }
                k += 1;
            }
            if !found {
                return false;
            }
            i = end;
        }
        i += 1;
    }
    true
}

const fn uses(template: &str, name: &str) -> bool {
    let s = template.as_bytes();
    let n = name.len();
    let mut i = 0;
    while i + n + 1 < s.len() {
        if s[i] == b'{' && s[i + n + 1] == b'}' && slice_is(s, i + 1, i + n + 1, name) {
            return true;
        }
        i += 1;
    }
    false
}

/// Panics (at compile time, inside `msg!`) when `code` or its arguments do not fit the
/// catalogue.
pub const fn check(code: &str, names: &[&str]) {
    let Some(e) = find(code) else {
        panic!("this message code is not in the catalogue (crates/core/src/i18n/catalogue)");
    };
    if !placeholders_given(e.1, names) || !placeholders_given(e.2, names) {
        panic!("a placeholder of this message is not given as an argument");
    }
    let mut k = 0;
    while k < names.len() {
        if !uses(e.1, names[k]) && !uses(e.2, names[k]) {
            panic!("an argument of this message is in neither template");
        }
        k += 1;
    }
}
