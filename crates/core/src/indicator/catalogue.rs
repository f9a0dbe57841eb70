//! The core indicators of `shared/spec/indicators.md`, as data: one row per indicator.

use super::definition::{Aggregate, Field, Filter, IndicatorDef, Subject, Unit};
use crate::types::*;

// One positional argument per column of the catalogue table below keeps that table readable.
#[allow(clippy::too_many_arguments)]
fn def(
    id: &str,
    vi: &str,
    en: &str,
    kinds: &[OrgKind],
    subject: Subject,
    filters: Vec<Filter>,
    aggregate: Aggregate,
    unit: Unit,
) -> IndicatorDef {
    IndicatorDef {
        id: id.to_string(),
        label_vi: vi.to_string(),
        label_en: en.to_string(),
        kinds: kinds.to_vec(),
        subject,
        filters,
        aggregate,
        unit,
    }
}

/// The core indicators of `shared/spec/indicators.md`, as data.
pub fn catalogue() -> Vec<IndicatorDef> {
    use Aggregate::*;
    use Subject::*;
    let htx = &[OrgKind::Htx][..];
    let tht = &[OrgKind::Tht][..];
    let mut v = Vec::new();
    for (p, kinds, vi_kind, en_kind) in [
        ("htx", htx, "HTX", "cooperatives"),
        ("tht", tht, "THT", "cooperative groups"),
    ] {
        v.push(def(
            &format!("{p}.active"),
            &format!("Số {vi_kind} đang hoạt động"),
            &format!("Active {en_kind}"),
            kinds,
            ActiveOrgs,
            vec![],
            Count,
            Unit::Organizations,
        ));
        for s in Sector::all() {
            v.push(def(
                &format!("{p}.active.by_sector.{}", s.code()),
                &format!(
                    "Số {vi_kind} đang hoạt động, lĩnh vực {}",
                    s.label_vi().to_lowercase()
                ),
                &format!("Active {en_kind}, {}", s.label_en().to_lowercase()),
                kinds,
                ActiveOrgs,
                vec![Filter::Sector(*s)],
                Count,
                Unit::Organizations,
            ));
        }
        v.push(def(
            &format!("{p}.founded"),
            &format!("Số {vi_kind} thành lập mới"),
            &format!("{en_kind} founded"),
            kinds,
            Founded,
            vec![],
            Count,
            Unit::Organizations,
        ));
        v.push(def(
            &format!("{p}.dissolved"),
            &format!("Số {vi_kind} hoàn thành giải thể"),
            &format!("{en_kind} dissolved"),
            kinds,
            Dissolved,
            vec![],
            Count,
            Unit::Organizations,
        ));
        v.push(def(
            &format!("{p}.members"),
            &format!("Tổng số thành viên {vi_kind}"),
            &format!("Members of {en_kind}"),
            kinds,
            ActiveOrgs,
            vec![],
            Sum(Field::Members),
            Unit::Persons,
        ));
        v.push(def(
            &format!("{p}.members_joined"),
            &format!("Thành viên mới gia nhập {vi_kind}"),
            &format!("Members who joined {en_kind}"),
            kinds,
            PeriodReports,
            vec![],
            Sum(Field::MembersJoined),
            Unit::Persons,
        ));
        v.push(def(
            &format!("{p}.workers"),
            &format!("Lao động thường xuyên trong {vi_kind}"),
            &format!("Regular workers of {en_kind}"),
            kinds,
            ActiveOrgs,
            vec![],
            Sum(Field::Workers),
            Unit::Persons,
        ));
        v.push(def(
            &format!("{p}.revenue_avg"),
            &format!("Doanh thu bình quân một {vi_kind}"),
            &format!("Average revenue per {}", en_kind.trim_end_matches('s')),
            kinds,
            ActiveOrgs,
            vec![Filter::Reported],
            Avg(Field::Revenue),
            Unit::MillionVnd,
        ));
        v.push(def(
            &format!("{p}.profit_avg"),
            &format!("Lợi nhuận bình quân một {vi_kind}"),
            &format!("Average profit per {}", en_kind.trim_end_matches('s')),
            kinds,
            ActiveOrgs,
            vec![Filter::Reported],
            Avg(Field::Profit),
            Unit::MillionVnd,
        ));
    }
    v.push(def(
        "htx.member_income_avg",
        "Thu nhập bình quân của thành viên HTX",
        "Average income of a cooperative member",
        htx,
        ActiveOrgs,
        vec![Filter::Reported],
        Avg(Field::MemberIncome),
        Unit::MillionVnd,
    ));
    v.push(def(
        "htx.worker_income_avg",
        "Thu nhập bình quân của lao động thường xuyên trong HTX",
        "Average income of a regular cooperative worker",
        htx,
        ActiveOrgs,
        vec![Filter::Reported],
        Avg(Field::WorkerIncome),
        Unit::MillionVnd,
    ));
    v.push(def(
        "htx.services_avg",
        "Số dịch vụ bình quân một HTX",
        "Average number of services per cooperative",
        htx,
        ActiveOrgs,
        vec![Filter::Reported],
        Avg(Field::ServiceCount),
        Unit::Services,
    ));
    v.push(def(
        "htx.agri.multiservice3",
        "Số HTX nông nghiệp thực hiện từ 03 dịch vụ trở lên",
        "Agricultural cooperatives providing 3 or more services",
        htx,
        ActiveOrgs,
        vec![
            Filter::Sector(Sector::Agriculture),
            Filter::ServicesAtLeast(3),
        ],
        Count,
        Unit::Organizations,
    ));
    v.push(def(
        "htx.agri.profitable_pct",
        "Tỷ lệ HTX nông nghiệp hoạt động có lãi",
        "Share of agricultural cooperatives making a profit",
        htx,
        ActiveOrgs,
        vec![
            Filter::Sector(Sector::Agriculture),
            Filter::Has(Field::Profit),
        ],
        SharePct(vec![Filter::ProfitPositive]),
        Unit::Percent,
    ));
    v.push(def(
        "htx.managers.qualified_pct",
        "Tỷ lệ cán bộ quản lý HTX có trình độ chuyên môn (trung cấp trở lên)",
        "Share of cooperative managers with professional qualifications (intermediate or higher)",
        htx,
        ActiveManagers,
        vec![Filter::ManagerialRole],
        SharePct(vec![Filter::Professional]),
        Unit::Percent,
    ));
    v.push(def(
        "htx.managers.trained_pct",
        "Tỷ lệ cán bộ quản lý, chuyên môn HTX và THT được bồi dưỡng trong 5 năm",
        "Share of managers and staff of cooperatives and groups trained in the last 5 years",
        &[OrgKind::Htx, OrgKind::Tht],
        ActiveManagers,
        vec![],
        SharePct(vec![Filter::TrainedWithinYears(5)]),
        Unit::Percent,
    ));
    v.push(def(
        "tht.rated_kha_or_better",
        "Số THT xếp loại khá trở lên",
        "Cooperative groups rated fairly good or better",
        tht,
        ActiveOrgs,
        vec![Filter::RatingAtLeast(Rating::Kha)],
        Count,
        Unit::Organizations,
    ));
    v.push(def(
        "tht.rated_kha_or_better_pct",
        "Tỷ lệ THT xếp loại khá trở lên",
        "Share of cooperative groups rated fairly good or better",
        tht,
        ActiveOrgs,
        vec![],
        SharePct(vec![Filter::RatingAtLeast(Rating::Kha)]),
        Unit::Percent,
    ));
    v.push(def(
        "tht.communes_without",
        "Số xã chưa có THT",
        "Communes without a cooperative group",
        tht,
        CommunesWithout,
        vec![],
        Count,
        Unit::Communes,
    ));
    hoiquan(&mut v);
    training(&mut v);
    support(&mut v);
    ocop(&mut v);
    trace(&mut v);
    linkage(&mut v);
    v
}

