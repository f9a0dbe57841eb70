//! The application (`App`): the store it writes through, the snapshot it reads, and the checks
//! of years, periods and unit references every feature shares.

use crate::error::{AppError, Result};
use hoptac_core::Date;
use hoptac_core::model::{AdminUnit, Snapshot};
use hoptac_core::text::{fold, fold_unit_name};
use hoptac_store::{ChangeSet, Store};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A snapshot and the store generation it was read at.
type CachedSnapshot = (i64, Arc<Snapshot>);

/// (org, year) → (version of its books, B02 line 10, line 60), in đồng.
pub(crate) type BooksMemo =
    std::collections::HashMap<(hoptac_core::OrgCode, i32), (i64, i128, i128)>;

#[derive(Clone)]
pub struct App {
    pub(crate) store: Arc<dyn Store>,
    /// The whole database in memory, with the store generation it was read at. Statistics
    /// read it instead of the database: loading 10⁵ rows costs far more than evaluating.
    pub(crate) cache: Arc<Mutex<Option<CachedSnapshot>>>,
    /// Failed logins per account and per address: (count, last failure).
    pub(crate) throttle: Arc<Mutex<std::collections::HashMap<String, (u32, std::time::Instant)>>>,
    /// Held while the snapshot is reloaded, so readers after a write share one reload.
    pub(crate) loading: Arc<tokio::sync::Mutex<()>>,
    /// Full reloads since start ([`App::reloads`]).
    pub(crate) reloads: Arc<std::sync::atomic::AtomicU64>,
    /// The reviews computed at the current generation, with what each was computed for
    /// (`checks.rs`): the review page asks for it twice, and every clerk of a province asks
    /// for the same one. Held without its type, so the context does not depend on the
    /// feature.
    pub(crate) review_memo: Arc<Mutex<Option<Arc<dyn std::any::Any + Send + Sync>>>>,
    /// Held while a review is computed: two hundred clerks opening the review page after a
    /// write wait for one computation instead of running two hundred at once.
    pub(crate) review_gate: Arc<tokio::sync::Mutex<()>>,
    /// Held by a form's or an import's write from its reading to its commit (`import`).
    pub(crate) write_gate: Arc<tokio::sync::Mutex<()>>,
    /// The review date ([`App::review_date`]) at (generation, today).
    pub(crate) review_date_memo: Arc<Mutex<Option<ReviewDateMemo>>>,
    /// The same for the evaluation lists.
    pub(crate) evaluation_gate: Arc<tokio::sync::Mutex<()>>,
    /// The year's evaluation lists at the current generation (`evaluation_memo.rs`).
    pub(crate) evaluation_memo: Arc<Mutex<Option<Box<dyn std::any::Any + Send>>>>,
    /// The header's to-do counts at one generation and day, per account (`todo.rs`).
    pub(crate) todo_memo: Arc<Mutex<TodoCountMemo>>,
    /// What each closed year of books says of the yearly report (version, net revenue,
    /// profit), by organisation and year (`books`).
    pub(crate) books_memo: Arc<Mutex<BooksMemo>>,
}

/// The counts kept for one (generation, day): account name → count. Any write (a new
/// generation) or a new day starts it afresh.
#[derive(Debug, Default)]
pub(crate) struct TodoCountMemo {
    pub(crate) at: Option<(i64, Date)>,
    pub(crate) counts: std::collections::HashMap<String, usize>,
}

/// ((generation, today), the review date).
pub(crate) type ReviewDateMemo = ((i64, Date), Date);

/// Today in Vietnam (UTC+7): the date a clerk sees on the wall.
pub fn today() -> Date {
    let now = time::OffsetDateTime::now_utc()
        .to_offset(time::UtcOffset::from_hms(7, 0, 0).expect("offset"));
    now.date()
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
        hoptac_core::msg!("scope.invalid_year", year = year),
    ))
}

pub fn check_period(from: i32, to: i32) -> Result<()> {
    if !(1900..=2200).contains(&from) || !(1900..=2200).contains(&to) || from > to {
        return Err(AppError::invalid(
            "period",
            format!("{from}–{to}"),
            hoptac_core::msg!("scope.invalid_period", from = from, to = to),
        ));
    }
    Ok(())
}

