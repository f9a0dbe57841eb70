//! The use cases of hoptac, shared by the web UI and the CLI. Each write is one transaction;
//! each answer is in core types or bilingual errors with stable codes.

pub mod auth;
pub mod checks;
pub mod classification;
pub mod documents;
pub mod error;
pub mod evaluation;
pub mod evaluation_summary;
pub mod import;
pub mod merge;
pub mod plans;
pub mod reporting;
pub mod rubrics;
pub mod seed;
pub mod validation;

use hoptac_core::indicator::{Engine, IndicatorValue, catalogue, evaluate_scoped};
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, Snapshot};
use hoptac_core::report::{Document, situation};
use hoptac_core::text::{fold, fold_unit_name};
use hoptac_core::{Date, OrgCode};
use hoptac_exchange::write::{Headers, write_xlsx};
use hoptac_store::{ChangeSet, OrgPage, OrgQuery, Store};
use std::sync::{Arc, Mutex};

pub use auth::Actor;
use hoptac_core::auth::{Action, Resource, Scope};

pub use error::AppError;
pub use hoptac_exchange::Problem;
pub use hoptac_exchange::write::Headers as ExportHeaders;
pub use import::{FormIntent, ImportOutcome, TableSummary};

pub type Result<T> = std::result::Result<T, AppError>;

/// The `stats` answer, in the JSON shape of `shared/spec/indicators.md`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stats {
    pub scope: String,
    pub from: i32,
    pub to: i32,
    pub indicators: Vec<IndicatorValue>,
}

/// One organisation with everything its page shows.
#[derive(Debug, Clone)]
pub struct OrgDetail {
    pub org: Organization,
    /// The last change of the profile: who, when.
    pub last_change: Option<hoptac_store::AuditEntry>,
    /// Dịch vụ đăng ký.
    pub registered: std::collections::BTreeSet<hoptac_core::Service>,
    pub commune: Option<AdminUnit>,
    pub reports: Vec<AnnualReport>,
    pub managers: Vec<Manager>,
}

/// A snapshot and the store generation it was read at.
type CachedSnapshot = (i64, Arc<Snapshot>);

#[derive(Clone)]
pub struct App {
    store: Arc<dyn Store>,
    /// The whole database in memory, with the store generation it was read at. Statistics
    /// read it instead of the database: loading 10⁵ rows costs far more than evaluating.
    cache: Arc<Mutex<Option<CachedSnapshot>>>,
    /// Failed logins per account and per address: (count, last failure).
    throttle: Arc<Mutex<std::collections::HashMap<String, (u32, std::time::Instant)>>>,
}

/// Today in Vietnam (UTC+7): the date a clerk sees on the wall.
pub fn today() -> Date {
    let now = time::OffsetDateTime::now_utc()
        .to_offset(time::UtcOffset::from_hms(7, 0, 0).expect("offset"));
    now.date()
}

impl App {
    pub fn new(store: Arc<dyn Store>) -> App {
        App {
            store,
            cache: Arc::default(),
            throttle: Arc::default(),
        }
    }

    /// The whole database as a snapshot, from the cache unless a write happened since.
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>> {
        Ok(self.snapshot_at().await?.1)
    }

    /// The snapshot with the generation read before it: a writer that computed its changes
    /// from it expects that generation when it writes (the snapshot is at least that new).
    pub async fn snapshot_at(&self) -> Result<(i64, Arc<Snapshot>)> {
        let generation = self.store.generation().await?;
        if let Some((g, s)) = self.cache.lock().expect("cache lock").as_ref()
            && *g == generation
        {
            return Ok((generation, s.clone()));
        }
        let snap = Arc::new(self.store.snapshot(None).await?);
        *self.cache.lock().expect("cache lock") = Some((generation, snap.clone()));
        Ok((generation, snap))
    }

    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// Ships the Tháp Mười units into an empty database, so a new office starts with its
    /// communes.
    pub async fn ensure_seed(&self) -> Result<()> {
        self.ensure_rules().await?;
        if self.store.counts().await?.units == 0 {
            let changes = ChangeSet {
                units: seed::thap_muoi_units(),
                ..Default::default()
            };
            self.store.apply(&changes).await?;
        }
        Ok(())
    }

    pub async fn is_demo(&self) -> Result<bool> {
        Ok(self.store.meta("dataset").await?.as_deref() == Some("demo"))
    }

    pub async fn units(&self) -> Result<Vec<AdminUnit>> {
        Ok(self.store.units().await?)
    }