/// Hội quán (issue 16): how many, their members and meetings, what grew from them.
fn hoiquan(v: &mut Vec<IndicatorDef>) {
    use Aggregate::*;
    use Subject::*;
    let hq = &[OrgKind::HoiQuan][..];
    v.push(def(
        "hoiquan.active",
        "Số Hội quán đang hoạt động",
        "Active farmer clubs (Hội quán)",
        hq,
        ActiveOrgs,
        vec![],
        Count,
        Unit::Organizations,
    ));
    v.push(def(
        "hoiquan.members",
        "Số thành viên Hội quán",
        "Members of farmer clubs",
        hq,
        ActiveOrgs,
        vec![Filter::Has(Field::Members)],
        Sum(Field::Members),
        Unit::Persons,
    ));
    v.push(def(
        "hoiquan.meetings",
        "Số buổi sinh hoạt Hội quán",
        "Farmer club meetings",
        hq,
        Meetings,
        vec![],
        Count,
        Unit::Meetings,
    ));
    v.push(def(
        "hoiquan.meetings_with_officials_pct",
        "Tỷ lệ buổi sinh hoạt Hội quán có cán bộ dự",
        "Share of farmer club meetings attended by officials",
        hq,
        Meetings,
        vec![],
        SharePct(vec![Filter::WithOfficials]),
        Unit::Percent,
    ));
    v.push(def(
        "hoiquan.became_coop",
        "Số HTX, THT thành lập từ Hội quán",
        "Cooperatives and groups founded from a farmer club",
        &[OrgKind::Htx, OrgKind::Tht],
        Founded,
        vec![Filter::FoundedFrom(OrgKind::HoiQuan)],
        Count,
        Unit::Organizations,
    ));
    v.push(def(
        "hoiquan.communes_without",
        "Số xã chưa có Hội quán",
        "Communes without a farmer club",
        hq,
        CommunesWithout,
        vec![],
        Count,
        Unit::Communes,
    ));
}

