//! The communes of a scope on a map (bản đồ theo xã): each commune in force at the end of the
//! year asked, at the register's point for it, with an indicator's value on its ground.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::AdminLevel;
use hoptac_core::date::year_end;
use hoptac_core::indicator::{Engine, catalogue};
use hoptac_core::map::MapPoint;
use hoptac_core::register::national;
use hoptac_core::territory::UnitMap;

/// The indicators a map may show: stocks, counted on each commune's ground.
pub const MAP_INDICATORS: [&str; 5] = [
    "htx.active",
    "tht.active",
    "htx.members",
    "tht.members",
    "htx.revenue_avg",
];

/// A scope's communes on a map, and those the register has no point for.
pub struct CommuneMap {
    pub points: Vec<MapPoint>,
    pub without_point: Vec<String>,
    /// More communes than asked for at most: nothing was computed (one engine a commune
    /// would cost seconds at national size).
    pub too_many: Option<usize>,
}

impl App {
    /// The communes of `scope` (everything when empty) in force at the end of `year`, each
    /// with `indicator`'s value on its ground that year; none computed above `limit`.
    pub async fn commune_map(
        &self,
        actor: &Actor,
        indicator: &str,
        year: i32,
        scope: Option<&str>,
        limit: usize,
    ) -> Result<CommuneMap> {
        crate::context::check_year(year)?;
        if !MAP_INDICATORS.contains(&indicator) {
            return Err(AppError::invalid(
                "map",
                indicator.to_string(),
                hoptac_core::msg!(
                    "exchange.unknown_value",
                    s = indicator,
                    expected = MAP_INDICATORS.join(", ")
                ),
            ));
        }
        let on = year_end(year);
        let (snap, unit) = self.scope_snapshot_on(actor, scope, Some(on)).await?;
        let def = catalogue()
            .into_iter()
            .find(|d| d.id == indicator)
            .expect("a map indicator is in the catalogue");
        let communes: Vec<&hoptac_core::model::AdminUnit> = match &unit {
            Some(u) => {
                let map = UnitMap::new(&snap.units, &snap.changes, &snap.moves);
                map.territory(u.id, on)
                    .communes()
                    .filter_map(|id| snap.unit(id))
                    .collect()
            }
            None => snap
                .units
                .iter()
                .filter(|u| u.level == AdminLevel::Commune && u.valid_on(on))
                .collect(),
        };
        if communes.len() > limit {
            return Ok(CommuneMap {
                points: Vec::new(),
                without_point: Vec::new(),
                too_many: Some(communes.len()),
            });
        }
        let register = national();
        let mut points = Vec::new();
        let mut without_point = Vec::new();
        for c in communes {
            match register.point(&c.code, c.valid_from) {
                Some(point) => points.push(MapPoint {
                    code: c.code.clone(),
                    name: c.name.clone(),
                    point,
                    value: Engine::scoped(&snap, Some(c.id)).at(&def, year),
                }),
                None => without_point.push(c.name.clone()),
            }
        }
        points.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(CommuneMap {
            points,
            without_point,
            too_many: None,
        })
    }
}
