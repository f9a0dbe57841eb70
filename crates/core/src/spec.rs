//! Indicator definitions as text, so offices can define new indicators without code.
//!
//! One line of `key=value` clauses separated by `;`:
//!
//! ```text
//! subject=active_orgs; kinds=HTX; where=services>=3, profit>0; aggregate=share; share=rating_or_none>=kha; unit=percent
//! ```
//!
//! - `subject`: `active_orgs`, `founded`, `dissolved`, `period_reports`, `active_managers`,
//!   `communes_without`, `meetings` (of Hội quán), `courses`, `trainees` (attendances),
//!   `disbursements` (of support), `beneficiaries` (organisations supported, each once),
//!   `events` (propaganda), `certificates` (each product's OCOP rating at the end),
//!   `certified_orgs` (organisations holding a certificate in force), `planting_areas`
//!   (codes held at the end), `area_holders` (organisations holding one), `contracts`
//!   (linkage contracts in force at the end), `contract_parties` (organisations, marked
//!   `in_contract` when party to one)
//! - `kinds`: `HTX`, `LHHTX`, `THT`, `HOIQUAN`, comma-separated
//! - `where` and `share`: conditions, comma-separated: `sector:<sector>`, `reported`,
//!   `rating>=<rating>`, `rating_or_none>=<rating>`, `services>=<n>`, `profit>0`,
//!   `has:<field>`, `managerial`, `professional`, `trained_within:<years>`,
//!   `commune_without:<kind>[/<sector>]@<year>`, `with_officials` (meetings),
//!   `founded_from:<kind>`, `attended_within:<years>` (managers, from course attendance),
//!   `policy:<group>` (disbursements), `event:<kind>` (events), `in_force`, `stars:<n>`
//!   and `certificate:<state>` (certificates)
//! - `aggregate`: `count`, `sum:<field>`, `avg:<field>`, `share` (with `share=` conditions)
//! - `unit`: `organizations`, `persons`, `million_vnd`, `percent`, `services`, `communes`,
//!   `meetings`, `courses`, `events`, `products`, `planting_areas`, `hectares`
//!
//! Fields: `members`, `members_joined`, `members_left`, `workers`, `revenue`, `profit`,
//! `member_income`, `worker_income`, `services`, `amount` (of a disbursement), `reach` (of an
//! event), `area_ha` (of a planting area).

use crate::i18n::Msg;
use crate::indicator::{Aggregate, Field, Filter, IndicatorDef, Subject, Unit};
use crate::types::*;

const SUBJECTS: [(&str, Subject); 18] = [
    ("active_orgs", Subject::ActiveOrgs),
    ("founded", Subject::Founded),
    ("dissolved", Subject::Dissolved),
    ("period_reports", Subject::PeriodReports),
    ("active_managers", Subject::ActiveManagers),
    ("communes_without", Subject::CommunesWithout),
    ("meetings", Subject::Meetings),
    ("courses", Subject::Courses),
    ("trainees", Subject::Trainees),
    ("disbursements", Subject::Disbursements),
    ("beneficiaries", Subject::Beneficiaries),
    ("events", Subject::Events),
    ("certificates", Subject::Certificates),
    ("certified_orgs", Subject::CertifiedOrgs),
    ("planting_areas", Subject::PlantingAreas),
    ("area_holders", Subject::AreaHolders),
    ("contracts", Subject::Contracts),
    ("contract_parties", Subject::ContractParties),
];

const FIELDS: [(&str, Field); 14] = [
    ("members", Field::Members),
    ("members_joined", Field::MembersJoined),
    ("members_left", Field::MembersLeft),
    ("workers", Field::Workers),
    ("revenue", Field::Revenue),
    ("profit", Field::Profit),
    ("member_income", Field::MemberIncome),
    ("worker_income", Field::WorkerIncome),
    ("services", Field::ServiceCount),
    ("amount", Field::Amount),
    ("reach", Field::Reach),
    ("area_ha", Field::AreaHa),
    ("households", Field::Households),
    ("fulfilment_pct", Field::FulfilmentPct),
];

