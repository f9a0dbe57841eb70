//! The shape of the exchange contract's tables: a column's machine key, Vietnamese header
//! and aliases; how a header or sheet name is matched.

use hoptac_core::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub vi: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub key: &'static str,
    pub vi: &'static str,
    pub aliases: &'static [&'static str],
    pub columns: &'static [Column],
}

pub(super) const fn col(
    key: &'static str,
    vi: &'static str,
    aliases: &'static [&'static str],
    required: bool,
) -> Column {
    Column {
        key,
        vi,
        aliases,
        required,
    }
}

/// Folds a header or sheet name for matching: no case, no diacritics, no unit in
/// parentheses ("Doanh thu (triệu đồng)" is "doanh thu"), `_` as a space.
pub fn fold_header(s: &str) -> String {
    let base = match s.find('(') {
        Some(i) if i > 0 => &s[..i],
        _ => s,
    };
    fold(&base.replace('_', " "))
}

impl Table {
    pub fn matches_name(&self, name: &str) -> bool {
        let f = fold_header(name);
        f == fold_header(self.key)
            || f == fold_header(self.vi)
            || self.aliases.iter().any(|a| fold_header(a) == f)
    }

    pub fn column_for(&self, header: &str) -> Option<&'static Column> {
        let f = fold_header(header);
        if f.is_empty() {
            return None;
        }
        // Keys and Vietnamese headers first, so an alias never shadows a real column.
        self.columns
            .iter()
            .find(|c| fold_header(c.key) == f || fold_header(c.vi) == f)
            .or_else(|| {
                self.columns
                    .iter()
                    .find(|c| c.aliases.iter().any(|a| fold_header(a) == f))
            })
    }
}
