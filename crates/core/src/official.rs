//! An administrative text in the state's format (văn bản hành chính, Decree 30/2020/NĐ-CP,
//! Annex I): the issuing body under its parent, number and symbol, place and date, the
//! national title and motto, the document type and its summary (trích yếu), the body, the
//! recipients (Nơi nhận) and the signature block. Renderers (Word, PDF) lay it out; this
//! module decides what it says, including what is missing.

use crate::date::Date;
use crate::report::Document;

/// The installation's settings for the documents it issues (thông tin cơ quan ban hành).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Issuer {
    /// Cơ quan chủ quản, e.g. "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP" (may be empty).
    pub parent_body: String,
    /// Cơ quan ban hành, e.g. "ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI".
    pub body: String,
    /// The body's abbreviation in the symbol, e.g. "UBND" in "…/BC-UBND".
    pub symbol: String,
    /// Địa danh of the date line, e.g. "Tháp Mười".
    pub place: String,
    /// Thẩm quyền ký, e.g. "TM. ỦY BAN NHÂN DÂN" or "KT. CHỦ TỊCH".
    pub signer_authority: String,
    /// Chức vụ, e.g. "PHÓ CHỦ TỊCH".
    pub signer_title: String,
    pub signer_name: String,
    /// Nơi nhận, one per line (e.g. "UBND tỉnh;", "Sở Tài chính;"); "Lưu: VT." is added.
    pub recipients: Vec<String>,
}

/// The kinds of text hoptac issues, with their name and abbreviation (Annex III).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DocKind {
    /// Báo cáo — BC.
    Report,
    /// Kế hoạch — KH.
    Plan,
}

impl DocKind {
    pub fn name_upper(self) -> &'static str {
        match self {
            DocKind::Report => "BÁO CÁO",
            DocKind::Plan => "KẾ HOẠCH",
        }
    }
    pub fn abbreviation(self) -> &'static str {
        match self {
            DocKind::Report => "BC",
            DocKind::Plan => "KH",
        }
    }
}

/// A table of the body (bảng), with its caption.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    /// Cells already formatted the Vietnamese way.
    pub rows: Vec<Vec<String>>,
}

/// A chart of the text (biểu đồ), as SVG from `chart`, with its caption.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Figure {
    pub caption: String,
    pub svg: String,
}

/// A text ready to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialDoc {
    pub issuer: Issuer,
    pub kind: DocKind,
    /// The number, given by the clerk (văn thư) when the text is registered: empty leaves
    /// the blank the clerk fills by hand, as drafts do.
    pub number: String,
    pub date: Date,
    /// The body: `title` is the summary (trích yếu); the sections are numbered headings.
    pub body: Document,
    /// Tables placed after the body's sections.
    pub tables: Vec<Table>,
    /// Charts placed after the tables (the PDF draws them; Word lists their captions).
    pub figures: Vec<Figure>,
}

/// A setting the document needs and the installation lacks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Missing {
    pub field: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
}

impl Issuer {
    /// The settings a document cannot do without, as a list to show before downloading.
    pub fn missing(&self) -> Vec<Missing> {
        let mut out = Vec::new();
        let mut need = |v: &str, field, vi, en| {
            if v.trim().is_empty() {
                out.push(Missing { field, vi, en });
            }
        };
        need(
            &self.body,
            "body",
            "Tên cơ quan ban hành",
            "The issuing body",
        );
        need(
            &self.symbol,
            "symbol",
            "Chữ viết tắt của cơ quan (ký hiệu văn bản)",
            "The body's abbreviation",
        );
        need(
            &self.place,
            "place",
            "Địa danh ghi ở dòng ngày tháng",
            "The place of the date line",
        );
        need(
            &self.signer_title,
            "signer_title",
            "Chức vụ người ký",
            "The signer's title",
        );
        need(
            &self.signer_name,
            "signer_name",
            "Họ tên người ký",
            "The signer's name",
        );
        out
    }
}

impl Issuer {
    /// The settings' names, in the order of [`Issuer::values`]: what storage keys and form
    /// fields are made from.
    pub const FIELDS: [&'static str; 8] = [
        "parent_body",
        "body",
        "symbol",
        "place",
        "signer_authority",
        "signer_title",
        "signer_name",
        "recipients",
    ];

    /// Each setting as text, the recipients one per line.
    pub fn values(&self) -> [String; 8] {
        [
            self.parent_body.clone(),
            self.body.clone(),
            self.symbol.clone(),
            self.place.clone(),
            self.signer_authority.clone(),
            self.signer_title.clone(),
            self.signer_name.clone(),
            self.recipients.join("\n"),
        ]
    }

    /// Reads the settings back by name (trimmed; recipients one per non-empty line).
    pub fn from_values(get: impl Fn(&str) -> String) -> Issuer {
        let v = |k: &str| get(k).trim().to_string();
        Issuer {
            parent_body: v("parent_body"),
            body: v("body"),
            symbol: v("symbol"),
            place: v("place"),
            signer_authority: v("signer_authority"),
            signer_title: v("signer_title"),
            signer_name: v("signer_name"),
            recipients: get("recipients")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        }
    }
}

