//! OCOP ratings (kết quả đánh giá, phân hạng OCOP) as the offices keep them: each is the
//! recognition decision of one product and its certificate, entered by the staff of the
//! product's commune and the offices above, and the certificates that lapse soon or have
//! lapsed, for the to-do page and the review. The cooperative reads its own.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::Date;
use hoptac_core::auth::Role;
use hoptac_core::model::{OcopRating, Organization, Snapshot};
use hoptac_core::ocop::{CertificateState, REMIND_DAYS, expires_on, rating_problems};
use hoptac_store::ChangeSet;

pub use crate::training::Problems;

const ENTITY: &str = "ocop_ratings";

/// A certificate to act on: in force and lapsing within [`REMIND_DAYS`], or lapsed and not
/// renewed (to be re-evaluated or revoked).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CertificateReminder {
    pub product: String,
    pub product_name: String,
    pub org: String,
    pub org_name: String,
    pub rating: String,
    pub stars: u8,
    pub state: CertificateState,
    pub expires_on: Date,
    /// Days from today to the first day it no longer holds (negative once lapsed).
    pub days_left: i64,
}

/// The certificates of the organisations of `snap` to act on as of `today`, soonest first.
pub(crate) fn reminders_in(
    snap: &Snapshot,
    readable: impl Fn(&Organization) -> bool,
    today: Date,
) -> Vec<CertificateReminder> {
    let mut out: Vec<CertificateReminder> = (snap.products.products.iter())
        .filter_map(|p| {
            let o = snap.orgs.iter().find(|o| o.code == p.org)?;
            if !readable(o) || o.dissolved_on.is_some_and(|d| d <= today) {
                return None;
            }
            let all = snap.products.ratings_of(&p.code);
            let (r, state) = hoptac_core::ocop::current(&all, today)?;
            let end = expires_on(r);
            let days_left = (end - today).whole_days();
            let due = match state {
                CertificateState::Expired => true,
                s => s.in_force() && days_left <= REMIND_DAYS,
            };
            due.then(|| CertificateReminder {
                product: p.code.clone(),
                product_name: p.name.clone(),
                org: o.code.to_string(),
                org_name: o.name.clone(),
                rating: r.code.clone(),
                stars: r.stars,
                state,
                expires_on: end,
                days_left,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.expires_on, &a.product).cmp(&(b.expires_on, &b.product)));
    out
}

impl App {
    /// The certificates to act on in the scope the account reads (or a unit of it).
    pub async fn certificate_reminders(
        &self,
        actor: &Actor,
        scope: Option<&str>,
        today: Date,
    ) -> Result<Vec<CertificateReminder>> {
        // without a unit asked for, what the account reads (a cooperative: its own)
        if scope.is_none_or(|s| s.trim().is_empty()) {
            let snap = self.snapshot().await?;
            return Ok(reminders_in(
                &snap,
                |o| crate::support::reads_org(actor, &snap, o),
                today,
            ));
        }
        let (full, unit) = self.scope_snapshot(actor, scope).await?;
        let snap = full.restricted(unit.as_ref().map(|u| u.id));
        Ok(reminders_in(
            &snap,
            |o| crate::support::reads_org(actor, &full, o),
            today,
        ))
    }

    /// One rating with its product, for an account that may read the product.
    pub async fn ocop_rating(&self, actor: &Actor, code: &str) -> Result<OcopRating> {
        let snap = self.snapshot().await?;
        let found = snap.products.rating(code).filter(|r| {
            (snap.products.product(&r.product))
                .and_then(|p| snap.orgs.iter().find(|o| o.code == p.org))
                .is_some_and(|o| crate::support::reads_org(actor, &snap, o))
        });
        match found {
            Some(r) => Ok(r.clone()),
            None => {
                let e = self.audit_entry(actor, "refused", ENTITY, code, None);
                self.store().append_audit(&e).await?;
                Err(AppError::not_found("ocop_rating", code))
            }
        }
    }

    /// Whether the account rates the products of `o`: commune officers and above whose
    /// scope holds it; refused and audited otherwise.
    async fn may_rate(&self, actor: &Actor, o: &Organization) -> Result<()> {
        if actor.account.role < Role::Commune {
            let e = self.audit_entry(actor, "refused", ENTITY, o.code.as_str(), Some(o.commune));
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.may_write_org(actor, o).await
    }

    /// Whether the account may rate the product `code` (before a form is shown): refused
    /// and audited otherwise; an unreadable product is not found.
    pub async fn check_ocop_write(&self, actor: &Actor, product: &str) -> Result<()> {
        let snap = self.snapshot().await?;
        match Self::owner(&snap, product) {
            Some(o) if crate::support::reads_org(actor, &snap, o) => self.may_rate(actor, o).await,
            _ => {
                let e = self.audit_entry(actor, "refused", ENTITY, product, None);
                self.store().append_audit(&e).await?;
                Err(AppError::not_found("product", product))
            }
        }
    }

    /// The organisation of a product of the snapshot.
    fn owner<'s>(snap: &'s Snapshot, product: &str) -> Option<&'s Organization> {
        let p = snap.products.product(product)?;
        snap.orgs.iter().find(|o| o.code == p.org)
    }

    /// Records a rating or corrects the one of `original` (its code stays): checked on the
    /// product it names and, when that changes, on the one it named.
    pub async fn save_ocop_rating(
        &self,
        actor: &Actor,
        original: Option<&str>,
        r: OcopRating,
        version: i64,
    ) -> Result<Problems> {
        let r = OcopRating {
            code: original
                .map(str::to_string)
                .unwrap_or(r.code.trim().to_string()),
            product: r.product.trim().to_string(),
            decision: r.decision.trim().to_string(),
            revocation: r.revocation.trim().to_string(),
            ..r
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let org = Self::owner(&snap, &r.product);
        match org {
            Some(o) => self.may_rate(actor, o).await?,
            None if actor.account.role < Role::Commune => {
                let e = self.audit_entry(actor, "refused", ENTITY, &r.code, None);
                self.store().append_audit(&e).await?;
                return Err(AppError::Forbidden);
            }
            None => {}
        }
        let before = snap.products.rating(&r.code).cloned();
        if let Some(b) = &before {
            match Self::owner(&snap, &b.product) {
                Some(o) => self.may_rate(actor, o).await?,
                None => return Err(AppError::not_found("ocop_rating", &r.code)),
            }
        }
        let others = snap.products.ratings_of(&r.product);
        let mut problems = rating_problems(&r, snap.products.product(&r.product), org, &others);
        match (original, &before) {
            (None, Some(_)) => problems.push((
                "code",
                r.code.clone(),
                hoptac_core::msg!("support.code_taken", code = r.code),
            )),
            (Some(code), None) => return Err(AppError::not_found("ocop_rating", code)),
            _ => {}
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        if before.as_ref() == Some(&r) {
            return Ok(Vec::new());
        }
        let mut c = self.write_set(
            actor,
            ENTITY,
            &r.code,
            org.map(|o| o.commune),
            before.as_ref(),
            &r,
            generation,
            version,
        );
        c.ratings.push(r);
        self.commit(c).await
    }

    /// Takes out a rating entered by mistake, with a reason (a certificate that ended is
    /// not removed: it is revoked, or lapses, and stays in the history).
    pub async fn remove_ocop_rating(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let r = self.ocop_rating(actor, code).await?;
        let snap = self.snapshot().await?;
        let Some(o) = Self::owner(&snap, &r.product) else {
            return Err(AppError::not_found("ocop_rating", code));
        };
        self.may_rate(actor, o).await?;
        let before = serde_json::to_string(&r).ok();
        let c = self
            .removal(
                actor,
                ENTITY,
                code,
                Some(o.commune),
                before,
                reason,
                version,
            )
            .await?;
        let c = ChangeSet {
            removed_ratings: vec![code.to_string()],
            ..c
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }
}
