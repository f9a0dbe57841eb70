//! The classification axes an office enters for a cooperative and a year (phân loại HTX):
//! what it supplies its members and its main sector (Circular 01/2020, A.1), its total
//! capital (from which the capital scale is computed), and for agricultural cooperatives the
//! field (Circular 09/2017). The member scale is computed from the yearly figures.

use super::{CapitalScale, MemberScale};
use crate::Fixed;
use crate::Msg;

/// What the cooperative supplies its members (confirmed, TT01/2020 A.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplyType {
    /// Phục vụ sản xuất: members are owners and users.
    Production,
    /// Phục vụ tiêu dùng: members are owners and customers.
    Consumption,
    /// Tạo việc làm: members are owners and workers.
    Employment,
    /// Hỗn hợp: two or more of the above.
    Mixed,
}

impl SupplyType {
    pub const ALL: [SupplyType; 4] = [
        SupplyType::Production,
        SupplyType::Consumption,
        SupplyType::Employment,
        SupplyType::Mixed,
    ];
    pub fn code(self) -> &'static str {
        match self {
            SupplyType::Production => "production",
            SupplyType::Consumption => "consumption",
            SupplyType::Employment => "employment",
            SupplyType::Mixed => "mixed",
        }
    }
    pub fn label_vi(self) -> &'static str {
        match self {
            SupplyType::Production => "Phục vụ sản xuất",
            SupplyType::Consumption => "Phục vụ tiêu dùng",
            SupplyType::Employment => "Tạo việc làm",
            SupplyType::Mixed => "Hỗn hợp",
        }
    }
    pub fn parse(s: &str) -> Option<SupplyType> {
        let f = crate::text::fold(s);
        SupplyType::ALL
            .into_iter()
            .find(|t| t.code() == f || crate::text::fold(t.label_vi()) == f)
    }
}

/// The field of an agricultural cooperative (TT09/2017). Only the first three names are
/// confirmed; the others are listed as the spec records them, marked unconfirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgriField {
    Crops,
    Livestock,
    Forestry,
    Salt,
    Aquaculture,
    RuralWater,
    General,
}

impl AgriField {
    pub const ALL: [AgriField; 7] = [
        AgriField::Crops,
        AgriField::Livestock,
        AgriField::Forestry,
        AgriField::Salt,
        AgriField::Aquaculture,
        AgriField::RuralWater,
        AgriField::General,
    ];
    pub fn code(self) -> &'static str {
        match self {
            AgriField::Crops => "crops",
            AgriField::Livestock => "livestock",
            AgriField::Forestry => "forestry",
            AgriField::Salt => "salt",
            AgriField::Aquaculture => "aquaculture",
            AgriField::RuralWater => "rural_water",
            AgriField::General => "general",
        }
    }
    pub fn label_vi(self) -> &'static str {
        match self {
            AgriField::Crops => "Trồng trọt",
            AgriField::Livestock => "Chăn nuôi",
            AgriField::Forestry => "Lâm nghiệp",
            AgriField::Salt => "Diêm nghiệp",
            AgriField::Aquaculture => "Thủy sản",
            AgriField::RuralWater => "Nước sạch nông thôn",
            AgriField::General => "Tổng hợp",
        }
    }
    /// Whether the circular's name for the field was read in a source.
    pub fn confirmed(self) -> bool {
        matches!(
            self,
            AgriField::Crops | AgriField::Livestock | AgriField::Forestry
        )
    }
    pub fn parse(s: &str) -> Option<AgriField> {
        let f = crate::text::fold(s);
        AgriField::ALL
            .into_iter()
            .find(|t| t.code() == f || crate::text::fold(t.label_vi()) == f)
    }
}

