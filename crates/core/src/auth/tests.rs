use super::*;
use crate::types::AdminLevel;

fn units() -> Vec<AdminUnit> {
    let u = |id: i64, level, parent: Option<i64>| AdminUnit {
        id: UnitId(id),
        code: id.to_string(),
        name: format!("U{id}"),
        level,
        parent: parent.map(UnitId),
        valid_from: None,
        valid_to: None,
    };
    vec![
        u(1, AdminLevel::Province, None),
        u(2, AdminLevel::District, Some(1)),
        u(3, AdminLevel::Commune, Some(2)),
        u(4, AdminLevel::Commune, Some(2)),
        u(5, AdminLevel::District, Some(1)),
        u(6, AdminLevel::Commune, Some(5)),
    ]
}

fn acct(role: Role, scope: Scope) -> Account {
    Account {
        username: "x".into(),
        display_name: "X".into(),
        role,
        scope,
        must_change_password: false,
        disabled: false,
    }
}

fn org(code: &str, commune: i64) -> Resource {
    Resource::Org {
        code: OrgCode::parse(code).unwrap(),
        commune: UnitId(commune),
    }
}

#[test]
fn the_role_by_action_matrix() {
    let us = units();
    let district = Scope::Unit(UnitId(2));
    let own = || org("A", 3);
    let other_commune = || org("B", 4);
    let other_district = || org("C", 6);
    struct Case {
        role: Role,
        scope: Scope,
        action: Action,
        resource: Resource,
        allowed: bool,
    }
    let c = |role, scope: &Scope, action, resource, allowed| Case {
        role,
        scope: scope.clone(),
        action,
        resource,
        allowed,
    };
    let commune = Scope::Unit(UnitId(3));
    let org_scope = Scope::Org(OrgCode::parse("A").unwrap());
    let cases = vec![
        // administrator of the district
        c(Role::Admin, &district, Action::Write, own(), true),
        c(
            Role::Admin,
            &district,
            Action::Write,
            other_district(),
            false,
        ),
        c(
            Role::Admin,
            &district,
            Action::ManagePlans,
            Resource::Unit(UnitId(2)),
            true,
        ),
        c(
            Role::Admin,
            &district,
            Action::ManagePlans,
            Resource::Unit(UnitId(1)),
            false,
        ),
        // installation-wide settings, rubrics, shared indicators and rules: not a district's
        c(
            Role::Admin,
            &district,
            Action::ManagePlans,
            Resource::Everything,
            false,
        ),
        c(
            Role::Admin,
            &commune,
            Action::ManagePlans,
            Resource::Everything,
            false,
        ),
        // … but the administrator of the installation's one root unit (the province)
        c(
            Role::Admin,
            &Scope::Unit(UnitId(1)),
            Action::ManagePlans,
            Resource::Everything,
            true,
        ),
        c(
            Role::Staff,
            &Scope::Unit(UnitId(1)),
            Action::ManagePlans,
            Resource::Everything,
            false,
        ),
        c(
            Role::Staff,
            &Scope::Unit(UnitId(1)),
            Action::ViewAudit,
            Resource::Everything,
            true,
        ),
        c(
            Role::Admin,
            &district,
            Action::ViewAudit,
            Resource::Everything,
            false,
        ),
        c(
            Role::Admin,
            &district,
            Action::ManageSettings,
            Resource::Everything,
            false,
        ),
        c(
            Role::Admin,
            &district,
            Action::ManageSettings,
            Resource::Unit(UnitId(2)),
            true,
        ),
        c(
            Role::Staff,
            &district,
            Action::ManageSettings,
            Resource::Unit(UnitId(2)),
            false,
        ),
        c(
            Role::Admin,
            &Scope::Unit(UnitId(1)),
            Action::ManageSettings,
            Resource::Everything,
            true,
        ),
        // units: a district administrator manages its own subtree only
        c(
            Role::Admin,
            &district,
            Action::ManageUnits,
            Resource::Unit(UnitId(3)),
            true,
        ),
        c(
            Role::Admin,
            &district,
            Action::ManageUnits,
            Resource::Unit(UnitId(5)),
            false,
        ),
        c(
            Role::Admin,
            &district,
            Action::ManageUnits,
            Resource::Unit(UnitId(1)),
            false,
        ),
        c(
            Role::Admin,
            &district,
            Action::ManageAccounts,
            Resource::Unit(UnitId(3)),
            true,
        ),
        c(
            Role::Admin,
            &district,
            Action::ViewAudit,
            Resource::Unit(UnitId(2)),
            true,
        ),
        // office staff
        c(Role::Staff, &district, Action::Read, other_commune(), true),
        c(Role::Staff, &district, Action::Write, other_commune(), true),
        c(
            Role::Staff,
            &district,
            Action::Read,
            other_district(),
            false,
        ),
        c(
            Role::Staff,
            &district,
            Action::ManagePlans,
            Resource::Unit(UnitId(2)),
            false,
        ),
        c(
            Role::Staff,
            &district,
            Action::ManageAccounts,
            Resource::Unit(UnitId(3)),
            false,
        ),
        c(
            Role::Staff,
            &district,
            Action::ViewAudit,
            Resource::Unit(UnitId(2)),
            true,
        ),
        c(
            Role::Staff,
            &district,
            Action::ManageUnits,
            Resource::Unit(UnitId(2)),
            false,
        ),
        // commune staff
        c(Role::Commune, &commune, Action::Write, own(), true),
        c(
            Role::Commune,
            &commune,
            Action::Read,
            other_commune(),
            false,
        ),
        c(
            Role::Commune,
            &commune,
            Action::Write,
            other_commune(),
            false,
        ),
        c(
            Role::Commune,
            &commune,
            Action::Read,
            Resource::Unit(UnitId(3)),
            true,
        ),
        c(
            Role::Commune,
            &commune,
            Action::Read,
            Resource::Unit(UnitId(2)),
            false,
        ),
        c(
            Role::Commune,
            &commune,
            Action::ViewAudit,
            Resource::Unit(UnitId(3)),
            false,
        ),
        // organisation account
        c(Role::Org, &org_scope, Action::Read, own(), true),
        c(Role::Org, &org_scope, Action::Write, own(), true),
        c(Role::Org, &org_scope, Action::Read, org("B", 3), false),
        c(Role::Org, &org_scope, Action::Write, org("B", 3), false),
        c(
            Role::Org,
            &org_scope,
            Action::Read,
            Resource::Unit(UnitId(3)),
            false,
        ),
        c(
            Role::Org,
            &org_scope,
            Action::ManagePlans,
            Resource::Everything,
            false,
        ),
        // viewer
        c(Role::Viewer, &district, Action::Read, own(), true),
        c(Role::Viewer, &district, Action::Write, own(), false),
        c(
            Role::Viewer,
            &district,
            Action::ViewAudit,
            Resource::Unit(UnitId(2)),
            false,
        ),
        // the root administrator
        c(
            Role::Admin,
            &Scope::All,
            Action::ManageUnits,
            Resource::Everything,
            true,
        ),
    ];
    for k in &cases {
        let a = acct(k.role, k.scope.clone());
        assert_eq!(
            permits(&a, k.action, &k.resource, &us),
            k.allowed,
            "{:?} {:?} {:?} {:?}",
            k.role,
            k.scope,
            k.action,
            k.resource
        );
    }
    let mut off = acct(Role::Admin, Scope::All);
    off.disabled = true;
    assert!(
        !permits(&off, Action::Read, &own(), &us),
        "a disabled account may do nothing"
    );
}

