//! Products of organisations (sản phẩm) as the cooperatives and their offices keep them: a
//! cooperative's own account enters its products, the staff of its commune and the offices
//! above may too. A product moved to another organisation is checked on both; an edit
//! carries the version it read; a product with OCOP ratings is not removed from under them.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::auth::{Action, Resource};
use hoptac_core::model::{OcopRating, Organization, Product, Snapshot};
use hoptac_core::ocop::{CertificateState, product_problems};
use hoptac_core::{Date, OrgCode};
use hoptac_store::ChangeSet;

pub use crate::training::Problems;

pub(crate) const ENTITY: &str = "products";

/// A product as its page and the lists show it: its organisation, the rating it holds today
/// and that rating's state.
#[derive(Debug, Clone)]
pub struct ProductView {
    pub product: Product,
    pub org_name: String,
    pub org_kind: hoptac_core::OrgKind,
    /// Every rating of the product, oldest first, each with its state today.
    pub ratings: Vec<(OcopRating, CertificateState)>,
    /// The rating it holds today (the latest decided) and its state.
    pub current: Option<(OcopRating, CertificateState)>,
    pub can_edit: bool,
    /// Whether the account may enter ratings of it (commune officers and above).
    pub can_rate: bool,
}

fn org_resource(o: &Organization) -> Resource {
    Resource::Org {
        code: o.code.clone(),
        commune: o.commune,
    }
}

/// The view of `p` on `today` for `actor`.
pub(crate) fn view(
    actor: &Actor,
    snap: &Snapshot,
    p: &Product,
    o: &Organization,
    today: Date,
) -> ProductView {
    let all = snap.products.ratings_of(&p.code);
    let ratings = (all.iter())
        .filter_map(|r| Some(((*r).clone(), hoptac_core::ocop::state_on(r, &all, today)?)))
        .collect();
    let current = hoptac_core::ocop::current(&all, today).map(|(r, s)| (r.clone(), s));
    let writes = hoptac_core::auth::permits(&actor.account, Action::Write, &org_resource(o), snap);
    ProductView {
        product: p.clone(),
        org_name: o.name.clone(),
        org_kind: o.kind,
        ratings,
        current,
        can_edit: writes,
        can_rate: writes && actor.account.role >= hoptac_core::auth::Role::Commune,
    }
}

/// The organisation's products as its profile lists them: each with the stars it holds on
/// `today` and until when, or that it is not rated.
pub(crate) fn profile_lines(snap: &Snapshot, org: &OrgCode, today: Date) -> Vec<String> {
    let date = hoptac_core::date::to_vi;
    (snap.products.products.iter())
        .filter(|p| p.org == *org)
        .map(|p| {
            let gtin = p
                .gtin
                .as_ref()
                .map(|g| format!(" (GTIN {})", g.short()))
                .unwrap_or_default();
            let all = snap.products.ratings_of(&p.code);
            let state = match hoptac_core::ocop::current(&all, today) {
                Some((r, s)) => format!(
                    "OCOP {} sao theo quyết định {} ngày {}, {} (hết hạn ngày {})",
                    r.stars,
                    r.decision,
                    date(r.decided_on),
                    s.label_vi().to_lowercase(),
                    date(hoptac_core::ocop::expires_on(r))
                ),
                None => "chưa được đánh giá OCOP".into(),
            };
            format!("{}{gtin}: {state}.", p.name)
        })
        .collect()
}

impl App {
    /// Whether the account writes the records of `o`: refused and audited otherwise.
    pub(crate) async fn may_write_org(&self, actor: &Actor, o: &Organization) -> Result<()> {
        self.authorize(actor, Action::Write, &org_resource(o)).await
    }

    /// The products the account may read (of organisations it may read), by name.
    pub async fn products(&self, actor: &Actor, today: Date) -> Result<Vec<ProductView>> {
        let snap = self.snapshot().await?;
        let orgs: std::collections::HashMap<&OrgCode, &Organization> =
            snap.orgs.iter().map(|o| (&o.code, o)).collect();
        let mut out: Vec<ProductView> = (snap.products.products.iter())
            .filter_map(|p| {
                let o = orgs.get(&p.org)?;
                crate::support::reads_org(actor, &snap, o).then(|| view(actor, &snap, p, o, today))
            })
            .collect();
        out.sort_by_cached_key(|v| {
            (
                hoptac_core::text::fold(&v.product.name),
                v.product.code.clone(),
            )
        });
        Ok(out)
    }