/// Training (issue 16): courses, attendances and the managers trained, from the courses'
/// own records; `training.managers_trained_pct` is `htx.managers.trained_pct` measured
/// from attendance alone.
fn training(v: &mut Vec<IndicatorDef>) {
    use Aggregate::*;
    use Subject::*;
    let all = &[OrgKind::Htx, OrgKind::Lhhtx, OrgKind::Tht, OrgKind::HoiQuan][..];
    v.push(def(
        "training.courses",
        "Số lớp đào tạo, bồi dưỡng, tập huấn",
        "Training courses held",
        all,
        Courses,
        vec![],
        Count,
        Unit::Courses,
    ));
    v.push(def(
        "training.trainees",
        "Số lượt người của HTX, THT, Hội quán được đào tạo, bồi dưỡng",
        "Attendances of cooperatives', groups' and clubs' people at courses",
        all,
        Trainees,
        vec![],
        Count,
        Unit::Persons,
    ));
    v.push(def(
        "training.managers_trained_pct",
        "Tỷ lệ cán bộ quản lý, chuyên môn HTX và THT được bồi dưỡng trong 5 năm (theo danh sách học viên)",
        "Share of managers and staff of cooperatives and groups trained in the last 5 years (from course attendance)",
        &[OrgKind::Htx, OrgKind::Tht],
        ActiveManagers,
        vec![],
        SharePct(vec![Filter::AttendedWithinYears(5)]),
        Unit::Percent,
    ));
}

/// Support and propaganda (issue 16): money paid under support policies, by group of
/// policies and by kind of beneficiary, who received it, and the events held.
fn support(v: &mut Vec<IndicatorDef>) {
    use Aggregate::*;
    use Subject::*;
    let all = &[OrgKind::Htx, OrgKind::Lhhtx, OrgKind::Tht, OrgKind::HoiQuan][..];
    v.push(def(
        "support.amount",
        "Kinh phí hỗ trợ đã chi cho HTX, LHHTX, THT, Hội quán",
        "Support paid to cooperatives, unions, groups and clubs",
        all,
        Disbursements,
        vec![],
        Sum(Field::Amount),
        Unit::MillionVnd,
    ));
    for p in SupportPolicy::ALL {
        v.push(def(
            &format!("support.amount.{}", p.code()),
            &format!("Kinh phí hỗ trợ đã chi – {}", p.label_vi()),
            &format!("Support paid – {}", p.label_en()),
            all,
            Disbursements,
            vec![Filter::Policy(*p)],
            Sum(Field::Amount),
            Unit::MillionVnd,
        ));
    }
    for k in all {
        v.push(def(
            &format!("support.amount.{}", k.code().to_lowercase()),
            &format!("Kinh phí hỗ trợ đã chi cho {}", k.label_vi()),
            &format!("Support paid to {}", k.label_en()),
            &[*k],
            Disbursements,
            vec![],
            Sum(Field::Amount),
            Unit::MillionVnd,
        ));
    }
    v.push(def(
        "support.beneficiaries",
        "Số tổ chức được hỗ trợ",
        "Organisations that received support",
        all,
        Beneficiaries,
        vec![],
        Count,
        Unit::Organizations,
    ));
    v.push(def(
        "propaganda.events",
        "Số hội nghị, hội thảo, bản tin, phóng sự, hội chợ tuyên truyền về kinh tế tập thể",
        "Propaganda and promotion events on the collective economy",
        all,
        Events,
        vec![],
        Count,
        Unit::Events,
    ));
    v.push(def(
        "propaganda.reach",
        "Số lượt người được tuyên truyền (theo số ghi của từng sự kiện)",
        "People reached by the events (as each event records it)",
        all,
        Events,
        vec![],
        Sum(Field::Reach),
        Unit::Persons,
    ));
}

