//! Who may do what (phân quyền): roles, scopes in the administrative tree, and the one
//! policy every application service asks. Pure: the caller supplies the units.

use crate::model::{AdminUnit, UnitId};
use crate::types::OrgCode;
use std::collections::BTreeSet;

/// The role of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Xem: read only.
    Viewer,
    /// Hợp tác xã / tổ hợp tác: its own organisation only.
    Org,
    /// Cán bộ xã: the organisations of its commune.
    Commune,
    /// Cán bộ chuyên môn: all data in its scope.
    Staff,
    /// Quản trị: accounts, plans, indicators, within its scope.
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Staff,
        Role::Commune,
        Role::Org,
        Role::Viewer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Staff => "staff",
            Role::Commune => "commune",
            Role::Org => "org",
            Role::Viewer => "viewer",
        }
    }
    pub fn label_vi(self) -> &'static str {
        match self {
            Role::Admin => "Quản trị",
            Role::Staff => "Cán bộ chuyên môn",
            Role::Commune => "Cán bộ xã",
            Role::Org => "Hợp tác xã / tổ hợp tác",
            Role::Viewer => "Xem",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::Staff => "Office staff",
            Role::Commune => "Commune staff",
            Role::Org => "Organisation account",
            Role::Viewer => "Viewer",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        let f = crate::text::fold(s);
        Role::ALL
            .into_iter()
            .find(|r| r.code() == f || crate::text::fold(r.label_vi()) == f)
    }
}

/// Where an account acts: the whole database, an administrative unit and its subtree, or
/// one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Scope {
    All,
    Unit(UnitId),
    Org(OrgCode),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Account {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub scope: Scope,
    /// Must choose a new password at the next login.
    pub must_change_password: bool,
    pub disabled: bool,
}

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Read,
    /// An organisation's profile, yearly figures, managers.
    Write,
    /// Administrative units.
    ManageUnits,
    /// Plans, targets, indicators.
    ManagePlans,
    ManageAccounts,
    ViewAudit,
    /// Settings, rubric versions, validation rules: what an office configures.
    ManageSettings,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Write => "write",
            Action::ManageUnits => "manage_units",
            Action::ManagePlans => "manage_plans",
            Action::ManageAccounts => "manage_accounts",
            Action::ViewAudit => "view_audit",
            Action::ManageSettings => "manage_settings",
        }
    }
}

/// On what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    /// An organisation, located by its commune.
    Org { code: OrgCode, commune: UnitId },
    /// An administrative unit and what lies below it (statistics, plans, accounts there).
    Unit(UnitId),
    /// Everything: the whole database, and what belongs to the installation as a whole
    /// (document settings, rubric versions, shared indicators and rules). Covered by the
    /// scope `all`, and by the scope of the installation's one root unit.
    Everything,
}

/// The register a scope is judged on: the units, and how units became others (a scope's
/// ground follows its communes through a reorganisation, `shared/spec/admin-units.md`).
#[derive(Debug, Clone, Copy)]
pub struct Units<'a> {
    pub units: &'a [AdminUnit],
    pub changes: &'a [crate::model::UnitChange],
}

impl<'a> From<&'a [AdminUnit]> for Units<'a> {
    fn from(units: &'a [AdminUnit]) -> Units<'a> {
        Units {
            units,
            changes: &[],
        }
    }
}

impl<'a> From<&'a Vec<AdminUnit>> for Units<'a> {
    fn from(units: &'a Vec<AdminUnit>) -> Units<'a> {
        Units {
            units: units.as_slice(),
            changes: &[],
        }
    }
}

impl<'a> From<&'a crate::Snapshot> for Units<'a> {
    fn from(s: &'a crate::Snapshot) -> Units<'a> {
        Units {
            units: &s.units,
            changes: &s.changes,
        }
    }
}

/// What a scope unit covers: its subtree, and, where units changed, what its communes became
/// (followed forward) and what they were formed from (followed backward), each one way only,
/// so an office of one commune of a split never covers its sibling.
pub fn ground(units: Units<'_>, root: UnitId) -> BTreeSet<UnitId> {
    crate::model::ground_of(units.changes, subtree(units.units, root))
}

/// Whether the unit `u` is the installation's root: every root unit is `u`, or all the
/// communes under it lie in `u`'s ground (the province a reorganisation formed from `u`'s,
/// or that `u` was formed from).
fn is_root(units: Units<'_>, u: UnitId) -> bool {
    let mut roots = units.units.iter().filter(|x| x.parent.is_none()).peekable();
    if roots.peek().is_none() {
        return false;
    }
    let mine = ground(units, u);
    roots.all(|r| {
        r.id == u || {
            let communes: Vec<UnitId> = subtree(units.units, r.id)
                .into_iter()
                .filter(|id| {
                    units
                        .units
                        .iter()
                        .any(|x| x.id == *id && x.level == crate::types::AdminLevel::Commune)
                })
                .collect();
            !communes.is_empty() && communes.iter().all(|c| mine.contains(c))
        }
    })
}

