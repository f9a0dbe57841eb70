//! The sheets of OCOP products, traceability and value-chain linkage (NĐ 98/2018).

use super::shape::{Table, col};

/// A product of an organisation (sản phẩm): what OCOP rates and a lot is a batch of.
pub const PRODUCTS: Table = Table {
    key: "products",
    vi: "Sản phẩm",
    aliases: &["danh mục sản phẩm", "sản phẩm ocop"],
    columns: &[
        col("code", "Mã sản phẩm", &["mã"], true),
        col("org_code", "Mã tổ chức", &["mã htx", "chủ thể"], true),
        col("name", "Tên sản phẩm", &["tên"], true),
        col("group", "Nhóm sản phẩm", &["nhóm", "nhóm ocop"], true),
        col(
            "subgroup",
            "Phân nhóm",
            &["bộ sản phẩm", "phân nhóm sản phẩm"],
            false,
        ),
        col(
            "gtin",
            "Mã GTIN",
            &["mã vạch", "mã số mã vạch", "barcode"],
            false,
        ),
        col("unit", "Đơn vị tính", &["đvt", "quy cách"], false),
        col(
            "public",
            "Công khai",
            &["hiện công khai", "trang công khai"],
            false,
        ),
    ],
};

/// An OCOP rating: the recognition decision of a product and its certificate.
pub const OCOP_EVALUATIONS: Table = Table {
    key: "ocop_evaluations",
    vi: "Kết quả OCOP",
    aliases: &["đánh giá ocop", "phân hạng ocop", "chứng nhận ocop"],
    columns: &[
        col("code", "Mã", &["số giấy chứng nhận", "mã kết quả"], true),
        col("product", "Mã sản phẩm", &["sản phẩm"], true),
        col("criteria", "Bộ tiêu chí", &["tiêu chí"], false),
        col(
            "kind",
            "Hình thức đánh giá",
            &["hình thức", "loại đánh giá"],
            true,
        ),
        col("part_a", "Điểm phần A", &["phần a"], false),
        col("part_b", "Điểm phần B", &["phần b"], false),
        col("part_c", "Điểm phần C", &["phần c"], false),
        col("score", "Tổng điểm", &["điểm"], false),
        col("stars", "Số sao", &["hạng sao", "sao"], true),
        col("decision", "Số quyết định", &["quyết định"], true),
        col("decided_on", "Ngày quyết định", &["ngày công nhận"], true),
        col("level", "Cấp công nhận", &["cấp"], true),
        col("revoked_on", "Ngày thu hồi", &[], false),
        col(
            "revocation",
            "Quyết định thu hồi",
            &["số quyết định thu hồi"],
            false,
        ),
    ],
};

/// A planting area or packing house with its code (mã số vùng trồng, cơ sở đóng gói).
pub const PLANTING_AREAS: Table = Table {
    key: "planting_areas",
    vi: "Vùng trồng",
    aliases: &["mã số vùng trồng", "vùng trồng, cơ sở đóng gói"],
    columns: &[
        col("code", "Mã số", &["mã số vùng trồng", "mã"], true),
        col("kind", "Loại", &["loại mã"], true),
        col("org_code", "Mã tổ chức", &["mã htx", "đại diện"], true),
        col("crop", "Cây trồng, sản phẩm", &["cây trồng"], true),
        col("area_ha", "Diện tích (ha)", &["diện tích"], false),
        col("households", "Số hộ", &["hộ"], false),
        col("unit", "Xã", &["địa bàn", "xã phường"], true),
        col("issued_by", "Cơ quan cấp", &["nơi cấp"], true),
        col("issued_on", "Ngày cấp", &[], true),
        col("market", "Thị trường", &[], false),
        col("status", "Tình trạng", &[], true),
        col(
            "status_since",
            "Từ ngày",
            &["ngày đình chỉ", "ngày thu hồi"],
            false,
        ),
    ],
};