/// A unit by code, or by name ignoring case, diacritics and the type word. A full name
/// ("Thị trấn Mỹ An") that matches exactly one unit wins over the type-less match; several
/// units with the same code (codes are reused after reorganisations) are told apart by the
/// date (today when none is given): the version in force then, else the last that ended
/// before it, else the first that begins after it (`shared/spec/admin-units.md`).
pub fn find_unit<'a>(
    units: &'a [AdminUnit],
    reference: &str,
    on: Option<Date>,
) -> Result<&'a AdminUnit> {
    let r = reference.trim();
    choose(
        r,
        on.unwrap_or_else(today),
        units.iter().filter(|u| u.code == r).collect(),
        || units.iter().filter(|u| fold(&u.name) == fold(r)).collect(),
        || {
            units
                .iter()
                .filter(|u| fold_unit_name(&u.name) == fold_unit_name(r))
                .collect()
        },
    )
}

/// The units of a file's rows looked up by code and by folded name once, so that placing
/// 10⁵ organisations does not scan 10⁴ units for each: the same answers as `find_unit`.
pub struct UnitIndex<'a> {
    by_code: HashMap<&'a str, Vec<&'a AdminUnit>>,
    by_name: HashMap<String, Vec<&'a AdminUnit>>,
    by_bare_name: HashMap<String, Vec<&'a AdminUnit>>,
}

impl<'a> UnitIndex<'a> {
    pub fn new(units: impl IntoIterator<Item = &'a AdminUnit>) -> UnitIndex<'a> {
        let mut ix = UnitIndex {
            by_code: HashMap::new(),
            by_name: HashMap::new(),
            by_bare_name: HashMap::new(),
        };
        for u in units {
            ix.by_code.entry(u.code.as_str()).or_default().push(u);
            ix.by_name.entry(fold(&u.name)).or_default().push(u);
            ix.by_bare_name
                .entry(fold_unit_name(&u.name))
                .or_default()
                .push(u);
        }
        ix
    }

    pub fn find(&self, reference: &str, on: Option<Date>) -> Result<&'a AdminUnit> {
        let r = reference.trim();
        let get = |m: &HashMap<String, Vec<&'a AdminUnit>>, k: String| {
            m.get(&k).cloned().unwrap_or_default()
        };
        choose(
            r,
            on.unwrap_or_else(today),
            self.by_code.get(r).cloned().unwrap_or_default(),
            || get(&self.by_name, fold(r)),
            || get(&self.by_bare_name, fold_unit_name(r)),
        )
    }
}

/// The one unit `r` names among the candidates by code, else by full name, else by the name
/// without its type word, told apart by the date `d`.
fn choose<'a>(
    r: &str,
    d: Date,
    by_code: Vec<&'a AdminUnit>,
    by_name: impl FnOnce() -> Vec<&'a AdminUnit>,
    by_bare_name: impl FnOnce() -> Vec<&'a AdminUnit>,
) -> Result<&'a AdminUnit> {
    let narrow = |v: Vec<&'a AdminUnit>| -> Vec<&'a AdminUnit> {
        if v.len() < 2 {
            return v;
        }
        let valid: Vec<&AdminUnit> = v.iter().copied().filter(|u| u.valid_on(d)).collect();
        if !valid.is_empty() {
            return valid;
        }
        // versions of one code never overlap, so at most one ended last before `d`
        let ended = v
            .iter()
            .copied()
            .filter(|u| u.valid_to.is_some_and(|t| t < d))
            .max_by_key(|u| u.valid_to);
        let later = v
            .iter()
            .copied()
            .filter(|u| u.valid_from.is_some_and(|f| f > d))
            .min_by_key(|u| u.valid_from);
        match ended.or(later) {
            // names may also match several different units: only a code is one unit's
            Some(u) if v.iter().all(|x| x.code == u.code) => vec![u],
            _ => v,
        }
    };
    let by_code = narrow(by_code);
    let candidates = if !by_code.is_empty() {
        by_code
    } else {
        let full = narrow(by_name());
        if full.len() == 1 {
            full
        } else {
            narrow(by_bare_name())
        }
    };
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => Err(AppError::invalid(
            "commune",
            r,
            hoptac_core::msg!("scope.no_such_unit", r = r),
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
                hoptac_core::msg!("scope.ambiguous_unit_name", r = r, list = list),
            ))
        }
    }
}

