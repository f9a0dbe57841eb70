//! The plan of the source document (Kế hoạch phát triển KTTT huyện Tháp Mười 2021–2026),
//! part B.I.2, as data: nine specific targets (two of them double, so eleven measures), and
//! the two indicators they need that the core catalogue lacks.

use hoptac_core::Fixed;
use hoptac_core::plan::{Comparator, Plan, Target};
use hoptac_core::spec::IndicatorRecord;

pub const PLAN_CODE: &str = "TM-KTTT-2021-2026";

pub fn indicators() -> Vec<IndicatorRecord> {
    vec![
        IndicatorRecord {
            id: "tht.founded.handicraft_new_communes".into(),
            label_vi: "Số THT tiểu thủ công nghiệp thành lập mới ở các xã chưa có THT tiểu thủ công nghiệp (cuối năm 2020)".into(),
            label_en: "Handicraft cooperative groups founded in communes that had none at the end of 2020".into(),
            definition: "subject=founded; kinds=THT; where=sector:handicraft, commune_without:THT/handicraft@2020; aggregate=count; unit=organizations".into(),
            description: "Đếm các THT lĩnh vực tiểu thủ công nghiệp thành lập trong giai đoạn, đặt tại xã mà cuối năm 2020 không có THT tiểu thủ công nghiệp nào đang hoạt động (chỉ tiêu 1 của kế hoạch).".into(),
        },
        IndicatorRecord {
            id: "htx.multiservice_effective_pct".into(),
            label_vi: "Tỷ lệ HTX đa dịch vụ hoạt động hiệu quả".into(),
            label_en: "Share of cooperatives that are multi-service and effective".into(),
            definition: "subject=active_orgs; kinds=HTX; where=reported; aggregate=share; share=services>=3, profit>0, rating_or_none>=kha; unit=percent".into(),
            description: "Trong các HTX đang hoạt động có báo cáo năm: tỷ lệ HTX thực hiện từ 03 dịch vụ trở lên, có lãi, và được xếp loại khá trở lên nếu đã được xếp loại (chỉ tiêu 9 của kế hoạch).".into(),
        },
    ]
}

fn t(no: &str, wording: &str, indicator: &str, c: Comparator, v: i64, hi: Option<i64>) -> Target {
    Target {
        no: no.into(),
        wording: wording.into(),
        indicator: indicator.into(),
        comparator: c,
        value: Fixed::from_int(v),
        value_hi: hi.map(Fixed::from_int),
        baseline_indicator: None,
        milestones: vec![],
        note: String::new(),
    }
}

pub fn plan() -> Plan {
    use Comparator::*;
    let mut targets = vec![
        t(
            "1",
            "Tiếp tục vận động thành lập mới: 07 THT ở các xã chưa có THT tiểu thủ công nghiệp",
            "tht.founded.handicraft_new_communes",
            Ge,
            7,
            None,
        ),
        t(
            "2",
            "Số lượng thành viên trong các HTX: 2.600 thành viên trở lên",
            "htx.members",
            Ge,
            2600,
            None,
        ),
        t(
            "3",
            "Số lượng thành viên trong các THT: 3.200 thành viên trở lên",
            "tht.members",
            Ge,
            3200,
            None,
        ),
        t(
            "4",
            "Doanh thu bình quân của 01 HTX: 1.800 triệu đồng/năm trở lên",
            "htx.revenue_avg",
            Ge,
            1800,
            None,
        ),
        t(
            "5",
            "Lợi nhuận bình quân một HTX: 200 triệu đồng/năm trở lên",
            "htx.profit_avg",
            Ge,
            200,
            None,
        ),
        t(
            "6",
            "Thu nhập bình quân của người lao động thường xuyên trong HTX trên 45 triệu đồng/người/năm",
            "htx.worker_income_avg",
            Gt,
            45,
            None,
        ),
        t(
            "7a",
            "Nâng tỷ lệ cán bộ quản lý HTX có trình độ chuyên môn đạt 40% trở lên",
            "htx.managers.qualified_pct",
            Ge,
            40,
            None,
        ),
        t(
            "7b",
            "Bồi dưỡng chuyên môn, nghiệp vụ cho 70% đội ngũ cán bộ quản lý, cán bộ chuyên môn nghiệp vụ tổ hợp tác, HTX",
            "htx.managers.trained_pct",
            Ge,
            70,
            None,
        ),
        t(
            "8a",
            "100% số HTX nông nghiệp trên địa bàn huyện hoạt động có lãi",
            "htx.agri.profitable_pct",
            Ge,
            100,
            None,
        ),
        t(
            "8b",
            "Bình quân mỗi HTX thực hiện 5-6 khâu dịch vụ",
            "htx.services_avg",
            Between,
            5,
            Some(6),
        ),
        t(
            "9",
            "Phấn đấu có 20% HTX theo hướng đa dịch vụ hoạt động hiệu quả",
            "htx.multiservice_effective_pct",
            Ge,
            20,
            None,
        ),
    ];
    targets[0].note =
        "Văn bản ghi \"THT tiêu thụ công nghiệp\": lỗi đánh máy của \"tiểu thủ công nghiệp\"."
            .into();
    targets[5].baseline_indicator = Some("htx.member_income_avg".into());
    targets[5].note = "Phần A của kế hoạch nêu thu nhập của thành viên (45 triệu đồng), chỉ tiêu đo thu nhập của lao động thường xuyên.".into();
    targets[7].note = "Tính trên cán bộ được bồi dưỡng trong 5 năm gần nhất (hồ sơ chỉ lưu lần bồi dưỡng gần nhất).".into();
    Plan {
        code: PLAN_CODE.into(),
        title: "Kế hoạch phát triển kinh tế tập thể giai đoạn 2021 – 2026".into(),
        issuer: "Ủy ban nhân dân huyện Tháp Mười".into(),
        doc_no: "/KH-UBND".into(),
        doc_date: None,
        from: 2021,
        to: 2026,
        baseline_year: 2020,
        scope: "872".into(),
        targets,
        offices: crate::plan_tasks::offices(),
        tasks: crate::plan_tasks::tasks(),
    }
}