const UNITS: [(&str, Unit); 14] = [
    ("organizations", Unit::Organizations),
    ("persons", Unit::Persons),
    ("million_vnd", Unit::MillionVnd),
    ("percent", Unit::Percent),
    ("services", Unit::Services),
    ("communes", Unit::Communes),
    ("meetings", Unit::Meetings),
    ("courses", Unit::Courses),
    ("events", Unit::Events),
    ("products", Unit::Products),
    ("planting_areas", Unit::PlantingAreas),
    ("hectares", Unit::Hectares),
    ("contracts", Unit::Contracts),
    ("households", Unit::Households),
];

fn names<T>(xs: &[(&str, T)]) -> String {
    xs.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

fn field(s: &str) -> Result<Field, Msg> {
    FIELDS
        .iter()
        .find(|(n, _)| *n == s.trim())
        .map(|(_, f)| *f)
        .ok_or_else(|| crate::msg!("spec.unknown_field", s = s, names = names(&FIELDS)))
}

fn field_name(f: Field) -> &'static str {
    FIELDS
        .iter()
        .find(|(_, x)| *x == f)
        .map(|(n, _)| *n)
        .unwrap_or("members")
}

fn parse_filter(t: &str) -> Result<Filter, Msg> {
    let t = t.trim();
    let bad = || crate::msg!("spec.invalid_condition", t = t);
    let enum_err = |what: &str, v: &str, expected: String| {
        crate::msg!(
            "spec.invalid_enumerated_value",
            v = v,
            what = what,
            expected = expected
        )
    };
    Ok(match t {
        "reported" => Filter::Reported,
        "profit>0" => Filter::ProfitPositive,
        "managerial" => Filter::ManagerialRole,
        "professional" => Filter::Professional,
        "with_officials" => Filter::WithOfficials,
        "in_force" => Filter::InForce,
        "in_contract" => Filter::InContract,
        _ => {
            if let Some(v) = t.strip_prefix("sector:") {
                Filter::Sector(
                    Sector::parse(v)
                        .ok_or_else(|| enum_err("sector", v, <Sector as Enumerated>::expected()))?,
                )
            } else if let Some(v) = t.strip_prefix("rating_or_none>=") {
                Filter::RatingOrUnratedAtLeast(
                    Rating::parse(v)
                        .ok_or_else(|| enum_err("rating", v, <Rating as Enumerated>::expected()))?,
                )
            } else if let Some(v) = t.strip_prefix("rating>=") {
                Filter::RatingAtLeast(
                    Rating::parse(v)
                        .ok_or_else(|| enum_err("rating", v, <Rating as Enumerated>::expected()))?,
                )
            } else if let Some(v) = t.strip_prefix("services>=") {
                Filter::ServicesAtLeast(v.trim().parse().map_err(|_| bad())?)
            } else if let Some(v) = t.strip_prefix("has:") {
                Filter::Has(field(v)?)
            } else if let Some(v) = t.strip_prefix("trained_within:") {
                let n: i32 = v.trim().parse().map_err(|_| bad())?;
                if !(1..=50).contains(&n) {
                    return Err(bad());
                }
                Filter::TrainedWithinYears(n)
            } else if let Some(v) = t.strip_prefix("attended_within:") {
                let n: i32 = v.trim().parse().map_err(|_| bad())?;
                if !(1..=50).contains(&n) {
                    return Err(bad());
                }
                Filter::AttendedWithinYears(n)
            } else if let Some(v) = t.strip_prefix("policy:") {
                Filter::Policy(SupportPolicy::parse(v).ok_or_else(|| {
                    enum_err("policy", v, <SupportPolicy as Enumerated>::expected())
                })?)
            } else if let Some(v) = t.strip_prefix("stars:") {
                let n: u8 = v.trim().parse().map_err(|_| bad())?;
                if !(1..=5).contains(&n) {
                    return Err(bad());
                }
                Filter::Stars(n)
            } else if let Some(v) = t.strip_prefix("certificate:") {
                Filter::Certificate(CertificateState::parse(v).ok_or_else(|| {
                    enum_err("state", v, <CertificateState as Enumerated>::expected())
                })?)
            } else if let Some(v) = t.strip_prefix("event:") {
                Filter::EventOf(
                    EventKind::parse(v).ok_or_else(|| {
                        enum_err("kind", v, <EventKind as Enumerated>::expected())
                    })?,
                )
            } else if let Some(v) = t.strip_prefix("founded_from:") {
                Filter::FoundedFrom(
                    OrgKind::parse(v)
                        .ok_or_else(|| enum_err("kind", v, <OrgKind as Enumerated>::expected()))?,
                )
            } else if let Some(v) = t.strip_prefix("commune_without:") {
                let (what, year) = v.split_once('@').ok_or_else(bad)?;
                let year: i32 = year.trim().parse().map_err(|_| bad())?;
                let (kind, sector) = match what.split_once('/') {
                    Some((k, s)) => (
                        k,
                        Some(Sector::parse(s).ok_or_else(|| {
                            enum_err("sector", s, <Sector as Enumerated>::expected())
                        })?),
                    ),
                    None => (what, None),
                };
                let kind = OrgKind::parse(kind)
                    .ok_or_else(|| enum_err("kind", kind, <OrgKind as Enumerated>::expected()))?;
                Filter::CommuneWithoutAt { kind, sector, year }
            } else {
                return Err(bad());
            }
        }
    })
}