    /// The unit named by a code or name; `None` for an empty reference (the whole database).
    pub async fn scope_unit(&self, scope: &str) -> Result<Option<AdminUnit>> {
        if scope.trim().is_empty() {
            Ok(None)
        } else {
            self.resolve_scope(scope).await.map(Some)
        }
    }

    /// Finds a unit by code or by name (ignoring case, diacritics and the type word).
    pub async fn resolve_scope(&self, scope: &str) -> Result<AdminUnit> {
        let units = self.store.units().await?;
        find_unit(&units, scope, None).cloned()
    }

    /// The snapshot and the unit a request is about: the one asked for (which must lie in
    /// the actor's scope), or by default the actor's own.
    async fn scoped_snapshot(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<(Arc<Snapshot>, Option<AdminUnit>)> {
        check_period(from, to)?;
        self.scope_snapshot(actor, scope).await
    }

    /// The snapshot and the unit asked for (which must lie in the actor's scope), or by
    /// default the actor's own, for reading.
    pub(crate) async fn scope_snapshot(
        &self,
        actor: &Actor,
        scope: Option<&str>,
    ) -> Result<(Arc<Snapshot>, Option<AdminUnit>)> {
        let snap = self.snapshot().await?;
        let unit = match scope.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(find_unit(&snap.units, s, None)?.clone()),
            None => self
                .scope_root(actor)
                .await?
                .and_then(|u| snap.unit(u).cloned()),
        };
        let resource = unit
            .as_ref()
            .map(|u| Resource::Unit(u.id))
            .unwrap_or(Resource::Everything);
        self.authorize(actor, Action::Read, &resource).await?;
        Ok((snap, unit))
    }