/// What a missing value prints as: visible, never a blank that looks filled in.
pub const NOT_SET: &str = "[chưa cấu hình]";

fn or_missing(s: &str) -> String {
    if s.trim().is_empty() {
        NOT_SET.to_string()
    } else {
        s.trim().to_string()
    }
}

impl OfficialDoc {
    /// "Số:      /BC-UBND", or with the number once registered.
    pub fn number_line(&self) -> String {
        let n = if self.number.trim().is_empty() {
            "      ".to_string()
        } else {
            self.number.trim().to_string()
        };
        format!(
            "Số: {n}/{}-{}",
            self.kind.abbreviation(),
            or_missing(&self.issuer.symbol)
        )
    }

    /// "Tháp Mười, ngày 05 tháng 02 năm 2026": days below 10 and months below 3 take a
    /// leading zero (Decree 30/2020, Annex I).
    pub fn date_line(&self) -> String {
        let d = self.date;
        let month = d.month() as u8;
        let m = if month < 3 {
            format!("{month:02}")
        } else {
            month.to_string()
        };
        format!(
            "{}, ngày {:02} tháng {m} năm {}",
            or_missing(&self.issuer.place),
            d.day(),
            d.year()
        )
    }

    pub fn body_name(&self) -> String {
        or_missing(&self.issuer.body).to_uppercase()
    }

    pub fn signer(&self) -> (String, String, String) {
        (
            self.issuer.signer_authority.trim().to_uppercase(),
            or_missing(&self.issuer.signer_title).to_uppercase(),
            or_missing(&self.issuer.signer_name),
        )
    }

    /// The recipients block: the configured ones, then "Lưu: VT."
    pub fn recipients(&self) -> Vec<String> {
        let mut r: Vec<String> = self
            .issuer
            .recipients
            .iter()
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect();
        r.push("Lưu: VT.".into());
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(issuer: Issuer, y: i32, m: u8, d: u8) -> OfficialDoc {
        OfficialDoc {
            issuer,
            kind: DocKind::Report,
            number: String::new(),
            date: crate::date::ymd(y, m, d).unwrap(),
            body: Document {
                title: "Tình hình kinh tế tập thể".into(),
                subtitle: String::new(),
                sections: vec![],
                footnotes: vec![],
            },
            tables: vec![],
            figures: vec![],
        }
    }

    fn thap_muoi() -> Issuer {
        Issuer {
            parent_body: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP".into(),
            body: "Ủy ban nhân dân huyện Tháp Mười".into(),
            symbol: "UBND".into(),
            place: "Tháp Mười".into(),
            signer_authority: "TM. Ủy ban nhân dân".into(),
            signer_title: "Chủ tịch".into(),
            signer_name: "Nguyễn Văn A".into(),
            recipients: vec!["UBND tỉnh;".into(), "".into()],
        }
    }

    #[test]
    fn the_date_line_pads_days_below_10_and_months_below_3() {
        assert_eq!(
            doc(thap_muoi(), 2026, 2, 5).date_line(),
            "Tháp Mười, ngày 05 tháng 02 năm 2026"
        );
        assert_eq!(
            doc(thap_muoi(), 2026, 11, 26).date_line(),
            "Tháp Mười, ngày 26 tháng 11 năm 2026"
        );
        assert_eq!(
            doc(thap_muoi(), 2026, 3, 1).date_line(),
            "Tháp Mười, ngày 01 tháng 3 năm 2026"
        );
    }

    #[test]
    fn number_signer_and_recipients() {
        let mut d = doc(thap_muoi(), 2026, 11, 26);
        assert_eq!(d.number_line(), "Số:       /BC-UBND");
        d.number = "215".into();
        assert_eq!(d.number_line(), "Số: 215/BC-UBND");
        assert_eq!(d.body_name(), "ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI");
        assert_eq!(
            d.signer(),
            (
                "TM. ỦY BAN NHÂN DÂN".to_string(),
                "CHỦ TỊCH".to_string(),
                "Nguyễn Văn A".to_string()
            )
        );
        assert_eq!(d.recipients(), ["UBND tỉnh;", "Lưu: VT."]);
        assert!(d.issuer.missing().is_empty());
        // out as text and back, by name
        let i = Issuer {
            recipients: vec!["UBND tỉnh;".into(), "Sở Tài chính;".into()],
            ..thap_muoi()
        };
        let values = i.values();
        let back = Issuer::from_values(|k| {
            let at = Issuer::FIELDS.iter().position(|f| *f == k).unwrap();
            values[at].clone()
        });
        assert_eq!(back, i);
    }

    #[test]
    fn a_missing_setting_is_listed_and_printed_as_missing() {
        let d = doc(Issuer::default(), 2026, 11, 26);
        let fields: Vec<&str> = d.issuer.missing().iter().map(|m| m.field).collect();
        assert_eq!(
            fields,
            ["body", "symbol", "place", "signer_title", "signer_name"]
        );
        assert_eq!(d.number_line(), format!("Số:       /BC-{NOT_SET}"));
        assert!(d.date_line().starts_with(NOT_SET));
        assert_eq!(d.signer().2, NOT_SET);
    }
}
