//! Names that are probably the same organisation: the source plan itself spells one
//! cooperative "Tân Kiêu" and "Tân Kiều", another "Đốc Bình Kiều" and "Đốc Binh Kiều".

use crate::text::fold;

/// Words that say what kind of organisation it is, not which one.
const GENERIC: [&str; 16] = [
    "hop tac xa",
    "to hop tac",
    "lien hiep hop tac xa",
    "dich vu nong nghiep",
    "nong nghiep",
    "dich vu",
    "san xuat",
    "kinh doanh",
    "tong hop",
    "lhhtx",
    "htx",
    "tht",
    "dvnn",
    "nn",
    "dv",
    "hq",
];

/// The part of a name that identifies: folded (no case, diacritics, đ), punctuation gone,
/// generic words and abbreviations (HTX, DVNN, Tổ hợp tác …) removed.
pub fn name_key(name: &str) -> String {
    let f: String = fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut s = format!(" {} ", f.split_whitespace().collect::<Vec<_>>().join(" "));
    for g in GENERIC {
        s = s.replace(&format!(" {g} "), " ");
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A name prepared for comparison once: its key's characters and its numbers. Comparing
/// every pair of a commune's names recomputes nothing.
#[derive(Clone, Debug)]
pub struct NameKey {
    chars: Vec<char>,
    digits: String,
}

impl NameKey {
    pub fn new(name: &str) -> NameKey {
        let key = name_key(name);
        NameKey {
            digits: digits(&key),
            chars: key.chars().collect(),
        }
    }
}

/// How alike two names are, 0–100 (%). Names whose numbers differ ("Mỹ Đông 2" and
/// "Mỹ Đông 3") are different organisations: 0.
pub fn similarity(a: &str, b: &str) -> u32 {
    key_similarity(&NameKey::new(a), &NameKey::new(b))
}

/// `similarity` of two prepared names.
pub fn key_similarity(a: &NameKey, b: &NameKey) -> u32 {
    if a.chars.is_empty() || b.chars.is_empty() || a.digits != b.digits {
        return 0;
    }
    let d = levenshtein(&a.chars, &b.chars);
    let longest = a.chars.len().max(b.chars.len());
    (100 * (longest - d.min(longest)) / longest) as u32
}

/// `key_similarity` when it reaches `threshold`, else `None`; names whose lengths alone
/// keep them below it are not compared letter by letter (the distance is at least the
/// difference of the lengths). An empty key is like nothing.
pub fn similar_at_least(a: &NameKey, b: &NameKey, threshold: u32) -> Option<u32> {
    let (la, lb) = (a.chars.len(), b.chars.len());
    let longest = la.max(lb);
    if la == 0 || lb == 0 || 100 * (longest - la.abs_diff(lb)) / longest < threshold as usize {
        return None;
    }
    let score = key_similarity(a, b);
    (score >= threshold).then_some(score)
}

/// The score from which two names are shown as a probable pair.
pub const THRESHOLD: u32 = 90;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_length_bound_never_drops_a_pair_the_full_comparison_keeps() {
        let names = [
            "HTX DVNN Tân Kiêu",
            "HTX DVNN Tân Kiều",
            "HTX Tân Kiều Một",
            "THT Mỹ Đông 2",
            "THT Mỹ Đông 3",
            "Hợp tác xã Láng Biển",
            "HTX Láng Biền Thượng",
            "HTX",
            "HTX An",
            "HTX Ann",
        ];
        for a in names {
            for b in names {
                let (ka, kb) = (NameKey::new(a), NameKey::new(b));
                for t in [0, 50, 80, 90, 95, 100] {
                    let full = key_similarity(&ka, &kb);
                    let expect =
                        (full >= t && !ka.chars.is_empty() && !kb.chars.is_empty()).then_some(full);
                    assert_eq!(similar_at_least(&ka, &kb, t), expect, "{a} ~ {b} @ {t}");
                }
            }
        }
    }

    #[test]
    fn the_footnote_variants_are_the_same_name() {
        for (a, b) in [
            ("HTX DVNN Tân Kiêu", "HTX DVNN Tân Kiều"),
            ("HTX DVNN Đốc Bình Kiều", "HTX DVNN Đốc Binh Kiều"),
            ("HTX DVNN Thạnh Lợi", "HTX DVNN Thanh Lợi"),
            (
                "HTX DVNN Láng Biền",
                "Hợp tác xã dịch vụ nông nghiệp Láng Biển",
            ),
        ] {
            assert_eq!(similarity(a, b), 100, "{a} ~ {b}");
        }
    }

    #[test]
    fn small_slips_score_high_and_other_names_low() {
        assert!(similarity("HTX DVNN Phước Tiến", "HTX DVNN Phuoc Tien.") >= THRESHOLD);
        assert!(similarity("HTX DVNN Trường Xuân", "HTX DVNN Trường Xuâng") >= THRESHOLD);
        assert!(similarity("HTX DVNN Trường Xuân", "HTX DVNN Trường Phát") < THRESHOLD);
        assert!(
            similarity("THT nuôi vịt Trường Xuân 1", "THT nuôi cá Trường Xuân 1") < THRESHOLD,
            "different trades"
        );
        assert_eq!(
            similarity("HTX DVNN Mỹ Đông 2", "HTX DVNN Mỹ Đông 3"),
            0,
            "numbered cooperatives differ"
        );
        assert_eq!(
            similarity("HTX DVNN", "HTX Nông nghiệp"),
            0,
            "nothing but generic words"
        );
    }

    #[test]
    fn keys_drop_generic_words() {
        assert_eq!(
            name_key("Hợp tác xã Dịch vụ Nông nghiệp An Phong - Mỹ Hòa"),
            "an phong my hoa"
        );
        assert_eq!(
            name_key("THT đan lục bình Mỹ Hòa 1"),
            "dan luc binh my hoa 1"
        );
    }
}
