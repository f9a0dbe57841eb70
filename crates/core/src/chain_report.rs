//! The traceability and value-chain paragraph of the situation report and the plan's
//! assessment (truy xuất nguồn gốc, liên kết chuỗi giá trị): planting-area codes held at the
//! end of the period and their area, the linkage contracts in force, the households in them,
//! the share of cooperatives that take part, how far deliveries keep to the schedules. Pure:
//! the caller gives the engine of its ground.

use crate::fixed::Fixed;
use crate::indicator::{Engine, IndicatorDef, catalogue};
use crate::report::{Inline, Paragraph, Section, count_vi, money_vi, pct_vi};

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// The section, or `None` when the ground has neither a planting-area code nor a contract
/// in force at the end of `to`.
pub fn section(engine: &Engine<'_>, to: i32, heading: &str) -> Option<Section> {
    let cat = catalogue();
    let def = |id: &str| -> &IndicatorDef {
        cat.iter()
            .find(|d| d.id == id)
            .expect("an indicator of the catalogue")
    };
    let at = |id: &str| engine.at(def(id), to);
    let fig = |id: &str, text: String| Inline::Figure {
        text,
        indicator: id.to_string(),
    };
    let areas = at("trace.planting_areas").unwrap_or_default();
    let contracts = at("chain.contracts.active").unwrap_or_default();
    if areas == Fixed::ZERO && contracts == Fixed::ZERO {
        return None;
    }
    let mut paragraphs = Vec::new();
    if areas > Fixed::ZERO {
        paragraphs.push(Paragraph(vec![
            t(format!("Đến cuối năm {to}, trên địa bàn có ")),
            fig("trace.planting_areas", count_vi(areas)),
            t(" mã số vùng trồng còn hiệu lực, diện tích "),
            fig(
                "trace.planting_area_ha",
                money_vi(at("trace.planting_area_ha").unwrap_or_default()),
            ),
            t(" ha; "),
            fig(
                "trace.htx_with_area_code",
                count_vi(at("trace.htx_with_area_code").unwrap_or_default()),
            ),
            t(" HTX được cấp mã số vùng trồng."),
        ]));
    }
    if contracts > Fixed::ZERO {
        let mut p = vec![
            t(format!("Đến cuối năm {to}, có ")),
            fig("chain.contracts.active", count_vi(contracts)),
            t(" hợp đồng liên kết sản xuất, tiêu thụ đang thực hiện với "),
            fig(
                "chain.households",
                count_vi(at("chain.households").unwrap_or_default()),
            ),
            t(" hộ nông dân tham gia; tỷ lệ HTX tham gia liên kết là "),
            fig(
                "chain.htx_in_contracts_pct",
                pct_vi(at("chain.htx_in_contracts_pct").unwrap_or_default()),
            ),
        ];
        if let Some(f) = at("chain.fulfilment_pct") {
            p.extend([
                t("; bình quân các hợp đồng đã giao "),
                fig("chain.fulfilment_pct", pct_vi(f)),
                t(" khối lượng đến hạn theo lịch"),
            ]);
        }
        p.push(t("."));
        paragraphs.push(Paragraph(p));
    }
    Some(Section {
        heading: heading.to_string(),
        paragraphs,
    })
}
