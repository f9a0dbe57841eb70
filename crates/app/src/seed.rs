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