fn filter_text(f: &Filter) -> String {
    match f {
        Filter::Sector(s) => format!("sector:{}", s.code()),
        Filter::Reported => "reported".into(),
        Filter::RatingAtLeast(r) => format!("rating>={}", r.code()),
        Filter::RatingOrUnratedAtLeast(r) => format!("rating_or_none>={}", r.code()),
        Filter::ServicesAtLeast(n) => format!("services>={n}"),
        Filter::ProfitPositive => "profit>0".into(),
        Filter::Has(f) => format!("has:{}", field_name(*f)),
        Filter::ManagerialRole => "managerial".into(),
        Filter::Professional => "professional".into(),
        Filter::TrainedWithinYears(n) => format!("trained_within:{n}"),
        Filter::AttendedWithinYears(n) => format!("attended_within:{n}"),
        Filter::WithOfficials => "with_officials".into(),
        Filter::FoundedFrom(k) => format!("founded_from:{}", k.code()),
        Filter::Policy(p) => format!("policy:{}", p.code()),
        Filter::EventOf(k) => format!("event:{}", k.code()),
        Filter::Stars(n) => format!("stars:{n}"),
        Filter::InForce => "in_force".into(),
        Filter::InContract => "in_contract".into(),
        Filter::Certificate(c) => format!("certificate:{}", c.code()),
        Filter::CommuneWithoutAt { kind, sector, year } => match sector {
            Some(s) => format!("commune_without:{}/{}@{year}", kind.code(), s.code()),
            None => format!("commune_without:{}@{year}", kind.code()),
        },
    }
}

fn filters(s: &str) -> Result<Vec<Filter>, Msg> {
    s.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(parse_filter)
        .collect()
}

/// An indicator defined by an office, as stored and exchanged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IndicatorRecord {
    pub id: String,
    pub label_vi: String,
    pub label_en: String,
    /// The definition in the syntax of this module.
    pub definition: String,
    /// What it means, in words, for the people who read it.
    pub description: String,
}

impl IndicatorRecord {
    pub fn to_def(&self) -> Result<IndicatorDef, Msg> {
        parse(&self.id, &self.label_vi, &self.label_en, &self.definition)
    }
}

