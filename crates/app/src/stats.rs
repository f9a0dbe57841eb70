//! Statistics (thống kê): indicators of a period and scope, their series, the situation report,
//! and the stocks-and-flows check.

use crate::auth::Actor;
use crate::context::{App, check_period, find_unit};
use crate::error::{AppError, Result};
use hoptac_core::auth::{Action, Resource};
use hoptac_core::indicator::{Engine, IndicatorValue, catalogue, evaluate_scoped};
use hoptac_core::model::{AdminUnit, Snapshot};
use hoptac_core::report::{Document, situation};
use std::sync::Arc;

/// The `stats` answer, in the JSON shape of `shared/spec/indicators.md`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stats {
    pub scope: String,
    pub from: i32,
    pub to: i32,
    pub indicators: Vec<IndicatorValue>,
    /// When the scope's ground is not the same units at both ends of the period (a reform
    /// in between): the line that says so, naming them.
    pub territory_note: Option<hoptac_core::Msg>,
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
    /// The snapshot and the unit a request is about: the one asked for (which must lie in
    /// the actor's scope), or by default the actor's own.
    pub(crate) async fn scoped_snapshot(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<(Arc<Snapshot>, Option<AdminUnit>)> {
        check_period(from, to)?;
        // a code names the unit in force at the end of the period asked for
        self.scope_snapshot_on(actor, scope, Some(hoptac_core::date::year_end(to)))
            .await
    }

    /// The snapshot and the unit asked for (which must lie in the actor's scope), or by
    /// default the actor's own, for reading.
    pub(crate) async fn scope_snapshot(
        &self,
        actor: &Actor,
        scope: Option<&str>,
    ) -> Result<(Arc<Snapshot>, Option<AdminUnit>)> {
        self.scope_snapshot_on(actor, scope, None).await
    }

    /// As [`App::scope_snapshot`], the code resolved at `on` (today when `None`).
    pub(crate) async fn scope_snapshot_on(
        &self,
        actor: &Actor,
        scope: Option<&str>,
        on: Option<hoptac_core::Date>,
    ) -> Result<(Arc<Snapshot>, Option<AdminUnit>)> {
        let snap = self.snapshot().await?;
        let unit = match scope.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(find_unit(&snap.units, s, on)?.clone()),
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
            territory_note: unit
                .as_ref()
                .and_then(|u| hoptac_core::territory::crossing_note(&snap, u.id, from, to)),
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
        let scoped = snap.restricted(unit.as_ref().map(|u| u.id));
        let mut doc = situation(&scoped, unit.as_ref(), from, to);
        let engine = hoptac_core::indicator::Engine::new(&scoped);
        let heading = format!("{}. Về sản phẩm OCOP", doc.sections.len() + 1);
        doc.sections.extend(hoptac_core::ocop_report::section(
            &engine, from, to, &heading,
        ));
        let heading = format!(
            "{}. Về liên kết chuỗi giá trị, truy xuất nguồn gốc",
            doc.sections.len() + 1
        );
        doc.sections
            .extend(hoptac_core::chain_report::section(&engine, to, &heading));
        // a period across a reorganisation says which ground it compared, in a footnote
        if let Some(u) = &unit
            && let Some(note) = hoptac_core::territory::crossing_note(&snap, u.id, from, to)
        {
            // the first words of the text: footnote 1, the others after it
            doc.footnotes.insert(0, note.vi().to_string());
            for p in doc
                .sections
                .iter_mut()
                .flat_map(|s| s.paragraphs.iter_mut())
            {
                for i in p.0.iter_mut() {
                    if let hoptac_core::report::Inline::Note(k) = i {
                        *k += 1;
                    }
                }
            }
            if let Some(p) = doc
                .sections
                .first_mut()
                .and_then(|s| s.paragraphs.first_mut())
            {
                note_on_ground(p, 1);
            }
        }
        Ok(doc)
    }

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

/// Puts footnote `n` on the words naming the ground ("trên địa bàn xã³ đã …"), or at the
/// paragraph's end when they are not there.
fn note_on_ground(p: &mut hoptac_core::report::Paragraph, n: usize) {
    use hoptac_core::report::Inline;
    if let Some(Inline::Text(first)) = p.0.first().cloned()
        && let Some(at) = first.find(" đã ")
    {
        p.0[0] = Inline::Text(first[..at].to_string());
        p.0.insert(1, Inline::Note(n));
        p.0.insert(2, Inline::Text(first[at..].to_string()));
    } else if matches!(p.0.first(), Some(Inline::Text(_))) {
        // the first piece ends with the ground ("… trên địa bàn xã")
        p.0.insert(1, Inline::Note(n));
    } else {
        p.0.push(Inline::Note(n));
    }
}