/// OCOP (issue 17): products holding a certificate at the end of the period, by stars,
/// those about to lapse or lapsed, and the cooperatives that hold one.
fn ocop(v: &mut Vec<IndicatorDef>) {
    use Subject::*;
    let all = &[OrgKind::Htx, OrgKind::Lhhtx, OrgKind::Tht, OrgKind::HoiQuan][..];
    v.push(def(
        "ocop.products",
        "Số sản phẩm OCOP (giấy chứng nhận còn hiệu lực)",
        "OCOP products (certificate in force)",
        all,
        Certificates,
        vec![Filter::InForce],
        Aggregate::Count,
        Unit::Products,
    ));
    for n in 3..=5u8 {
        v.push(def(
            &format!("ocop.products.by_star.{n}"),
            &format!("Số sản phẩm OCOP {n} sao"),
            &format!("{n}-star OCOP products"),
            all,
            Certificates,
            vec![Filter::Stars(n)],
            Aggregate::Count,
            Unit::Products,
        ));
    }
    v.push(def(
        "ocop.expiring",
        "Số sản phẩm OCOP có giấy chứng nhận sắp hết hạn (trong 30 ngày)",
        "OCOP certificates expiring within 30 days",
        all,
        Certificates,
        vec![Filter::Certificate(CertificateState::Expiring)],
        Aggregate::Count,
        Unit::Products,
    ));
    v.push(def(
        "ocop.expired",
        "Số sản phẩm OCOP hết hạn chưa được công nhận lại",
        "OCOP certificates expired and not renewed",
        all,
        Certificates,
        vec![Filter::Certificate(CertificateState::Expired)],
        Aggregate::Count,
        Unit::Products,
    ));
    v.push(def(
        "ocop.producers.htx",
        "Số HTX có sản phẩm OCOP còn hiệu lực",
        "Cooperatives with an OCOP product in force",
        &[OrgKind::Htx],
        CertifiedOrgs,
        vec![],
        Aggregate::Count,
        Unit::Organizations,
    ));
}

/// Traceability (issue 17): planting-area codes held at the end of the period, their area,
/// and the cooperatives that hold one.
fn trace(v: &mut Vec<IndicatorDef>) {
    use Subject::*;
    let all = &[OrgKind::Htx, OrgKind::Lhhtx, OrgKind::Tht, OrgKind::HoiQuan][..];
    v.push(def(
        "trace.planting_areas",
        "Số mã số vùng trồng còn hiệu lực",
        "Planting-area codes in force",
        all,
        PlantingAreas,
        vec![],
        Aggregate::Count,
        Unit::PlantingAreas,
    ));
    v.push(def(
        "trace.planting_area_ha",
        "Diện tích vùng trồng được cấp mã số",
        "Area of the planting areas with a code",
        all,
        PlantingAreas,
        vec![],
        Aggregate::Sum(Field::AreaHa),
        Unit::Hectares,
    ));
    v.push(def(
        "trace.htx_with_area_code",
        "Số HTX có mã số vùng trồng",
        "Cooperatives holding a planting-area code",
        &[OrgKind::Htx],
        AreaHolders,
        vec![],
        Aggregate::Count,
        Unit::Organizations,
    ));
}

/// Value-chain linkage (issue 17, NĐ 98/2018): contracts in force at the end of the period,
/// the cooperatives party to one, how far deliveries keep to the schedules, the households.
fn linkage(v: &mut Vec<IndicatorDef>) {
    use Subject::*;
    let all = &[OrgKind::Htx, OrgKind::Lhhtx, OrgKind::Tht, OrgKind::HoiQuan][..];
    v.push(def(
        "chain.contracts.active",
        "Số hợp đồng liên kết sản xuất, tiêu thụ đang thực hiện",
        "Linkage contracts in force",
        all,
        Contracts,
        vec![],
        Aggregate::Count,
        Unit::Contracts,
    ));
    v.push(def(
        "chain.htx_in_contracts_pct",
        "Tỷ lệ HTX tham gia hợp đồng liên kết",
        "Share of cooperatives party to a linkage contract",
        &[OrgKind::Htx],
        ContractParties,
        vec![],
        Aggregate::SharePct(vec![Filter::InContract]),
        Unit::Percent,
    ));
    v.push(def(
        "chain.fulfilment_pct",
        "Tỷ lệ giao hàng so với lịch của hợp đồng liên kết (bình quân các hợp đồng)",
        "Deliveries against the contracts' schedules (average over contracts)",
        all,
        Contracts,
        vec![],
        Aggregate::Avg(Field::FulfilmentPct),
        Unit::Percent,
    ));
    v.push(def(
        "chain.households",
        "Số hộ nông dân tham gia liên kết",
        "Farm households in linkage contracts",
        all,
        Contracts,
        vec![],
        Aggregate::Sum(Field::Households),
        Unit::Households,
    ));
}