/// Parses a definition; `id` and labels come from elsewhere (the form or the sheet).
pub fn parse(id: &str, label_vi: &str, label_en: &str, spec: &str) -> Result<IndicatorDef, Msg> {
    let id = id.trim();
    let id_ok = !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    if !id_ok {
        return Err(crate::msg!("spec.invalid_indicator_id", id = id));
    }
    if spec.chars().count() > 2000
        || label_vi.chars().count() > 300
        || label_en.chars().count() > 300
    {
        return Err(crate::msg!("spec.definition_too_long"));
    }
    if label_vi.trim().is_empty() {
        return Err(crate::msg!("spec.label_vi_required"));
    }
    let (mut subject, mut kinds, mut wh, mut agg, mut share, mut unit) =
        (None, None, Vec::new(), None, Vec::new(), None);
    for clause in spec.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        let (k, v) = clause
            .split_once('=')
            .ok_or_else(|| crate::msg!("spec.clause_without_equals", clause = clause))?;
        let v = v.trim();
        match k.trim() {
            "subject" => {
                subject = Some(
                    SUBJECTS
                        .iter()
                        .find(|(n, _)| *n == v)
                        .map(|(_, s)| s.clone())
                        .ok_or_else(|| {
                            crate::msg!("spec.unknown_subject", v = v, names = names(&SUBJECTS))
                        })?,
                )
            }
            "kinds" => {
                kinds = Some(
                    v.split(',')
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(|x| {
                            OrgKind::parse(x).ok_or_else(|| crate::msg!("spec.unknown_kind", x = x))
                        })
                        .collect::<Result<Vec<_>, _>>()?,
                )
            }
            "where" => wh = filters(v)?,
            "share" => share = filters(v)?,
            "aggregate" => {
                agg = Some(match v {
                    "count" => Aggregate::Count,
                    "share" => Aggregate::SharePct(vec![]),
                    _ => match v.split_once(':') {
                        Some(("sum", f)) => Aggregate::Sum(field(f)?),
                        Some(("avg", f)) => Aggregate::Avg(field(f)?),
                        _ => {
                            return Err(crate::msg!("spec.unknown_aggregate", v = v));
                        }
                    },
                })
            }
            "unit" => {
                unit = Some(
                    UNITS
                        .iter()
                        .find(|(n, _)| *n == v)
                        .map(|(_, u)| *u)
                        .ok_or_else(|| {
                            crate::msg!("spec.unknown_unit", v = v, names = names(&UNITS))
                        })?,
                )
            }
            other => {
                return Err(crate::msg!("spec.unknown_clause", other = other));
            }
        }
    }
    let subject = subject.ok_or_else(|| crate::msg!("spec.subject_missing"))?;
    let kinds = kinds
        .filter(|k| !k.is_empty())
        .ok_or_else(|| crate::msg!("spec.kinds_missing"))?;
    let mut aggregate = agg.ok_or_else(|| crate::msg!("spec.aggregate_missing"))?;
    if let Aggregate::SharePct(v) = &mut aggregate {
        if share.is_empty() {
            return Err(crate::msg!("spec.share_without_conditions"));
        }
        *v = share;
    } else if !share.is_empty() {
        return Err(crate::msg!("spec.conditions_without_share"));
    }
    let unit = unit.unwrap_or(match aggregate {
        Aggregate::SharePct(_) => Unit::Percent,
        Aggregate::Avg(Field::ServiceCount) => Unit::Services,
        Aggregate::Avg(
            Field::Revenue | Field::Profit | Field::MemberIncome | Field::WorkerIncome,
        )
        | Aggregate::Sum(
            Field::Revenue | Field::Profit | Field::MemberIncome | Field::WorkerIncome,
        ) => Unit::MillionVnd,
        Aggregate::Sum(_) | Aggregate::Avg(_) => Unit::Persons,
        Aggregate::Count if subject == Subject::CommunesWithout => Unit::Communes,
        Aggregate::Count => Unit::Organizations,
    });
    let fits = match (&subject, &aggregate) {
        (Subject::ActiveManagers, Aggregate::Sum(_) | Aggregate::Avg(_)) => false,
        (Subject::CommunesWithout, a) => *a == Aggregate::Count,
        _ => true,
    };
    if !fits {
        return Err(crate::msg!("spec.aggregate_not_for_subject"));
    }
    Ok(IndicatorDef {
        id: id.to_string(),
        label_vi: label_vi.trim().to_string(),
        label_en: label_en.trim().to_string(),
        kinds,
        subject,
        filters: wh,
        aggregate,
        unit,
    })
}

