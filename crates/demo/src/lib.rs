//! The demo district and the synthetic data of hoptac (dữ liệu minh họa): ILLUSTRATIVE,
//! kept out of the application library so that no production build carries it. The binary
//! uses it for `demo`, `serve --demo`, `generate` and `bench`; tests load it as a fixture.

pub mod district;
pub mod plan;
pub mod plan_tasks;
pub mod synthetic;

pub use district::DEMO_PASSWORD;

use hoptac_app::{Actor, App, Result};
use hoptac_store::ChangeSet;

/// Loads the demo district (illustrative data) into the database, replacing nothing
/// that is not demo data: records are matched on their codes. Also creates one account
/// per role (see the README), without the forced password change, for the demo only.
pub async fn load_demo(app: &App) -> Result<()> {
    let s = district::demo_snapshot();
    let actor = Actor::system();
    let mut e = app.audit_entry(
        &actor,
        "import",
        "demo",
        "thap-muoi",
        Some(hoptac_app::seed::DISTRICT_ID),
    );
    e.after = Some(format!(
        "{{\"organizations\":{},\"annual_reports\":{},\"managers\":{}}}",
        s.orgs.len(),
        s.reports.len(),
        s.managers.len()
    ));
    let registered = district::registered_services(&s.orgs);
    let evaluations = district::demo_evaluations(&s);
    let changes = ChangeSet {
        units: s.units,
        unit_changes: s.changes,
        orgs: s.orgs,
        reports: s.reports,
        managers: s.managers,
        club_profiles: s.clubs.profiles,
        meetings: s.clubs.meetings,
        origins: s.clubs.origins,
        courses: s.training.courses.clone(),
        course_attendees: attendee_lists(&s.training),
        events: s.support.events,
        disbursements: s.support.disbursements,
        products: s.products.products,
        ratings: s.products.ratings,
        facilities: s.trace.facilities,
        lots: s.trace.lots,
        trace_events: s.trace.events,
        contracts: s.contracts.contracts,
        deliveries: s.contracts.deliveries,
        projects: s.contracts.projects,
        meta: std::iter::once(("dataset".to_string(), "demo".to_string()))
            .chain(hoptac_app::documents::to_pairs(
                &hoptac_app::documents::demo_issuer(),
            ))
            .collect(),
        indicators: plan::indicators(),
        plans: vec![plan::plan()],
        targets: plan::plan()
            .targets
            .into_iter()
            .map(|t| (plan::PLAN_CODE.to_string(), t))
            .collect(),
        plan_offices: (plan_tasks::offices().into_iter())
            .map(|o| (plan::PLAN_CODE.to_string(), o))
            .collect(),
        plan_tasks: (plan_tasks::tasks().into_iter())
            .map(|t| (plan::PLAN_CODE.to_string(), t))
            .collect(),
        registered,
        audit: vec![e],
        ..Default::default()
    };
    app.store().apply(&changes).await?;
    let e = app.audit_entry(
        &actor,
        "import",
        "evaluations",
        "thap-muoi",
        Some(hoptac_app::seed::DISTRICT_ID),
    );
    app.store().save_evaluations(&evaluations, &[e]).await?;
    let e = app.audit_entry(
        &actor,
        "import",
        "classifications",
        "thap-muoi",
        Some(hoptac_app::seed::DISTRICT_ID),
    );
    let classified = district::demo_classifications(app.snapshot().await?.as_ref());
    app.store().save_classifications(&classified, &[e]).await?;
    // two cooperatives keeping their books, through the books service
    for y in district::demo_books(app.snapshot().await?.as_ref()) {
        let problems = app
            .replace_ledger_year(
                &actor,
                &y.org,
                y.year,
                0,
                y.sub_accounts,
                y.opening,
                y.vouchers,
            )
            .await?;
        if let Some((field, value, _)) = problems.first() {
            return Err(hoptac_app::AppError::Internal(format!(
                "demo books {} {}: {field} {value}",
                y.org, y.year
            )));
        }
        if y.close {
            app.close_ledger_year(&actor, &y.org, y.year, 1).await?;
        }
    }
    // the demo's review cases, as an office's first review run would record them
    app.run_review(&actor, None).await?;
    for (account, password) in district::demo_accounts() {
        if app.store().account(&account.username).await?.is_none() {
            let e = app.audit_entry(&actor, "create", "accounts", &account.username, None);
            app.store()
                .save_account(
                    &account,
                    Some(&hoptac_app::auth::hash_password(password)?),
                    &e,
                )
                .await?;
        }
    }
    Ok(())
}

/// Each course's attendees as one list, as the store writes them.
fn attendee_lists(
    t: &hoptac_core::model::TrainingRecords,
) -> Vec<(String, Vec<hoptac_core::model::Attendee>)> {
    (t.courses.iter())
        .map(|c| (c.code.clone(), t.attendees_of(&c.code).to_vec()))
        .filter(|(_, l)| !l.is_empty())
        .collect()
}
