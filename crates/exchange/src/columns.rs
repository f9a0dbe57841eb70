//! The tables and columns of the exchange contract: machine keys, Vietnamese headers and the
//! aliases an import accepts. This is the stable core of the format.

mod chain;
mod shape;

pub use chain::*;
use shape::col;
pub use shape::{Column, Table, fold_header};

pub const ADMIN_UNITS: Table = Table {
    key: "admin_units",
    vi: "Đơn vị hành chính",
    aliases: &["địa bàn", "don vi"],
    columns: &[
        col("code", "Mã", &["mã đơn vị", "mã số"], true),
        col("name", "Tên", &["tên đơn vị"], true),
        col("level", "Cấp", &[], true),
        col("parent_code", "Mã cấp trên", &["mã đơn vị cấp trên"], false),
        col("valid_from", "Hiệu lực từ", &["từ ngày"], false),
        col("valid_to", "Hiệu lực đến", &["đến ngày"], false),
    ],
};

pub const ORGANIZATIONS: Table = Table {
    key: "organizations",
    vi: "Tổ chức",
    aliases: &["danh sách", "danh sách tổ chức", "orgs"],
    columns: &[
        col("code", "Mã", &["mã số", "mã tổ chức"], true),
        col("kind", "Loại hình", &["loại"], true),
        col(
            "name",
            "Tên",
            &["tên tổ chức", "tên htx", "tên đơn vị"],
            true,
        ),
        col("sector", "Lĩnh vực", &["ngành", "lĩnh vực hoạt động"], true),
        col(
            "commune",
            "Xã",
            &["xã, thị trấn", "địa bàn", "xã / phường", "phường"],
            true,
        ),
        col(
            "founded_on",
            "Ngày thành lập",
            &["thành lập", "năm thành lập"],
            true,
        ),
        col("dissolved_on", "Ngày giải thể", &["giải thể"], false),
        col(
            "registration_no",
            "Số đăng ký",
            &["số giấy chứng nhận", "số gcn", "số đăng ký kinh doanh"],
            false,
        ),
        col(
            "registered_services",
            "Dịch vụ đăng ký",
            &["ngành nghề đăng ký"],
            false,
        ),
    ],
};

pub const ANNUAL_REPORTS: Table = Table {
    key: "annual_reports",
    vi: "Báo cáo năm",
    aliases: &["số liệu năm", "số liệu", "reports"],
    columns: &[
        col("org_code", "Mã", &["mã tổ chức", "mã số"], true),
        col("year", "Năm", &["năm báo cáo"], true),
        col(
            "members",
            "Số thành viên",
            &["thành viên", "tổng số thành viên"],
            false,
        ),
        col(
            "members_joined",
            "Thành viên mới",
            &["thành viên mới gia nhập", "kết nạp mới"],
            false,
        ),
        col(
            "members_left",
            "Thành viên ra",
            &["thành viên ra khỏi"],
            false,
        ),
        col(
            "workers",
            "Lao động thường xuyên",
            &["lao động", "số lao động"],
            false,
        ),
        col("revenue", "Doanh thu", &[], false),
        col("profit", "Lợi nhuận", &["lãi"], false),
        col(
            "member_income",
            "Thu nhập thành viên",
            &["thu nhập bình quân thành viên"],
            false,
        ),
        col(
            "worker_income",
            "Thu nhập lao động",
            &["thu nhập bình quân lao động"],
            false,
        ),
        col(
            "services",
            "Dịch vụ",
            &["các dịch vụ", "khâu dịch vụ"],
            false,
        ),
        col("rating", "Xếp loại", &["phân loại"], false),
        col(
            "general_meeting_on",
            "Ngày đại hội",
            &["đại hội thành viên"],
            false,
        ),
        col(
            "statements_filed",
            "Nộp BCTC",
            &["báo cáo tài chính", "nộp báo cáo tài chính"],
            false,
        ),
        col("received_on", "Ngày nhận báo cáo", &["ngày nhận"], false),
        col(
            "statements_filed_on",
            "Ngày nộp BCTC",
            &["ngày nộp báo cáo tài chính"],
            false,
        ),
        col(
            "self_assessment_sent_on",
            "Ngày gửi phiếu tự chấm điểm",
            &["ngày gửi phiếu tự đánh giá", "phiếu tự chấm điểm"],
            false,
        ),
        col(
            "rating_basis",
            "Căn cứ xếp loại",
            &["căn cứ đánh giá", "cơ sở xếp loại"],
            false,
        ),
    ],
};

