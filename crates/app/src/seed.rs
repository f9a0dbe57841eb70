//! Administrative units shipped with hoptac: Tháp Mười district (Đồng Tháp) as it stood
//! until the 2025 reorganisation (Resolution 1663/NQ-UBTVQH15, in force 1 July 2025), when
//! districts were abolished and its 13 communes merged into 6. Codes per the official list;
//! see `shared/data/admin/`.

use hoptac_core::AdminLevel;
use hoptac_core::date::ymd;
use hoptac_core::model::{AdminUnit, UnitId};

/// (code, name) of the 13 communes of Huyện Tháp Mười before 1 July 2025.
pub const THAP_MUOI_COMMUNES: [(&str, &str); 13] = [
    ("30037", "Thị trấn Mỹ An"),
    ("30040", "Xã Thạnh Lợi"),
    ("30043", "Xã Hưng Thạnh"),
    ("30046", "Xã Trường Xuân"),
    ("30049", "Xã Tân Kiều"),
    ("30052", "Xã Mỹ Hòa"),
    ("30055", "Xã Mỹ Quý"),
    ("30058", "Xã Mỹ Đông"),
    ("30061", "Xã Đốc Binh Kiều"),
    ("30064", "Xã Mỹ An"),
    ("30067", "Xã Phú Điền"),
    ("30070", "Xã Láng Biển"),
    ("30073", "Xã Thanh Mỹ"),
];

pub const PROVINCE_ID: UnitId = UnitId(1);
pub const DISTRICT_ID: UnitId = UnitId(2);

/// Unit id of a Tháp Mười commune by its code.
pub fn commune_id(code: &str) -> UnitId {
    let i = THAP_MUOI_COMMUNES
        .iter()
        .position(|(c, _)| *c == code)
        .expect("a Tháp Mười commune code");
    UnitId(3 + i as i64)
}

pub fn thap_muoi_units() -> Vec<AdminUnit> {
    let ended = ymd(2025, 6, 30);
    let mut v = vec![
        AdminUnit {
            id: PROVINCE_ID,
            code: "87".into(),
            name: "Tỉnh Đồng Tháp".into(),
            level: AdminLevel::Province,
            parent: None,
            valid_from: None,
            valid_to: ended,
        },
        AdminUnit {
            id: DISTRICT_ID,
            code: "872".into(),
            name: "Huyện Tháp Mười".into(),
            level: AdminLevel::District,
            parent: Some(PROVINCE_ID),
            valid_from: None,
            valid_to: ended,
        },
    ];
    for (code, name) in THAP_MUOI_COMMUNES {
        v.push(AdminUnit {
            id: commune_id(code),
            code: code.into(),
            name: name.into(),
            level: AdminLevel::Commune,
            parent: Some(DISTRICT_ID),
            valid_from: None,
            valid_to: ended,
        });
    }
    v
}

/// The new Đồng Tháp province (82, from 1 July 2025: Resolution 202/2025/QH15) and the six
/// communes the 13 of Tháp Mười became (Resolution 1663/NQ-UBTVQH15, clauses 18–23; codes by
/// Decision 19/2025/QĐ-TTg). Source: `shared/data/admin/dong-thap-2025-communes.csv`,
/// compiled from two independent public datasets that agree on every code and name. Codes
/// are reused with new meanings (30037 was Thị trấn Mỹ An, is Xã Tháp Mười).
pub const THAP_MUOI_2025: [(&str, &str, &[&str]); 6] = [
    ("30037", "Xã Tháp Mười", &["30037", "30052", "30064"]),
    ("30073", "Xã Thanh Mỹ", &["30067", "30073"]),
    ("30055", "Xã Mỹ Quí", &["30055", "30058", "30070"]),
    ("30061", "Xã Đốc Binh Kiều", &["30049", "30061"]),
    ("30046", "Xã Trường Xuân", &["30040", "30046"]),
    ("30043", "Xã Phương Thịnh", &["30043"]),
];

/// The units in force from 1 July 2025 for Tháp Mười's ground, and how each of its 13 old
/// communes (as [`thap_muoi_units`] holds them) went wholly into one of them. The new units
/// take the ids from `first_id` on, in the order an export lists them (the province, then
/// the communes by code), so an export imported into a new database keeps them.
pub fn thap_muoi_reform(
    first_id: i64,
) -> (Vec<AdminUnit>, Vec<hoptac_core::territory::UnitChange>) {
    let from = ymd(2025, 7, 1);
    let province = UnitId(first_id);
    let mut units = vec![AdminUnit {
        id: province,
        code: "82".into(),
        name: "Tỉnh Đồng Tháp".into(),
        level: AdminLevel::Province,
        parent: None,
        valid_from: from,
        valid_to: None,
    }];
    let mut changes = Vec::new();
    let mut communes: Vec<_> = THAP_MUOI_2025.iter().collect();
    communes.sort_by_key(|c| c.0);
    for (i, (code, name, olds)) in communes.into_iter().enumerate() {
        let id = UnitId(first_id + 1 + i as i64);
        units.push(AdminUnit {
            id,
            code: (*code).into(),
            name: (*name).into(),
            level: AdminLevel::Commune,
            parent: Some(province),
            valid_from: from,
            valid_to: None,
        });
        for old in olds.iter() {
            changes.push(hoptac_core::territory::UnitChange {
                old: commune_id(old),
                new: id,
                on: from.expect("1 July 2025 exists"),
                kind: hoptac_core::territory::ChangeKind::Full,
                basis: "NQ 1663/NQ-UBTVQH15".into(),
            });
        }
    }
    (units, changes)
}
