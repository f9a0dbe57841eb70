//! Import: parse, resolve, validate against the database, and apply all or nothing.
//!
//! Web forms go through the same path as a one-row sheet, so a value typed in a browser and a
//! value in a workbook are read, checked and reported by the same rules.

use crate::{
    auth::Actor, context::App, context::find_unit, context::today, error::AppError, error::Result,
};
use hoptac_core::auth::{Action, Resource, permits};
use hoptac_core::indicator::{IndicatorDef, catalogue};
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, UnitId};
use hoptac_core::plan::{Plan, check_plan, check_target};
use hoptac_core::validate::{Finding, Severity, check_manager, check_organization, check_report};
use hoptac_core::{AdminLevel, Msg, OrgCode};
use hoptac_exchange::cells::Cell;
use hoptac_exchange::columns::{
    ADMIN_UNITS, ANNUAL_REPORTS, INDICATORS, MANAGERS, ORGANIZATIONS, PLANS, TARGETS, Table,
};
use hoptac_exchange::parse::{Located, parse_book};
use hoptac_exchange::read::{RawBook, RawSheet, read_bytes, read_path};
use hoptac_exchange::{Problem, ReadError};
use hoptac_store::ChangeSet;
use std::collections::HashMap;
use std::path::Path;

/// What an import found and, if it was applied, what it changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableSummary {
    pub table: &'static str,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ImportOutcome {
    pub problems: Vec<Problem>,
    pub summary: Vec<TableSummary>,
    /// True only when there was no error and the changes were written.
    pub applied: bool,
}

impl ImportOutcome {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.is_error())
    }
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
    pub fn changes(&self) -> usize {
        self.summary.iter().map(|s| s.new + s.changed).sum()
    }
}

fn header(t: &Table, key: &str) -> String {
    t.columns
        .iter()
        .find(|c| c.key == key)
        .map(|c| c.vi.to_string())
        .unwrap_or_else(|| key.to_string())
}

fn column_key(t: &Table, key: &str) -> Option<&'static str> {
    t.columns.iter().find(|c| c.key == key).map(|c| c.key)
}

fn located<T>(l: &Located<T>, t: &Table, f: Finding) -> Problem {
    Problem {
        severity: f.severity,
        sheet: l.sheet.clone(),
        row: Some(l.row),
        column: Some(header(t, f.field)),
        key: column_key(t, f.field),
        value: f.value,
        msg: f.msg,
    }
}

fn located_err<T>(
    l: &Located<T>,
    t: &Table,
    field: &'static str,
    value: impl Into<String>,
    msg: Msg,
) -> Problem {
    located(l, t, Finding::error(field, value, msg))
}

