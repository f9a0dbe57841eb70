//! The map of a scope's communes (bản đồ theo xã), shared by the dashboard and the plan page:
//! the indicator chosen by `map=`, drawn by hoptac as SVG (no tiles from the internet).

use crate::http::i18n::{Lang, t};
use crate::http::layout::Opt;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use hoptac_app::MAP_INDICATORS;
use hoptac_core::indicator::{Unit, catalogue};
use hoptac_core::map::bubble_map;

/// Above this many communes a map says nothing a table does not, and costs a second.
const MAX_COMMUNES: usize = 400;

/// The map's SVG ("" when there is nothing to draw) and the indicator picker.
pub(crate) struct MapView {
    pub svg: String,
    pub options: Vec<Opt>,
}

pub(crate) async fn map_view(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    chosen: Option<&String>,
    year: i32,
    scope: &str,
) -> Result<MapView, hoptac_app::AppError> {
    let id = chosen
        .map(String::as_str)
        .filter(|c| MAP_INDICATORS.contains(c))
        .unwrap_or(MAP_INDICATORS[0]);
    let cat = catalogue();
    let label = |id: &str| {
        cat.iter()
            .find(|d| d.id == id)
            .map(|d| l.pick(&d.label_vi, &d.label_en).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let options = MAP_INDICATORS
        .iter()
        .map(|i| Opt {
            value: i.to_string(),
            label: label(i),
            selected: *i == id,
        })
        .collect();
    let m = st
        .app
        .commune_map(u.actor(), id, year, Some(scope), MAX_COMMUNES)
        .await?;
    if m.points.len() < 2 {
        return Ok(MapView {
            svg: String::new(),
            options,
        });
    }
    let unit = cat.iter().find(|d| d.id == id).map(|d| d.unit);
    let format = move |v: hoptac_core::Fixed| match unit {
        Some(Unit::MillionVnd) => v.format_vi(0, false),
        _ => hoptac_core::plan::fmt(v, unit.unwrap_or(Unit::Organizations)),
    };
    let mut note = t(l, "map_note").to_string();
    if !m.without_point.is_empty() {
        note.push_str(&format!(
            " {}: {}.",
            t(l, "map_without_point"),
            m.without_point.join(", ")
        ));
    }
    Ok(MapView {
        svg: bubble_map(
            &format!("{} — {year}", label(id)),
            &m.points,
            &format,
            &note,
        ),
        options,
    })
}
