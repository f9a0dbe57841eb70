//! The office's own unit (đơn vị của cơ quan): chosen once by the first administrator from
//! the national register, it loads that unit's province and becomes the default scope of
//! pages, `stats` and documents.

use crate::auth::Actor;
use crate::context::{App, today};
use crate::error::{AppError, Result};
use crate::units::load::{RegisterChoice, RegisterLoad};
use hoptac_core::AdminLevel;
use hoptac_core::auth::Scope;
use hoptac_core::model::AdminUnit;
use hoptac_core::register::{RegisterUnit, national};
use hoptac_core::text::{fold, fold_unit_name};
use hoptac_store::ChangeSet;

/// Where the choice is kept: `code@valid_from` (ISO; empty when open), one unit version.
const OFFICE_UNIT: &str = "office.unit";

/// One unit of the register a first administrator may choose: in force today.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnitChoice {
    pub code: String,
    pub name: String,
    pub level: &'static str,
    /// The province it belongs to (empty for a province).
    pub province: String,
    /// Both sources of the register agree on its code and name.
    pub confirmed: bool,
}

fn version_key(code: &str, from: Option<hoptac_core::Date>) -> String {
    format!(
        "{code}@{}",
        from.map(hoptac_core::date::to_iso).unwrap_or_default()
    )
}

impl App {
    /// Units of the register in force today whose name (without diacritics, case or type
    /// word) or code starts a word of the query; provinces first, at most `limit`.
    pub fn register_search(&self, q: &str, limit: usize) -> Vec<UnitChoice> {
        let r = national();
        let d = today();
        let q = fold(q.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let short = fold_unit_name(&q);
        let mut hits: Vec<(u8, &RegisterUnit)> = r
            .units
            .iter()
            .filter(|u| u.valid_from.is_none_or(|f| f <= d) && u.valid_to.is_none_or(|t| t >= d))
            .filter_map(|u| {
                let name = fold(u.name);
                let bare = fold_unit_name(u.name);
                let rank = if u.code == q || bare == short {
                    0
                } else if bare.starts_with(&short) || u.code.starts_with(&q) {
                    1
                } else if name.contains(&q) || bare.contains(&short) {
                    2
                } else {
                    return None;
                };
                Some((rank, u))
            })
            .collect();
        hits.sort_by_key(|(rank, u)| (*rank, u.level != AdminLevel::Province, u.name));
        hits.into_iter()
            .take(limit)
            .map(|(_, u)| UnitChoice {
                code: u.code.into(),
                name: u.name.into(),
                level: u.level.code(),
                province: match u.level {
                    AdminLevel::Province => String::new(),
                    _ => r.parent(u).map(|p| p.name.to_string()).unwrap_or_default(),
                },
                confirmed: u.confirmed,
            })
            .collect()
    }

    /// The office's unit, if one was chosen and is stored.
    pub async fn office_unit(&self) -> Result<Option<AdminUnit>> {
        let Some(key) = self.store().meta(OFFICE_UNIT).await? else {
            return Ok(None);
        };
        let snap = self.snapshot().await?;
        Ok(snap
            .units
            .iter()
            .find(|u| version_key(&u.code, u.valid_from) == key)
            .cloned())
    }

    /// The scope a page, `stats` or a document takes when none is asked: the office's unit
    /// for an account that sees everything; for any other, its own scope (empty here).
    pub async fn default_scope(&self, actor: &Actor) -> Result<String> {
        if actor.account.scope != Scope::All {
            return Ok(String::new());
        }
        Ok(self
            .office_unit()
            .await?
            .map(|u| u.code)
            .unwrap_or_default())
    }

    /// The first administrator's choice: the unit (in force today) of the register, its
    /// province loaded with both versions, and the choice kept (audited with before and
    /// after). Loading is idempotent, so a choice interrupted between the two writes is
    /// simply made again.
    pub async fn choose_office_unit(&self, actor: &Actor, code: &str) -> Result<RegisterLoad> {
        self.authorize_settings(actor).await?;
        let r = national();
        let d = today();
        let unit = r
            .version(code, d)
            .filter(|u| u.valid_to.is_none_or(|t| t >= d))
            .ok_or_else(|| {
                AppError::invalid(
                    "unit",
                    code.to_string(),
                    hoptac_core::msg!("units.not_in_register", code = code),
                )
            })?;
        let mut province = unit;
        while let Some(p) = r.parent(province) {
            province = p;
        }
        let load = self
            .load_register(actor, &RegisterChoice::Province(province.code.into()), true)
            .await?;
        if load.outcome.has_errors() {
            return Ok(load);
        }
        let before = self.store().meta(OFFICE_UNIT).await?;
        let after = version_key(unit.code, unit.valid_from);
        let mut audit = self.audit_entry(actor, "update", "meta", OFFICE_UNIT, None);
        audit.before = before;
        audit.after = Some(after.clone());
        self.apply(&ChangeSet {
            meta: vec![(OFFICE_UNIT.into(), after)],
            audit: vec![audit],
            ..Default::default()
        })
        .await?;
        Ok(load)
    }
}
