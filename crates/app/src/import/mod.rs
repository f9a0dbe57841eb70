//! Import: parse, resolve, validate against the database, and apply all or nothing.
//!
//! Web forms go through the same path as a one-row sheet, so a value typed in a browser and a
//! value in a workbook are read, checked and reported by the same rules.

mod absent;
mod audit;
mod chain;
mod clubs;
mod definitions;
mod draft;
mod forms;
mod ground;
mod history;
mod plan_tasks;
mod products;
mod registry;
mod reports;
mod scope;
mod support;
mod training;

pub use draft::{ImportOutcome, TableSummary};

use crate::{auth::Actor, context::App, context::today, error::AppError, error::Result};
use draft::Draft;
use forms::RowGuard;
use ground::{Ground, Stored};
use hoptac_exchange::ReadError;
use hoptac_exchange::columns::Table;
use hoptac_exchange::parse::parse_book;
use hoptac_exchange::read::{RawBook, read_bytes, read_path};
use std::path::Path;

impl App {
    pub async fn import_path(
        &self,
        actor: &Actor,
        path: &Path,
        commit: bool,
    ) -> Result<ImportOutcome> {
        self.may_import(actor).await?;
        let path = path.to_path_buf();
        let book = tokio::task::spawn_blocking(move || read_path(&path))
            .await
            .map_err(|e| AppError::internal(format!("reader: {e}")))??;
        self.import_book(actor, &book, commit).await
    }

    /// An uploaded file. Who may import is checked before a byte is parsed; the file is
    /// read within [`hoptac_exchange::limits::Limits`] on the blocking pool, so a hostile
    /// workbook neither allocates without bound nor stalls the requests of others.
    pub async fn import_bytes(
        &self,
        actor: &Actor,
        file_name: &str,
        bytes: &[u8],
        commit: bool,
    ) -> Result<ImportOutcome> {
        self.may_import(actor).await?;
        let (name, data) = (file_name.to_string(), bytes.to_vec());
        let book = tokio::task::spawn_blocking(move || read_bytes(&name, &data))
            .await
            .map_err(|e| AppError::internal(format!("reader: {e}")))??;
        self.import_book(actor, &book, commit).await
    }

    /// A viewer imports nothing: refused (and audited) before the file is read.
    pub(crate) async fn may_import(&self, actor: &Actor) -> Result<()> {
        if actor.account.role == hoptac_core::auth::Role::Viewer || actor.account.disabled {
            self.record_refusal(actor, "import", "upload").await?;
            return Err(AppError::Forbidden);
        }
        Ok(())
    }
    /// Checks a parsed workbook against the database; applies it in one transaction when
    /// `commit` is set and there is no error.
    pub async fn import_book(
        &self,
        actor: &Actor,
        book: &RawBook,
        commit: bool,
    ) -> Result<ImportOutcome> {
        self.import_guarded(actor, book, commit, None).await
    }

    /// The import, computed against one generation of the database and written only if the
    /// database is still at it; when another writer came first, it is computed again.
    async fn import_guarded(
        &self,
        actor: &Actor,
        book: &RawBook,
        commit: bool,
        guard: Option<&RowGuard>,
    ) -> Result<ImportOutcome> {
        // this process's writers take turns: two hundred clerks saving at once queue here
        // instead of all computing against one generation and all but one being refused
        // (the store writes one transaction at a time anyway); another process's write is
        // still caught by the generation and computed again
        let _turn = match commit {
            true => Some(self.write_gate.lock().await),
            false => None,
        };
        let mut attempt = 0;
        loop {
            match self.import_once(actor, book, commit, guard).await {
                Err(AppError::Store(hoptac_store::StoreError::Conflict { .. })) if attempt < 4 => {
                    attempt += 1;
                }
                r => return r,
            }
        }
    }

