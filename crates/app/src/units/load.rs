//! Storing units of the national register (`hoptac units load`, the first-run page): a
//! province with both its versions and the changes between them, or the whole country.
//!
//! The register's rows go through the import, as the sheets `admin_units` and
//! `unit_changes` of a workbook would: the same checks (overlapping versions, cycles, full
//! and partial), the same scope refusals, the same audit, all or nothing.

use crate::auth::Actor;
use crate::context::{App, today};
use crate::error::{AppError, Result};
use crate::import::ImportOutcome;
use hoptac_core::register::{Extract, national};
use hoptac_core::territory::ChangeKind;
use hoptac_core::{AdminLevel, Date};
use hoptac_exchange::cells::Cell;
use hoptac_exchange::read::{RawBook, RawSheet};

/// What to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterChoice {
    /// A province (a code of either version, read at today's date) with its predecessors
    /// or successor, all their districts and communes.
    Province(String),
    /// Every unit of the country.
    All,
}

/// What a load stored (or would store), as the import tells it, and what the register
/// could not confirm.
#[derive(Debug)]
pub struct RegisterLoad {
    pub outcome: ImportOutcome,
    pub provinces: usize,
    pub districts: usize,
    pub communes: usize,
    pub changes: usize,
    pub unconfirmed_units: usize,
    pub unconfirmed_changes: usize,
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn date(d: Option<Date>) -> Cell {
    d.map_or(Cell::Empty, |d| Cell::Text(hoptac_core::date::to_iso(d)))
}

/// The extract as the two sheets of a workbook, in the contract's columns.
fn book(e: &Extract<'_>) -> RawBook {
    let mut units = vec![(
        1,
        [
            "code",
            "name",
            "level",
            "parent_code",
            "valid_from",
            "valid_to",
        ]
        .map(text)
        .to_vec(),
    )];
    for (i, u) in e.units.iter().enumerate() {
        units.push((
            i as u32 + 2,
            vec![
                text(u.code),
                text(u.name),
                text(u.level.code()),
                text(u.parent_code.unwrap_or("")),
                date(u.valid_from),
                date(u.valid_to),
            ],
        ));
    }
    let mut changes = vec![(
        1,
        ["old_code", "new_code", "on", "kind", "basis"]
            .map(text)
            .to_vec(),
    )];
    for (i, c) in e.changes.iter().enumerate() {
        let kind = match c.kind {
            ChangeKind::Full => "full",
            ChangeKind::Partial => "partial",
        };
        changes.push((
            i as u32 + 2,
            vec![
                text(c.old_code),
                text(c.new_code),
                date(Some(c.on)),
                text(kind),
                text(c.basis),
            ],
        ));
    }
    RawBook {
        sheets: vec![
            RawSheet {
                name: "admin_units".into(),
                rows: units,
            },
            RawSheet {
                name: "unit_changes".into(),
                rows: changes,
            },
        ],
    }
}

impl App {
    /// Stores (with `commit`) or previews units of the national register.
    pub async fn load_register(
        &self,
        actor: &Actor,
        choice: &RegisterChoice,
        commit: bool,
    ) -> Result<RegisterLoad> {
        self.may_import(actor).await?;
        let register = national();
        let extract = match choice {
            RegisterChoice::All => register.all(),
            RegisterChoice::Province(code) => {
                register.province(code, today()).ok_or_else(|| {
                    AppError::invalid(
                        "province",
                        code.clone(),
                        hoptac_core::msg!("units.no_such_province", code = code),
                    )
                })?
            }
        };
        let book = book(&extract);
        let outcome = self.import_book(actor, &book, commit).await?;
        Ok(RegisterLoad {
            outcome,
            provinces: extract.count(AdminLevel::Province),
            districts: extract.count(AdminLevel::District),
            communes: extract.count(AdminLevel::Commune),
            changes: extract.changes.len(),
            unconfirmed_units: extract.unconfirmed_units(),
            unconfirmed_changes: extract.unconfirmed_changes(),
        })
    }
}
