//! Validation rules as data: the shipped defaults, saving (checked), evaluating.

use crate::intent::{FormIntent, expecting, refuse_taken};
use crate::{auth::Actor, context::App, error::AppError, error::Result};
use hoptac_core::auth::{Action, Resource};
use hoptac_core::model::{AnnualReport, Organization, Snapshot};
use hoptac_core::rules::{DEFAULT_RULES, Rule, RuleRecord, first_field, medians, parse};
use hoptac_core::validate::{Finding, Severity};
use hoptac_core::{OrgCode, UnitId};
use std::collections::HashMap;

/// Active rules, parsed. A stored rule that no longer parses is skipped (and logged): it was
/// checked when saved, so only a hand-edited database can hold one.
/// Each rule applies inside its owner's scope (`None`: the whole installation).
pub struct ActiveRules(Vec<(RuleRecord, Rule, Option<std::collections::BTreeSet<UnitId>>)>);

impl ActiveRules {
    /// Findings for every report of the snapshot that a rule breaks.
    pub fn check_all(
        &self,
        snap: &Snapshot,
        registered: &HashMap<OrgCode, std::collections::BTreeSet<hoptac_core::Service>>,
    ) -> Vec<(OrgCode, i32, Finding)> {
        let m = medians(snap);
        let orgs: HashMap<&str, &Organization> =
            snap.orgs.iter().map(|o| (o.code.as_str(), o)).collect();
        let by_key: HashMap<(&str, i32), &AnnualReport> = snap
            .reports
            .iter()
            .map(|r| ((r.org.as_str(), r.year.get()), r))
            .collect();
        let mut out = Vec::new();
        for r in &snap.reports {
            let Some(o) = orgs.get(r.org.as_str()) else {
                continue;
            };
            let prev = by_key.get(&(r.org.as_str(), r.year.get() - 1)).copied();
            for f in self.check(o, r, prev, &m, registered.get(&o.code)) {
                out.push((r.org.clone(), r.year.get(), f));
            }
        }
        out
    }

    pub fn check(
        &self,
        o: &Organization,
        r: &AnnualReport,
        prev: Option<&AnnualReport>,
        m: &hoptac_core::rules::Medians,
        registered: Option<&std::collections::BTreeSet<hoptac_core::Service>>,
    ) -> Vec<Finding> {
        let c = hoptac_core::rules::Context {
            org: o,
            report: r,
            prev,
            medians: m,
            registered,
        };
        self.0
            .iter()
            .filter(|(_, _, within)| within.as_ref().is_none_or(|w| w.contains(&o.commune)))
            .filter(|(_, rule, _)| rule.check_in(&c) == Some(false))
            .map(|(rec, rule, _)| {
                let field = first_field(&rule.left).unwrap_or("year");
                let shown = match field {
                    "members" => r.figures.members.map(|v| v.to_string()),
                    "revenue" => r.figures.revenue.map(|v| v.to_string()),
                    "profit" => r.figures.profit.map(|v| v.to_string()),
                    _ => None,
                }
                .unwrap_or_default();
                let msg = hoptac_core::msg!(
                    "validation.rule_message",
                    message = hoptac_core::i18n::Arg::both(
                        &rec.message_vi,
                        hoptac_core::Lang::En.pick(&rec.message_vi, &rec.message_en)
                    ),
                    expression = rec.expression
                );
                Finding {
                    severity: rec.severity,
                    field,
                    value: shown,
                    msg,
                }
            })
            .collect()
    }
}

impl App {
    /// Adds each shipped rule the database does not have yet, so a rule shipped with a new
    /// version reaches existing installations. Rules are never deleted, only switched off, so
    /// an id already there (edited or off) is the office's and stays as it is.
    pub(crate) async fn ensure_rules(&self) -> Result<()> {
        let have: std::collections::HashSet<String> = self
            .store()
            .validation_rules()
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        let actor = Actor::system();
        for (id, expression, vi, en) in DEFAULT_RULES
            .into_iter()
            .filter(|(id, ..)| !have.contains(*id))
        {
            let r = RuleRecord {
                id: id.into(),
                expression: expression.into(),
                severity: Severity::Warning,
                message_vi: vi.into(),
                message_en: en.into(),
                active: true,
            };
            let mut e = self.audit_entry(&actor, "create", "validation_rules", id, None);
            e.after = serde_json::to_string(&r).ok();
            self.store()
                .save_validation_rule(&r, None, None, &e)
                .await?;
        }
        Ok(())
    }