#[test]
fn delegation_goes_only_downwards() {
    let us = units();
    let admin = acct(Role::Admin, Scope::Unit(UnitId(2)));
    assert!(may_delegate(
        &admin,
        Role::Staff,
        &Scope::Unit(UnitId(2)),
        &us,
        None
    ));
    assert!(may_delegate(
        &admin,
        Role::Commune,
        &Scope::Unit(UnitId(3)),
        &us,
        None
    ));
    assert!(
        may_delegate(&admin, Role::Admin, &Scope::Unit(UnitId(3)), &us, None),
        "an administrator for a commune below"
    );
    assert!(
        !may_delegate(&admin, Role::Admin, &Scope::Unit(UnitId(2)), &us, None),
        "not a peer"
    );
    assert!(
        !may_delegate(&admin, Role::Staff, &Scope::Unit(UnitId(1)), &us, None),
        "not above"
    );
    assert!(
        !may_delegate(&admin, Role::Staff, &Scope::Unit(UnitId(6)), &us, None),
        "not beside"
    );
    assert!(!may_delegate(&admin, Role::Staff, &Scope::All, &us, None));
    let a = OrgCode::parse("A").unwrap();
    assert!(may_delegate(
        &admin,
        Role::Org,
        &Scope::Org(a.clone()),
        &us,
        Some(UnitId(3))
    ));
    assert!(!may_delegate(
        &admin,
        Role::Org,
        &Scope::Org(a.clone()),
        &us,
        Some(UnitId(6))
    ));
    assert!(
        !may_delegate(&admin, Role::Org, &Scope::Unit(UnitId(3)), &us, None),
        "an organisation account has an organisation scope"
    );
    assert!(
        !may_delegate(
            &acct(Role::Staff, Scope::All),
            Role::Viewer,
            &Scope::Unit(UnitId(3)),
            &us,
            None
        ),
        "only administrators delegate"
    );
}