    pub async fn stats(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<Stats> {
        let (snap, unit) = self.scoped_snapshot(actor, from, to, scope).await?;
        Ok(Stats {
            indicators: evaluate_scoped(&snap, unit.as_ref().map(|u| u.id), from, to),
            scope: unit.map(|u| u.code).unwrap_or_else(|| "all".into()),
            from,
            to,
        })
    }

    /// One indicator year by year (a stock at each year end, a flow within each year).
    pub async fn series(
        &self,
        actor: &Actor,
        id: &str,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<Vec<(i32, Option<hoptac_core::Fixed>)>> {
        let (snap, unit) = self.scoped_snapshot(actor, from, to, scope).await?;
        let def = catalogue()
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| AppError::not_found("indicator", id))?;
        let engine = Engine::scoped(&snap, unit.map(|u| u.id));
        Ok((from..=to).map(|y| (y, engine.at(&def, y))).collect())
    }

    pub async fn situation_report(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<Document> {
        let (snap, unit) = self.scoped_snapshot(actor, from, to, scope).await?;
        let scoped = snap.as_ref().clone().restrict(unit.as_ref().map(|u| u.id));
        Ok(situation(&scoped, unit.as_ref(), from, to))
    }

    /// The registry, limited to what the actor may read.
    pub async fn registry(&self, actor: &Actor, q: &OrgQuery) -> Result<OrgPage> {
        let mut q = q.clone();
        q.text = q.text.as_deref().map(fold).filter(|t| !t.is_empty());
        match &actor.account.scope {
            Scope::All => {}
            Scope::Unit(u) => q.within = Some(*u),
            Scope::Org(c) => q.only_org = Some(c.clone()),
        }
        Ok(self.store.search(&q).await?)
    }

    pub async fn org_detail(&self, actor: &Actor, code: &str) -> Result<OrgDetail> {
        let code = OrgCode::parse(code).ok_or_else(|| AppError::not_found("org", code))?;
        let org = self
            .store
            .org(&code)
            .await?
            .ok_or_else(|| AppError::not_found("org", code.as_str()))?;
        self.authorize(
            actor,
            Action::Read,
            &Resource::Org {
                code: code.clone(),
                commune: org.commune,
            },
        )
        .await?;
        let units = self.store.units().await?;
        let history = self
            .store
            .audit(&hoptac_store::AuditQuery {
                entity: Some("organizations".into()),
                key: Some(code.to_string()),
                limit: 1,
                ..Default::default()
            })
            .await?;
        Ok(OrgDetail {
            commune: units.into_iter().find(|u| u.id == org.commune),
            reports: self.store.reports_of(&code).await?,
            managers: self.store.managers_of(&code).await?,
            last_change: history.into_iter().next(),
            registered: self
                .store
                .registered_services()
                .await?
                .remove(&code)
                .unwrap_or_default(),
            org,
        })
    }

    /// The history of one organisation's records (profile, yearly figures, managers).
    pub async fn org_history(
        &self,
        actor: &Actor,
        code: &str,
    ) -> Result<Vec<hoptac_store::AuditEntry>> {
        let d = self.org_detail(actor, code).await?;
        let mut out = Vec::new();
        for (entity, key) in [
            ("organizations", d.org.code.to_string()),
            ("annual_reports", format!("{}/", d.org.code)),
            ("managers", format!("{}/", d.org.code)),
        ] {
            out.extend(
                self.store
                    .audit(&hoptac_store::AuditQuery {
                        entity: Some(entity.into()),
                        key: Some(key),
                        limit: 500,
                        ..Default::default()
                    })
                    .await?,
            );
        }
        out.sort_by_key(|e| std::cmp::Reverse(e.id));
        Ok(out)
    }

    /// The workbook of everything the actor may read.
    pub async fn export_xlsx(&self, actor: &Actor, headers: Headers) -> Result<Vec<u8>> {
        let full = self.snapshot().await?;
        let indicators = self.store.indicators().await?;
        let mut plans = self.store.plans().await?;
        let snap = match &actor.account.scope {
            Scope::All => full.as_ref().clone(),
            Scope::Unit(u) => {
                self.authorize(actor, Action::Read, &Resource::Unit(*u))
                    .await?;
                let inside = full.subtree(*u);
                plans.retain(|p| {
                    full.units
                        .iter()
                        .any(|x| x.code == p.scope && inside.contains(&x.id))
                });
                full.as_ref().clone().restrict(Some(*u))
            }
            Scope::Org(c) => {
                plans.clear();
                let mut s = full.as_ref().clone();
                let commune = s.orgs.iter().find(|o| &o.code == c).map(|o| o.commune);
                s.orgs.retain(|o| &o.code == c);
                s.reports.retain(|r| &r.org == c);
                s.managers.retain(|m| &m.org == c);
                s.units.retain(|u| Some(u.id) == commune);
                s
            }
        };
        let registered = self.store.registered_services().await?;
        let data = hoptac_exchange::write::PlanData {
            indicators: &indicators,
            plans: &plans,
            registered: Some(&registered),
        };
        write_xlsx(&snap, data, headers).map_err(|e| AppError::internal(format!("xlsx: {e}")))
    }
}

/// A year a request names: within 1900–2200, or refused naming the value (a year the
/// calendar code cannot hold never reaches it).
pub fn check_year(year: i32) -> Result<()> {
    if (1900..=2200).contains(&year) {
        return Ok(());
    }
    Err(AppError::invalid(
        "year",
        year.to_string(),
        hoptac_core::Msg::new(
            format!("Năm {year} không hợp lệ: cần trong khoảng 1900–2200"),
            format!("Invalid year {year}: it must be within 1900–2200"),
        ),
    ))
}

pub fn check_period(from: i32, to: i32) -> Result<()> {
    if !(1900..=2200).contains(&from) || !(1900..=2200).contains(&to) || from > to {
        return Err(AppError::invalid(
            "period",
            format!("{from}–{to}"),
            hoptac_core::Msg::new(
                format!(
                    "Giai đoạn {from}–{to} không hợp lệ: cần năm đầu ≤ năm cuối, trong khoảng 1900–2200"
                ),
                format!(
                    "Invalid period {from}–{to}: the first year must not be after the last, within 1900–2200"
                ),
            ),
        ));
    }
    Ok(())
}

/// A unit by code, or by name ignoring case, diacritics and the type word. A full name
/// ("Thị trấn Mỹ An") that matches exactly one unit wins over the type-less match; several
/// units with the same code (codes are reused after reorganisations) are told apart by the
/// date, when given.
pub fn find_unit<'a>(
    units: &'a [AdminUnit],
    reference: &str,
    on: Option<Date>,
) -> Result<&'a AdminUnit> {
    let r = reference.trim();
    let narrow = |v: Vec<&'a AdminUnit>| -> Vec<&'a AdminUnit> {
        match on {
            Some(d) if v.len() > 1 => {
                let valid: Vec<&AdminUnit> = v.iter().copied().filter(|u| u.valid_on(d)).collect();
                if valid.is_empty() { v } else { valid }
            }
            _ => v,
        }
    };
    let by_code = narrow(units.iter().filter(|u| u.code == r).collect());
    let candidates = if !by_code.is_empty() {
        by_code
    } else {
        let full = narrow(units.iter().filter(|u| fold(&u.name) == fold(r)).collect());
        if full.len() == 1 {
            full
        } else {
            narrow(
                units
                    .iter()
                    .filter(|u| fold_unit_name(&u.name) == fold_unit_name(r))
                    .collect(),
            )
        }
    };
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => Err(AppError::invalid(
            "commune",
            r,
            hoptac_core::Msg::new(
                format!(
                    "Không tìm thấy đơn vị hành chính \"{r}\": hãy dùng mã (ví dụ 30049) hoặc tên đúng"
                ),
                format!(
                    "No administrative unit \"{r}\": use its code (e.g. 30049) or its exact name"
                ),
            ),
        )),
        many => {
            let list = many
                .iter()
                .map(|u| format!("{} ({})", u.name, u.code))
                .collect::<Vec<_>>()
                .join(", ");
            Err(AppError::invalid(
                "commune",
                r,
                hoptac_core::Msg::new(
                    format!("Tên \"{r}\" trùng với nhiều đơn vị: {list}; hãy ghi mã"),
                    format!("The name \"{r}\" matches several units: {list}; give the code"),
                ),
            ))
        }
    }
}

