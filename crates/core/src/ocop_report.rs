//! The OCOP paragraph of the situation report and the plan's assessment (sản phẩm OCOP):
//! what the records hold at the end of the period — products in force by stars, who makes
//! them, which certificates are about to lapse or lapsed without renewal. Pure: the caller
//! gives the engine of its ground.

use crate::fixed::Fixed;
use crate::indicator::{Engine, IndicatorDef, catalogue};
use crate::report::{Inline, Paragraph, Section, count_vi};

/// Names of producers shown before "và N tổ chức khác".
const NAMES_SHOWN: usize = 5;

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// The section, or `None` when the ground has no OCOP product in force, lapsing or lapsed at
/// the end of `to` (a report of years before OCOP says nothing of it).
pub fn section(engine: &Engine<'_>, from: i32, to: i32, heading: &str) -> Option<Section> {
    let cat = catalogue();
    let def = |id: &str| -> &IndicatorDef {
        cat.iter()
            .find(|d| d.id == id)
            .expect("an OCOP indicator of the catalogue")
    };
    let at = |id: &str| engine.at(def(id), to).unwrap_or_default();
    let (products, expired) = (at("ocop.products"), at("ocop.expired"));
    if products == Fixed::ZERO && expired == Fixed::ZERO {
        return None;
    }
    let fig = |id: &str, n: Fixed| Inline::Figure {
        text: count_vi(n),
        indicator: id.to_string(),
    };
    let base = engine
        .at(def("ocop.products"), from - 1)
        .unwrap_or_default();
    let mut p = vec![
        t(format!("Đến cuối năm {to}, trên địa bàn có ")),
        fig("ocop.products", products),
        t(" sản phẩm OCOP có giấy chứng nhận còn hiệu lực"),
    ];
    let stars: Vec<(u8, Fixed)> = (3..=5u8)
        .map(|n| (n, at(&format!("ocop.products.by_star.{n}"))))
        .filter(|(_, v)| *v > Fixed::ZERO)
        .collect();
    if !stars.is_empty() {
        p.push(t(" ("));
        for (i, (n, v)) in stars.iter().enumerate() {
            if i > 0 {
                p.push(t(", "));
            }
            p.push(fig(&format!("ocop.products.by_star.{n}"), *v));
            p.push(t(format!(" sản phẩm {n} sao")));
        }
        p.push(t(")"));
    }
    p.push(t(if base == Fixed::ZERO {
        format!("; cuối năm {} chưa có sản phẩm OCOP nào", from - 1)
    } else {
        format!("; cuối năm {} có {} sản phẩm", from - 1, count_vi(base))
    }));
    let makers = engine.contributions(def("ocop.producers.htx"), from, to);
    if !makers.is_empty() {
        p.push(t(". Có "));
        p.push(fig("ocop.producers.htx", at("ocop.producers.htx")));
        p.push(t(" HTX có sản phẩm OCOP còn hiệu lực"));
        let mut names: Vec<&str> = makers.iter().map(|c| c.org.name.as_str()).collect();
        names.sort_by_cached_key(|n| crate::text::fold(n));
        let more = names.len().saturating_sub(NAMES_SHOWN);
        names.truncate(NAMES_SHOWN);
        p.push(t(format!(": {}", names.join(", "))));
        if more > 0 {
            p.push(t(format!(
                " và {} HTX khác",
                count_vi(Fixed::from_int(more as i64))
            )));
        }
    }
    p.push(t("."));
    let mut paragraphs = vec![Paragraph(p)];
    let expiring = at("ocop.expiring");
    if expiring > Fixed::ZERO || expired > Fixed::ZERO {
        let mut q = Vec::new();
        if expiring > Fixed::ZERO {
            q.extend([
                fig("ocop.expiring", expiring),
                t(format!(" sản phẩm có giấy chứng nhận hết hạn trong vòng 30 ngày kể từ 31/12/{to}, cần thông báo cho chủ thể")),
            ]);
        }
        if expired > Fixed::ZERO {
            if !q.is_empty() {
                q.push(t("; "));
            }
            q.extend([
                fig("ocop.expired", expired),
                t(" sản phẩm đã hết hạn giấy chứng nhận (36 tháng) mà chưa được đánh giá công nhận lại, cần đánh giá lại hoặc thu hồi"),
            ]);
        }
        q.push(t("."));
        paragraphs.push(Paragraph(q));
    }
    Some(Section {
        heading: heading.to_string(),
        paragraphs,
    })
}