/// The level-1 sections of the Vietnamese economic sector system (VSIC 2018, Decision
/// 27/2018/QĐ-TTg): the letter and its name.
pub const VSIC_SECTIONS: [(char, &str); 21] = [
    ('A', "Nông nghiệp, lâm nghiệp và thủy sản"),
    ('B', "Khai khoáng"),
    ('C', "Công nghiệp chế biến, chế tạo"),
    (
        'D',
        "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
    ),
    (
        'E',
        "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải",
    ),
    ('F', "Xây dựng"),
    (
        'G',
        "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác",
    ),
    ('H', "Vận tải kho bãi"),
    ('I', "Dịch vụ lưu trú và ăn uống"),
    ('J', "Thông tin và truyền thông"),
    ('K', "Hoạt động tài chính, ngân hàng và bảo hiểm"),
    ('L', "Hoạt động kinh doanh bất động sản"),
    ('M', "Hoạt động chuyên môn, khoa học và công nghệ"),
    ('N', "Hoạt động hành chính và dịch vụ hỗ trợ"),
    (
        'O',
        "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc",
    ),
    ('P', "Giáo dục và đào tạo"),
    ('Q', "Y tế và hoạt động trợ giúp xã hội"),
    ('R', "Nghệ thuật, vui chơi và giải trí"),
    ('S', "Hoạt động dịch vụ khác"),
    (
        'T',
        "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình",
    ),
    ('U', "Hoạt động của các tổ chức và cơ quan quốc tế"),
];

/// The name of a VSIC section letter, if it is one.
pub fn vsic_section(letter: &str) -> Option<(char, &'static str)> {
    let t = letter.trim();
    let mut chars = t.chars();
    let c = chars.next()?.to_ascii_uppercase();
    if chars.next().is_some() {
        return None;
    }
    VSIC_SECTIONS.iter().copied().find(|(l, _)| *l == c)
}

/// The axes entered for one cooperative and year; every axis may be left unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Classification {
    pub supply: Option<SupplyType>,
    /// VSIC level-1 section letter of the main registered line.
    pub vsic: Option<char>,
    /// Total capital (tổng nguồn vốn), million VND.
    pub capital: Option<Fixed>,
    pub agri_field: Option<AgriField>,
}

/// All the axes of a year, entered and computed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Axes {
    pub entered: Classification,
    pub member_scale: Option<MemberScale>,
    pub capital_scale: Option<CapitalScale>,
}

impl Classification {
    /// The axes with the scales computed from the members reported and the capital entered.
    pub fn axes(&self, members: Option<i64>) -> Axes {
        Axes {
            entered: self.clone(),
            member_scale: members.map(MemberScale::of),
            capital_scale: self.capital.map(CapitalScale::of),
        }
    }
}

/// A refused field: its name, the value typed and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub value: String,
    pub msg: crate::Msg,
}

