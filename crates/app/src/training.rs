//! Training courses (lớp đào tạo, bồi dưỡng, tập huấn) as an office keeps them: the course,
//! kept by the staff of the unit it is held for, and its list of attendees. Every problem
//! of a form is said at once; an edit carries the version it read; every write and refusal
//! is audited.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::auth::{Action, Resource, Role};
use hoptac_core::i18n::Msg;
use hoptac_core::model::{Attendee, Course, UnitId};
use hoptac_core::text::fold;
use hoptac_core::training::{ATTENDEES_MAX, attendee_problems, course_problems};
use hoptac_store::ChangeSet;

/// Every problem of a form: the field, the value refused, why. Empty when it was saved.
pub type Problems = Vec<(&'static str, String, Msg)>;

/// A course with its list, as its page shows it.
#[derive(Debug, Clone)]
pub struct CourseView {
    pub course: Course,
    pub unit_name: String,
    pub attendees: Vec<Attendee>,
    /// The organisations of the attendees, by code: their names.
    pub org_names: Vec<(hoptac_core::OrgCode, String)>,
    pub can_edit: bool,
}

/// Reads the attendee list of a form: one person a line, `name | organisation code` with
/// the code optional; a line that cannot be read names itself.
pub fn parse_attendees(course: &str, s: &str) -> std::result::Result<Vec<Attendee>, (String, Msg)> {
    let mut out: Vec<Attendee> = Vec::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if out.len() >= ATTENDEES_MAX {
            return Err((
                line.chars().take(40).collect(),
                hoptac_core::msg!("training.too_many_attendees", max = ATTENDEES_MAX),
            ));
        }
        let mut cols = line.split('|').map(str::trim);
        let full_name = cols.next().unwrap_or_default().to_string();
        let org = match cols.next().filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => Some(
                hoptac_core::OrgCode::parse(c)
                    .ok_or_else(|| (c.to_string(), hoptac_core::msg!("exchange.invalid_code")))?,
            ),
        };
        let a = Attendee {
            course: course.to_string(),
            full_name,
            org,
        };
        let key = |x: &Attendee| (fold(&x.full_name), x.org.clone());
        if out.iter().any(|x| key(x) == key(&a)) {
            return Err((
                line.to_string(),
                hoptac_core::msg!("training.attendee_twice"),
            ));
        }
        out.push(a);
    }
    Ok(out)
}