/// The units below (and including) `root`.
pub fn subtree(units: &[AdminUnit], root: UnitId) -> BTreeSet<UnitId> {
    let mut out = BTreeSet::from([root]);
    loop {
        let before = out.len();
        for u in units {
            if u.parent.is_some_and(|p| out.contains(&p)) {
                out.insert(u.id);
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

impl Scope {
    /// Whether the resource lies inside this scope.
    pub fn covers<'a>(&self, r: &Resource, units: impl Into<Units<'a>>) -> bool {
        let units = units.into();
        match (self, r) {
            (Scope::All, _) => true,
            (Scope::Unit(u), Resource::Org { commune, .. }) => ground(units, *u).contains(commune),
            (Scope::Unit(u), Resource::Unit(v)) => ground(units, *u).contains(v),
            // the installation's own settings and definitions: the scope of its one root
            (Scope::Unit(u), Resource::Everything) => is_root(units, *u),
            (Scope::Org(c), Resource::Org { code, .. }) => c == code,
            _ => false,
        }
    }

    /// Whether `inner` lies inside this scope (for delegating accounts).
    pub fn contains_scope<'a>(
        &self,
        inner: &Scope,
        units: impl Into<Units<'a>>,
        org_commune: Option<UnitId>,
    ) -> bool {
        let units = units.into();
        match inner {
            Scope::All => *self == Scope::All,
            Scope::Unit(v) => self.covers(&Resource::Unit(*v), units),
            Scope::Org(code) => match org_commune {
                Some(commune) => self.covers(
                    &Resource::Org {
                        code: code.clone(),
                        commune,
                    },
                    units,
                ),
                None => false,
            },
        }
    }
}

/// The policy: may `a` do `action` on `r`?
pub fn permits<'a>(a: &Account, action: Action, r: &Resource, units: impl Into<Units<'a>>) -> bool {
    role_may(a, action) && a.scope.covers(r, units)
}

fn role_may(a: &Account, action: Action) -> bool {
    if a.disabled {
        return false;
    }
    match action {
        Action::Read => true,
        Action::Write => a.role != Role::Viewer,
        Action::ManageUnits
        | Action::ManagePlans
        | Action::ManageAccounts
        | Action::ManageSettings => a.role == Role::Admin,
        Action::ViewAudit => matches!(a.role, Role::Admin | Role::Staff),
    }
}

/// One account's policy with the units of its scope gathered once: the answers of
/// [`permits`], for checks over thousands of records (an import of a country's workbook
/// asks for every row; `permits` walks the tree of units each time).
pub struct Policy<'a> {
    account: &'a Account,
    units: Units<'a>,
    inside: Option<BTreeSet<UnitId>>,
}

impl<'a> Policy<'a> {
    pub fn new(account: &'a Account, units: impl Into<Units<'a>>) -> Policy<'a> {
        let units = units.into();
        let inside = match account.scope {
            Scope::Unit(u) => Some(ground(units, u)),
            _ => None,
        };
        Policy {
            account,
            units,
            inside,
        }
    }

    pub fn permits(&self, action: Action, r: &Resource) -> bool {
        if !role_may(self.account, action) {
            return false;
        }
        match (r, &self.inside) {
            (Resource::Org { commune, .. }, Some(inside)) => inside.contains(commune),
            (Resource::Unit(v), Some(inside)) => inside.contains(v),
            _ => self.account.scope.covers(r, self.units),
        }
    }
}

/// May `creator` make (or change) an account with this role and scope? Only below its own
/// scope and role: a lower role within its scope, or another administrator for a strictly
/// smaller scope.
pub fn may_delegate<'a>(
    creator: &Account,
    role: Role,
    scope: &Scope,
    units: impl Into<Units<'a>>,
    org_commune: Option<UnitId>,
) -> bool {
    if creator.disabled
        || creator.role != Role::Admin
        || !creator.scope.contains_scope(scope, units, org_commune)
    {
        return false;
    }
    if role == Role::Org && !matches!(scope, Scope::Org(_))
        || role != Role::Org && matches!(scope, Scope::Org(_))
    {
        return false;
    }
    role < Role::Admin || *scope != creator.scope
}

#[cfg(test)]
mod tests;