pub const MANAGERS: Table = Table {
    key: "managers",
    vi: "Cán bộ quản lý",
    aliases: &["cán bộ", "nhân sự"],
    columns: &[
        col("org_code", "Mã", &["mã tổ chức", "mã số"], true),
        col("full_name", "Họ và tên", &["họ tên", "tên"], true),
        col("role", "Chức vụ", &[], true),
        col("qualification", "Trình độ chuyên môn", &["trình độ"], false),
        col(
            "trained_on",
            "Ngày bồi dưỡng",
            &["bồi dưỡng", "tập huấn"],
            false,
        ),
        col("from", "Từ ngày", &["từ"], false),
        col("to", "Đến ngày", &["đến"], false),
    ],
};

/// Indicators defined as data (see `hoptac_core::spec` for the definition syntax).
pub const INDICATORS: Table = Table {
    key: "indicators",
    vi: "Chỉ tiêu thống kê",
    aliases: &["định nghĩa chỉ tiêu"],
    columns: &[
        col("id", "Mã chỉ tiêu", &["mã"], true),
        col("label_vi", "Tên chỉ tiêu", &["tên"], true),
        col("label_en", "Tên tiếng Anh", &["english"], false),
        col("definition", "Định nghĩa", &["công thức"], true),
        col("description", "Diễn giải", &["mô tả"], false),
    ],
};

pub const PLANS: Table = Table {
    key: "plans",
    vi: "Kế hoạch",
    aliases: &["danh sách kế hoạch"],
    columns: &[
        col("code", "Mã kế hoạch", &["mã"], true),
        col("title", "Tên kế hoạch", &["tên"], true),
        col("issuer", "Cơ quan ban hành", &["cơ quan"], false),
        col(
            "doc_no",
            "Số hiệu văn bản",
            &["số hiệu", "số văn bản"],
            false,
        ),
        col("doc_date", "Ngày ban hành", &[], false),
        col("from", "Từ năm", &[], true),
        col("to", "Đến năm", &[], true),
        col("baseline_year", "Năm gốc", &[], true),
        col("scope", "Địa bàn", &["phạm vi"], true),
    ],
};

pub const TARGETS: Table = Table {
    key: "targets",
    vi: "Chỉ tiêu kế hoạch",
    aliases: &["mục tiêu", "chỉ tiêu cụ thể"],
    columns: &[
        col("plan_code", "Mã kế hoạch", &[], true),
        col("no", "Số thứ tự", &["stt", "số"], true),
        col("wording", "Nội dung chỉ tiêu", &["nội dung"], true),
        col("indicator", "Mã chỉ tiêu", &["chỉ tiêu thống kê"], true),
        col("comparator", "So sánh", &["điều kiện"], true),
        col("value", "Giá trị", &["mục tiêu"], true),
        col("value_hi", "Giá trị trên", &["đến"], false),
        col("baseline_indicator", "Chỉ tiêu năm gốc", &[], false),
        col("milestones", "Lộ trình", &["mốc"], false),
        col("note", "Ghi chú", &[], false),
    ],
};

/// How units became others (`shared/spec/admin-units.md`).
pub const UNIT_CHANGES: Table = Table {
    key: "unit_changes",
    vi: "Sáp nhập, chia tách",
    aliases: &["sáp nhập", "sắp xếp đơn vị hành chính"],
    columns: &[
        col("old_code", "Mã cũ", &["mã đơn vị cũ"], true),
        col("new_code", "Mã mới", &["mã đơn vị mới"], true),
        col("on", "Ngày hiệu lực", &["từ ngày"], true),
        col("kind", "Hình thức", &[], true),
        col("basis", "Căn cứ", &["căn cứ pháp lý"], false),
    ],
};

/// An organisation registered in another commune from a date.
pub const ORGANIZATION_MOVES: Table = Table {
    key: "organization_moves",
    vi: "Chuyển địa bàn",
    aliases: &["chuyển xã"],
    columns: &[
        col("org_code", "Mã", &["mã tổ chức", "mã số"], true),
        col("commune", "Xã", &["xã mới", "mã xã"], true),
        col("moved_on", "Từ ngày", &["ngày chuyển"], true),
        col("reason", "Lý do", &[], false),
    ],
};

/// A Hội quán's profile (`docs/exchange.md`): its number in the province, its trade, the
/// meetings a year its regulation sets.
pub const HOIQUAN: Table = Table {
    key: "hoiquan",
    vi: "Hội quán",
    aliases: &["danh sách hội quán"],
    columns: &[
        col("org_code", "Mã", &["mã hội quán", "mã số"], true),
        col(
            "sequence_no",
            "Số thứ tự trong tỉnh",
            &["hội quán thứ", "số thứ tự"],
            false,
        ),
        col(
            "trade",
            "Sản phẩm, ngành nghề",
            &["sản phẩm", "ngành nghề"],
            false,
        ),
        col(
            "meetings_per_year",
            "Số buổi sinh hoạt một năm",
            &["số buổi sinh hoạt/năm", "định kỳ sinh hoạt"],
            false,
        ),
    ],
};

