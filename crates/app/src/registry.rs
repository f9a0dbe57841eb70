//! The register (sổ đăng ký) as read by a user: the paged list, one organisation with its reports,
//! managers and history, the export workbook, and probable duplicates.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::OrgCode;
use hoptac_core::auth::{Action, Resource, Scope};
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization};
use hoptac_core::text::fold;
use hoptac_exchange::write::{Headers, write_xlsx};
use hoptac_store::{OrgPage, OrgQuery};

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
    /// For each manager (in the same order), the last course they attended while in
    /// office, from the training records: (its end, its code).
    pub courses: Vec<Option<(hoptac_core::Date, String)>>,
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
        // the commune from the kept snapshot, not the country's units read again; the
        // organisation itself from the store above, so a form opens on the stored row
        let snap = self.snapshot().await?;
        let commune = snap.unit(org.commune).cloned();
        let managers = self.store.managers_of(&code).await?;
        let t = &snap.training;
        let courses = (managers.iter())
            .map(|m| {
                (t.attendees.iter())
                    .filter(|a| a.org.as_ref() == Some(&code))
                    .filter_map(|a| t.course(&a.course).map(|c| (a, c)))
                    .filter(|(a, c)| hoptac_core::training::in_office_for(m, &a.full_name, c))
                    .map(|(_, c)| (c.ends_on, c.code.clone()))
                    .max()
            })
            .collect();
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
            commune,
            reports: self.store.reports_of(&code).await?,
            managers,
            courses,
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
        let snap: std::borrow::Cow<'_, hoptac_core::Snapshot> = match &actor.account.scope {
            Scope::All => std::borrow::Cow::Borrowed(full.as_ref()),
            Scope::Unit(u) => {
                self.authorize(actor, Action::Read, &Resource::Unit(*u))
                    .await?;
                let inside = full.subtree(*u);
                plans.retain(|p| {
                    full.units
                        .iter()
                        .any(|x| x.code == p.scope && inside.contains(&x.id))
                });
                full.restricted(Some(*u))
            }
            Scope::Org(c) => {
                plans.clear();
                let commune = full.orgs.iter().find(|o| &o.code == c).map(|o| o.commune);
                std::borrow::Cow::Owned(hoptac_core::Snapshot {
                    orgs: full.orgs.iter().filter(|o| &o.code == c).cloned().collect(),
                    reports: full
                        .reports
                        .iter()
                        .filter(|r| &r.org == c)
                        .cloned()
                        .collect(),
                    managers: full
                        .managers
                        .iter()
                        .filter(|m| &m.org == c)
                        .cloned()
                        .collect(),
                    units: full
                        .units
                        .iter()
                        .filter(|u| Some(u.id) == commune)
                        .cloned()
                        .collect(),
                    ..Default::default()
                })
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

    /// Organisations of the same kind whose names are probably the same, within the
    /// actor's scope, most alike first.
    pub async fn near_duplicates(&self, actor: &Actor) -> Result<Vec<NearDuplicate>> {
        use hoptac_core::similar::{NameKey, THRESHOLD, similar_at_least};
        let snap = self.snapshot().await?;
        let policy = hoptac_core::auth::Policy::new(&actor.account, &*snap);
        let visible: Vec<&Organization> = snap
            .orgs
            .iter()
            .filter(|o| {
                policy.permits(
                    Action::Read,
                    &Resource::Org {
                        code: o.code.clone(),
                        commune: o.commune,
                    },
                )
            })
            .collect();
        // organisations are compared within their kind and commune: a variant spelling names
        // the same place, while "THT đan lục bình Mỹ Hòa 1" and "… Mỹ An 1" are two groups
        let mut blocks: std::collections::HashMap<
            (hoptac_core::OrgKind, hoptac_core::UnitId),
            Vec<(&Organization, NameKey)>,
        > = std::collections::HashMap::new();
        for o in visible {
            blocks
                .entry((o.kind, o.commune))
                .or_default()
                .push((o, NameKey::new(&o.name)));
        }
        let mut out = Vec::new();
        for group in blocks.values() {
            for (i, (a, ka)) in group.iter().enumerate() {
                for (b, kb) in &group[i + 1..] {
                    if let Some(score) = similar_at_least(ka, kb, THRESHOLD) {
                        out.push(NearDuplicate {
                            a: (*a).clone(),
                            b: (*b).clone(),
                            score,
                        });
                    }
                }
            }
        }
        out.sort_by(|x, y| y.score.cmp(&x.score).then_with(|| x.a.code.cmp(&y.a.code)));
        Ok(out)
    }
}