    /// One pass: read the database at one generation, resolve and check the file against
    /// it, decide who may write what, and write everything or nothing.
    async fn import_once(
        &self,
        actor: &Actor,
        book: &RawBook,
        commit: bool,
        guard: Option<&RowGuard>,
    ) -> Result<ImportOutcome> {
        if !book
            .sheets
            .iter()
            .any(|s| Table::by_name(&s.name).is_some())
        {
            return Err(AppError::Unreadable(ReadError::NoTables));
        }
        let started = std::time::Instant::now();
        let mut parsed = parse_book(book);
        let parsed_in = started.elapsed();
        let (generation, db) = self.snapshot_at().await?;
        // (an account that may not write the row at all is refused below, with its audit)
        if let Some(g) = guard
            && forms::may_write_row(actor, g, &db)
            && let Some(p) = self.check_guard(g, &db).await?
        {
            return Ok(ImportOutcome {
                problems: vec![p],
                ..Default::default()
            });
        }
        absent::keep_absent_columns(&mut parsed, &db);
        let mut d = Draft::new(parsed.problems.clone(), generation);
        let store = self.store();
        let stored = Stored {
            registered: store.registered_services().await?,
            indicators: store.indicators().await?,
            indicator_owners: store.owner_scopes("indicators").await?,
            plans: store.plans().await?,
            locks: store.reporting_locks().await?,
        };

        let units = registry::units(&db, &parsed, &mut d);
        let file_orgs = registry::organizations(&db, &parsed, &units, today(), &mut d)?;
        let g = Ground::new(actor, &db, &parsed, &stored, units, file_orgs);
        history::unit_changes(&g, &mut d);
        history::moves(&g, &mut d);
        history::check(&g, &mut d);
        clubs::profiles(&g, &mut d);
        clubs::meetings(&g, &mut d);
        clubs::origins(&g, &mut d);
        clubs::stored_records_still_fit(&g, &mut d);
        training::courses(&g, &mut d);
        training::attendance(&g, &mut d);
        support::events(&g, &mut d);
        support::disbursements(&g, &mut d);
        support::stored_disbursements_still_fit(&g, &mut d);
        products::products(&g, &mut d);
        products::ratings(&g, &mut d);
        chain::facilities(&g, &mut d);
        chain::lots(&g, &mut d);
        chain::contracts(&g, &mut d);
        chain::deliveries(&g, &mut d);
        chain::projects(&g, &mut d);
        registry::near_duplicates(&g, &mut d);
        registry::registered_services(self, &g, &mut d);
        reports::reports(&g, &mut d);
        if !parsed.reports.is_empty() {
            reports::rules(&g, &self.active_rules().await?, &mut d);
        }
        reports::stored_reports_in_life(&g, &mut d);
        reports::managers(&g, &mut d);
        let known_defs = definitions::indicators(&g, &mut d);
        let plan_codes = definitions::plans(&g, &mut d)?;
        definitions::targets(&g, &plan_codes, &known_defs, &mut d);
        plan_tasks::offices(&g, &plan_codes, &mut d);
        plan_tasks::tasks(&g, &plan_codes, &known_defs, &mut d);

        let sheet_order: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        d.problems.sort_by_key(|p| {
            (
                sheet_order.iter().position(|s| *s == p.sheet),
                p.row,
                std::cmp::Reverse(p.severity),
            )
        });
        if let Some(gd) = guard {
            let taken = parsed
                .managers
                .first()
                .and_then(|m| forms::identity_taken(gd, &db, &m.value));
            d.problems.extend(taken);
        }
        scope::tree(&g, &mut d);
        let refused = scope::refusals(&g, &mut d);
        scope::record_refusals(self, &g, refused, &mut d).await?;
        let audit = audit::entries(self, &g, &d.changes);
        d.changes.audit.extend(audit);
        if let Some(gd) = guard {
            forms::replace_old_manager(self, actor, gd, g.commune_of(&gd.org), &mut d.changes);
        }
        // let go of the snapshot before writing: the read model then brings its own copy
        // forward in place instead of copying the whole database (480 MB for a country)
        drop(g);
        drop(db);

        let has_errors = d.problems.iter().any(|p| p.is_error());
        let applied = commit && !has_errors;
        let checked_in = started.elapsed();
        if applied && !d.changes.audit.is_empty() {
            self.apply(&d.changes).await?;
            tracing::info!(
                parsed_ms = parsed_in.as_millis() as u64,
                checked_ms = checked_in.as_millis() as u64,
                total_ms = started.elapsed().as_millis() as u64,
                orgs = d.changes.orgs.len(),
                reports = d.changes.reports.len(),
                "import applied"
            );
        }
        Ok(ImportOutcome {
            problems: d.problems,
            summary: d.summary,
            applied,
        })
    }
}
