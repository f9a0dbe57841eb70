//! The register as a list a clerk works with (danh sách tổ chức): filters checked, each row's
//! key figures from its latest yearly report, and the whole filtered list as a workbook.

use crate::auth::Actor;
use crate::context::{App, check_year};
use crate::error::{AppError, Result};
use hoptac_core::Fixed;
use hoptac_core::types::Rating;
use hoptac_store::{OrgPage, OrgQuery, OrgRow};

/// A row's key figures (số liệu chính): those of the organisation's latest yearly report.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigures {
    pub year: i32,
    pub members: Option<i64>,
    pub revenue: Option<Fixed>,
    pub rating: Option<Rating>,
}

/// The most rows one export writes: a country's register is below it, a runaway query not.
pub const EXPORT_MAX_ROWS: u64 = 200_000;

impl App {
    /// A page of the register with each row's key figures.
    pub async fn registry_page(
        &self,
        actor: &Actor,
        q: &OrgQuery,
    ) -> Result<(OrgPage, Vec<Option<KeyFigures>>)> {
        for y in [q.active_in, q.founded_in].into_iter().flatten() {
            check_year(y)?;
        }
        let page = self.registry(actor, q).await?;
        let figures = self.key_figures(&page.rows).await?;
        Ok((page, figures))
    }

    /// The key figures of rows of the register, from the kept snapshot.
    pub async fn key_figures(&self, rows: &[OrgRow]) -> Result<Vec<Option<KeyFigures>>> {
        let snap = self.snapshot().await?;
        let index = snap.org_rows();
        Ok(rows
            .iter()
            .map(|r| {
                let at = index.place_of(r.org.code.as_str())?;
                index
                    .reports(at)
                    .iter()
                    .map(|&i| &snap.reports[i as usize])
                    .max_by_key(|x| x.year.get())
                    .map(|x| KeyFigures {
                        year: x.year.get(),
                        members: x.figures.members,
                        revenue: x.figures.revenue,
                        rating: x.figures.rating,
                    })
            })
            .collect())
    }

    /// Every row the filters select, in their order (all pages), with key figures: the
    /// export of a filtered list. Refused above [`EXPORT_MAX_ROWS`].
    pub async fn registry_rows(
        &self,
        actor: &Actor,
        q: &OrgQuery,
    ) -> Result<Vec<(OrgRow, Option<KeyFigures>)>> {
        let mut q = q.clone();
        q.per_page = 500;
        q.page = 0;
        let mut out = Vec::new();
        loop {
            let (page, figures) = self.registry_page(actor, &q).await?;
            if page.total > EXPORT_MAX_ROWS {
                return Err(AppError::invalid(
                    "rows",
                    page.total.to_string(),
                    hoptac_core::msg!("registry.export_too_many", max = EXPORT_MAX_ROWS),
                ));
            }
            let n = page.rows.len();
            out.extend(page.rows.into_iter().zip(figures));
            if n == 0 || out.len() as u64 >= page.total {
                return Ok(out);
            }
            q.page += 1;
        }
    }
}