    pub async fn validation_rules(&self) -> Result<Vec<RuleRecord>> {
        Ok(self.store().validation_rules().await?)
    }

    pub async fn active_rules(&self) -> Result<ActiveRules> {
        let owners = self.store().owner_scopes("validation_rules").await?;
        let units = self.units().await?;
        let mut out = Vec::new();
        for r in self
            .store()
            .validation_rules()
            .await?
            .into_iter()
            .filter(|r| r.active)
        {
            match parse(&r.expression) {
                Ok(rule) => {
                    let within = owners
                        .get(&r.id)
                        .map(|u| hoptac_core::auth::subtree(&units, *u));
                    out.push((r, rule, within))
                }
                Err(e) => {
                    tracing::error!(rule = %r.id, error = %e.msg, "stored validation rule does not parse")
                }
            }
        }
        Ok(ActiveRules(out))
    }

    /// Checks and saves a rule (administrators): an expression that does not parse is refused
    /// with the position of the error.
    pub async fn save_validation_rule(&self, actor: &Actor, r: RuleRecord) -> Result<()> {
        self.save_validation_rule_at(actor, r, None).await
    }

    /// As [`App::save_validation_rule`], from a form read at `version`.
    pub async fn save_validation_rule_at(
        &self,
        actor: &Actor,
        r: RuleRecord,
        intent: Option<FormIntent>,
    ) -> Result<()> {
        // a rule belongs to the unit of the office that wrote it and applies there; shipped
        // rules belong to the installation
        let owner = match self
            .store()
            .validation_rules()
            .await?
            .iter()
            .any(|x| x.id == r.id)
        {
            true => self
                .store()
                .owner_scopes("validation_rules")
                .await?
                .get(&r.id)
                .copied(),
            false => self.scope_root(actor).await?,
        };
        self.authorize(
            actor,
            Action::ManageSettings,
            &owner.map(Resource::Unit).unwrap_or(Resource::Everything),
        )
        .await?;
        let id_ok = !r.id.is_empty()
            && r.id.len() <= 60
            && r.id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
        if !id_ok {
            return Err(AppError::invalid(
                "id",
                r.id.clone(),
                hoptac_core::msg!("validation.invalid_rule_id"),
            ));
        }
        if let Err(e) = parse(&r.expression) {
            return Err(AppError::invalid("expression", r.expression.clone(), e.msg));
        }
        if r.message_vi.trim().is_empty() {
            return Err(AppError::invalid(
                "message_vi",
                "",
                hoptac_core::msg!("validation.message_vi_required"),
            ));
        }
        let before = self
            .store()
            .validation_rules()
            .await?
            .into_iter()
            .find(|x| x.id == r.id);
        refuse_taken(
            intent,
            before.is_some(),
            "id",
            &r.id,
            hoptac_core::msg!("intent.what.rule_id"),
        )?;
        let version = expecting("validation_rules", &r.id, intent)
            .first()
            .map(|(_, _, v)| *v);
        let mut e = self.audit_entry(
            actor,
            if before.is_some() { "update" } else { "create" },
            "validation_rules",
            &r.id,
            owner,
        );
        e.before = before.and_then(|b| serde_json::to_string(&b).ok());
        e.after = serde_json::to_string(&r).ok();
        let read_at = self.cached_generation();
        match self
            .store()
            .save_validation_rule(&r, owner, version, &e)
            .await
        {
            Ok(()) => self.wrote_beside_snapshot(read_at).await,
            Err(e) => Err(self.stale(e.into()).await),
        }
    }
}
