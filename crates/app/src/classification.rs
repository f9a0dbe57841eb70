//! Entering a cooperative's classification axes for a year (phân loại HTX): what it
//! supplies its members, its main sector, its total capital, its agricultural field. The
//! scales are computed where they are shown.

use crate::evaluation::DEFAULT_RUBRIC;
use crate::{auth::Actor, context::App, error::AppError, error::Result};
use hoptac_core::OrgCode;
use hoptac_core::auth::{Action, Role};
use hoptac_core::evaluation::State;
use hoptac_core::evaluation::classification::Classification;
use hoptac_core::types::Sector;
use hoptac_store::StoredClassification;

/// Whether a sector's cooperatives are classified by agricultural field (TT09/2017 covers
/// agriculture, forestry, aquaculture, salt and rural water).
pub fn agricultural(s: Sector) -> bool {
    matches!(
        s,
        Sector::Agriculture
            | Sector::Aquaculture
            | Sector::Forestry
            | Sector::RuralWater
            | Sector::Other
    )
}

/// The axes as typed: each may be empty (unknown).
#[derive(Debug, Clone, Default)]
pub struct ClassificationInput {
    pub supply: String,
    pub vsic: String,
    pub capital: String,
    pub agri_field: String,
}

impl App {
    /// The axes entered for a year, if any.
    pub async fn classification(&self, org: &OrgCode, year: i32) -> Result<Classification> {
        crate::context::check_year(year)?;
        Ok(self
            .store()
            .classifications(Some(year))
            .await?
            .into_iter()
            .find(|c| &c.org == org)
            .map(|c| c.axes)
            .unwrap_or_default())
    }

    /// Records the axes for a year: whoever may write the organisation, while the year's
    /// evaluation is not approved (then it is locked with the sheet).
    pub async fn save_classification(
        &self,
        actor: &Actor,
        org: &str,
        year: i32,
        input: &ClassificationInput,
    ) -> Result<Classification> {
        crate::context::check_year(year)?;
        let (code, o) = self.org_for(actor, org, Action::Write, Role::Org).await?;
        let locked = self
            .store()
            .evaluations(Some(year))
            .await?
            .into_iter()
            .any(|e| {
                e.org == code
                    && e.evaluation.rubric_id == DEFAULT_RUBRIC
                    && e.evaluation.state == State::Approved
            });
        if locked {
            return Err(AppError::invalid(
                "state",
                org,
                hoptac_core::msg!("evaluation.classification_locked", year = year),
            ));
        }
        let axes = Classification::parse_fields(
            &input.supply,
            &input.vsic,
            &input.capital,
            &input.agri_field,
            agricultural(o.sector),
        )
        .map_err(|e| AppError::invalid(e.field, &e.value, e.msg))?;
        let before = self.classification(&code, year).await?;
        let mut audit = self.audit_entry(
            actor,
            "classify",
            "classifications",
            &format!("{code}/{year}"),
            Some(o.commune),
        );
        audit.before = serde_json::to_string(&before).ok();
        audit.after = serde_json::to_string(&axes).ok();
        let read_at = self.cached_generation();
        self.store()
            .save_classifications(
                &[StoredClassification {
                    org: code,
                    year,
                    axes: axes.clone(),
                }],
                &[audit],
            )
            .await?;
        self.wrote_beside_snapshot(read_at).await?;
        Ok(axes)
    }
}
