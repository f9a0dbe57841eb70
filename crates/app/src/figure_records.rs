//! The records behind a figure (số liệu chi tiết): the organisations a dashboard or report
//! figure counts, computed by the same engine and on the same ground as the figure, so the
//! list has exactly as many rows as the figure says.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use crate::plans::DrillRow;
use hoptac_core::Fixed;
use hoptac_core::indicator::{Aggregate, Engine, IndicatorDef, Subject, catalogue};
use hoptac_core::model::AdminUnit;

/// One figure and its records.
#[derive(Debug, Clone)]
pub struct FigureRecords {
    pub def: IndicatorDef,
    /// The period of a flow (founded from … to …); a stock is read at the end of `to`.
    pub from: i32,
    pub to: i32,
    /// The unit asked for (`None`: everything the account sees).
    pub unit: Option<AdminUnit>,
    /// The figure as the dashboard shows it.
    pub value: Option<Fixed>,
    /// The organisations counted (for a share: those in the population, `hits` counted).
    pub rows: Vec<DrillRow>,
}

impl App {
    /// The records an indicator counts over a period in a scope, as the dashboard's figure.
    pub async fn figure_records(
        &self,
        actor: &Actor,
        id: &str,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<FigureRecords> {
        let def = catalogue()
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| AppError::not_found("indicator", id))?;
        let (snap, unit) = self.scoped_snapshot(actor, from, to, scope).await?;
        let engine = Engine::scoped(&snap, unit.as_ref().map(|u| u.id));
        let value = engine.evaluate(&def, from, to).value;
        let period_from = if def.subject.is_flow() { from } else { to };
        let names: std::collections::HashMap<_, &str> =
            snap.units.iter().map(|u| (u.id, u.name.as_str())).collect();
        let mut rows: Vec<DrillRow> = engine
            .contributions(&def, period_from, to)
            .into_iter()
            .map(|c| DrillRow {
                code: c.org.code.to_string(),
                name: c.org.name.clone(),
                commune: names
                    .get(&c.org.commune)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                value: match def.aggregate {
                    Aggregate::SharePct(_) if def.subject == Subject::ActiveManagers => {
                        Fixed::ratio(c.hits as i128 * 100, c.items as i128, 2)
                    }
                    _ => c.value,
                },
                items: c.items,
                hits: c.hits,
            })
            .collect();
        rows.sort_by(|a, b| {
            hoptac_core::text::fold_unit_name(&a.commune)
                .cmp(&hoptac_core::text::fold_unit_name(&b.commune))
                .then_with(|| {
                    hoptac_core::text::fold(&a.name).cmp(&hoptac_core::text::fold(&b.name))
                })
        });
        Ok(FigureRecords {
            def,
            from,
            to,
            unit,
            value,
            rows,
        })
    }
}