fn tally<T: PartialEq>(s: &mut TableSummary, old: Option<&T>, new: &T) -> bool {
    match old {
        None => {
            s.new += 1;
            true
        }
        Some(o) if o != new => {
            s.changed += 1;
            true
        }
        Some(_) => {
            s.unchanged += 1;
            false
        }
    }
}

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
    async fn may_import(&self, actor: &Actor) -> Result<()> {
        if actor.account.role == hoptac_core::auth::Role::Viewer || actor.account.disabled {
            self.record_refusal(actor, "import", "upload").await?;
            return Err(AppError::Forbidden);
        }
        Ok(())
    }

    /// A web form as a one-row sheet with machine keys as headers. `intent` says whether
    /// the form creates its row (refused when the row exists) or edits it (refused when it
    /// changed since the form was read).
    pub async fn save_form(
        &self,
        actor: &Actor,
        table: &str,
        fields: &[(&str, String)],
        intent: FormIntent,
    ) -> Result<ImportOutcome> {
        let header = fields
            .iter()
            .map(|(k, _)| Cell::Text(k.to_string()))
            .collect();
        let values = fields
            .iter()
            .map(|(_, v)| {
                if v.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(v.clone())
                }
            })
            .collect();
        let book = RawBook {
            sheets: vec![RawSheet {
                name: table.to_string(),
                rows: vec![(1, header), (2, values)],
            }],
        };
        let get = |k: &str| {
            fields
                .iter()
                .find(|(f, _)| *f == k)
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        let guard = match table {
            "organizations" => OrgCode::parse(&get("code")).map(|c| RowGuard {
                entity: "organizations",
                key: c.to_string(),
                org: c,
                year: None,
                intent,
            }),
            "annual_reports" => match (OrgCode::parse(&get("org_code")), get("year").parse()) {
                (Some(c), Ok(y)) => Some(RowGuard {
                    entity: "annual_reports",
                    key: format!("{c}/{y}"),
                    org: c,
                    year: Some(y),
                    intent,
                }),
                _ => None,
            },
            _ => None,
        };
        self.import_guarded(actor, &book, true, guard.as_ref())
            .await
    }

    /// The version of a row a form edits: the id of its last recorded change (0 if none).
    pub async fn row_version(&self, entity: &str, key: &str) -> Result<i64> {
        Ok(self
            .store()
            .last_change(entity, key)
            .await?
            .map(|e| e.id)
            .unwrap_or(0))
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
        let mut problems = parsed.problems.clone();
        let (generation, db) = self.snapshot_at().await?;
        // (an account that may not write the row at all is refused below, with its audit)
        let may_write_row = |g: &RowGuard| {
            db.orgs.iter().find(|o| o.code == g.org).is_none_or(|o| {
                permits(
                    &actor.account,
                    Action::Write,
                    &Resource::Org {
                        code: o.code.clone(),
                        commune: o.commune,
                    },
                    &db.units,
                )
            })
        };
        if let Some(g) = guard
            && may_write_row(g)
            && let Some(p) = self.check_guard(g, &db).await?
        {
            return Ok(ImportOutcome {
                problems: vec![p],
                ..Default::default()
            });
        }
        keep_absent_columns(&mut parsed, &db);
        let today = today();
        let mut changes = ChangeSet {
            expect_generation: Some(generation),
            ..Default::default()
        };
        let mut summary: Vec<TableSummary> = hoptac_exchange::columns::TABLES
            .iter()
            .map(|t| TableSummary {
                table: t.key,
                ..Default::default()
            })
            .collect();

        // Units: existing ones keep their id, new ones get the next free ids.
        let mut units: Vec<AdminUnit> = db.units.clone();
        let mut next_id = units.iter().map(|u| u.id.0).max().unwrap_or(0) + 1;
        let mut file_units = parsed.units.clone();
        file_units.sort_by_key(|l| match l.value.level {
            AdminLevel::Province => 0,
            AdminLevel::District => 1,
            AdminLevel::Commune => 2,
        });
        for l in &file_units {
            let u = &l.value;
            let parent = match &u.parent_code {
                None => None,
                Some(pc) => {
                    let cands: Vec<&AdminUnit> = units.iter().filter(|x| &x.code == pc).collect();
                    let on = u.valid_from.or(u.valid_to);
                    let chosen = match on {
                        Some(d) => cands.iter().find(|x| x.valid_on(d)).or(cands.last()),
                        None => cands.last(),
                    };
                    match chosen {
                        Some(p) => Some(p.id),
                        None => {
                            problems.push(located_err(l, &ADMIN_UNITS, "parent_code", pc.clone(), Msg::new(
                                format!("Không có đơn vị cấp trên mã \"{pc}\" trong tệp hay trong cơ sở dữ liệu"),
                                format!("No parent unit with code \"{pc}\" in the file or the database"),
                            )));
                            continue;
                        }
                    }
                }
            };
            let existing = units
                .iter()
                .position(|x| x.code == u.code && x.valid_from == u.valid_from);
            let id = existing.map(|i| units[i].id).unwrap_or_else(|| {
                next_id += 1;
                UnitId(next_id - 1)
            });
            let unit = AdminUnit {
                id,
                code: u.code.clone(),
                name: u.name.clone(),
                level: u.level,
                parent,
                valid_from: u.valid_from,
                valid_to: u.valid_to,
            };
            let old = existing.map(|i| units[i].clone());
            if tally(&mut summary[0], old.as_ref(), &unit) {
                changes.units.push(unit.clone());
            }
            match existing {
                Some(i) => units[i] = unit,
                None => units.push(unit),
            }
        }

        // Organisations.
        let communes: Vec<AdminUnit> = units
            .iter()
            .filter(|u| u.level == AdminLevel::Commune)
            .cloned()
            .collect();
        let db_orgs: HashMap<&OrgCode, &Organization> =
            db.orgs.iter().map(|o| (&o.code, o)).collect();
        let mut file_orgs: HashMap<OrgCode, Organization> = HashMap::new();
        for l in &parsed.orgs {
            let i = &l.value;
            let commune = match find_unit(&communes, &i.commune, Some(i.founded_on)) {
                Ok(u) => u.id,
                Err(AppError::Invalid { msg, .. }) => {
                    problems.push(located_err(
                        l,
                        &ORGANIZATIONS,
                        "commune",
                        i.commune.clone(),
                        msg,
                    ));
                    continue;
                }
                Err(e) => return Err(e),
            };
            let org = Organization {
                code: i.code.clone(),
                kind: i.kind,
                name: i.name.trim().to_string(),
                sector: i.sector,
                commune,
                founded_on: i.founded_on,
                dissolved_on: i.dissolved_on,
                registration_no: i.registration_no.clone(),
            };
            let findings = check_organization(&org, today);
            let bad = findings.iter().any(|f| f.severity == Severity::Error);
            problems.extend(findings.into_iter().map(|f| located(l, &ORGANIZATIONS, f)));
            if bad {
                continue;
            }
            if tally(&mut summary[1], db_orgs.get(&org.code).copied(), &org) {
                changes.orgs.push(org.clone());
            }
            file_orgs.insert(org.code.clone(), org);
        }
        // A new organisation whose name is probably one already registered in its commune (or
        // one earlier in the file): propose the existing record rather than a near-duplicate.
        let mut by_place: HashMap<(hoptac_core::OrgKind, UnitId), Vec<&Organization>> =
            HashMap::new();
        for o in &db.orgs {
            by_place.entry((o.kind, o.commune)).or_default().push(o);
        }
        // new records of the file, by (kind, commune) like the stored ones: each new name is
        // compared with its own commune's only, never with every name of the file
        let mut seen_new: HashMap<(hoptac_core::OrgKind, UnitId), Vec<&Organization>> =
            HashMap::new();
        for l in &parsed.orgs {
            let Some(o) = file_orgs.get(&l.value.code) else {
                continue;
            };
            if db_orgs.contains_key(&o.code) {
                continue;
            }
            let best = by_place
                .get(&(o.kind, o.commune))
                .into_iter()
                .flatten()
                .copied()
                .chain(
                    seen_new
                        .get(&(o.kind, o.commune))
                        .into_iter()
                        .flatten()
                        .copied(),
                )
                .map(|x| {
                    (
                        hoptac_core::similar::similarity(&x.name, &o.name),
                        x.code.to_string(),
                        x.name.clone(),
                    )
                })
                .filter(|(score, _, _)| *score >= hoptac_core::similar::THRESHOLD)
                .max_by_key(|(score, _, _)| *score);
            if let Some((score, code, name)) = best {
                problems.push(located(l, &ORGANIZATIONS, Finding::warning("name", o.name.clone(), Msg::new(
                    format!("Tên gần trùng với tổ chức {code} \"{name}\" cùng xã (giống {score}%): nếu là cùng một tổ chức, hãy dùng mã {code} thay vì tạo bản ghi mới"),
                    format!("The name is close to organisation {code} \"{name}\" in the same commune ({score}% alike): if it is the same organisation, use the code {code} instead of a new record"),
                ))));
            }
            seen_new.entry((o.kind, o.commune)).or_default().push(o);
        }
        // Registered services travel with the organisation's row; a sheet without the
        // column keeps the stored list.
        let db_registered = self.store().registered_services().await?;
        for l in &parsed.orgs {
            let (Some(set), Some(o)) = (&l.value.registered_services, file_orgs.get(&l.value.code))
            else {
                continue;
            };
            let old = db_registered.get(&o.code).cloned().unwrap_or_default();
            if *set != old {
                let list = |s: &std::collections::BTreeSet<hoptac_core::Service>| {
                    serde_json::to_string(&s.iter().map(|x| x.code()).collect::<Vec<_>>()).ok()
                };
                let mut e = self.audit_entry(
                    actor,
                    if old.is_empty() { "create" } else { "update" },
                    "registered_services",
                    o.code.as_str(),
                    Some(o.commune),
                );
                e.before = (!old.is_empty()).then(|| list(&old)).flatten();
                e.after = list(set);
                changes.audit.push(e);
                changes.registered.push((o.code.clone(), set.clone()));
                if summary[1].unchanged > 0 && db_orgs.get(&o.code).is_some_and(|d| *d == o) {
                    summary[1].unchanged -= 1;
                    summary[1].changed += 1;
                }
            }
        }
        let org_of = |code: &OrgCode| file_orgs.get(code).or_else(|| db_orgs.get(code).copied());
        let known = |code: &OrgCode| {
            org_of(code).is_some() || parsed.orgs.iter().any(|l| &l.value.code == code)
        };

        // Reports, each checked with its organisation and the report of the year before.
        let db_reports: HashMap<(&OrgCode, i32), &AnnualReport> = db
            .reports
            .iter()
            .map(|r| ((&r.org, r.year.get()), r))
            .collect();
        let file_reports: HashMap<(&OrgCode, i32), &AnnualReport> = parsed
            .reports
            .iter()
            .map(|l| ((&l.value.org, l.value.year.get()), &l.value))
            .collect();
        for l in &parsed.reports {
            let r = &l.value;
            let Some(org) = org_of(&r.org) else {
                if !known(&r.org) {
                    problems.push(unknown_org(l, &ANNUAL_REPORTS, &r.org));
                }
                continue;
            };
            let key_prev = (&r.org, r.year.get() - 1);
            let prev = file_reports
                .get(&key_prev)
                .or_else(|| db_reports.get(&key_prev))
                .copied();
            let findings = check_report(org, r, prev);
            let bad = findings.iter().any(|f| f.severity == Severity::Error);
            problems.extend(findings.into_iter().map(|f| located(l, &ANNUAL_REPORTS, f)));
            if !bad
                && tally(
                    &mut summary[2],
                    db_reports.get(&(&r.org, r.year.get())).copied(),
                    r,
                )
            {
                changes.reports.push(r.clone());
            }
        }
        // Validation rules as data, over the figures as they would be after this import.
        if !parsed.reports.is_empty() {
            let rules = self.active_rules().await?;
            let mut registered = self.store().registered_services().await?;
            for l in &parsed.orgs {
                if let Some(set) = &l.value.registered_services {
                    registered.insert(l.value.code.clone(), set.clone());
                }
            }
            let mut merged = hoptac_core::Snapshot {
                orgs: db.orgs.clone(),
                ..Default::default()
            };
            merged.orgs.retain(|o| !file_orgs.contains_key(&o.code));
            merged.orgs.extend(file_orgs.values().cloned());
            merged.reports = db
                .reports
                .iter()
                .filter(|r| !file_reports.contains_key(&(&r.org, r.year.get())))
                .cloned()
                .collect();
            merged
                .reports
                .extend(parsed.reports.iter().map(|l| l.value.clone()));
            let m = hoptac_core::rules::medians(&merged);
            for l in &parsed.reports {
                let r = &l.value;
                let Some(org) = org_of(&r.org) else { continue };
                let key_prev = (&r.org, r.year.get() - 1);
                let prev = file_reports
                    .get(&key_prev)
                    .or_else(|| db_reports.get(&key_prev))
                    .copied();
                problems.extend(
                    rules
                        .check(org, r, prev, &m, registered.get(&r.org))
                        .into_iter()
                        .map(|f| located(l, &ANNUAL_REPORTS, f)),
                );
            }
        }
        // Reports already stored must still fall inside a changed organisation's life
        // (looked up by organisation: a file of every organisation is not orgs × reports).
        let mut stored_by_org: HashMap<&OrgCode, Vec<&AnnualReport>> = HashMap::new();
        if !parsed.orgs.is_empty() {
            for r in &db.reports {
                stored_by_org.entry(&r.org).or_default().push(r);
            }
        }
        for l in &parsed.orgs {
            let Some(org) = file_orgs.get(&l.value.code) else {
                continue;
            };
            for r in stored_by_org
                .get(&org.code)
                .into_iter()
                .flatten()
                .copied()
                .filter(|r| !file_reports.contains_key(&(&r.org, r.year.get())))
            {
                for f in check_report(org, r, None)
                    .into_iter()
                    .filter(|f| f.field == "year")
                {
                    problems.push(located_err(l, &ORGANIZATIONS, "dissolved_on", f.value.clone(), Msg::new(
                        format!("Đã có báo cáo năm {} của {}: ngày thành lập/giải thể mới làm năm đó nằm ngoài thời gian hoạt động", r.year, org.code),
                        format!("A report for {} of {} is stored: the new founding/dissolution date puts that year outside its life", r.year, org.code),
                    )));
                }
            }
        }

        // Managers.
        let key = |m: &Manager| (m.org.clone(), m.full_name.clone(), m.role, m.from);
        let db_managers: HashMap<_, &Manager> = db.managers.iter().map(|m| (key(m), m)).collect();
        for l in &parsed.managers {
            let m = &l.value;
            if org_of(&m.org).is_none() {
                if !known(&m.org) {
                    problems.push(unknown_org(l, &MANAGERS, &m.org));
                }
                continue;
            }
            let findings = check_manager(m);
            let bad = findings.iter().any(|f| f.severity == Severity::Error);
            problems.extend(findings.into_iter().map(|f| located(l, &MANAGERS, f)));
            if !bad && tally(&mut summary[3], db_managers.get(&key(m)).copied(), m) {
                changes.managers.push(m.clone());
            }
        }

        // Indicators defined as data, plans and their targets.
        let core_ids: Vec<String> = catalogue().into_iter().map(|d| d.id).collect();
        let db_indicators = self.store().indicators().await?;
        let mut known_defs: HashMap<String, IndicatorDef> =
            catalogue().into_iter().map(|d| (d.id.clone(), d)).collect();
        for r in &db_indicators {
            if let Ok(d) = r.to_def() {
                known_defs.insert(r.id.clone(), d);
            }
        }
        for l in &parsed.indicators {
            let r = &l.value;
            if core_ids.contains(&r.id) {
                problems.push(located_err(
                    l,
                    &INDICATORS,
                    "id",
                    r.id.clone(),
                    Msg::new(
                        format!(
                            "\"{}\" là chỉ tiêu gốc của hệ thống, không định nghĩa lại được",
                            r.id
                        ),
                        format!("\"{}\" is a core indicator and cannot be redefined", r.id),
                    ),
                ));
                continue;
            }
            if let Ok(d) = r.to_def() {
                known_defs.insert(r.id.clone(), d);
            }
            if tally(
                &mut summary[4],
                db_indicators.iter().find(|x| x.id == r.id),
                r,
            ) {
                changes.indicators.push(r.clone());
            }
        }
        let db_plans = self.store().plans().await?;
        let mut plan_codes: Vec<String> = db_plans.iter().map(|p| p.code.clone()).collect();
        for l in &parsed.plans {
            let p = &l.value;
            let mut bad = false;
            for (field, msg) in check_plan(p) {
                let value = match field {
                    "code" => p.code.clone(),
                    "title" => p.title.clone(),
                    "baseline_year" => p.baseline_year.to_string(),
                    _ => format!("{}–{}", p.from, p.to),
                };
                let field = if field == "to" { "to" } else { field };
                problems.push(located(l, &PLANS, Finding::error(field, value, msg)));
                bad = true;
            }
            let scope = match find_unit(&units, &p.scope, None) {
                Ok(u) => u.code.clone(),
                Err(AppError::Invalid { msg, .. }) => {
                    problems.push(located_err(l, &PLANS, "scope", p.scope.clone(), msg));
                    continue;
                }
                Err(e) => return Err(e),
            };
            if bad {
                continue;
            }
            let plan = Plan { scope, ..p.clone() };
            let old = db_plans.iter().find(|x| x.code == plan.code).map(|x| Plan {
                targets: vec![],
                ..x.clone()
            });
            if tally(&mut summary[5], old.as_ref(), &plan) {
                changes.plans.push(plan.clone());
            }
            plan_codes.push(plan.code);
        }
        for l in &parsed.targets {
            let (code, t) = &l.value;
            if !plan_codes.contains(code) {
                problems.push(located_err(
                    l,
                    &TARGETS,
                    "plan_code",
                    code.clone(),
                    Msg::new(
                        format!(
                            "Không có kế hoạch mã \"{code}\" trong tệp hay trong cơ sở dữ liệu"
                        ),
                        format!("No plan with code \"{code}\" in the file or the database"),
                    ),
                ));
                continue;
            }
            let mut bad = false;
            for (field, msg) in check_target(t, known_defs.get(&t.indicator)) {
                let value = match field {
                    "indicator" => t.indicator.clone(),
                    "no" => t.no.clone(),
                    "wording" => t.wording.clone(),
                    "value_hi" => t.value_hi.map(|v| v.to_string()).unwrap_or_default(),
                    _ => t.value.to_string(),
                };
                problems.push(located(l, &TARGETS, Finding::error(field, value, msg)));
                bad = true;
            }
            if let Some(b) = &t.baseline_indicator
                && !known_defs.contains_key(b)
            {
                problems.push(located_err(
                    l,
                    &TARGETS,
                    "baseline_indicator",
                    b.clone(),
                    Msg::new(
                        format!("Không có chỉ tiêu thống kê \"{b}\""),
                        format!("No indicator \"{b}\""),
                    ),
                ));
                bad = true;
            }
            if bad {
                continue;
            }
            let old = db_plans
                .iter()
                .find(|p| &p.code == code)
                .and_then(|p| p.targets.iter().find(|x| x.no == t.no));
            if tally(&mut summary[6], old, t) {
                changes.targets.push((code.clone(), t.clone()));
            }
        }

        let sheet_order: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        problems.sort_by_key(|p| {
            (
                sheet_order.iter().position(|s| *s == p.sheet),
                p.row,
                std::cmp::Reverse(p.severity),
            )
        });
        // Who may write what: every change must lie in the actor's scope.
        let may = |action: Action, r: &Resource| permits(&actor.account, action, r, &units);
        let commune_of = |c: &OrgCode| {
            file_orgs
                .get(c)
                .or_else(|| db_orgs.get(c).copied())
                .map(|o| o.commune)
        };
        let org_res = |c: &OrgCode, commune: UnitId| Resource::Org {
            code: c.clone(),
            commune,
        };
        let plan_unit = |code: &str| {
            let scope = changes
                .plans
                .iter()
                .chain(db_plans.iter())
                .find(|p| p.code == code)
                .map(|p| p.scope.clone());
            scope.and_then(|s| units.iter().find(|u| u.code == s).map(|u| u.id))
        };
        let mut refused: Vec<(&'static str, String)> = Vec::new();
        // a unit is written on every side: the unit itself, where it hangs now and where the
        // file hangs it; a parent of `None` is the top of the tree (the installation)
        let side = |p: Option<UnitId>| p.map(Resource::Unit).unwrap_or(Resource::Everything);
        for u in &changes.units {
            let old = db.units.iter().find(|x| x.id == u.id);
            let mut sides = vec![side(u.parent)];
            if let Some(o) = old {
                sides.push(Resource::Unit(o.id));
                sides.push(side(o.parent));
            }
            if !sides.iter().all(|r| may(Action::ManageUnits, r)) {
                refused.push(("admin_units", u.code.clone()));
            }
        }
        // the tree stays a tree: no unit under itself, each under a higher level
        for l in &parsed.units {
            let Some(u) = units
                .iter()
                .find(|x| x.code == l.value.code && x.valid_from == l.value.valid_from)
            else {
                continue;
            };
            let mut at = u.parent;
            let mut steps = 0;
            let mut cycle = false;
            while let Some(p) = at {
                if p == u.id || steps > units.len() {
                    cycle = true;
                    break;
                }
                steps += 1;
                at = units.iter().find(|x| x.id == p).and_then(|x| x.parent);
            }
            let rank = |l: AdminLevel| match l {
                AdminLevel::Province => 0,
                AdminLevel::District => 1,
                AdminLevel::Commune => 2,
            };
            let parent = u.parent.and_then(|p| units.iter().find(|x| x.id == p));
            if cycle {
                problems.push(located_err(l, &ADMIN_UNITS, "parent_code", l.value.parent_code.clone().unwrap_or_default(), Msg::new(
                    format!("Đơn vị \"{}\" sẽ nằm dưới chính nó: cây đơn vị hành chính không được có vòng", u.code),
                    format!("Unit \"{}\" would lie below itself: the tree of administrative units cannot have a cycle", u.code),
                )));
            } else if let Some(p) = parent
                && rank(p.level) >= rank(u.level)
            {
                problems.push(located_err(
                    l,
                    &ADMIN_UNITS,
                    "parent_code",
                    p.code.clone(),
                    Msg::new(
                        format!(
                            "Đơn vị cấp trên \"{}\" không ở cấp cao hơn \"{}\"",
                            p.code, u.code
                        ),
                        format!(
                            "The parent \"{}\" is not at a higher level than \"{}\"",
                            p.code, u.code
                        ),
                    ),
                ));
            }
        }
        let own_account = matches!(actor.account.scope, hoptac_core::auth::Scope::Org(_));
        for o in &changes.orgs {
            let old = db_orgs.get(&o.code);
            let old_ok = old.is_none_or(|old| may(Action::Write, &org_res(&o.code, old.commune)));
            // a cooperative edits its profile, but its legal place and life are the office's
            let registration_changed = old.is_none_or(|old| {
                old.commune != o.commune
                    || old.kind != o.kind
                    || old.founded_on != o.founded_on
                    || old.dissolved_on != o.dissolved_on
            });
            if !old_ok
                || !may(Action::Write, &org_res(&o.code, o.commune))
                || (own_account && registration_changed)
            {
                refused.push(("organizations", o.code.to_string()));
            }
        }
        for (code, _) in &changes.registered {
            // registered services are part of the registration: the office's, not the cooperative's
            if own_account
                || !commune_of(code).is_some_and(|c| may(Action::Write, &org_res(code, c)))
            {
                refused.push(("organizations", format!("{code} (registered_services)")));
            }
        }
        let locks = self.store().reporting_locks().await?;
        let in_force = crate::reporting::closed(&locks);
        let mut locked: Vec<Problem> = Vec::new();
        for r in &changes.reports {
            let Some(c) = commune_of(&r.org) else {
                refused.push(("annual_reports", format!("{}/{}", r.org, r.year)));
                continue;
            };
            if !may(Action::Write, &org_res(&r.org, c)) {
                refused.push(("annual_reports", format!("{}/{}", r.org, r.year)));
                continue;
            }
            // the office's fields are the office's: a cooperative cannot set its own rating
            // or the date its report was received
            if own_account {
                let old = db_reports.get(&(&r.org, r.year.get())).copied();
                for f in crate::reporting::office_fields_changed(old, r) {
                    refused.push(("annual_reports", format!("{}/{} ({f})", r.org, r.year)));
                }
            }
            if let Some(l) = App::lock_over(&in_force, &units, c, r.year.get()) {
                locked.push(Problem {
                    severity: Severity::Error,
                    sheet: "annual_reports".into(),
                    row: None,
                    column: Some(header(&ANNUAL_REPORTS, "year")),
                    key: Some("year"),
                    value: format!("{}/{}", r.org, r.year),
                    msg: Msg::new(
                        format!("Năm {} đã khóa sổ ({} lúc {}): không sửa được số liệu năm này; cán bộ phụ trách cần mở lại năm đó, có ghi lý do", r.year, l.actor, l.at),
                        format!("{} is closed ({} at {}): its figures cannot change; the office must reopen the year, giving a reason", r.year, l.actor, l.at),
                    ),
                });
            }
        }
        problems.extend(locked);
        for m in &changes.managers {
            if !commune_of(&m.org).is_some_and(|c| may(Action::Write, &org_res(&m.org, c))) {
                refused.push(("managers", format!("{}/{}", m.org, m.full_name)));
            }
        }
        let indicator_owners = self.store().owner_scopes("indicators").await?;
        let actor_root = match &actor.account.scope {
            hoptac_core::auth::Scope::Unit(u) => Some(*u),
            _ => None,
        };
        for i in &changes.indicators {
            // an indicator belongs to the office that defined it; a change must also be
            // permitted on every plan that is judged on it
            let existing = db_indicators.iter().any(|x| x.id == i.id);
            let owner = if existing {
                indicator_owners.get(&i.id).copied()
            } else {
                actor_root
            };
            let plans_ok = db_plans
                .iter()
                .filter(|p| {
                    p.targets.iter().any(|t| {
                        t.indicator == i.id || t.baseline_indicator.as_deref() == Some(&i.id)
                    })
                })
                .all(|p| {
                    plan_unit(&p.code).is_some_and(|u| may(Action::ManagePlans, &Resource::Unit(u)))
                });
            if !may(Action::ManagePlans, &side(owner)) || !plans_ok {
                refused.push(("indicators", i.id.clone()));
            } else if !existing {
                changes
                    .owners
                    .push(("indicators".into(), i.id.clone(), owner));
            }
        }
        for p in &changes.plans {
            if !plan_unit(&p.code).is_some_and(|u| may(Action::ManagePlans, &Resource::Unit(u))) {
                refused.push(("plans", p.code.clone()));
            }
        }
        for (code, t) in &changes.targets {
            if !plan_unit(code).is_some_and(|u| may(Action::ManagePlans, &Resource::Unit(u))) {
                refused.push(("targets", format!("{code}/{}", t.no)));
            }
        }
        if !refused.is_empty() {
            let mut e = self.audit_entry(
                actor,
                "refused",
                "import",
                &format!("{} rows", refused.len()),
                None,
            );
            e.after = Some(
                serde_json::json!(
                    refused
                        .iter()
                        .take(50)
                        .map(|(t, k)| format!("{t}:{k}"))
                        .collect::<Vec<_>>()
                )
                .to_string(),
            );
            self.store().append_audit(&e).await?;
            for (table, key) in refused {
                problems.push(Problem {
                    severity: Severity::Error,
                    sheet: table.to_string(),
                    row: None,
                    column: None,
                    key: None,
                    value: key.clone(),
                    msg: Msg::new(
                        format!("Tài khoản \"{}\" không có quyền ghi {key} (ngoài phạm vi hoặc vai trò)", actor.name()),
                        format!("Account \"{}\" may not write {key} (outside its scope or role)", actor.name()),
                    ),
                });
            }
        }
        // The audit trail: one entry a changed row, with the values before and after.
        let json = |v: &dyn erased::Json| v.json();
        let mut audit = Vec::new();
        let mut entry = |entity: &str,
                         key: String,
                         unit: Option<UnitId>,
                         before: Option<String>,
                         after: String| {
            let mut e = self.audit_entry(
                actor,
                if before.is_some() { "update" } else { "create" },
                entity,
                &key,
                unit,
            );
            e.before = before;
            e.after = Some(after);
            audit.push(e);
        };
        for u in &changes.units {
            entry(
                "admin_units",
                u.code.clone(),
                Some(u.id),
                db.units.iter().find(|x| x.id == u.id).map(|x| json(x)),
                json(u),
            );
        }
        for o in &changes.orgs {
            entry(
                "organizations",
                o.code.to_string(),
                Some(o.commune),
                db_orgs.get(&o.code).map(|x| json(*x)),
                json(o),
            );
        }
        for r in &changes.reports {
            entry(
                "annual_reports",
                format!("{}/{}", r.org, r.year),
                commune_of(&r.org),
                db_reports.get(&(&r.org, r.year.get())).map(|x| json(*x)),
                json(r),
            );
        }
        for m in &changes.managers {
            let k = format!(
                "{}/{}/{}/{}",
                m.org,
                m.full_name,
                m.role.code(),
                m.from.map(hoptac_core::date::to_iso).unwrap_or_default()
            );
            entry(
                "managers",
                k,
                commune_of(&m.org),
                db_managers.get(&key(m)).map(|x| json(*x)),
                json(m),
            );
        }
        for i in &changes.indicators {
            let owner = match db_indicators.iter().any(|x| x.id == i.id) {
                true => indicator_owners.get(&i.id).copied(),
                false => actor_root,
            };
            entry(
                "indicators",
                i.id.clone(),
                owner,
                db_indicators.iter().find(|x| x.id == i.id).map(|x| json(x)),
                json(i),
            );
        }
        for p in &changes.plans {
            let before = db_plans.iter().find(|x| x.code == p.code).map(|x| {
                json(&Plan {
                    targets: vec![],
                    ..x.clone()
                })
            });
            entry("plans", p.code.clone(), plan_unit(&p.code), before, json(p));
        }
        for (code, t) in &changes.targets {
            let before = db_plans
                .iter()
                .find(|x| &x.code == code)
                .and_then(|p| p.targets.iter().find(|x| x.no == t.no))
                .map(|x| json(x));
            entry(
                "targets",
                format!("{code}/{}", t.no),
                plan_unit(code),
                before,
                json(t),
            );
        }
        changes.audit.extend(audit);
        let has_errors = problems.iter().any(|p| p.is_error());
        let applied = commit && !has_errors;
        let checked_in = started.elapsed();
        if applied && !changes.audit.is_empty() {
            self.store().apply(&changes).await?;
            tracing::info!(
                parsed_ms = parsed_in.as_millis() as u64,
                checked_ms = checked_in.as_millis() as u64,
                total_ms = started.elapsed().as_millis() as u64,
                orgs = changes.orgs.len(),
                reports = changes.reports.len(),
                "import applied"
            );
        }
        Ok(ImportOutcome {
            problems,
            summary,
            applied,
        })
    }
}

