//! Administrative units through time (đơn vị hành chính): the versions in force on a date,
//! below a unit, at a level (`hoptac units`, `shared/spec/admin-units.md`).

use crate::auth::Actor;
use crate::context::{App, find_unit, today};
use crate::error::Result;
use hoptac_core::auth::{Action, Resource};
use hoptac_core::{AdminLevel, Date};

/// One unit version as listed: JSON `code`, `name`, `level`, `parent_code`, `valid_from`,
/// `valid_to` (ISO dates, empty when open).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnitRow {
    pub code: String,
    pub name: String,
    pub level: &'static str,
    pub parent_code: Option<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    /// For a unit of the national register: whether its sources agree on its code and name
    /// (`None`: not a unit of the register, e.g. imported by the office).
    pub confirmed: Option<bool>,
}

impl App {
    /// The units an account may pick (đơn vị trong phạm vi): its ground — its unit, what is
    /// below it and, across a reform, what its units were formed from; for an organisation's
    /// account its commune's; every unit for an account of the whole installation. A
    /// province officer's picker lists that province, not the country's 6.562 communes.
    pub async fn units_in_scope(&self, actor: &Actor) -> Result<Vec<hoptac_core::AdminUnit>> {
        use hoptac_core::auth::Scope;
        let snap = self.snapshot().await?;
        let root = match &actor.account.scope {
            Scope::All => return Ok(snap.units.clone()),
            Scope::Unit(u) => *u,
            Scope::Org(c) => match snap.orgs.iter().find(|o| &o.code == c) {
                Some(o) => o.commune,
                None => return Ok(Vec::new()),
            },
        };
        let keep = snap.ground(root);
        Ok(snap
            .units
            .iter()
            .filter(|u| keep.contains(&u.id))
            .cloned()
            .collect())
    }

    /// The unit versions valid on `at` (today by default), every one below `under` (at any
    /// depth, `under` itself excluded) when given, of one level when given; ordered by level,
    /// then code.
    pub async fn units_at(
        &self,
        actor: &Actor,
        at: Option<Date>,
        under: Option<&str>,
        level: Option<AdminLevel>,
    ) -> Result<Vec<UnitRow>> {
        let snap = self.snapshot().await?;
        let at = at.unwrap_or_else(today);
        let root = match under.map(str::trim).filter(|s| !s.is_empty()) {
            Some(u) => Some(find_unit(&snap.units, u, Some(at))?.id),
            None => None,
        };
        let resource = root.map_or(Resource::Everything, Resource::Unit);
        self.authorize(actor, Action::Read, &resource).await?;
        let inside = root.map(|r| snap.subtree(r));
        let register = hoptac_core::register::national();
        let code_of: std::collections::HashMap<_, _> =
            snap.units.iter().map(|u| (u.id, u.code.clone())).collect();
        let mut rows: Vec<(u8, UnitRow)> = snap
            .units
            .iter()
            .filter(|u| u.valid_on(at))
            .filter(|u| level.is_none_or(|l| u.level == l))
            .filter(|u| {
                inside
                    .as_ref()
                    .is_none_or(|s| s.contains(&u.id) && Some(u.id) != root)
            })
            .map(|u| {
                let rank = match u.level {
                    AdminLevel::Province => 0,
                    AdminLevel::District => 1,
                    AdminLevel::Commune => 2,
                };
                let row = UnitRow {
                    code: u.code.clone(),
                    name: u.name.clone(),
                    level: u.level.code(),
                    parent_code: u.parent.and_then(|p| code_of.get(&p).cloned()),
                    valid_from: u.valid_from.map(hoptac_core::date::to_iso),
                    valid_to: u.valid_to.map(hoptac_core::date::to_iso),
                    confirmed: register
                        .unit(&u.code, u.valid_from)
                        .filter(|r| r.name == u.name)
                        .map(|r| r.confirmed),
                };
                (rank, row)
            })
            .collect();
        rows.sort_by(|a, b| (a.0, &a.1.code).cmp(&(b.0, &b.1.code)));
        Ok(rows.into_iter().map(|(_, r)| r).collect())
    }
}

mod load;
mod map;
mod office;
mod place;
pub use load::{RegisterChoice, RegisterLoad};
pub use map::{CommuneMap, MAP_INDICATORS};
pub use office::UnitChoice;
pub use place::PLACEMENT_REASON;