impl App {
    pub fn new(store: Arc<dyn Store>) -> App {
        App {
            store,
            cache: Arc::default(),
            throttle: Arc::default(),
            loading: Arc::default(),
            reloads: Arc::default(),
            review_memo: Arc::default(),
            books_memo: Arc::default(),
            review_gate: Arc::default(),
            review_date_memo: Arc::default(),
            write_gate: Arc::default(),
            evaluation_memo: Arc::default(),
            evaluation_gate: Arc::default(),
            todo_memo: Arc::default(),
        }
    }

    /// The whole database as a snapshot, from the cache unless a write happened since.
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>> {
        Ok(self.snapshot_at().await?.1)
    }

    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// What every database holds from its first start: the rule definitions. Units are
    /// not shipped into it: the office chooses its own (`load_register`).
    pub async fn ensure_seed(&self) -> Result<()> {
        self.ensure_rules().await
    }

    /// Tháp Mười's 13 communes as they stood until 30/06/2025, into a database without
    /// units (the fixture of tests and benchmarks; the demo builds its own).
    pub async fn seed_thap_muoi(&self) -> Result<()> {
        self.ensure_rules().await?;
        if self.store.counts().await?.units == 0 {
            let changes = ChangeSet {
                units: crate::seed::thap_muoi_units(),
                ..Default::default()
            };
            self.apply(&changes).await?;
        }
        Ok(())
    }

    pub async fn is_demo(&self) -> Result<bool> {
        Ok(self.store.meta("dataset").await?.as_deref() == Some("demo"))
    }

    /// Every unit version, from the cached snapshot (current as of the store's generation).
    pub async fn units(&self) -> Result<Vec<AdminUnit>> {
        Ok(self.snapshot().await?.units.clone())
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoptac_core::AdminLevel;
    use hoptac_core::model::UnitId;

    fn unit(id: i64, code: &str, name: &str, from: Option<&str>, to: Option<&str>) -> AdminUnit {
        let d = |s: &str| hoptac_core::date::parse(s).expect("date");
        AdminUnit {
            id: UnitId(id),
            code: code.into(),
            name: name.into(),
            level: AdminLevel::Commune,
            parent: None,
            valid_from: from.map(d),
            valid_to: to.map(d),
        }
    }

    #[test]
    fn the_index_answers_as_the_scan_does() {
        // a reused code, two communes of one name, a type word that differs, a new commune
        let units = [
            unit(1, "30049", "Thị trấn Mỹ An", None, Some("2025-06-30")),
            unit(2, "30049", "Xã Mỹ An Hưng", Some("2025-07-01"), None),
            unit(3, "30052", "Xã Mỹ Hòa", None, None),
            unit(4, "29001", "Xã Mỹ Hòa", None, None),
            unit(5, "30061", "Xã Tháp Mười", Some("2025-07-01"), None),
            unit(6, "30055", "Phường Mỹ An", Some("2025-07-01"), None),
        ];
        let index = UnitIndex::new(&units);
        let answer = |r: Result<&AdminUnit>| match r {
            Ok(u) => format!("{}", u.id.0),
            Err(e) => format!("{e:?}"),
        };
        let dates = [
            None,
            Some("2020-01-01"),
            Some("2025-06-30"),
            Some("2025-07-01"),
        ];
        for reference in [
            "30049",
            " 30049 ",
            "30052",
            "Xã Mỹ Hòa",
            "my hoa",
            "Mỹ An",
            "thi tran my an",
            "phuong my an",
            "Tháp Mười",
            "30061",
            "nowhere",
            "",
        ] {
            for on in dates {
                let on = on.map(|s| hoptac_core::date::parse(s).expect("date"));
                assert_eq!(
                    answer(index.find(reference, on)),
                    answer(find_unit(&units, reference, on)),
                    "{reference:?} on {on:?}"
                );
            }
        }
    }
}
