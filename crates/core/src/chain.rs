//! The records of value-chain linkage (liên kết chuỗi giá trị, NĐ 98/2018/NĐ-CP): linkage
//! contracts of cooperatives with enterprises, what was delivered under them, and the linkage
//! projects approved for support. Data only: the checks and the fulfilment are in
//! `crate::linkage`.

use crate::date::Date;
use crate::fixed::Fixed;
use crate::types::{LinkageForm, LotUnit, OrgCode};

/// A quantity due by a day under a contract (lịch giao hàng).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Installment {
    pub due: Date,
    pub quantity: Fixed,
}

/// A linkage contract (hợp đồng liên kết).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contract {
    /// The office's or cooperative's code for it (often the contract's number), unique.
    pub code: String,
    /// The cooperatives party to it, the one that leads first (chủ trì liên kết).
    pub orgs: Vec<OrgCode>,
    /// The enterprise (doanh nghiệp) and its tax code (mã số thuế).
    pub partner: String,
    pub partner_tax_code: String,
    pub form: LinkageForm,
    /// What is traded, as the contract words it; the product of hoptac when there is one.
    pub goods: String,
    pub product: Option<String>,
    pub quantity: Fixed,
    pub unit: LotUnit,
    /// The area under contract, in hectares, and the farm households joining.
    pub area_ha: Option<Fixed>,
    pub households: Option<i64>,
    /// The price or how it is set (giá hoặc phương thức xác định giá), as written.
    pub price: String,
    pub signed_on: Date,
    pub starts_on: Date,
    pub ends_on: Date,
    /// Ended before its term (thanh lý, chấm dứt trước hạn).
    pub ended_on: Option<Date>,
    /// The delivery schedule; empty: the whole quantity by the end of the term.
    pub schedule: Vec<Installment>,
}

/// A delivery under a contract (lần giao hàng).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Delivery {
    pub code: String,
    pub contract: String,
    pub delivered_on: Date,
    pub quantity: Fixed,
    /// The lot delivered, of the contract's product, when known.
    pub lot: Option<String>,
}

/// A linkage project or plan approved for support (dự án, kế hoạch liên kết): what the
/// approval decision names. The support paid under it is the disbursements that name it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LinkageProject {
    /// The office's code for it (often the decision's number), unique.
    pub code: String,
    pub name: String,
    /// Who leads it (chủ trì liên kết) as the decision names it: a cooperative or an
    /// enterprise.
    pub lead: String,
    /// The cooperatives taking part.
    pub orgs: Vec<OrgCode>,
    /// The linkage contracts it rests on.
    pub contracts: Vec<String>,
    pub area_ha: Option<Fixed>,
    pub households: Option<i64>,
    /// Total investment (tổng mức đầu tư) and the support approved, exact đồng.
    pub investment_vnd: i64,
    pub support_approved_vnd: i64,
    /// The approving authority, its decision and day.
    pub approved_by: String,
    pub decision: String,
    pub approved_on: Date,
    pub starts_on: Date,
    pub ends_on: Date,
}

/// Contracts by code, deliveries by code, projects by code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContractRecords {
    pub contracts: Vec<Contract>,
    pub deliveries: Vec<Delivery>,
    pub projects: Vec<LinkageProject>,
}

impl ContractRecords {
    pub fn contract(&self, code: &str) -> Option<&Contract> {
        (self
            .contracts
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.contracts[i])
    }

    pub fn delivery(&self, code: &str) -> Option<&Delivery> {
        (self
            .deliveries
            .binary_search_by(|d| d.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.deliveries[i])
    }

    pub fn project(&self, code: &str) -> Option<&LinkageProject> {
        (self
            .projects
            .binary_search_by(|p| p.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.projects[i])
    }

    pub fn deliveries_of(&self, contract: &str) -> Vec<&Delivery> {
        (self.deliveries.iter())
            .filter(|d| d.contract == contract)
            .collect()
    }

    /// The contracts any of whose cooperatives is kept, their deliveries, and the projects
    /// any of whose cooperatives is kept.
    pub fn within(&self, org_in: impl Fn(&OrgCode) -> bool) -> ContractRecords {
        let contracts: Vec<Contract> = (self.contracts.iter())
            .filter(|c| c.orgs.iter().any(&org_in))
            .cloned()
            .collect();
        let deliveries = (self.deliveries.iter())
            .filter(|d| contracts.iter().any(|c| c.code == d.contract))
            .cloned()
            .collect();
        let projects = (self.projects.iter())
            .filter(|p| p.orgs.iter().any(&org_in))
            .cloned()
            .collect();
        ContractRecords {
            contracts,
            deliveries,
            projects,
        }
    }
}

impl Contract {
    /// In force on `d`: begun, not past its term, not ended early.
    pub fn active_on(&self, d: Date) -> bool {
        self.starts_on <= d && d <= self.ends_on && self.ended_on.is_none_or(|e| e > d)
    }

    /// The quantity due by `d` by the schedule (the whole at the end of the term without
    /// one).
    pub fn due_by(&self, d: Date) -> Fixed {
        if self.schedule.is_empty() {
            return if d >= self.ends_on {
                self.quantity
            } else {
                Fixed::ZERO
            };
        }
        (self.schedule.iter())
            .filter(|i| i.due <= d)
            .fold(Fixed::ZERO, |a, i| a.checked_add(i.quantity).unwrap_or(a))
    }
}
