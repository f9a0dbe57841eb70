//! The storage port's conformance suite: what every backend must do, written once against
//! the port's traits (`hoptac_store::Store`). A backend's test binary runs all of it with
//! [`conformance_suite!`], giving a function that opens a fresh, empty store:
//!
//! ```ignore
//! async fn fresh() -> (std::sync::Arc<dyn hoptac_store::Store>, tempfile::TempDir) { … }
//! hoptac_store_conformance::conformance_suite!(fresh);
//! ```
//!
//! The SQLite adapter runs it in `crates/store/tests/it`; the PostgreSQL adapter runs the same
//! functions.

mod changes;
mod clubs;
mod contracts;
mod definitions;
mod evaluations;
mod fixtures;
mod ledgers;
mod people;
mod products;
mod projects;
mod register;
mod review;
mod support;
mod tasks;
mod testdb;
mod trace;
mod training;

pub use changes::*;
pub use clubs::*;
pub use contracts::*;
pub use definitions::*;
pub use evaluations::*;
pub use ledgers::*;
pub use people::*;
pub use products::*;
pub use projects::*;
pub use register::*;
pub use review::*;
pub use support::*;
pub use tasks::*;
pub use testdb::{TestDb, on_postgres};
pub use trace::*;
pub use training::*;

/// Every case of the suite, by name: the macro runs each as its own test.
pub const CASES: &[&str] = &[
    "round_trips_every_field_exactly",
    "upserts_are_idempotent",
    "a_failing_change_set_writes_nothing",
    "removals_take_rows_out_with_the_change_set",
    "an_organisation_entered_by_mistake_is_archived_whole_and_put_back",
    "club_meetings_and_origins_round_trip_and_guard_the_register",
    "training_courses_and_attendees_round_trip_and_guard_the_register",
    "support_events_and_disbursements_round_trip_and_guard_the_register",
    "products_and_ocop_ratings_round_trip_and_guard_the_register",
    "planting_areas_lots_and_trace_events_round_trip_and_guard_each_other",
    "linkage_contracts_and_deliveries_round_trip_and_guard_the_register",
    "linkage_projects_round_trip_and_tie_the_support_paid",
    "ledger_years_round_trip_at_their_version_and_a_closed_year_takes_no_postings",
    "plan_offices_and_tasks_round_trip_in_number_order",
    "search_folds_diacritics_filters_and_pages",
    "snapshot_limits_report_years",
    "database_constraints_back_the_domain",
    "plans_targets_and_indicators_round_trip_and_upsert_one_by_one",
    "generation_and_row_versions_guard_every_write",
    "concurrent_writers_one_wins",
    "accounts_and_sessions",
    "audit_is_queried_by_what_and_where",
    "cases_open_act_and_close",
    "a_closed_case_is_reopened_with_its_changes",
    "reporting_locks_are_a_history",
    "rubric_versions_are_append_only",
    "evaluations_and_classifications_round_trip",
    "merges_move_rows_and_undo_puts_them_back",
    "validation_rules_owner_scopes_and_units",
    "unit_history_round_trips",
    "backup_copies_everything",
    "backup_is_refused_with_advice",
];

