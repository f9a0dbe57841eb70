//! Hội quán as what they are: a club's profile, its meetings (buổi sinh hoạt) with the
//! officials who attended, and the organisations founded from it. Commune staff of its
//! territory keep them; everyone who may read the club may read them.
//!
//! A meeting is one row per club and day (`CODE/yyyy-mm-dd` in the audit); a form that edits
//! one carries the version it read, so two officers entering the same meeting never overwrite
//! each other unseen.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::auth::{Action, Role};
use hoptac_core::club::{meeting_problems, origin_problems, profile_problems};
use hoptac_core::i18n::Msg;
use hoptac_core::model::{ClubProfile, Meeting, OrgOrigin, Organization};
use hoptac_core::{Date, OrgCode};
use hoptac_store::ChangeSet;

/// Every problem of a form: the field, the value refused, why. Empty when it was saved.
pub type Problems = Vec<(&'static str, String, Msg)>;

/// A club as its page shows it (trang Hội quán).
#[derive(Debug, Clone)]
pub struct ClubView {
    pub org: Organization,
    pub profile: Option<ClubProfile>,
    /// Newest first.
    pub meetings: Vec<Meeting>,
    /// Organisations founded from this one, with their rows (those the account may read).
    pub founded: Vec<(OrgOrigin, Organization)>,
    /// What this one was founded from.
    pub origins: Vec<OrgOrigin>,
    /// Members at the last yearly report (thành viên), and its year.
    pub members: Option<(i32, i64)>,
}

/// The key of a meeting in the audit and in row versions.
pub fn meeting_key(org: &OrgCode, on: Date) -> String {
    format!("{org}/{}", hoptac_core::date::to_iso(on))
}

impl App {
    /// Whether the account may keep this club's records: refused (and audited) otherwise,
    /// before a form is shown.
    pub async fn check_club_write(&self, actor: &Actor, org: &str) -> Result<()> {
        self.org_for(actor, org, Action::Write, Role::Commune)
            .await
            .map(|_| ())
    }

    /// The club page: its profile, meetings and lineage, for any account that may read it.
    pub async fn club(&self, actor: &Actor, org: &str) -> Result<ClubView> {
        let (code, o) = self.org_for(actor, org, Action::Read, Role::Viewer).await?;
        let snap = self.snapshot().await?;
        let c = &snap.clubs;
        let mut meetings: Vec<Meeting> = (c.meetings.iter())
            .filter(|m| m.org == code)
            .cloned()
            .collect();
        meetings.reverse();
        let readable = |x: &Organization| {
            hoptac_core::auth::permits(
                &actor.account,
                Action::Read,
                &hoptac_core::auth::Resource::Org {
                    code: x.code.clone(),
                    commune: x.commune,
                },
                &*snap,
            )
        };
        let founded = (c.origins.iter())
            .filter(|g| g.from == code)
            .filter_map(|g| {
                let x = snap.orgs.iter().find(|x| x.code == g.org)?;
                readable(x).then(|| (g.clone(), x.clone()))
            })
            .collect();
        let members = (snap.reports.iter())
            .filter(|r| r.org == code)
            .filter_map(|r| Some((r.year.get(), r.figures.members?)))
            .max_by_key(|(y, _)| *y);
        Ok(ClubView {
            profile: c.profiles.iter().find(|p| p.org == code).cloned(),
            origins: c
                .origins
                .iter()
                .filter(|g| g.org == code)
                .cloned()
                .collect(),
            meetings,
            founded,
            members,
            org: o,
        })
    }

    /// Records a meeting, or corrects the one of `original` (its date may change): commune
    /// staff of the club's territory, every problem said at once, nothing written then.
    pub async fn save_meeting(
        &self,
        actor: &Actor,
        org: &str,
        original: Option<Date>,
        m: Meeting,
        version: i64,
    ) -> Result<Problems> {
        let (code, club) = self
            .org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        let m = Meeting {
            org: code.clone(),
            ..m
        };
        let mut problems = meeting_problems(&club, &m);
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let held =
            |on: Date| (snap.clubs.meetings.iter()).find(|x| x.org == code && x.held_on == on);
        let before = match original {
            None => None,
            Some(on) => Some(
                held(on)
                    .cloned()
                    .ok_or_else(|| AppError::not_found("meeting", meeting_key(&code, on)))?,
            ),
        };
        if original != Some(m.held_on) && held(m.held_on).is_some() {
            let day = hoptac_core::date::to_vi(m.held_on);
            problems.push((
                "held_on",
                day.clone(),
                hoptac_core::msg!("club.meeting_taken", day = day),
            ));
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        let key = meeting_key(&code, m.held_on);
        let mut c = ChangeSet::default();
        if let Some(b) = &before {
            let old = meeting_key(&code, b.held_on);
            c.expect_versions
                .push(("club_meetings".into(), old, version));
            if b.held_on != m.held_on {
                c.removed_meetings.push((code.clone(), b.held_on));
            }
        } else {
            // a new day's row: nothing else may have written since the check above (a day
            // once used and taken out has a history, so no row version says "new")
            c.expect_generation = Some(generation);
        }
        let action = if before.is_some() { "update" } else { "create" };
        let mut e = self.audit_entry(actor, action, "club_meetings", &key, Some(club.commune));
        e.before = before.as_ref().and_then(|b| serde_json::to_string(b).ok());
        e.after = serde_json::to_string(&m).ok();
        c.audit.push(e);
        if let Some(b) = before.filter(|b| b.held_on != m.held_on) {
            // the old date's row ends here: its history says where it went
            let mut gone = self.audit_entry(
                actor,
                "delete",
                "club_meetings",
                &meeting_key(&code, b.held_on),
                Some(club.commune),
            );
            gone.before = serde_json::to_string(&b).ok();
            gone.after = Some(serde_json::json!({ "moved_to": key }).to_string());
            c.audit.push(gone);
        }
        c.meetings.push(m);
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Vec::new()),
        }
    }

    /// Takes out a meeting recorded by mistake, with a reason: its row leaves the register,
    /// the audit keeps it whole.
    pub async fn remove_meeting(
        &self,
        actor: &Actor,
        org: &str,
        on: Date,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let (code, club) = self
            .org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        let reason = crate::auth::bounded(reason.trim(), 500);
        if reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                hoptac_core::msg!("corrections.reason_required"),
            ));
        }
        let _turn = self.write_gate.lock().await;
        let snap = self.snapshot().await?;
        let key = meeting_key(&code, on);
        let m = (snap.clubs.meetings.iter())
            .find(|x| x.org == code && x.held_on == on)
            .cloned()
            .ok_or_else(|| AppError::not_found("meeting", key.clone()))?;
        let mut e = self.audit_entry(actor, "delete", "club_meetings", &key, Some(club.commune));
        e.before = serde_json::to_string(&m).ok();
        e.after = Some(serde_json::json!({ "removed": true, "reason": reason }).to_string());
        let c = ChangeSet {
            removed_meetings: vec![(code, on)],
            expect_versions: vec![("club_meetings".into(), key, version)],
            audit: vec![e],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }

    /// Saves a club's profile (sequence number, trade, meetings a year).
    pub async fn save_club_profile(
        &self,
        actor: &Actor,
        org: &str,
        p: ClubProfile,
        version: i64,
    ) -> Result<Problems> {
        let (code, club) = self
            .org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        let p = ClubProfile {
            org: code.clone(),
            trade: p.trade.trim().to_string(),
            ..p
        };
        let mut problems = profile_problems(&p);
        if club.kind != hoptac_core::types::OrgKind::HoiQuan {
            problems.push((
                "org",
                code.to_string(),
                hoptac_core::msg!("club.not_a_club", org = code, kind = club.kind.label_vi()),
            ));
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        let _turn = self.write_gate.lock().await;
        let snap = self.snapshot().await?;
        let before = snap.clubs.profiles.iter().find(|x| x.org == code).cloned();
        let action = if before.is_some() { "update" } else { "create" };
        let mut e = self.audit_entry(
            actor,
            action,
            "club_profiles",
            code.as_str(),
            Some(club.commune),
        );
        e.before = before.as_ref().and_then(|b| serde_json::to_string(b).ok());
        e.after = serde_json::to_string(&p).ok();
        let c = ChangeSet {
            expect_versions: vec![("club_profiles".into(), code.to_string(), version)],
            club_profiles: vec![p],
            audit: vec![e],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Vec::new()),
        }
    }

    /// Records that `org` was founded from `from` (a Hội quán, a group), with how many of
    /// its founders came from there: staff who may write `org` and read `from`.
    pub async fn set_origin(
        &self,
        actor: &Actor,
        org: &str,
        from: &str,
        founding_members: Option<i64>,
    ) -> Result<Problems> {
        let (code, o) = self
            .org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        let (from_code, f) = self
            .org_for(actor, from, Action::Read, Role::Viewer)
            .await?;
        let problems = origin_problems(&o, &f, founding_members);
        if !problems.is_empty() {
            return Ok(problems);
        }
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let before = (snap.clubs.origins.iter())
            .find(|g| g.org == code && g.from == from_code)
            .cloned();
        let key = format!("{code}/{from_code}");
        let g = OrgOrigin {
            org: code.clone(),
            from: from_code,
            from_kind: f.kind,
            founding_members,
        };
        let action = if before.is_some() { "update" } else { "create" };
        let mut e = self.audit_entry(actor, action, "org_origins", &key, Some(o.commune));
        e.before = before.as_ref().and_then(|b| serde_json::to_string(b).ok());
        e.after = serde_json::to_string(&g).ok();
        let c = ChangeSet {
            origins: vec![g],
            audit: vec![e],
            expect_generation: Some(generation),
            ..Default::default()
        };
        self.apply(&c).await?;
        Ok(Vec::new())
    }

    /// Takes out an origin entered by mistake.
    pub async fn remove_origin(&self, actor: &Actor, org: &str, from: &str) -> Result<()> {
        let (code, o) = self
            .org_for(actor, org, Action::Write, Role::Commune)
            .await?;
        let from_code = OrgCode::parse(from).ok_or_else(|| AppError::not_found("org", from))?;
        let _turn = self.write_gate.lock().await;
        let snap = self.snapshot().await?;
        let key = format!("{code}/{from_code}");
        let g = (snap.clubs.origins.iter())
            .find(|g| g.org == code && g.from == from_code)
            .cloned()
            .ok_or_else(|| AppError::not_found("origin", key.clone()))?;
        let mut e = self.audit_entry(actor, "delete", "org_origins", &key, Some(o.commune));
        e.before = serde_json::to_string(&g).ok();
        let c = ChangeSet {
            removed_origins: vec![(code, from_code)],
            audit: vec![e],
            ..Default::default()
        };
        self.apply(&c).await?;
        Ok(())
    }

    /// The values a new meeting of `org` starts from: the last meeting's topic and
    /// officials (the same officers usually attend), today's date, no attendance.
    pub async fn meeting_proposal(&self, actor: &Actor, org: &str, today: Date) -> Result<Meeting> {
        let v = self.club(actor, org).await?;
        let last = v.meetings.first();
        Ok(Meeting {
            org: v.org.code.clone(),
            held_on: today,
            topic: last
                .map(|m| m.topic)
                .unwrap_or(hoptac_core::types::MeetingTopic::Technique),
            attendance: last.and_then(|m| m.attendance),
            officials: last.map(|m| m.officials.clone()).unwrap_or_default(),
            outcome: String::new(),
        })
    }
}