    /// One product, for an account that may read its organisation.
    pub async fn product(&self, actor: &Actor, code: &str, today: Date) -> Result<ProductView> {
        let snap = self.snapshot().await?;
        let found = (snap.products.product(code))
            .and_then(|p| Some((p, snap.orgs.iter().find(|o| o.code == p.org)?)))
            .filter(|(_, o)| crate::support::reads_org(actor, &snap, o));
        let Some((p, o)) = found else {
            // not found and not readable look alike from outside; the refusal is kept
            let e = self.audit_entry(actor, "refused", ENTITY, code, None);
            self.store().append_audit(&e).await?;
            return Err(AppError::not_found("product", code));
        };
        Ok(view(actor, &snap, p, o, today))
    }

    /// The organisations the account may enter products of, by name (a cooperative's own
    /// account: its organisation).
    pub async fn product_owners(&self, actor: &Actor) -> Result<Vec<Organization>> {
        let snap = self.snapshot().await?;
        let mut out: Vec<Organization> = (snap.orgs.iter())
            .filter(|o| {
                o.dissolved_on.is_none()
                    && hoptac_core::auth::permits(
                        &actor.account,
                        Action::Write,
                        &org_resource(o),
                        &*snap,
                    )
            })
            .cloned()
            .collect();
        out.sort_by_cached_key(|o| hoptac_core::text::fold(&o.name));
        Ok(out)
    }

    /// Records a product or corrects the one of `original` (its code stays): by an account
    /// that writes its organisation — and, when it moves, the one it was of.
    pub async fn save_product(
        &self,
        actor: &Actor,
        original: Option<&str>,
        p: Product,
        version: i64,
    ) -> Result<Problems> {
        let p = Product {
            code: original
                .map(str::to_string)
                .unwrap_or(p.code.trim().to_string()),
            name: p.name.trim().to_string(),
            subgroup: p.subgroup.trim().to_string(),
            unit: p.unit.trim().to_string(),
            ..p
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let org_of = |c: &OrgCode| snap.orgs.iter().find(|o| o.code == *c);
        let org = org_of(&p.org);
        match org {
            Some(o) => self.may_write_org(actor, o).await?,
            None => self.check_write(actor, ENTITY).await?,
        }
        let before = snap.products.product(&p.code).cloned();
        if let Some(b) = &before {
            match org_of(&b.org) {
                Some(o) => self.may_write_org(actor, o).await?,
                None => return Err(AppError::not_found("product", &p.code)),
            }
        }
        let mut problems = product_problems(&p, org, &snap.products.products);
        match (original, &before) {
            (None, Some(_)) => problems.push((
                "code",
                p.code.clone(),
                hoptac_core::msg!("support.code_taken", code = p.code),
            )),
            (Some(code), None) => return Err(AppError::not_found("product", code)),
            _ => {}
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        if before.as_ref() == Some(&p) {
            return Ok(Vec::new());
        }
        let mut c = self.write_set(
            actor,
            ENTITY,
            &p.code,
            org.map(|o| o.commune),
            before.as_ref(),
            &p,
            generation,
            version,
        );
        c.products.push(p);
        self.commit(c).await
    }

    /// Takes out a product entered by mistake, with a reason: refused while it has OCOP
    /// ratings (they are taken out first, by the office that entered them).
    pub async fn remove_product(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let v = self.product(actor, code, crate::context::today()).await?;
        let snap = self.snapshot().await?;
        let Some(o) = snap.orgs.iter().find(|o| o.code == v.product.org) else {
            return Err(AppError::not_found("product", code));
        };
        self.may_write_org(actor, o).await?;
        if !v.ratings.is_empty() {
            return Err(AppError::invalid(
                "code",
                code,
                hoptac_core::msg!("ocop.product_has_ratings", count = v.ratings.len()),
            ));
        }
        let before = serde_json::to_string(&v.product).ok();
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
            removed_products: vec![code.to_string()],
            ..c
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }

    /// Whether the account may write anything at all (not a viewer): refused and audited.
    pub(crate) async fn check_write(&self, actor: &Actor, entity: &str) -> Result<()> {
        if actor.account.role == hoptac_core::auth::Role::Viewer || actor.account.disabled {
            let unit = self.account_unit(&actor.account).await?;
            let e = self.audit_entry(actor, "refused", entity, "", unit);
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        Ok(())
    }
}
