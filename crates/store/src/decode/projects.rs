//! Linkage projects read back: the queries every adapter runs and their rows as core types
//! (a project's cooperatives and contracts attached in order).

use super::{Columns, code, corrupt, int, money, req_date, text};
use crate::port::error::Result;
use hoptac_core::OrgCode;
use hoptac_core::chain::LinkageProject;

pub const PROJECTS: &str = "SELECT code, name, lead, area_ha, households, investment_vnd, support_approved_vnd, \
     approved_by, decision, approved_on, starts_on, ends_on FROM linkage_projects ORDER BY code";
pub const ORGS: &str =
    "SELECT project_code, org_code FROM project_orgs ORDER BY project_code, position";
pub const CONTRACTS: &str =
    "SELECT project_code, contract_code FROM project_contracts ORDER BY project_code, position";

/// `code, name, lead, area_ha, households, investment_vnd, support_approved_vnd,
/// approved_by, decision, approved_on, starts_on, ends_on`, without cooperatives and
/// contracts
pub fn project(r: &impl Columns) -> Result<LinkageProject> {
    const T: &str = "linkage_projects";
    Ok(LinkageProject {
        code: text(r, 0, T)?,
        name: text(r, 1, T)?,
        lead: text(r, 2, T)?,
        orgs: Vec::new(),
        contracts: Vec::new(),
        area_ha: money(r, 3)?,
        households: r.int(4)?,
        investment_vnd: int(r, 5, T)?,
        support_approved_vnd: int(r, 6, T)?,
        approved_by: text(r, 7, T)?,
        decision: text(r, 8, T)?,
        approved_on: req_date(r, 9, T, "approved_on")?,
        starts_on: req_date(r, 10, T, "starts_on")?,
        ends_on: req_date(r, 11, T, "ends_on")?,
    })
}

/// `project_code, org_code`
pub fn org(r: &impl Columns) -> Result<(String, OrgCode)> {
    const T: &str = "project_orgs";
    Ok((text(r, 0, T)?, code(r, 1, T)?))
}

/// `project_code, contract_code`
pub fn contract(r: &impl Columns) -> Result<(String, String)> {
    const T: &str = "project_contracts";
    Ok((text(r, 0, T)?, text(r, 1, T)?))
}

/// Puts each project's cooperatives and contracts in place (all lists in code order).
pub fn attach(
    projects: &mut [LinkageProject],
    orgs: Vec<(String, OrgCode)>,
    contracts: Vec<(String, String)>,
) -> Result<()> {
    let find = |projects: &mut [LinkageProject], code: &str| -> Result<usize> {
        projects
            .binary_search_by(|p| p.code.as_str().cmp(code))
            .map_err(|_| corrupt("project_orgs", format!("no project {code}")))
    };
    for (p, o) in orgs {
        let i = find(projects, &p)?;
        projects[i].orgs.push(o);
    }
    for (p, k) in contracts {
        let i = find(projects, &p)?;
        projects[i].contracts.push(k);
    }
    Ok(())
}