/// A lot of a product (lô hàng): machine keys `gtin` and `lot` with the product's code.
pub const LOTS: Table = Table {
    key: "lots",
    vi: "Lô hàng",
    aliases: &["lô", "lô sản phẩm"],
    columns: &[
        col("product", "Mã sản phẩm", &["sản phẩm"], true),
        col("gtin", "Mã GTIN", &["mã vạch"], false),
        col("lot", "Số lô", &["mã lô", "lô"], true),
        col("quantity", "Số lượng", &["khối lượng"], true),
        col("uom", "Đơn vị", &["đơn vị tính", "đvt"], true),
        col(
            "produced_on",
            "Ngày thu hoạch, sản xuất",
            &["ngày thu hoạch", "ngày sản xuất"],
            true,
        ),
        col(
            "facility",
            "Vùng trồng, cơ sở đóng gói",
            &["mã số vùng trồng", "nơi sản xuất"],
            false,
        ),
    ],
};

/// A value-chain linkage contract (hợp đồng liên kết, NĐ 98/2018).
pub const CONTRACTS: Table = Table {
    key: "contracts",
    vi: "Hợp đồng liên kết",
    aliases: &["liên kết", "hợp đồng"],
    columns: &[
        col("code", "Mã hợp đồng", &["số hợp đồng", "mã"], true),
        col("orgs", "Các HTX tham gia", &["mã tổ chức", "htx"], true),
        col("partner", "Doanh nghiệp", &["đối tác"], true),
        col("partner_tax_code", "Mã số thuế", &["mst"], true),
        col("form", "Hình thức liên kết", &["hình thức"], true),
        col("goods", "Sản phẩm liên kết", &["hàng hóa"], true),
        col("product", "Mã sản phẩm", &[], false),
        col("quantity", "Số lượng", &["khối lượng"], true),
        col("uom", "Đơn vị", &["đơn vị tính", "đvt"], true),
        col("area_ha", "Diện tích (ha)", &["diện tích"], false),
        col("households", "Số hộ", &["số hộ nông dân"], false),
        col("price", "Giá, phương thức xác định giá", &["giá"], true),
        col("signed_on", "Ngày ký", &[], true),
        col("starts_on", "Từ ngày", &["ngày bắt đầu"], true),
        col("ends_on", "Đến ngày", &["ngày kết thúc"], true),
        col("ended_on", "Ngày thanh lý", &["chấm dứt"], false),
        col("schedule", "Lịch giao hàng", &["lịch giao"], false),
    ],
};

/// A delivery under a linkage contract (lần giao hàng).
pub const DELIVERIES: Table = Table {
    key: "deliveries",
    vi: "Giao hàng",
    aliases: &["lần giao hàng", "giao nhận"],
    columns: &[
        col("code", "Mã", &["số phiếu"], true),
        col("contract", "Mã hợp đồng", &["hợp đồng"], true),
        col("delivered_on", "Ngày giao", &["ngày"], true),
        col("quantity", "Số lượng", &["khối lượng"], true),
        col("lot", "Số lô", &["lô"], false),
    ],
};

/// A linkage project or plan approved for support (dự án, kế hoạch liên kết), in đồng.
pub const LINKAGE_PROJECTS: Table = Table {
    key: "linkage_projects",
    vi: "Dự án liên kết",
    aliases: &["kế hoạch liên kết", "dự án"],
    columns: &[
        col("code", "Mã dự án", &["mã"], true),
        col("name", "Tên dự án", &["tên"], true),
        col("lead", "Chủ trì liên kết", &["chủ trì"], true),
        col("orgs", "Các HTX tham gia", &["mã tổ chức", "htx"], true),
        col("contracts", "Các hợp đồng liên kết", &["hợp đồng"], false),
        col("area_ha", "Diện tích (ha)", &["diện tích"], false),
        col("households", "Số hộ", &["số hộ tham gia"], false),
        col(
            "investment_vnd",
            "Tổng mức đầu tư (đồng)",
            &["tổng mức đầu tư"],
            true,
        ),
        col(
            "support_approved_vnd",
            "Kinh phí hỗ trợ được duyệt (đồng)",
            &["hỗ trợ được duyệt"],
            true,
        ),
        col("approved_by", "Cơ quan phê duyệt", &[], true),
        col("decision", "Quyết định phê duyệt", &["số quyết định"], true),
        col("approved_on", "Ngày phê duyệt", &[], true),
        col("starts_on", "Từ ngày", &["ngày bắt đầu"], true),
        col("ends_on", "Đến ngày", &["ngày kết thúc"], true),
    ],
};
