//! The to-do list of an account (việc cần làm): what waits for this person, in their scope,
//! as of today. Read only: looking at it changes nothing.

use crate::auth::Actor;
use crate::context::App;
use crate::error::Result;
use crate::evaluation::EvaluationRow;
use hoptac_core::auth::{Role, Scope};
use hoptac_core::deadlines::Deadline;
use hoptac_core::evaluation::State;
use hoptac_core::model::{Organization, UnitId};
use hoptac_core::{Date, OrgCode, OrgKind};
use std::collections::BTreeSet;

/// An organisation a task is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodoOrg {
    pub code: OrgCode,
    pub name: String,
}

/// What waits for one account.
#[derive(Debug, Clone)]
pub struct Todo {
    pub today: Date,
    /// The deadlines to come, soonest first.
    pub deadlines: Vec<Deadline>,
    /// The evaluation year: the one whose 15 December is next or just passed.
    pub evaluation_year: i32,
    /// Submitted sheets this account may review (commune officers and above), with their
    /// year: this evaluation year's and the year before's.
    pub to_review: Vec<(i32, EvaluationRow)>,
    /// Reviewed sheets this account may approve (office staff and above).
    pub to_approve: Vec<(i32, EvaluationRow)>,
    /// A cooperative's own sheet of this evaluation year not yet submitted.
    pub to_submit: Vec<(i32, EvaluationRow)>,
    /// The year whose reports were due by 15 January and are missing.
    pub overdue_year: i32,
    pub overdue_reports: Vec<TodoOrg>,
    /// Open review cases in the scope.
    pub open_cases: usize,
    /// Open cases assigned to this account: (case id, organisation, ground).
    pub assigned: Vec<(i64, TodoOrg, String)>,
    /// Organisations whose commune was split and that no one has placed yet.
    pub unplaced: Vec<TodoOrg>,
    /// OCOP certificates lapsing within 90 days or lapsed, of the organisations in scope
    /// (a cooperative sees its own).
    pub certificates: Vec<crate::ocop::CertificateReminder>,
    /// Linkage contracts of the organisations in scope behind their schedule, at risk, or
    /// ended short this year or last.
    pub contracts_behind: Vec<(
        hoptac_core::chain::Contract,
        hoptac_core::linkage::Fulfilment,
    )>,
}

impl Todo {
    /// The number in the header: the things to act on (deadlines are reminders, not tasks).
    pub fn count(&self) -> usize {
        self.to_review.len()
            + self.to_approve.len()
            + self.to_submit.len()
            + self.overdue_reports.len()
            + self.open_cases
            + self.unplaced.len()
            + self.certificates.len()
            + self.contracts_behind.len()
    }
}

/// Whose yearly report is expected: the kinds that report to the commune.
fn reports(o: &Organization) -> bool {
    matches!(o.kind, OrgKind::Htx | OrgKind::Lhhtx | OrgKind::Tht)
}

impl App {
    /// The header's count of [`App::todo`], kept until the next write or the next day: every
    /// page shows it, so it is computed once per account, not per page.
    pub async fn todo_count(&self, actor: &Actor, today: Date) -> Result<usize> {
        let generation = self.store().generation().await?;
        let name = actor.account.username.clone();
        {
            let m = self.todo_memo.lock().unwrap_or_else(|p| p.into_inner());
            if m.at == Some((generation, today))
                && let Some(n) = m.counts.get(&name)
            {
                return Ok(*n);
            }
        }
        let n = self.todo(actor, today).await?.count();
        let mut m = self.todo_memo.lock().unwrap_or_else(|p| p.into_inner());
        if m.at != Some((generation, today)) {
            *m = crate::context::TodoCountMemo {
                at: Some((generation, today)),
                counts: Default::default(),
            };
        }
        m.counts.insert(name, n);
        Ok(n)
    }