impl App {
    /// A stale edit as the user's error: who changed the row and when, reload.
    pub(crate) async fn stale(&self, e: AppError) -> AppError {
        let AppError::Store(hoptac_store::StoreError::Stale { entity, key }) = &e else {
            return e;
        };
        let last = self.store().last_change(entity, key).await.ok().flatten();
        let (by, at) = last.map(|e| (e.actor, e.at)).unwrap_or_default();
        AppError::invalid(
            "_version",
            key.clone(),
            Msg::new(
                format!(
                    "Bản ghi {key} đã được {by} sửa lúc {at}, sau khi trang này được mở: không có gì được ghi. Hãy tải lại trang để xem giá trị mới rồi sửa lại."
                ),
                format!(
                    "Record {key} was changed by {by} at {at}, after this page was opened: nothing was written. Reload the page to see the new values, then edit again."
                ),
            ),
        )
    }
}

/// What a form means to do with the row it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormIntent {
    /// Thêm mới: refused when the row already exists.
    Create,
    /// Sửa: the row must exist and still be at `version` ([`App::row_version`]) when the
    /// change is written.
    Update { version: i64 },
}

/// The row a form writes, and what it expects of it.
struct RowGuard {
    entity: &'static str,
    key: String,
    org: OrgCode,
    year: Option<i32>,
    intent: FormIntent,
}