/// One `#[tokio::test]` per case, each on a fresh store from `$fresh().await`, which returns
/// the store and a guard that keeps its storage alive (a temporary directory, a database name).
#[macro_export]
macro_rules! conformance_suite {
    // a backend that backs up to a file (SQLite)
    ($fresh:path) => {
        $crate::conformance_suite!(@cases $fresh; round_trips_every_field_exactly, upserts_are_idempotent, a_failing_change_set_writes_nothing, removals_take_rows_out_with_the_change_set, an_organisation_entered_by_mistake_is_archived_whole_and_put_back, club_meetings_and_origins_round_trip_and_guard_the_register, training_courses_and_attendees_round_trip_and_guard_the_register, support_events_and_disbursements_round_trip_and_guard_the_register, products_and_ocop_ratings_round_trip_and_guard_the_register, planting_areas_lots_and_trace_events_round_trip_and_guard_each_other, linkage_contracts_and_deliveries_round_trip_and_guard_the_register, linkage_projects_round_trip_and_tie_the_support_paid, ledger_years_round_trip_at_their_version_and_a_closed_year_takes_no_postings, plan_offices_and_tasks_round_trip_in_number_order, search_folds_diacritics_filters_and_pages, snapshot_limits_report_years, database_constraints_back_the_domain, plans_targets_and_indicators_round_trip_and_upsert_one_by_one, generation_and_row_versions_guard_every_write, concurrent_writers_one_wins, accounts_and_sessions, audit_is_queried_by_what_and_where, cases_open_act_and_close, a_closed_case_is_reopened_with_its_changes, reporting_locks_are_a_history, rubric_versions_are_append_only, evaluations_and_classifications_round_trip, merges_move_rows_and_undo_puts_them_back, validation_rules_owner_scopes_and_units, unit_history_round_trips);

        #[tokio::test]
        async fn backup_copies_everything() {
            let (store, _guard) = $fresh().await;
            let dir = std::env::temp_dir().join(format!("hoptac-backup-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            $crate::backup_copies_everything(&*store, &dir).await;
            let _ = std::fs::remove_dir_all(&dir);
        }
    };
    // a database server, backed up by its own tools (PostgreSQL)
    ($fresh:path, backup_refused) => {
        $crate::conformance_suite!(@cases $fresh; round_trips_every_field_exactly, upserts_are_idempotent, a_failing_change_set_writes_nothing, removals_take_rows_out_with_the_change_set, an_organisation_entered_by_mistake_is_archived_whole_and_put_back, club_meetings_and_origins_round_trip_and_guard_the_register, training_courses_and_attendees_round_trip_and_guard_the_register, support_events_and_disbursements_round_trip_and_guard_the_register, products_and_ocop_ratings_round_trip_and_guard_the_register, planting_areas_lots_and_trace_events_round_trip_and_guard_each_other, linkage_contracts_and_deliveries_round_trip_and_guard_the_register, linkage_projects_round_trip_and_tie_the_support_paid, ledger_years_round_trip_at_their_version_and_a_closed_year_takes_no_postings, plan_offices_and_tasks_round_trip_in_number_order, search_folds_diacritics_filters_and_pages, snapshot_limits_report_years, database_constraints_back_the_domain, plans_targets_and_indicators_round_trip_and_upsert_one_by_one, generation_and_row_versions_guard_every_write, concurrent_writers_one_wins, accounts_and_sessions, audit_is_queried_by_what_and_where, cases_open_act_and_close, a_closed_case_is_reopened_with_its_changes, reporting_locks_are_a_history, rubric_versions_are_append_only, evaluations_and_classifications_round_trip, merges_move_rows_and_undo_puts_them_back, validation_rules_owner_scopes_and_units, unit_history_round_trips);

        #[tokio::test]
        async fn backup_is_refused_with_advice() {
            let (store, _guard) = $fresh().await;
            $crate::backup_is_refused_with_advice(&*store).await;
        }
    };
    (@cases $fresh:path; $($name:ident),*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let (store, _guard) = $fresh().await;
                $crate::$name(&*store).await;
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    /// Every case written is listed, and every listed case is run by the macro: a case
    /// added to a file but not to both lists would silently never run on any backend.
    #[test]
    fn every_case_is_listed_and_run() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut written = Vec::new();
        for e in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some(rest) = line.strip_prefix("pub async fn ") {
                    written.push(rest.split('(').next().unwrap().to_string());
                }
            }
        }
        written.sort();
        let mut listed: Vec<String> = super::CASES.iter().map(|s| s.to_string()).collect();
        listed.sort();
        assert_eq!(written, listed);
        let lib = std::fs::read_to_string(dir.join("lib.rs")).unwrap();
        let run = lib
            .split("@cases $fresh; ")
            .nth(1)
            .and_then(|s| s.split(')').next())
            .unwrap();
        for name in super::CASES.iter().filter(|n| !n.starts_with("backup_")) {
            assert!(run.split(", ").any(|x| x == *name), "{name} is not run");
        }
    }

    /// Every method of the port is called somewhere in the suite: a method added to the
    /// traits without a case would go untested on every backend.
    #[test]
    fn every_port_method_is_exercised() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let traits = std::fs::read_to_string(root.join("../store/src/port/traits.rs")).unwrap();
        let mut suite = String::new();
        for e in std::fs::read_dir(root.join("src")).unwrap() {
            suite.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        let methods: Vec<&str> = traits
            .split("async fn ")
            .skip(1)
            .map(|s| s.split(['(', '<']).next().unwrap().trim())
            .collect();
        assert!(methods.len() > 30, "the port's methods were not found");
        let missing: Vec<&&str> = methods
            .iter()
            .filter(|m| !suite.contains(&format!(".{m}(")))
            .collect();
        assert!(
            missing.is_empty(),
            "not exercised by the suite: {missing:?}"
        );
    }
}