    /// The to-do list of `actor` as of `today`.
    pub async fn todo(&self, actor: &Actor, today: Date) -> Result<Todo> {
        let role = actor.account.role;
        let own = match &actor.account.scope {
            Scope::Org(c) => Some(c.clone()),
            _ => None,
        };
        let snap = self.snapshot().await?;
        let root = match &own {
            Some(_) => None,
            None => self.scope_root(actor).await?,
        };
        let inside: Option<BTreeSet<UnitId>> = root.map(|r| snap.ground(r));
        let mine = |o: &Organization| match &own {
            Some(c) => &o.code == c,
            None => inside.as_ref().is_none_or(|u| u.contains(&o.commune)),
        };
        // the sheets of the year whose 15 December deadline is the next or just passed
        let evaluation_year = if today.month() == time::Month::January {
            today.year() - 1
        } else {
            today.year()
        };
        // a sheet waiting for review or approval stays a task past its year: the year before
        // is looked at too
        let mut to_review = Vec::new();
        let mut to_approve = Vec::new();
        let mut to_submit = Vec::new();
        for year in [evaluation_year - 1, evaluation_year] {
            let sheets = self.evaluations(actor, year, None, None).await?;
            for r in sheets.iter().filter(|r| r.excluded.is_none()) {
                match r.state {
                    Some(State::Submitted) if role >= Role::Commune => {
                        to_review.push((year, r.clone()))
                    }
                    Some(State::Reviewed) if role >= Role::Staff => {
                        to_approve.push((year, r.clone()))
                    }
                    None | Some(State::Draft) if role == Role::Org && year == evaluation_year => {
                        to_submit.push((year, r.clone()))
                    }
                    _ => {}
                }
            }
        }
        // reports of the last year whose deadline has passed
        let overdue_year = if today > hoptac_core::reporting::report_due(today.year() - 1) {
            today.year() - 1
        } else {
            today.year() - 2
        };
        let year_end = hoptac_core::date::year_end(overdue_year);
        let rows = snap.org_rows();
        let overdue_reports = if role == Role::Viewer {
            vec![]
        } else {
            snap.orgs
                .iter()
                .enumerate()
                .filter(|(_, o)| reports(o) && mine(o) && o.active_on(year_end))
                .filter(|(at, _)| {
                    !rows
                        .reports(*at)
                        .iter()
                        .any(|&i| snap.reports[i as usize].year.get() == overdue_year)
                })
                .map(|(_, o)| TodoOrg {
                    code: o.code.clone(),
                    name: o.name.clone(),
                })
                .collect()
        };
        let (open_cases, assigned) = if role >= Role::Commune {
            let codes: BTreeSet<&OrgCode> = snap
                .orgs
                .iter()
                .filter(|o| mine(o))
                .map(|o| &o.code)
                .collect();
            let cases = self.store().cases().await?;
            let open: Vec<_> = cases
                .iter()
                .filter(|c| c.closed_at.is_none() && codes.contains(&c.org))
                .collect();
            let names: std::collections::HashMap<&OrgCode, &str> = snap
                .orgs
                .iter()
                .map(|o| (&o.code, o.name.as_str()))
                .collect();
            let rules: std::collections::HashMap<&str, &str> = hoptac_core::compliance::rules()
                .iter()
                .map(|r| (r.id, r.title_vi))
                .collect();
            let assigned = open
                .iter()
                .filter(|c| crate::case_assign::assignee(c) == Some(actor.name()))
                .map(|c| {
                    (
                        c.id,
                        TodoOrg {
                            code: c.org.clone(),
                            name: names.get(&c.org).map(|n| n.to_string()).unwrap_or_default(),
                        },
                        rules
                            .get(c.rule.as_str())
                            .map(|t| t.to_string())
                            .unwrap_or_else(|| c.rule.clone()),
                    )
                })
                .collect();
            (open.len(), assigned)
        } else {
            (0, vec![])
        };
        let unplaced = if role >= Role::Commune {
            hoptac_core::territory::unplaced(&snap, root, today)
                .into_iter()
                .map(|(o, _)| TodoOrg {
                    code: o.code.clone(),
                    name: o.name.clone(),
                })
                .collect()
        } else {
            vec![]
        };
        let (certificates, contracts_behind) = if role == Role::Viewer {
            (vec![], vec![])
        } else {
            (
                crate::ocop::reminders_in(&snap, mine, today),
                crate::contracts::behind_in(&snap, mine, today),
            )
        };
        Ok(Todo {
            certificates,
            contracts_behind,
            today,
            deadlines: hoptac_core::deadlines::upcoming(today),
            evaluation_year,
            to_review,
            to_approve,
            to_submit,
            overdue_year,
            overdue_reports,
            open_cases,
            assigned,
            unplaced,
        })
    }
}