/// The definition back as text: `parse(to_spec(d)) == d`.
pub fn to_spec(d: &IndicatorDef) -> String {
    let subject = SUBJECTS
        .iter()
        .find(|(_, s)| *s == d.subject)
        .map(|(n, _)| *n)
        .unwrap_or("active_orgs");
    let mut out = vec![
        format!("subject={subject}"),
        format!(
            "kinds={}",
            d.kinds
                .iter()
                .map(|k| k.code())
                .collect::<Vec<_>>()
                .join(",")
        ),
    ];
    if !d.filters.is_empty() {
        out.push(format!(
            "where={}",
            d.filters
                .iter()
                .map(filter_text)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    match &d.aggregate {
        Aggregate::Count => out.push("aggregate=count".into()),
        Aggregate::Sum(f) => out.push(format!("aggregate=sum:{}", field_name(*f))),
        Aggregate::Avg(f) => out.push(format!("aggregate=avg:{}", field_name(*f))),
        Aggregate::SharePct(v) => {
            out.push("aggregate=share".into());
            out.push(format!(
                "share={}",
                v.iter().map(filter_text).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    let unit = UNITS
        .iter()
        .find(|(_, u)| *u == d.unit)
        .map(|(n, _)| *n)
        .unwrap_or("organizations");
    out.push(format!("unit={unit}"));
    out.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::catalogue;

    #[test]
    fn every_core_indicator_round_trips() {
        for d in catalogue() {
            let text = to_spec(&d);
            let back = parse(&d.id, &d.label_vi, &d.label_en, &text)
                .unwrap_or_else(|e| panic!("{}: {text}: {e}", d.id));
            assert_eq!(back, d, "{text}");
        }
    }

    #[test]
    fn parses_a_new_indicator() {
        let d = parse(
            "htx.multiservice_effective_pct",
            "Tỷ lệ HTX đa dịch vụ hoạt động hiệu quả",
            "",
            "subject=active_orgs; kinds=HTX; where=reported; aggregate=share; share=services>=3, profit>0, rating_or_none>=kha",
        )
        .unwrap();
        assert_eq!(d.unit, Unit::Percent);
        assert_eq!(
            d.aggregate,
            Aggregate::SharePct(vec![
                Filter::ServicesAtLeast(3),
                Filter::ProfitPositive,
                Filter::RatingOrUnratedAtLeast(Rating::Kha)
            ])
        );
        let d = parse("x", "x", "", "subject=founded; kinds=THT; where=sector:handicraft, commune_without:THT/handicraft@2020; aggregate=count").unwrap();
        assert_eq!(
            d.filters[1],
            Filter::CommuneWithoutAt {
                kind: OrgKind::Tht,
                sector: Some(Sector::Handicraft),
                year: 2020
            }
        );
        assert_eq!(parse("x", "x", "", &to_spec(&d)).unwrap(), d);
    }

    #[test]
    fn refuses_with_a_message_naming_the_part() {
        let e = |spec: &str| parse("x", "nhãn", "", spec).unwrap_err();
        assert!(e("kinds=HTX; aggregate=count").en().contains("subject"));
        assert!(
            e("subject=everything; kinds=HTX; aggregate=count")
                .vi()
                .contains("everything")
        );
        assert!(
            e("subject=active_orgs; kinds=HTX; aggregate=avg:height")
                .en()
                .contains("height")
        );
        assert!(
            e("subject=active_orgs; kinds=HTX; where=sector:rice; aggregate=count")
                .en()
                .contains("rice")
        );
        assert!(
            e("subject=active_orgs; kinds=HTX; aggregate=share")
                .en()
                .contains("share=…")
        );
        assert!(
            e("subject=active_managers; kinds=HTX; aggregate=avg:revenue")
                .en()
                .contains("managers")
        );
        assert!(
            e("subject=active_orgs; kinds=; aggregate=count")
                .en()
                .contains("kinds")
        );
        assert!(
            parse(
                "bad id!",
                "x",
                "",
                "subject=active_orgs; kinds=HTX; aggregate=count"
            )
            .is_err()
        );
        assert!(
            parse(
                "x",
                " ",
                "",
                "subject=active_orgs; kinds=HTX; aggregate=count"
            )
            .is_err()
        );
    }
}
