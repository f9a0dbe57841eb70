//! Every version of the evaluation rubrics (bộ tiêu chí): the shipped documents, and those an
//! office loaded to complete or correct them. An evaluation is always read with the version
//! it was made with; a new one starts on the latest.

use crate::{auth::Actor, context::App, error::AppError, error::Result};
use hoptac_core::rubric::Rubric;
use hoptac_store::StoredRubric;

/// One version of a rubric and where it came from.
#[derive(Debug, Clone)]
pub struct RubricVersion {
    pub rubric: Rubric,
    /// The document as loaded (JSON), to download, correct and load again.
    pub document: String,
    pub note: String,
    /// Empty for a shipped version.
    pub loaded_by: String,
    pub loaded_at: String,
}

/// All versions of all rubrics, oldest first within a rubric.
#[derive(Debug, Clone)]
pub struct RubricBook {
    pub versions: Vec<RubricVersion>,
}

const SHIPPED: [&str; 2] = [
    include_str!("../../core/rubrics/tt01-2020.json"),
    include_str!("../../core/rubrics/tt09-2017.json"),
];

impl RubricBook {
    fn new(stored: Vec<StoredRubric>) -> Result<RubricBook> {
        let mut versions: Vec<RubricVersion> = SHIPPED
            .iter()
            .map(|text| RubricVersion {
                rubric: Rubric::parse_json(text).expect("shipped rubric"),
                document: text.to_string(),
                note: String::new(),
                loaded_by: String::new(),
                loaded_at: String::new(),
            })
            .collect();
        for s in stored {
            // checked when loaded; a document the checks now refuse is a fault to report
            let mut rubric = Rubric::parse_json(&s.document).map_err(|e| {
                AppError::internal(format!(
                    "rubric {} v{} no longer loads: [{}] {}",
                    s.rubric_id,
                    s.version,
                    e.item,
                    e.msg.en()
                ))
            })?;
            rubric.version = s.version;
            versions.push(RubricVersion {
                rubric,
                document: s.document,
                note: s.note,
                loaded_by: s.loaded_by,
                loaded_at: s.loaded_at,
            });
        }
        versions.sort_by(|a, b| {
            (&a.rubric.id, a.rubric.version).cmp(&(&b.rubric.id, b.rubric.version))
        });
        Ok(RubricBook { versions })
    }

    /// The rubric ids, in the order first shipped.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for v in &self.versions {
            if !ids.contains(&v.rubric.id.as_str()) {
                ids.push(&v.rubric.id);
            }
        }
        ids
    }

    /// The latest version of a rubric: the one new evaluations use.
    pub fn current(&self, id: &str) -> Result<&Rubric> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.rubric.id == id)
            .map(|v| &v.rubric)
            .ok_or_else(|| AppError::not_found("rubric", id))
    }

    /// One version of a rubric, as an evaluation made with it needs.
    pub fn version(&self, id: &str, version: u32) -> Result<&Rubric> {
        self.versions
            .iter()
            .find(|v| v.rubric.id == id && v.rubric.version == version)
            .map(|v| &v.rubric)
            .ok_or_else(|| AppError::not_found("rubric", format!("{id} v{version}")))
    }

    /// Every version of one rubric, oldest first.
    pub fn history(&self, id: &str) -> Vec<&RubricVersion> {
        self.versions.iter().filter(|v| v.rubric.id == id).collect()
    }
}

impl App {
    pub async fn rubric_book(&self) -> Result<RubricBook> {
        RubricBook::new(self.store().rubric_versions().await?)
    }

    /// Loads a completed or corrected rubric document as the next version of its rubric
    /// (administrators only). The document passes every check of the core or nothing is
    /// stored; a document identical to the current version is refused as a no-op.
    pub async fn load_rubric(&self, actor: &Actor, document: &str, note: &str) -> Result<Rubric> {
        // a rubric version applies to every evaluation of the installation
        self.authorize(
            actor,
            hoptac_core::auth::Action::ManageSettings,
            &hoptac_core::auth::Resource::Everything,
        )
        .await?;
        let mut rubric = Rubric::parse_json(document).map_err(|e| {
            AppError::invalid(
                if e.item.is_empty() {
                    "document".to_string()
                } else {
                    e.item.clone()
                },
                "",
                e.msg,
            )
        })?;
        let book = self.rubric_book().await?;
        // a new rubric id starts at 1; a known one continues its numbering
        let next = match book.current(&rubric.id) {
            Ok(cur) => {
                let mut same = rubric.clone();
                same.version = cur.version;
                if &same == cur {
                    return Err(AppError::invalid(
                        "document",
                        &rubric.id,
                        hoptac_core::msg!("rubrics.unchanged", id = cur.id, version = cur.version),
                    ));
                }
                cur.version + 1
            }
            Err(_) => 1,
        };
        rubric.version = next;
        // the stored document carries the version it was given
        let mut json: serde_json::Value = serde_json::from_str(document)
            .map_err(|e| AppError::internal(format!("rubric json: {e}")))?;
        json["version"] = serde_json::Value::from(next);
        let document = serde_json::to_string_pretty(&json)
            .map_err(|e| AppError::internal(format!("rubric json: {e}")))?;
        let mut audit = self.audit_entry(
            actor,
            "rubric.load",
            "rubric_versions",
            &format!("{}/{next}", rubric.id),
            None,
        );
        audit.after = Some(document.clone());
        let stored = StoredRubric {
            rubric_id: rubric.id.clone(),
            version: next,
            document,
            note: note.trim().to_string(),
            loaded_by: actor.name().to_string(),
            loaded_at: audit.at.clone(),
        };
        let read_at = self.cached_generation();
        self.store().add_rubric_version(&stored, &audit).await?;
        self.wrote_beside_snapshot(read_at).await?;
        Ok(rubric)
    }
}