impl App {
    /// Why a form may not write its row as it is now, if it may not.
    async fn check_guard(
        &self,
        g: &RowGuard,
        db: &hoptac_core::Snapshot,
    ) -> Result<Option<Problem>> {
        let exists = match g.year {
            None => db.orgs.iter().any(|o| o.code == g.org),
            Some(y) => db
                .reports
                .iter()
                .any(|r| r.org == g.org && r.year.get() == y),
        };
        let (column, field) = match g.year {
            None => ("code", "code"),
            Some(_) => ("year", "year"),
        };
        let problem = |msg: Msg, value: String| Problem {
            severity: Severity::Error,
            sheet: g.entity.to_string(),
            row: Some(2),
            column: Some(column.to_string()),
            key: Some(field),
            value,
            msg,
        };
        Ok(match g.intent {
            FormIntent::Create if exists => Some(match g.year {
                None => problem(
                    Msg::new(
                        format!("Mã \"{}\" đã được dùng cho một tổ chức khác", g.org),
                        format!(
                            "The code \"{}\" is already used by another organisation",
                            g.org
                        ),
                    ),
                    g.org.to_string(),
                ),
                Some(y) => problem(
                    Msg::new(
                        format!(
                            "Đã có số liệu năm {y} của {}: không tạo lại được; hãy sửa số liệu năm đó (/orgs/{}/reports/{y}/edit), các giá trị cũ hiện ở đó",
                            g.org, g.org
                        ),
                        format!(
                            "Figures for {y} of {} already exist: they are not created again; edit them instead (/orgs/{}/reports/{y}/edit), where the stored values are shown",
                            g.org, g.org
                        ),
                    ),
                    y.to_string(),
                ),
            }),
            FormIntent::Create => None,
            FormIntent::Update { .. } if !exists => {
                return Err(AppError::not_found(
                    if g.year.is_some() { "report" } else { "org" },
                    g.key.clone(),
                ));
            }
            FormIntent::Update { version } => {
                let last = self.store().last_change(g.entity, &g.key).await?;
                let now = last.as_ref().map(|e| e.id).unwrap_or(0);
                if now == version {
                    None
                } else {
                    let (by, at) = last.map(|e| (e.actor, e.at)).unwrap_or_default();
                    Some(Problem {
                        column: None,
                        key: None,
                        ..problem(
                            Msg::new(
                                format!(
                                    "Bản ghi {} đã được {by} sửa lúc {at}, sau khi trang này được mở: không có gì được ghi. Hãy tải lại trang để xem giá trị mới rồi sửa lại.",
                                    g.key
                                ),
                                format!(
                                    "Record {} was changed by {by} at {at}, after this page was opened: nothing was written. Reload the page to see the new values, then edit again.",
                                    g.key
                                ),
                            ),
                            g.key.clone(),
                        )
                    })
                }
            }
        })
    }
}