/// The list as the form shows it, the way [`parse_attendees`] reads it back.
pub fn attendees_text(list: &[Attendee]) -> String {
    list.iter()
        .map(|a| match &a.org {
            Some(o) => format!("{} | {o}", a.full_name),
            None => a.full_name.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl App {
    /// Whether the account keeps courses of `unit` (commune staff of it and the offices
    /// above): refused and audited otherwise.
    async fn may_keep_course(&self, actor: &Actor, unit: UnitId) -> Result<()> {
        if actor.account.role < Role::Commune {
            let e = self.audit_entry(actor, "refused", "training_courses", "", Some(unit));
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(actor, Action::Write, &Resource::Unit(unit))
            .await
    }

    /// Whether the account may record courses at all (before a new course form is shown).
    pub async fn check_course_write(&self, actor: &Actor) -> Result<()> {
        let unit = match &actor.account.scope {
            hoptac_core::auth::Scope::Unit(u) => *u,
            _ => match self.units().await?.iter().find(|u| u.parent.is_none()) {
                Some(u) => u.id,
                None => return Err(AppError::Forbidden),
            },
        };
        self.may_keep_course(actor, unit).await
    }

    /// The units the account may hold courses for: its own and those below it (old ones
    /// too, for a course of before the 2025 reform), provinces and districts first.
    pub async fn course_units(&self, actor: &Actor) -> Result<Vec<hoptac_core::model::AdminUnit>> {
        if actor.account.role < Role::Commune {
            return Ok(Vec::new());
        }
        let snap = self.snapshot().await?;
        let mut out: Vec<_> = (snap.units.iter())
            .filter(|u| {
                hoptac_core::auth::permits(
                    &actor.account,
                    Action::Write,
                    &Resource::Unit(u.id),
                    &*snap,
                )
            })
            .cloned()
            .collect();
        out.sort_by_key(|u| (u.level, u.valid_to.is_some(), u.name.clone()));
        Ok(out)
    }

    /// The courses the account may read, newest first: those of its units and those its
    /// organisations' people attended.
    pub async fn courses(&self, actor: &Actor) -> Result<Vec<(Course, usize)>> {
        let snap = self.snapshot().await?;
        let t = &snap.training;
        let a = &actor.account;
        let orgs: std::collections::HashMap<&hoptac_core::OrgCode, UnitId> =
            snap.orgs.iter().map(|o| (&o.code, o.commune)).collect();
        let readable_org = |c: &hoptac_core::OrgCode| {
            orgs.get(c).is_some_and(|u| {
                hoptac_core::auth::permits(
                    a,
                    Action::Read,
                    &Resource::Org {
                        code: c.clone(),
                        commune: *u,
                    },
                    &*snap,
                )
            })
        };
        let mut out: Vec<(Course, usize)> = (t.courses.iter())
            .filter(|c| {
                hoptac_core::auth::permits(a, Action::Read, &Resource::Unit(c.unit), &*snap)
                    || (t.attendees_of(&c.code).iter())
                        .any(|x| x.org.as_ref().is_some_and(readable_org))
            })
            .map(|c| (c.clone(), t.attendees_of(&c.code).len()))
            .collect();
        out.sort_by(|a, b| (b.0.ends_on, &b.0.code).cmp(&(a.0.ends_on, &a.0.code)));
        Ok(out)
    }

    /// One course and its list, for an account that may read it.
    pub async fn course(&self, actor: &Actor, code: &str) -> Result<CourseView> {
        let readable = self.courses(actor).await?;
        let Some((course, _)) = readable.into_iter().find(|(c, _)| c.code == code) else {
            // not found and not readable look alike from outside; the refusal is kept
            let e = self.audit_entry(actor, "refused", "training_courses", code, None);
            self.store().append_audit(&e).await?;
            return Err(AppError::not_found("course", code));
        };
        let snap = self.snapshot().await?;
        let attendees = snap.training.attendees_of(code).to_vec();
        let org_names = (snap.orgs.iter())
            .filter(|o| attendees.iter().any(|a| a.org.as_ref() == Some(&o.code)))
            .map(|o| (o.code.clone(), o.name.clone()))
            .collect();
        let can_edit = actor.account.role >= Role::Commune
            && hoptac_core::auth::permits(
                &actor.account,
                Action::Write,
                &Resource::Unit(course.unit),
                &*snap,
            );
        Ok(CourseView {
            unit_name: snap
                .unit(course.unit)
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            course,
            attendees,
            org_names,
            can_edit,
        })
    }

    /// Records a course with its list, or corrects the one of `original` (its code stays):
    /// staff of the unit it is held for, every problem at once, nothing written then.
    pub async fn save_course(
        &self,
        actor: &Actor,
        original: Option<&str>,
        course: Course,
        attendees: Vec<Attendee>,
        version: i64,
    ) -> Result<Problems> {
        let course = Course {
            code: original
                .map(str::to_string)
                .unwrap_or(course.code.trim().to_string()),
            title: course.title.trim().to_string(),
            organiser: course.organiser.trim().to_string(),
            funding: course.funding.trim().to_string(),
            ..course
        };
        self.may_keep_course(actor, course.unit).await?;
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let before = snap.training.course(&course.code).cloned();
        if let Some(b) = &before {
            self.may_keep_course(actor, b.unit).await?;
        }
        let mut problems = course_problems(&course);
        match (original, &before) {
            (None, Some(_)) => problems.push((
                "code",
                course.code.clone(),
                hoptac_core::msg!("training.code_taken", code = course.code),
            )),
            (Some(code), None) => return Err(AppError::not_found("course", code)),
            _ => {}
        }
        let orgs: std::collections::HashMap<
            &hoptac_core::OrgCode,
            &hoptac_core::model::Organization,
        > = snap.orgs.iter().map(|o| (&o.code, o)).collect();
        let list: Vec<Attendee> = attendees
            .into_iter()
            .map(|a| Attendee {
                course: course.code.clone(),
                full_name: a.full_name.trim().to_string(),
                ..a
            })
            .collect();
        for a in &list {
            let org = a.org.as_ref().and_then(|c| orgs.get(c).copied());
            let people: Vec<_> = match &a.org {
                Some(c) => snap
                    .managers
                    .iter()
                    .filter(|m| m.org == *c)
                    .cloned()
                    .collect(),
                None => Vec::new(),
            };
            for (_, v, msg) in attendee_problems(&course, a, org, &people) {
                problems.push(("attendees", format!("{} — {v}", a.full_name), msg));
            }
            // a person of an organisation the account cannot read is not listed by it
            if let Some(o) = org
                && !hoptac_core::auth::permits(
                    &actor.account,
                    Action::Read,
                    &Resource::Org {
                        code: o.code.clone(),
                        commune: o.commune,
                    },
                    &*snap,
                )
            {
                problems.push((
                    "attendees",
                    o.code.to_string(),
                    hoptac_core::msg!("import.no_such_organisation", code = o.code),
                ));
            }
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        let stored = snap.training.attendees_of(&course.code).to_vec();
        let mut c = ChangeSet::default();
        match &before {
            Some(_) => {
                c.expect_versions
                    .push(("training_courses".into(), course.code.clone(), version))
            }
            None => c.expect_generation = Some(generation),
        }
        if before.as_ref() == Some(&course) && stored == list {
            return Ok(Vec::new());
        }
        // one entry for the course and its list: its version covers both, so two officers
        // editing the same list never overwrite each other unseen
        let action = if before.is_some() { "update" } else { "create" };
        let mut e = self.audit_entry(
            actor,
            action,
            "training_courses",
            &course.code,
            Some(course.unit),
        );
        e.before = before
            .as_ref()
            .map(|b| serde_json::json!({ "course": b, "attendees": stored }).to_string());
        e.after = Some(serde_json::json!({ "course": course, "attendees": list }).to_string());
        c.audit.push(e);
        if stored != list {
            c.course_attendees.push((course.code.clone(), list));
        }
        if before.as_ref() != Some(&course) {
            c.courses.push(course);
        }
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Vec::new()),
        }
    }

    /// Takes out a course recorded by mistake, with a reason: the audit keeps it and its list.
    pub async fn remove_course(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let reason = crate::auth::bounded(reason.trim(), 500);
        let snap = self.snapshot().await?;
        let course = snap
            .training
            .course(code)
            .cloned()
            .ok_or_else(|| AppError::not_found("course", code))?;
        self.may_keep_course(actor, course.unit).await?;
        if reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                hoptac_core::msg!("corrections.reason_required"),
            ));
        }
        let _turn = self.write_gate.lock().await;
        let list = snap.training.attendees_of(code).to_vec();
        let mut e = self.audit_entry(actor, "delete", "training_courses", code, Some(course.unit));
        e.before =
            serde_json::to_string(&serde_json::json!({ "course": course, "attendees": list })).ok();
        e.after = Some(serde_json::json!({ "removed": true, "reason": reason }).to_string());
        let c = ChangeSet {
            removed_courses: vec![code.to_string()],
            expect_versions: vec![("training_courses".into(), code.to_string(), version)],
            audit: vec![e],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }
}
