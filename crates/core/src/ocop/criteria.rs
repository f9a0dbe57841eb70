//! The OCOP criteria sets as data (bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP), each
//! with what is and is not confirmed (`shared/reference/ocop-admin2025.md` §A).
//!
//! What is known: the three parts and their maximum points, the sub-groups of QĐ 148, the
//! five star bands. What is not: the scoring sheets (phiếu đánh giá) of each product set,
//! with their criteria, options and mandatory criteria. No sheet is transcribed, so hoptac
//! checks what it can (parts within their maximum, the total within its band) and takes the
//! council's points and stars as the decision records them — it never computes points.

use crate::types::OcopCriteria;

/// How sure the reference is of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The legal text seen, or two independent sources agree.
    Confirmed,
    /// One reliable secondary source, or an inference from the texts before and after.
    Probable,
    /// Not found: the data says so and nothing is decided by it.
    Unconfirmed,
}

/// A part of the sheet (phần A, B, C) and its maximum points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Part {
    pub letter: char,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    pub max: i64,
    /// Its groups of criteria (nhóm tiêu chí), where known.
    pub groups: &'static [&'static str],
    pub confidence: Confidence,
}

/// A criteria set: the decision, its parts, its star bands and whether its sheets are here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CriteriaSet {
    pub id: OcopCriteria,
    /// The day it was signed: nothing can be scored under it before.
    pub issued_on: (i32, u8, u8),
    pub issued_confidence: Confidence,
    pub parts: [Part; 3],
    /// The lowest total of 1★ to 5★ (0, 30, 50, 70, 90): half-open bands.
    pub bands: [i64; 5],
    pub bands_confidence: Confidence,
    /// The lowest star a certificate is given for (3★).
    pub certified_from: u8,
    /// Whether the scoring sheets of its product sets are transcribed: none is.
    pub sheets: Confidence,
}

const PRODUCT_VI: &str = "Sản phẩm và sức mạnh cộng đồng";
const PRODUCT_EN: &str = "Product and community strength";
const MARKET_VI: &str = "Khả năng tiếp thị";
const MARKET_EN: &str = "Marketing capability";
const QUALITY_VI: &str = "Chất lượng sản phẩm";
const QUALITY_EN: &str = "Product quality";

const GROUPS_A: &[&str] = &[
    "Tổ chức sản xuất",
    "Phát triển sản phẩm",
    "Sức mạnh cộng đồng",
];
const GROUPS_B: &[&str] = &["Tiếp thị", "Câu chuyện về sản phẩm"];
const GROUPS_C: &[&str] = &[
    "Chỉ tiêu cảm quan, dinh dưỡng, tính độc đáo",
    "Tiêu chuẩn sản phẩm",
    "Khả năng xuất khẩu, phân phối tại thị trường quốc tế",
];

const fn part(
    letter: char,
    name: (&'static str, &'static str),
    max: i64,
    groups: &'static [&'static str],
    confidence: Confidence,
) -> Part {
    Part {
        letter,
        name_vi: name.0,
        name_en: name.1,
        max,
        groups,
        confidence,
    }
}

use Confidence::*;

/// The sets hoptac knows, oldest first.
pub const SETS: [CriteriaSet; 3] = [
    // QĐ 1048/QĐ-TTg 21/08/2019, appendices amended by QĐ 781/QĐ-TTg 08/06/2020:
    // A 35 / B 25 / C 40, bands 30/50/70/90 quoted from its text by two sources
    CriteriaSet {
        id: OcopCriteria::Qd1048,
        issued_on: (2019, 8, 21),
        issued_confidence: Confirmed,
        parts: [
            part('A', (PRODUCT_VI, PRODUCT_EN), 35, &[], Confirmed),
            part('B', (MARKET_VI, MARKET_EN), 25, &[], Confirmed),
            part('C', (QUALITY_VI, QUALITY_EN), 40, &[], Confirmed),
        ],
        bands: [0, 30, 50, 70, 90],
        bands_confidence: Confirmed,
        certified_from: 3,
        sheets: Unconfirmed,
    },
    // QĐ 148/QĐ-TTg 24/02/2023: A 40 / B 25 / C 35 and the eight groups confirmed; "05
    // hạng" confirmed but the band text not seen (same thresholds kept by QĐ 1489's ≥ 90)
    CriteriaSet {
        id: OcopCriteria::Qd148,
        issued_on: (2023, 2, 24),
        issued_confidence: Confirmed,
        parts: [
            part('A', (PRODUCT_VI, PRODUCT_EN), 40, GROUPS_A, Confirmed),
            part('B', (MARKET_VI, MARKET_EN), 25, GROUPS_B, Confirmed),
            part('C', (QUALITY_VI, QUALITY_EN), 35, GROUPS_C, Confirmed),
        ],
        bands: [0, 30, 50, 70, 90],
        bands_confidence: Probable,
        certified_from: 3,
        sheets: Unconfirmed,
    },
    // QĐ 26/2026/QĐ-TTg 22/05/2026: known from three repositories citing it, text not read;
    // its effective day is not known, so it is dated by its signing
    CriteriaSet {
        id: OcopCriteria::Qd26,
        issued_on: (2026, 5, 22),
        issued_confidence: Probable,
        parts: [
            part('A', (PRODUCT_VI, PRODUCT_EN), 40, &[], Probable),
            part('B', (MARKET_VI, MARKET_EN), 25, &[], Probable),
            part('C', (QUALITY_VI, QUALITY_EN), 35, &[], Probable),
        ],
        bands: [0, 30, 50, 70, 90],
        bands_confidence: Probable,
        certified_from: 3,
        sheets: Unconfirmed,
    },
];

/// The data of a set.
pub fn set(id: OcopCriteria) -> &'static CriteriaSet {
    SETS.iter()
        .find(|s| s.id == id)
        .expect("every criteria set has its data")
}

impl CriteriaSet {
    pub fn issued(&self) -> crate::Date {
        let (y, m, d) = self.issued_on;
        crate::date::ymd(y, m, d).expect("a criteria set's day exists")
    }

    /// The stars a total falls in: 1 to 5.
    pub fn stars_of(&self, total: crate::Fixed) -> u8 {
        (self.bands.iter())
            .filter(|b| crate::Fixed::from_int(**b) <= total)
            .count() as u8
    }

    /// The band of `stars` as offices write it: "50 – dưới 70".
    pub fn band_text(&self, stars: u8) -> String {
        let i = usize::from(stars.clamp(1, 5)) - 1;
        match self.bands.get(i + 1) {
            Some(next) => format!("{} – <{}", self.bands[i], next),
            None => format!("{} – 100", self.bands[i]),
        }
    }
}

/// The set a decision of `day` is most likely scored under: the newest issued by then.
pub fn in_force_on(day: crate::Date) -> OcopCriteria {
    (SETS.iter().rev())
        .find(|s| s.issued() <= day)
        .map_or(OcopCriteria::Qd1048, |s| s.id)
}
