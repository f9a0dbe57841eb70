//! Vietnamese text: folding for search and matching, number formatting.

use unicode_normalization::UnicodeNormalization;

/// Folds Vietnamese text for comparison: lower case, no diacritics, đ → d, spaces collapsed.
///
/// "Hợp tác xã Đồng Tâm" → "hop tac xa dong tam". FTS5 and most collations keep đ, so
/// this is done here, once, and stored beside the name.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
        last_space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Folds a commune name and drops its type word (Xã, Phường, Thị trấn), so "Xã Tân Kiều",
/// "tan kieu" and "TÂN KIỀU" all match.
pub fn fold_unit_name(s: &str) -> String {
    let f = fold(s);
    for prefix in [
        "thi tran ",
        "xa ",
        "phuong ",
        "huyen ",
        "tinh ",
        "thanh pho ",
        "thi xa ",
        "quan ",
    ] {
        if let Some(rest) = f.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    f
}

/// A unit's name without its type word, as a map label: "Xã Đốc Binh Kiều" → "Đốc Binh
/// Kiều", "Phường 1" stays (a number alone says nothing).
pub fn short_unit_name(name: &str) -> String {
    for prefix in ["Thị trấn ", "Xã ", "Phường ", "Đặc khu "] {
        if let Some(rest) = name.strip_prefix(prefix)
            && !rest.chars().all(|c| c.is_ascii_digit())
        {
            return rest.to_string();
        }
    }
    name.to_string()
}

/// Groups the digits of an integer the Vietnamese way: 2697 → "2.697".
pub fn group_thousands(n: i128) -> String {
    let neg = n < 0;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    if neg { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Hợp tác xã Đồng Tâm"), "hop tac xa dong tam");
        assert_eq!(fold("  Tân   Kiều "), "tan kieu");
        assert_eq!(fold("ĐỐC BINH KIỀU"), "doc binh kieu");
        assert_eq!(fold("Láng Biển"), fold("lang bien"));
    }

    #[test]
    fn unit_names_ignore_type_word() {
        assert_eq!(fold_unit_name("Xã Tân Kiều"), "tan kieu");
        assert_eq!(fold_unit_name("Thị trấn Mỹ An"), "my an");
        assert_eq!(fold_unit_name("xa my an"), "my an");
        assert_eq!(fold_unit_name("Mỹ Hòa"), "my hoa");
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(2697), "2.697");
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000_000), "1.000.000");
        assert_eq!(group_thousands(-1600), "-1.600");
    }
}
