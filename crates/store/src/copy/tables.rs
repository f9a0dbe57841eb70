//! The tables a copy moves, in the order they are written.

use super::shape::Kind::*;
use super::shape::{Table, copy_table};

/// Every table of the schema, each after the tables it refers to.
pub const TABLES: &[Table] = &[
    copy_table!("meta", "key", false, [("key", Text), ("value", Text)]),
    copy_table!(
        "admin_units",
        "CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, id",
        false,
        [
            ("id", Int),
            ("code", Text),
            ("name", Text),
            ("name_folded", Text),
            ("level", Text),
            ("parent_id", Int),
            ("valid_from", Date),
            ("valid_to", Date)
        ]
    ),
    copy_table!(
        "unit_changes",
        "old_id, new_id",
        false,
        [
            ("old_id", Int),
            ("new_id", Int),
            ("on_date", Date),
            ("kind", Text),
            ("basis", Text)
        ]
    ),
    copy_table!(
        "organizations",
        "code",
        false,
        [
            ("code", Text),
            ("kind", Text),
            ("name", Text),
            ("name_folded", Text),
            ("sector", Text),
            ("commune_id", Int),
            ("founded_on", Date),
            ("dissolved_on", Date),
            ("registration_no", Text)
        ]
    ),
    copy_table!(
        "organization_moves",
        "org_code, moved_on",
        false,
        [
            ("org_code", Text),
            ("commune_id", Int),
            ("moved_on", Date),
            ("reason", Text)
        ]
    ),
    copy_table!(
        "annual_reports",
        "org_code, year",
        false,
        [
            ("org_code", Text),
            ("year", Int),
            ("members", Int),
            ("members_joined", Int),
            ("members_left", Int),
            ("workers", Int),
            ("revenue", Int),
            ("profit", Int),
            ("member_income", Int),
            ("worker_income", Int),
            ("services", Text),
            ("rating", Text),
            ("rating_basis", Text),
            ("general_meeting_on", Date),
            ("statements_filed", Bool),
            ("received_on", Date),
            ("statements_filed_on", Date),
            ("self_assessment_sent_on", Date)
        ]
    ),
    copy_table!(
        "managers",
        "id",
        true,
        [
            ("id", Int),
            ("org_code", Text),
            ("full_name", Text),
            ("role", Text),
            ("qualification", Text),
            ("trained_on", Date),
            ("from_date", Date),
            ("to_date", Date)
        ]
    ),
    copy_table!(
        "registered_services",
        "org_code, service",
        false,
        [("org_code", Text), ("service", Text)]
    ),
    copy_table!(
        "indicators",
        "id",
        false,
        [
            ("id", Text),
            ("label_vi", Text),
            ("label_en", Text),
            ("definition", Text),
            ("description", Text)
        ]
    ),
    copy_table!(
        "plans",
        "code",
        false,
        [
            ("code", Text),
            ("title", Text),
            ("issuer", Text),
            ("doc_no", Text),
            ("doc_date", Date),
            ("from_year", Int),
            ("to_year", Int),
            ("baseline_year", Int),
            ("scope_code", Text)
        ]
    ),
    copy_table!(
        "targets",
        "plan_code, no",
        false,
        [
            ("plan_code", Text),
            ("no", Text),
            ("wording", Text),
            ("indicator", Text),
            ("comparator", Text),
            ("value", Int),
            ("value_hi", Int),
            ("baseline_indicator", Text),
            ("milestones", Text),
            ("note", Text)
        ]
    ),
    copy_table!(
        "validation_rules",
        "id",
        false,
        [
            ("id", Text),
            ("expression", Text),
            ("severity", Text),
            ("message_vi", Text),
            ("message_en", Text),
            ("active", Bool)
        ]
    ),
    copy_table!(
        "owner_scopes",
        "entity, key",
        false,
        [("entity", Text), ("key", Text), ("unit_id", Int)]
    ),
    copy_table!(
        "accounts",
        "username",
        false,
        [
            ("username", Text),
            ("display_name", Text),
            ("password_hash", Text),
            ("role", Text),
            ("scope_kind", Text),
            ("scope_value", Text),
            ("must_change", Bool),
            ("disabled", Bool)
        ]
    ),
    copy_table!(
        "sessions",
        "token_hash",
        false,
        [
            ("token_hash", Text),
            ("username", Text),
            ("csrf", Text),
            ("expires_at", Int)
        ]
    ),
    copy_table!(
        "audit",
        "id",
        true,
        [
            ("id", Int),
            ("at", Moment),
            ("actor", Text),
            ("ip", Text),
            ("action", Text),
            ("entity", Text),
            ("key", Text),
            ("unit_id", Int),
            ("before", Text),
            ("after", Text)
        ]
    ),
    copy_table!(
        "cases",
        "id",
        true,
        [
            ("id", Int),
            ("rule", Text),
            ("org_code", Text),
            ("since", Date),
            ("evidence", Text),
            ("opened_at", Moment),
            ("closed_at", Moment),
            ("closed_reason", Text)
        ]
    ),
    copy_table!(
        "case_actions",
        "id",
        true,
        [
            ("id", Int),
            ("case_id", Int),
            ("at", Moment),
            ("actor", Text),
            ("action", Text),
            ("note", Text),
            ("on_date", Date)
        ]
    ),
    copy_table!(
        "merges",
        "id",
        true,
        [
            ("id", Int),
            ("at", Moment),
            ("actor", Text),
            ("keep_code", Text),
            ("drop_code", Text),
            ("moved_years", Text),
            ("moved_managers", Text),
            ("moved_accounts", Text),
            ("case_ids", Text),
            ("archive", Bytes),
            ("undone_at", Moment)
        ]
    ),
    copy_table!(
        "merged_evaluations",
        "merge_id, org_code, year, rubric_id",
        false,
        [
            ("merge_id", Int),
            ("org_code", Text),
            ("year", Int),
            ("rubric_id", Text),
            ("rubric_version", Int),
            ("state", Text),
            ("self_scores", Text),
            ("adjusted", Text),
            ("submitted_on", Date)
        ]
    ),
    copy_table!(
        "merged_classifications",
        "merge_id, org_code, year",
        false,
        [
            ("merge_id", Int),
            ("org_code", Text),
            ("year", Int),
            ("supply", Text),
            ("vsic", Text),
            ("capital", Text),
            ("agri_field", Text)
        ]
    ),
    copy_table!(
        "merged_registered_services",
        "merge_id, org_code, service",
        false,
        [("merge_id", Int), ("org_code", Text), ("service", Text)]
    ),
    copy_table!(
        "evaluations",
        "org_code, year, rubric_id",
        false,
        [
            ("org_code", Text),
            ("year", Int),
            ("rubric_id", Text),
            ("rubric_version", Int),
            ("state", Text),
            ("self_scores", Text),
            ("adjusted", Text),
            ("submitted_on", Date)
        ]
    ),
    copy_table!(
        "rubric_versions",
        "rubric_id, version",
        false,
        [
            ("rubric_id", Text),
            ("version", Int),
            ("document", Text),
            ("note", Text),
            ("loaded_by", Text),
            ("loaded_at", Moment)
        ]
    ),
    copy_table!(
        "classifications",
        "org_code, year",
        false,
        [
            ("org_code", Text),
            ("year", Int),
            ("supply", Text),
            ("vsic", Text),
            ("capital", Text),
            ("agri_field", Text)
        ]
    ),
    copy_table!(
        "reporting_locks",
        "id",
        true,
        [
            ("id", Int),
            ("year", Int),
            ("unit_id", Int),
            ("action", Text),
            ("reason", Text),
            ("actor", Text),
            ("at", Moment)
        ]
    ),
    copy_table!(
        "archived_reports",
        "id",
        true,
        [
            ("id", Int),
            ("org_code", Text),
            ("year", Int),
            ("members", Int),
            ("members_joined", Int),
            ("members_left", Int),
            ("workers", Int),
            ("revenue", Int),
            ("profit", Int),
            ("member_income", Int),
            ("worker_income", Int),
            ("services", Text),
            ("rating", Text),
            ("rating_basis", Text),
            ("general_meeting_on", Date),
            ("statements_filed", Bool),
            ("received_on", Date),
            ("statements_filed_on", Date),
            ("self_assessment_sent_on", Date),
            ("archived_at", Moment),
            ("archived_by", Text),
            ("reason", Text),
            ("restored_at", Moment)
        ]
    ),
    copy_table!(
        "archived_orgs",
        "id",
        true,
        [
            ("id", Int),
            ("org_code", Text),
            ("kind", Text),
            ("name", Text),
            ("sector", Text),
            ("commune_id", Int),
            ("founded_on", Date),
            ("dissolved_on", Date),
            ("registration_no", Text),
            ("services", Text),
            ("archived_at", Moment),
            ("archived_by", Text),
            ("reason", Text),
            ("restored_at", Moment)
        ]
    ),
    copy_table!(
        "archived_org_managers",
        "id",
        true,
        [
            ("id", Int),
            ("archive_id", Int),
            ("full_name", Text),
            ("role", Text),
            ("qualification", Text),
            ("trained_on", Date),
            ("from_date", Date),
            ("to_date", Date)
        ]
    ),
    copy_table!(
        "club_profiles",
        "org_code",
        false,
        [
            ("org_code", Text),
            ("sequence_no", Int),
            ("trade", Text),
            ("meetings_per_year", Int)
        ]
    ),
    copy_table!(
        "club_meetings",
        "org_code, held_on",
        false,
        [
            ("org_code", Text),
            ("held_on", Date),
            ("topic", Text),
            ("attendance", Int),
            ("outcome", Text)
        ]
    ),
    copy_table!(
        "club_meeting_officials",
        "org_code, held_on, seq",
        false,
        [
            ("org_code", Text),
            ("held_on", Date),
            ("seq", Int),
            ("name", Text),
            ("office", Text),
            ("level", Text)
        ]
    ),
    copy_table!(
        "training_courses",
        "code",
        false,
        [
            ("code", Text),
            ("title", Text),
            ("level", Text),
            ("organiser", Text),
            ("unit_id", Int),
            ("starts_on", Date),
            ("ends_on", Date),
            ("funding", Text)
        ]
    ),
    copy_table!(
        "training_attendees",
        "course_code, seq",
        false,
        [
            ("course_code", Text),
            ("seq", Int),
            ("full_name", Text),
            ("org_code", Text)
        ]
    ),
    copy_table!(
        "support_events",
        "code",
        false,
        [
            ("code", Text),
            ("kind", Text),
            ("title", Text),
            ("held_on", Date),
            ("organiser", Text),
            ("unit_id", Int),
            ("audience", Text),
            ("reach", Int)
        ]
    ),
    copy_table!(
        "plan_offices",
        "plan_code, code",
        false,
        [
            ("plan_code", Text),
            ("code", Text),
            ("name", Text),
            ("until", Date),
            ("successor", Text)
        ]
    ),
    copy_table!(
        "plan_tasks",
        "plan_code, number",
        false,
        [
            ("plan_code", Text),
            ("number", Text),
            ("grp", Text),
            ("text", Text),
            ("lead", Text),
            ("partners", Text),
            ("output", Text),
            ("evidence", Text),
            ("status", Text),
            ("reason", Text)
        ]
    ),
    copy_table!(
        "products",
        "code",
        false,
        [
            ("code", Text),
            ("org_code", Text),
            ("name", Text),
            ("ocop_group", Text),
            ("subgroup", Text),
            ("gtin", Text),
            ("unit", Text),
            ("public", Bool)
        ]
    ),
    copy_table!(
        "ocop_ratings",
        "code",
        false,
        [
            ("code", Text),
            ("product_code", Text),
            ("criteria", Text),
            ("kind", Text),
            ("part_a", Int),
            ("part_b", Int),
            ("part_c", Int),
            ("score", Int),
            ("stars", Int),
            ("decision", Text),
            ("decided_on", Date),
            ("level", Text),
            ("revoked_on", Date),
            ("revocation", Text)
        ]
    ),
    copy_table!(
        "facilities",
        "code",
        false,
        [
            ("code", Text),
            ("kind", Text),
            ("org_code", Text),
            ("crop", Text),
            ("area_ha", Int),
            ("households", Int),
            ("unit_id", Int),
            ("issued_by", Text),
            ("issued_on", Date),
            ("market", Text),
            ("status", Text),
            ("status_since", Date)
        ]
    ),
    copy_table!(
        "lots",
        "product_code, lot",
        false,
        [
            ("product_code", Text),
            ("lot", Text),
            ("quantity", Int),
            ("unit", Text),
            ("produced_on", Date),
            ("facility_code", Text)
        ]
    ),
    copy_table!(
        "trace_events",
        "code",
        false,
        [
            ("code", Text),
            ("step", Text),
            ("occurred_on", Date),
            ("time_of_day", Text),
            ("facility_code", Text),
            ("parent", Text),
            ("note", Text)
        ]
    ),
    copy_table!(
        "trace_event_lots",
        "event_code, position",
        false,
        [
            ("event_code", Text),
            ("position", Int),
            ("role", Text),
            ("product_code", Text),
            ("lot", Text),
            ("quantity", Int)
        ]
    ),
    copy_table!(
        "contracts",
        "code",
        false,
        [
            ("code", Text),
            ("partner", Text),
            ("partner_tax_code", Text),
            ("form", Text),
            ("goods", Text),
            ("product_code", Text),
            ("quantity", Int),
            ("unit", Text),
            ("area_ha", Int),
            ("households", Int),
            ("price", Text),
            ("signed_on", Date),
            ("starts_on", Date),
            ("ends_on", Date),
            ("ended_on", Date)
        ]
    ),
    copy_table!(
        "contract_orgs",
        "contract_code, position",
        false,
        [
            ("contract_code", Text),
            ("position", Int),
            ("org_code", Text)
        ]
    ),
    copy_table!(
        "contract_installments",
        "contract_code, position",
        false,
        [
            ("contract_code", Text),
            ("position", Int),
            ("due", Date),
            ("quantity", Int)
        ]
    ),
    copy_table!(
        "deliveries",
        "code",
        false,
        [
            ("code", Text),
            ("contract_code", Text),
            ("delivered_on", Date),
            ("quantity", Int),
            ("lot", Text)
        ]
    ),
    copy_table!(
        "linkage_projects",
        "code",
        false,
        [
            ("code", Text),
            ("name", Text),
            ("lead", Text),
            ("area_ha", Int),
            ("households", Int),
            ("investment_vnd", Int),
            ("support_approved_vnd", Int),
            ("approved_by", Text),
            ("decision", Text),
            ("approved_on", Date),
            ("starts_on", Date),
            ("ends_on", Date)
        ]
    ),
    copy_table!(
        "project_orgs",
        "project_code, position",
        false,
        [
            ("project_code", Text),
            ("position", Int),
            ("org_code", Text)
        ]
    ),
    copy_table!(
        "project_contracts",
        "project_code, position",
        false,
        [
            ("project_code", Text),
            ("position", Int),
            ("contract_code", Text)
        ]
    ),
    copy_table!(
        "support_disbursements",
        "code",
        false,
        [
            ("code", Text),
            ("policy", Text),
            ("legal_basis", Text),
            ("decision", Text),
            ("org_code", Text),
            ("amount_vnd", Int),
            ("source", Text),
            ("paid_on", Date),
            ("project_code", Text)
        ]
    ),
    copy_table!(
        "org_origins",
        "org_code, from_code",
        false,
        [
            ("org_code", Text),
            ("from_code", Text),
            ("founding_members", Int)
        ]
    ),
    super::ledger_tables::LEDGER_YEARS,
    super::ledger_tables::LEDGER_ACCOUNTS,
    super::ledger_tables::LEDGER_OPENING,
    super::ledger_tables::LEDGER_VOUCHERS,
    super::ledger_tables::LEDGER_LINES,
];