fn unknown_org<T>(l: &Located<T>, t: &Table, code: &OrgCode) -> Problem {
    located_err(
        l,
        t,
        "org_code",
        code.to_string(),
        Msg::new(
            format!("Không có tổ chức mã \"{code}\" trong tệp hay trong cơ sở dữ liệu"),
            format!("No organisation with code \"{code}\" in the file or the database"),
        ),
    )
}

/// Serialising the different record types through one closure.
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

/// A column the sheet does not have keeps the stored value of each row it updates: a
/// workbook with only `org_code, year, general_meeting_on` fills in meetings and loses
/// nothing else. (A column that is there but empty does clear the value.)
fn keep_absent_columns(parsed: &mut hoptac_exchange::parse::Parsed, db: &hoptac_core::Snapshot) {
    let empty = std::collections::BTreeSet::new();
    let cols = parsed
        .columns
        .get("annual_reports")
        .unwrap_or(&empty)
        .clone();
    let stored: HashMap<(&OrgCode, i32), &AnnualReport> = db
        .reports
        .iter()
        .map(|r| ((&r.org, r.year.get()), r))
        .collect();
    for l in &mut parsed.reports {
        let Some(old) = stored.get(&(&l.value.org, l.value.year.get())) else {
            continue;
        };
        let (f, o) = (&mut l.value.figures, &old.figures);
        macro_rules! keep {
            ($($field:ident),*) => {
                $(if !cols.contains(stringify!($field)) { f.$field = o.$field.clone(); })*
            };
        }
        keep!(
            members,
            members_joined,
            members_left,
            workers,
            revenue,
            profit,
            member_income,
            worker_income,
            services,
            rating,
            general_meeting_on,
            statements_filed,
            received_on,
            statements_filed_on,
            self_assessment_sent_on,
            rating_basis
        );
    }
    let cols = parsed
        .columns
        .get("organizations")
        .unwrap_or(&empty)
        .clone();
    let orgs: HashMap<&OrgCode, &Organization> = db.orgs.iter().map(|o| (&o.code, o)).collect();
    for l in &mut parsed.orgs {
        let Some(old) = orgs.get(&l.value.code) else {
            continue;
        };
        if !cols.contains("dissolved_on") {
            l.value.dissolved_on = old.dissolved_on;
        }
        if !cols.contains("registration_no") {
            l.value.registration_no = old.registration_no.clone();
        }
    }
    let cols = parsed.columns.get("managers").unwrap_or(&empty).clone();
    let managers: HashMap<
        (&OrgCode, &str, hoptac_core::Role, Option<hoptac_core::Date>),
        &Manager,
    > = db
        .managers
        .iter()
        .map(|x| ((&x.org, x.full_name.as_str(), x.role, x.from), x))
        .collect();
    for l in &mut parsed.managers {
        let m = &mut l.value;
        let Some(old) = managers
            .get(&(&m.org, m.full_name.as_str(), m.role, m.from))
            .copied()
        else {
            continue;
        };
        if !cols.contains("qualification") {
            m.qualification = old.qualification;
        }
        if !cols.contains("trained_on") {
            m.trained_on = old.trained_on;
        }
        if !cols.contains("to") {
            m.to = old.to;
        }
    }
}