#[test]
fn roles_parse() {
    assert_eq!(Role::parse("admin"), Some(Role::Admin));
    assert_eq!(Role::parse("cán bộ xã"), Some(Role::Commune));
    assert_eq!(Role::parse("boss"), None);
}

#[test]
fn a_policy_answers_as_permits_does() {
    let us = units();
    let scopes = [
        Scope::All,
        Scope::Unit(UnitId(1)),
        Scope::Unit(UnitId(2)),
        Scope::Unit(UnitId(3)),
        Scope::Unit(UnitId(99)),
        Scope::Org(OrgCode::parse("H-1").unwrap()),
    ];
    let resources = [
        org("H-1", 3),
        org("H-2", 6),
        org("H-3", 99),
        Resource::Unit(UnitId(1)),
        Resource::Unit(UnitId(4)),
        Resource::Unit(UnitId(6)),
        Resource::Everything,
    ];
    let actions = [
        Action::Read,
        Action::Write,
        Action::ManageUnits,
        Action::ManagePlans,
        Action::ManageAccounts,
        Action::ManageSettings,
        Action::ViewAudit,
    ];
    let (mut yes, mut no) = (0, 0);
    for role in [
        Role::Viewer,
        Role::Org,
        Role::Commune,
        Role::Staff,
        Role::Admin,
    ] {
        for scope in &scopes {
            for disabled in [false, true] {
                let a = Account {
                    disabled,
                    ..acct(role, scope.clone())
                };
                let p = Policy::new(&a, &us);
                for r in &resources {
                    for action in actions {
                        let want = permits(&a, action, r, &us);
                        assert_eq!(p.permits(action, r), want, "{a:?} {action:?} {r:?}");
                        if want { yes += 1 } else { no += 1 }
                    }
                }
            }
        }
    }
    assert!(yes > 50 && no > 50, "{yes} {no}");
}

/// Through a reorganisation a scope keeps its ground: the old province's administrator stays
/// the installation's (the new province was formed from its communes), a new commune's office
/// writes the organisations still registered in the communes it was formed from, the old
/// district's office those in what its communes became, and a split never gives one new
/// commune's office its sibling.
#[test]
fn scopes_follow_their_ground_through_a_reorganisation() {
    use crate::territory::fixture::{
        self as fx, A, DISTRICT, N1, N2, NEW_PROVINCE, OLD_PROVINCE, P,
    };
    let units = fx::units();
    let changes = fx::changes();
    let reg = Units {
        units: &units,
        changes: &changes,
    };
    let org_in = |c: i64| Resource::Org {
        code: OrgCode::parse("HTX-X").unwrap(),
        commune: UnitId(c),
    };
    let admin = acct(Role::Admin, Scope::Unit(UnitId(OLD_PROVINCE)));
    assert!(permits(
        &admin,
        Action::ManageSettings,
        &Resource::Everything,
        reg
    ));
    // without the changes the new province is a second root nobody holds
    assert!(!permits(
        &admin,
        Action::ManageSettings,
        &Resource::Everything,
        &units
    ));
    let n1 = acct(Role::Commune, Scope::Unit(UnitId(N1)));
    assert!(permits(&n1, Action::Write, &org_in(A), reg));
    assert!(
        permits(&n1, Action::Write, &org_in(P), reg),
        "P gave part of itself to N1"
    );
    assert!(!permits(&n1, Action::Write, &org_in(N2), reg));
    let district = acct(Role::Staff, Scope::Unit(UnitId(DISTRICT)));
    assert!(permits(&district, Action::Write, &org_in(N1), reg));
    let policy = Policy::new(&district, reg);
    assert!(policy.permits(Action::Write, &org_in(N2)));
    let new_admin = acct(Role::Admin, Scope::Unit(UnitId(NEW_PROVINCE)));
    assert!(permits(
        &new_admin,
        Action::ManageSettings,
        &Resource::Everything,
        reg
    ));
}
