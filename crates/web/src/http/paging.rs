//! Long tables shown a page at a time: the review of a province lists thousands of cases
//! and figures, and a clerk on an old PC or a commune officer on a phone reads fifty.

use std::collections::HashMap;

/// Rows a page: what an old PC and a phone show without waiting.
pub(crate) const PER_PAGE: usize = 50;

/// One page of a table, with the links to its neighbours (empty when there is none).
pub(crate) struct Paged<T> {
    pub rows: Vec<T>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub prev: String,
    pub next: String,
}

impl<T> Paged<T> {
    /// Page `key` of `all` (from the query; 1 when absent or out of range), `per` rows a
    /// page; the links keep every other parameter of the query and return to `anchor`.
    pub fn of<S>(
        all: &[S],
        per: usize,
        path: &str,
        key: &str,
        q: &HashMap<String, String>,
        anchor: &str,
        row: impl Fn(&S) -> T,
    ) -> Paged<T> {
        let total = all.len();
        let pages = total.div_ceil(per).max(1);
        let page = q
            .get(key)
            .and_then(|p| p.trim().parse::<usize>().ok())
            .filter(|p| (1..=pages).contains(p))
            .unwrap_or(1);
        let link = |n: usize| {
            let mut params: Vec<(&String, &String)> = q
                .iter()
                .filter(|(k, v)| *k != key && !v.is_empty())
                .collect();
            params.sort();
            let mut s: Vec<String> = params
                .into_iter()
                .map(|(k, v)| {
                    format!(
                        "{}={}",
                        crate::http::format::enc(k),
                        crate::http::format::enc(v)
                    )
                })
                .collect();
            s.push(format!("{key}={n}"));
            format!("{path}?{}#{anchor}", s.join("&"))
        };
        Paged {
            rows: all
                .iter()
                .skip((page - 1) * per)
                .take(per)
                .map(row)
                .collect(),
            total,
            page,
            pages,
            prev: if page > 1 {
                link(page - 1)
            } else {
                String::new()
            },
            next: if page < pages {
                link(page + 1)
            } else {
                String::new()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_its_slice_and_links_keep_the_other_parameters() {
        let all: Vec<u32> = (1..=120).collect();
        let q: HashMap<String, String> = [("year", "2025"), ("fpage", "3"), ("scope", "")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let p = Paged::of(&all, 50, "/quality", "fpage", &q, "figures", |x| *x);
        assert_eq!((p.total, p.page, p.pages), (120, 3, 3));
        assert_eq!(p.rows, (101..=120).collect::<Vec<_>>());
        assert_eq!(p.prev, "/quality?year=2025&fpage=2#figures");
        assert!(p.next.is_empty());
        let wild: HashMap<String, String> = [("fpage".to_string(), "99999999999999999999".into())]
            .into_iter()
            .collect();
        let p = Paged::of(&all, 50, "/quality", "fpage", &wild, "figures", |x| *x);
        assert_eq!((p.page, p.rows.len()), (1, 50));
        assert_eq!(p.next, "/quality?fpage=2#figures");
        let none: Vec<u32> = Vec::new();
        let p = Paged::of(&none, 50, "/quality", "fpage", &wild, "figures", |x| *x);
        assert_eq!((p.total, p.page, p.pages, p.rows.len()), (0, 1, 1, 0));
    }
}