/// A Hội quán meeting (buổi sinh hoạt): one a day per club. Officials as one cell, one per
/// line or `;`: `name | office | level`.
pub const HOIQUAN_MEETINGS: Table = Table {
    key: "hoiquan_meetings",
    vi: "Sinh hoạt Hội quán",
    aliases: &["buổi sinh hoạt", "sinh hoạt"],
    columns: &[
        col("org_code", "Mã", &["mã hội quán", "mã số"], true),
        col("held_on", "Ngày sinh hoạt", &["ngày"], true),
        col("topic", "Chủ đề", &["nội dung"], true),
        col(
            "attendance",
            "Số người dự",
            &["số người tham dự", "số người"],
            false,
        ),
        col(
            "officials",
            "Cán bộ dự",
            &["cán bộ tham dự", "đại biểu"],
            false,
        ),
        col("outcome", "Kết quả", &["kết quả sinh hoạt"], false),
    ],
};

/// An organisation founded from another (thành lập từ): an HTX or THT from a Hội quán.
pub const ORG_ORIGINS: Table = Table {
    key: "org_origins",
    vi: "Thành lập từ",
    aliases: &["nguồn gốc thành lập"],
    columns: &[
        col("org_code", "Mã", &["mã tổ chức", "mã số"], true),
        col(
            "from_code",
            "Thành lập từ (mã)",
            &["mã tổ chức gốc", "từ"],
            true,
        ),
        col(
            "founding_members",
            "Số sáng lập viên từ đó",
            &["số thành viên sáng lập"],
            false,
        ),
    ],
};

/// A training course (khóa đào tạo, bồi dưỡng, tập huấn), kept by the unit it is held for.
pub const TRAINING_COURSES: Table = Table {
    key: "training_courses",
    vi: "Lớp đào tạo, bồi dưỡng",
    aliases: &["khóa học", "lớp tập huấn", "đào tạo"],
    columns: &[
        col("code", "Mã lớp", &["mã khóa học", "mã"], true),
        col("title", "Nội dung", &["tên lớp", "chủ đề"], true),
        col("level", "Hình thức", &["loại hình đào tạo", "cấp độ"], true),
        col(
            "organiser",
            "Đơn vị tổ chức",
            &["đơn vị", "cơ quan tổ chức"],
            true,
        ),
        col("unit", "Địa bàn", &["mã đơn vị", "đơn vị hành chính"], true),
        col("starts_on", "Từ ngày", &["ngày bắt đầu", "từ"], true),
        col("ends_on", "Đến ngày", &["ngày kết thúc", "đến"], true),
        col("funding", "Nguồn kinh phí", &["kinh phí"], false),
    ],
};

/// Who attended a course (học viên): a person of an organisation, or named only.
pub const TRAINING_ATTENDANCE: Table = Table {
    key: "training_attendance",
    vi: "Học viên",
    aliases: &["danh sách học viên", "người tham dự"],
    columns: &[
        col("course_code", "Mã lớp", &["mã khóa học"], true),
        col("full_name", "Họ và tên", &["họ tên", "tên"], true),
        col("org_code", "Mã tổ chức", &["mã", "mã htx"], false),
    ],
};

/// A propaganda or promotion event, kept by the unit it was held for.
pub const EVENTS: Table = Table {
    key: "events",
    vi: "Sự kiện tuyên truyền",
    aliases: &["tuyên truyền", "hội nghị tuyên truyền", "sự kiện"],
    columns: &[
        col("code", "Mã", &["mã sự kiện", "số hiệu"], true),
        col("kind", "Hình thức", &["loại", "loại hình"], true),
        col("title", "Nội dung", &["tên", "chủ đề", "tên sự kiện"], true),
        col("held_on", "Ngày", &["ngày tổ chức", "thời gian"], true),
        col(
            "organiser",
            "Đơn vị tổ chức",
            &["đơn vị", "cơ quan tổ chức"],
            true,
        ),
        col("unit", "Địa bàn", &["mã đơn vị", "đơn vị hành chính"], true),
        col(
            "audience",
            "Đối tượng",
            &["thành phần", "người tham dự"],
            false,
        ),
        col(
            "reach",
            "Số lượt người",
            &["số người", "số bản", "số lượt"],
            false,
        ),
    ],
};

