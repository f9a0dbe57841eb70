//! Propaganda and promotion events (hội nghị, bản tin, phóng sự, hội chợ…) as an office
//! keeps them: each held for a unit and kept by the staff of that unit and the offices
//! above. Every problem of a form is said at once; an edit carries the version it read; an
//! event moved to another unit is checked on both; every write and refusal is audited.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use crate::support::Problems;
use hoptac_core::auth::{Action, Resource, Role};
use hoptac_core::model::{Event, UnitId};
use hoptac_core::support::event_problems;
use hoptac_store::ChangeSet;

const ENTITY: &str = "support_events";

/// An event as its page shows it.
#[derive(Debug, Clone)]
pub struct EventView {
    pub event: Event,
    pub unit_name: String,
    pub can_edit: bool,
}

impl App {
    /// Whether the account keeps the events of `unit`: refused and audited otherwise.
    async fn may_keep_events_of(&self, actor: &Actor, unit: UnitId) -> Result<()> {
        if actor.account.role < Role::Commune {
            let e = self.audit_entry(actor, "refused", ENTITY, "", Some(unit));
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(actor, Action::Write, &Resource::Unit(unit))
            .await
    }

    /// The events the account may read (of units it may read), newest first.
    pub async fn events(&self, actor: &Actor) -> Result<Vec<Event>> {
        let snap = self.snapshot().await?;
        let mut out: Vec<Event> = (snap.support.events.iter())
            .filter(|e| {
                hoptac_core::auth::permits(
                    &actor.account,
                    Action::Read,
                    &Resource::Unit(e.unit),
                    &*snap,
                )
            })
            .cloned()
            .collect();
        out.sort_by(|a, b| (b.held_on, &b.code).cmp(&(a.held_on, &a.code)));
        Ok(out)
    }

    /// One event, for an account that may read its unit.
    pub async fn event(&self, actor: &Actor, code: &str) -> Result<EventView> {
        let snap = self.snapshot().await?;
        let found = snap.support.event(code).filter(|e| {
            hoptac_core::auth::permits(
                &actor.account,
                Action::Read,
                &Resource::Unit(e.unit),
                &*snap,
            )
        });
        let Some(ev) = found else {
            let e = self.audit_entry(actor, "refused", ENTITY, code, None);
            self.store().append_audit(&e).await?;
            return Err(AppError::not_found("event", code));
        };
        let can_edit = actor.account.role >= Role::Commune
            && hoptac_core::auth::permits(
                &actor.account,
                Action::Write,
                &Resource::Unit(ev.unit),
                &*snap,
            );
        Ok(EventView {
            unit_name: snap
                .unit(ev.unit)
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            event: ev.clone(),
            can_edit,
        })
    }

    /// Records an event or corrects the one of `original` (its code stays).
    pub async fn save_event(
        &self,
        actor: &Actor,
        original: Option<&str>,
        ev: Event,
        version: i64,
    ) -> Result<Problems> {
        let ev = Event {
            code: original
                .map(str::to_string)
                .unwrap_or(ev.code.trim().to_string()),
            title: ev.title.trim().to_string(),
            organiser: ev.organiser.trim().to_string(),
            audience: ev.audience.trim().to_string(),
            ..ev
        };
        self.may_keep_events_of(actor, ev.unit).await?;
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let before = snap.support.event(&ev.code).cloned();
        if let Some(b) = &before {
            self.may_keep_events_of(actor, b.unit).await?;
        }
        let mut problems = event_problems(&ev);
        match (original, &before) {
            (None, Some(_)) => problems.push((
                "code",
                ev.code.clone(),
                hoptac_core::msg!("support.code_taken", code = ev.code),
            )),
            (Some(code), None) => return Err(AppError::not_found("event", code)),
            _ => {}
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        if before.as_ref() == Some(&ev) {
            return Ok(Vec::new());
        }
        let mut c = ChangeSet::default();
        let action = match &before {
            Some(_) => {
                c.expect_versions
                    .push((ENTITY.into(), ev.code.clone(), version));
                "update"
            }
            None => {
                c.expect_generation = Some(generation);
                "create"
            }
        };
        let mut e = self.audit_entry(actor, action, ENTITY, &ev.code, Some(ev.unit));
        e.before = before.as_ref().and_then(|b| serde_json::to_string(b).ok());
        e.after = serde_json::to_string(&ev).ok();
        c.audit.push(e);
        c.events.push(ev);
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Vec::new()),
        }
    }

    /// Takes out an event recorded by mistake, with a reason: the audit keeps it.
    pub async fn remove_event(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let v = self.event(actor, code).await?;
        self.may_keep_events_of(actor, v.event.unit).await?;
        let before = serde_json::to_string(&v.event).ok();
        let c = self
            .removal(
                actor,
                ENTITY,
                code,
                Some(v.event.unit),
                before,
                reason,
                version,
            )
            .await?;
        let c = ChangeSet {
            removed_events: vec![code.to_string()],
            ..c
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }
}