impl Classification {
    /// Reads the axes as typed in a form or a sheet (empty: unknown). `agricultural` says
    /// whether the organisation's sector allows a field of agriculture (TT09/2017).
    pub fn parse_fields(
        supply: &str,
        vsic: &str,
        capital: &str,
        agri_field: &str,
        agricultural: bool,
    ) -> Result<Classification, FieldError> {
        let err = |field: &'static str, value: &str, msg: Msg| FieldError {
            field,
            value: value.trim().to_string(),
            msg,
        };
        let blank = |s: &str| s.trim().is_empty();
        let supply = if blank(supply) {
            None
        } else {
            Some(SupplyType::parse(supply).ok_or_else(|| {
                err(
                    "supply",
                    supply,
                    crate::msg!("classification.invalid_supply"),
                )
            })?)
        };
        let vsic = if blank(vsic) {
            None
        } else {
            Some(
                vsic_section(vsic)
                    .ok_or_else(|| err("vsic", vsic, crate::msg!("classification.invalid_vsic")))?
                    .0,
            )
        };
        let capital = if blank(capital) {
            None
        } else {
            let v = crate::parse::parse_number(capital)
                .map(|p| p.value)
                .filter(|v| *v >= Fixed::ZERO)
                .ok_or_else(|| {
                    err(
                        "capital",
                        capital,
                        crate::msg!("classification.invalid_capital"),
                    )
                })?;
            Some(v)
        };
        let agri_field = if blank(agri_field) {
            None
        } else {
            let f = AgriField::parse(agri_field).ok_or_else(|| {
                err(
                    "agri_field",
                    agri_field,
                    crate::msg!("classification.invalid_agri_field"),
                )
            })?;
            if !agricultural {
                return Err(err(
                    "agri_field",
                    agri_field,
                    crate::msg!("classification.agri_field_not_agricultural"),
                ));
            }
            Some(f)
        };
        Ok(Classification {
            supply,
            vsic,
            capital,
            agri_field,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels_parse_back_and_unconfirmed_fields_are_marked() {
        for t in SupplyType::ALL {
            assert_eq!(SupplyType::parse(t.code()), Some(t));
            assert_eq!(SupplyType::parse(t.label_vi()), Some(t));
        }
        assert_eq!(
            SupplyType::parse("phuc vu san xuat"),
            Some(SupplyType::Production)
        );
        assert_eq!(SupplyType::parse("khác"), None);
        for f in AgriField::ALL {
            assert_eq!(AgriField::parse(f.code()), Some(f));
            assert_eq!(AgriField::parse(f.label_vi()), Some(f));
        }
        assert!(AgriField::Crops.confirmed() && !AgriField::Aquaculture.confirmed());
    }

    #[test]
    fn typed_fields_parse_or_name_the_field() {
        let c =
            Classification::parse_fields("Phục vụ sản xuất", "a", "1.250,5", "trồng trọt", true)
                .unwrap();
        assert_eq!(c.supply, Some(SupplyType::Production));
        assert_eq!(c.vsic, Some('A'));
        assert_eq!(c.capital, Fixed::parse_plain("1250.5"));
        assert_eq!(c.agri_field, Some(AgriField::Crops));
        assert_eq!(
            Classification::parse_fields("", " ", "", "", false).unwrap(),
            Classification::default()
        );
        let e = |s, v, c, f, a| Classification::parse_fields(s, v, c, f, a).unwrap_err();
        assert_eq!(e("bán lẻ", "", "", "", true).field, "supply");
        assert_eq!(e("", "Z", "", "", true).field, "vsic");
        let neg = e("", "", "-5", "", true);
        assert_eq!((neg.field, neg.value.as_str()), ("capital", "-5"));
        assert_eq!(e("", "", "nhiều", "", true).field, "capital");
        assert_eq!(e("", "", "", "trồng hoa", true).field, "agri_field");
        let not_agri = e("", "", "", "trồng trọt", false);
        assert!(not_agri.msg.vi().contains("HTX nông nghiệp"));
    }

    #[test]
    fn vsic_sections_are_the_21_letters() {
        assert_eq!(vsic_section("a").unwrap().0, 'A');
        assert_eq!(vsic_section(" U ").unwrap().0, 'U');
        assert_eq!(vsic_section("V"), None);
        assert_eq!(vsic_section("AB"), None);
        assert_eq!(vsic_section(""), None);
        let letters: String = VSIC_SECTIONS.iter().map(|(l, _)| *l).collect();
        assert_eq!(letters, "ABCDEFGHIJKLMNOPQRSTU");
    }

    #[test]
    fn scales_are_computed_from_the_figures_and_the_capital() {
        let c = Classification {
            capital: Some(Fixed::from_int(999)),
            ..Default::default()
        };
        let a = c.axes(Some(301));
        assert_eq!(a.member_scale, Some(MemberScale::Medium));
        assert_eq!(a.capital_scale, Some(CapitalScale::Micro));
        let big = Classification {
            capital: Some(Fixed::from_int(7_000)),
            ..Default::default()
        };
        assert_eq!(big.axes(None).capital_scale, Some(CapitalScale::Unknown));
        assert_eq!(big.axes(None).member_scale, None);
    }
}