/// A disbursement of a support policy to an organisation, in đồng.
pub const SUPPORT_DISBURSEMENTS: Table = Table {
    key: "support_disbursements",
    vi: "Kinh phí hỗ trợ",
    aliases: &["hỗ trợ", "khoản hỗ trợ", "chi hỗ trợ"],
    columns: &[
        col("code", "Mã", &["số chứng từ", "mã khoản"], true),
        col(
            "policy",
            "Nhóm chính sách",
            &["chính sách", "nội dung hỗ trợ"],
            true,
        ),
        col(
            "legal_basis",
            "Căn cứ",
            &["căn cứ pháp lý", "văn bản"],
            true,
        ),
        col("decision", "Quyết định", &["số quyết định"], false),
        col("org_code", "Mã tổ chức", &["mã", "mã htx"], true),
        col(
            "amount_vnd",
            "Số tiền (đồng)",
            &["số tiền", "kinh phí"],
            true,
        ),
        col(
            "source",
            "Nguồn kinh phí",
            &["nguồn", "nguồn ngân sách"],
            true,
        ),
        col("paid_on", "Ngày chi", &["ngày", "ngày hỗ trợ"], true),
        col(
            "project",
            "Mã dự án liên kết",
            &["dự án liên kết", "dự án"],
            false,
        ),
    ],
};

/// An office a plan's tasks name, as it was when the plan was adopted.
pub const PLAN_OFFICES: Table = Table {
    key: "plan_offices",
    vi: "Cơ quan thực hiện",
    aliases: &["cơ quan", "đơn vị thực hiện"],
    columns: &[
        col("plan_code", "Mã kế hoạch", &[], true),
        col("code", "Mã cơ quan", &["mã"], true),
        col("name", "Tên cơ quan", &["tên", "cơ quan"], true),
        col("until", "Hoạt động đến", &["đến ngày"], false),
        col(
            "successor",
            "Cơ quan kế thừa",
            &["kế thừa", "cơ quan tiếp nhận"],
            false,
        ),
    ],
};

/// A task of a plan (nhiệm vụ, giải pháp; tổ chức thực hiện).
pub const PLAN_TASKS: Table = Table {
    key: "plan_tasks",
    vi: "Nhiệm vụ kế hoạch",
    aliases: &["nhiệm vụ", "nhiệm vụ và giải pháp"],
    columns: &[
        col("plan_code", "Mã kế hoạch", &[], true),
        col("number", "Số thứ tự", &["stt", "số"], true),
        col("group", "Nhóm nhiệm vụ", &["nhóm", "mục"], true),
        col("text", "Nội dung nhiệm vụ", &["nội dung"], true),
        col("lead", "Cơ quan chủ trì", &["chủ trì"], true),
        col("partners", "Cơ quan phối hợp", &["phối hợp"], false),
        col("output", "Kết quả dự kiến", &["sản phẩm"], false),
        col(
            "evidence",
            "Chỉ tiêu minh chứng",
            &["minh chứng", "chỉ tiêu"],
            false,
        ),
        col(
            "status",
            "Tình hình thực hiện",
            &["tình trạng", "kết quả"],
            true,
        ),
        col("reason", "Lý do, căn cứ", &["lý do"], false),
    ],
};

/// In this order in a workbook and in an import's summary; from the eighth on they appear in
/// an export only when there is something to write (a register without a reorganisation or a
/// Hội quán has none).
pub const TABLES: [Table; 25] = [
    ADMIN_UNITS,
    ORGANIZATIONS,
    ANNUAL_REPORTS,
    MANAGERS,
    INDICATORS,
    PLANS,
    TARGETS,
    UNIT_CHANGES,
    ORGANIZATION_MOVES,
    HOIQUAN,
    HOIQUAN_MEETINGS,
    ORG_ORIGINS,
    TRAINING_COURSES,
    TRAINING_ATTENDANCE,
    EVENTS,
    SUPPORT_DISBURSEMENTS,
    PLAN_OFFICES,
    PLAN_TASKS,
    PRODUCTS,
    OCOP_EVALUATIONS,
    PLANTING_AREAS,
    LOTS,
    CONTRACTS,
    DELIVERIES,
    LINKAGE_PROJECTS,
];

impl Table {
    pub fn by_name(name: &str) -> Option<Table> {
        TABLES.iter().copied().find(|t| t.matches_name(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_keys_and_vietnamese() {
        assert_eq!(
            ANNUAL_REPORTS
                .column_for("Doanh thu (triệu đồng)")
                .unwrap()
                .key,
            "revenue"
        );
        assert_eq!(
            ANNUAL_REPORTS.column_for("members_joined").unwrap().key,
            "members_joined"
        );
        assert_eq!(
            ANNUAL_REPORTS.column_for("  SO THANH VIEN ").unwrap().key,
            "members"
        );
        assert_eq!(
            ORGANIZATIONS.column_for("Ngày thành lập").unwrap().key,
            "founded_on"
        );
        assert_eq!(MANAGERS.column_for("Họ và tên").unwrap().key, "full_name");
        assert!(ORGANIZATIONS.column_for("Ghi chú").is_none());
        assert_eq!(Table::by_name("Báo cáo năm").unwrap().key, "annual_reports");
        assert_eq!(
            Table::by_name("organizations").unwrap().key,
            "organizations"
        );
    }
}