/// Two records that are probably one organisation.
#[derive(Debug, Clone)]
pub struct NearDuplicate {
    pub a: Organization,
    pub b: Organization,
    /// 0–100 %.
    pub score: u32,
}

impl App {
    /// Organisations of the same kind whose names are probably the same, within the
    /// actor's scope, most alike first.
    pub async fn near_duplicates(&self, actor: &Actor) -> Result<Vec<NearDuplicate>> {
        use hoptac_core::similar::{THRESHOLD, similarity};
        let snap = self.snapshot().await?;
        let units = &snap.units;
        let visible: Vec<&Organization> = snap
            .orgs
            .iter()
            .filter(|o| {
                hoptac_core::auth::permits(
                    &actor.account,
                    Action::Read,
                    &Resource::Org {
                        code: o.code.clone(),
                        commune: o.commune,
                    },
                    units,
                )
            })
            .collect();
        // organisations are compared within their kind and commune: a variant spelling names
        // the same place, while "THT đan lục bình Mỹ Hòa 1" and "… Mỹ An 1" are two groups
        let mut blocks: std::collections::HashMap<
            (hoptac_core::OrgKind, hoptac_core::UnitId),
            Vec<&Organization>,
        > = std::collections::HashMap::new();
        for o in visible {
            blocks.entry((o.kind, o.commune)).or_default().push(o);
        }
        let mut out = Vec::new();
        for group in blocks.values() {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    if a.kind == b.kind {
                        let score = similarity(&a.name, &b.name);
                        if score >= THRESHOLD {
                            out.push(NearDuplicate {
                                a: (*a).clone(),
                                b: (*b).clone(),
                                score,
                            });
                        }
                    }
                }
            }
        }
        out.sort_by(|x, y| y.score.cmp(&x.score).then_with(|| x.a.code.cmp(&y.a.code)));
        Ok(out)
    }
}

/// "Stocks and flows agree": active at the start + founded − dissolved = active at the end.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StockFlow {
    pub kind: &'static str,
    /// Active at the end of the year before the period.
    pub start: hoptac_core::Fixed,
    pub founded: hoptac_core::Fixed,
    pub dissolved: hoptac_core::Fixed,
    pub end: hoptac_core::Fixed,
    pub agrees: bool,
}

impl App {
    pub async fn stock_flow(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<Vec<StockFlow>> {
        let (snap, unit) = self.scoped_snapshot(actor, from, to, scope).await?;
        let engine = Engine::scoped(&snap, unit.map(|u| u.id));
        let cat = catalogue();
        let d = |id: &str| {
            cat.iter()
                .find(|d| d.id == id)
                .cloned()
                .expect("core indicator")
        };
        Ok(["htx", "tht"]
            .into_iter()
            .map(|k| {
                let start = engine
                    .at(&d(&format!("{k}.active")), from - 1)
                    .unwrap_or_default();
                let founded = engine
                    .evaluate(&d(&format!("{k}.founded")), from, to)
                    .value
                    .unwrap_or_default();
                let dissolved = engine
                    .evaluate(&d(&format!("{k}.dissolved")), from, to)
                    .value
                    .unwrap_or_default();
                let end = engine
                    .at(&d(&format!("{k}.active")), to)
                    .unwrap_or_default();
                let agrees = start.micros() + founded.micros() - dissolved.micros() == end.micros();
                StockFlow {
                    kind: if k == "htx" { "HTX" } else { "THT" },
                    start,
                    founded,
                    dissolved,
                    end,
                    agrees,
                }
            })
            .collect())
    }
}
