//! Value types of the registry. Each parses from the codes and Vietnamese aliases of the data
//! exchange contract (`shared/spec/data-exchange.md`), ignoring case and diacritics, so
//! a value that exists is a valid one.

use crate::text::fold;
use std::fmt;

/// A year of figures (năm báo cáo), 1900–2200.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Year(i32);

impl Year {
    pub fn new(y: i32) -> Option<Year> {
        (1900..=2200).contains(&y).then_some(Year(y))
    }
    pub fn get(self) -> i32 {
        self.0
    }
    pub fn prev(self) -> Year {
        Year(self.0 - 1)
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Internal identity of an administrative unit. Official codes are reused after
/// reorganisations (30043 was Xã Hưng Thạnh, is now Xã Phương Thịnh), so a code alone
/// does not name a unit over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct UnitId(pub i64);

/// The unique code of an organisation (mã): a registration number or a local code.
/// Trimmed, 1–40 characters, no control characters; compared exactly.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct OrgCode(String);

impl OrgCode {
    pub fn parse(s: &str) -> Option<OrgCode> {
        let t = s.trim();
        let ok = !t.is_empty()
            && t.chars().count() <= 40
            && !t
                .chars()
                .any(|c| c.is_control() || c == '/' || c == '?' || c == '#');
        ok.then(|| OrgCode(t.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An enumeration of the contract: a stable code, a Vietnamese and an English label, and
/// the aliases an import accepts.
pub trait Enumerated: Sized + Copy + 'static {
    const ALL: &'static [Self];
    /// What the contract calls this enumeration, for messages.
    const FIELD: &'static str;
    fn code(self) -> &'static str;
    fn label_vi(self) -> &'static str;
    fn label_en(self) -> &'static str;
    fn aliases(self) -> &'static [&'static str];

    /// Accepts the code or any alias, ignoring case, diacritics and surrounding spaces.
    fn parse(s: &str) -> Option<Self> {
        // the stored form is the code itself: a database of a country holds millions of
        // them, and folding every candidate for each costs seconds (the test
        // `a_code_parses_to_itself_by_the_long_way` shows this is the same answer)
        if let Some(v) = Self::ALL.iter().copied().find(|v| v.code() == s) {
            return Some(v);
        }
        Self::parse_folded(s)
    }

    /// Parses by folding: any case, diacritics or not, label or alias.
    fn parse_folded(s: &str) -> Option<Self> {
        let f = fold(s).replace(['-', '_'], " ");
        let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
        Self::ALL.iter().copied().find(|v| {
            fold(&v.code().replace('_', " ")) == f
                || fold(&v.label_vi().replace(['-', '_'], " "))
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    == f
                || v.aliases().iter().any(|a| {
                    fold(&a.replace(['-', '_'], " "))
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        == f
                })
        })
    }

    /// "one of: a, b, c" for messages.
    fn expected() -> String {
        Self::ALL
            .iter()
            .map(|v| format!("{} ({})", v.code(), v.label_vi()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! enumeration {
    ($(#[$m:meta])* $name:ident, $field:literal, { $($(#[$vm:meta])* $var:ident => $code:literal, $vi:literal, $en:literal, [$($alias:literal),*];)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $var),+ }

        impl Enumerated for $name {
            const ALL: &'static [Self] = &[$($name::$var),+];
            const FIELD: &'static str = $field;
            fn code(self) -> &'static str { match self { $($name::$var => $code),+ } }
            fn label_vi(self) -> &'static str { match self { $($name::$var => $vi),+ } }
            fn label_en(self) -> &'static str { match self { $($name::$var => $en),+ } }
            fn aliases(self) -> &'static [&'static str] { match self { $($name::$var => &[$($alias),*]),+ } }
        }

        impl $name {
            pub fn code(self) -> &'static str { Enumerated::code(self) }
            pub fn label_vi(self) -> &'static str { Enumerated::label_vi(self) }
            pub fn label_en(self) -> &'static str { Enumerated::label_en(self) }
            pub fn label(self, lang: &str) -> &'static str {
                if lang == "en" { self.label_en() } else { self.label_vi() }
            }
            pub fn parse(s: &str) -> Option<Self> { <Self as Enumerated>::parse(s) }
            pub fn all() -> &'static [Self] { <Self as Enumerated>::ALL }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.code()) }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    };
}

enumeration!(
    /// Kind of collective-economy organisation (loại hình).
    OrgKind, "kind", {
        /// Hợp tác xã — cooperative.
        Htx => "HTX", "Hợp tác xã", "Cooperative", ["hop tac xa"];
        /// Liên hiệp hợp tác xã — union of cooperatives.
        Lhhtx => "LHHTX", "Liên hiệp HTX", "Union of cooperatives", ["lien hiep hop tac xa"];
        /// Tổ hợp tác — cooperative group.
        Tht => "THT", "Tổ hợp tác", "Cooperative group", [];
        /// Hội quán — farmer club (a Đồng Tháp model).
        HoiQuan => "HOIQUAN", "Hội quán", "Farmer club", ["hoi quan"];
    }
);

enumeration!(
    /// Sector of activity (lĩnh vực).
    Sector, "sector", {
        Agriculture => "agriculture", "Nông nghiệp", "Agriculture", ["dịch vụ nông nghiệp", "DVNN", "nong nghiep"];
        Aquaculture => "aquaculture", "Thủy sản", "Aquaculture", ["thuỷ sản"];
        Forestry => "forestry", "Lâm nghiệp", "Forestry", [];
        Handicraft => "handicraft", "Tiểu thủ công nghiệp", "Handicraft", ["TTCN", "thủ công nghiệp"];
        Industry => "industry", "Công nghiệp", "Industry", [];
        Construction => "construction", "Xây dựng", "Construction", [];
        TradeServices => "trade_services", "Thương mại - dịch vụ", "Trade and services", ["thương mại dịch vụ", "thương mại", "TMDV"];
        Transport => "transport", "Vận tải", "Transport", ["giao thông vận tải", "GTVT", "DVVT", "dịch vụ vận tải"];
        Credit => "credit", "Tín dụng", "Credit", ["quỹ tín dụng"];
        RuralWater => "rural_water", "Nước sạch nông thôn", "Rural water", ["nước sạch"];
        Environment => "environment", "Vệ sinh môi trường", "Environment", ["môi trường"];
        Other => "other", "Khác", "Other", ["lĩnh vực khác"];
    }
);

enumeration!(
    /// A service an organisation provides (dịch vụ, khâu dịch vụ).
    Service, "services", {
        Irrigation => "irrigation", "Bơm tưới", "Irrigation", ["thủy lợi", "thuỷ lợi", "bơm tưới, thủy lợi"];
        LandPreparation => "land_preparation", "Làm đất", "Land preparation", [];
        SeedSupply => "seed_supply", "Cung ứng giống", "Seed supply", ["giống"];
        InputSupply => "input_supply", "Cung ứng vật tư, phân bón", "Input supply", ["vật tư", "phân bón", "cung ứng vật tư"];
        PlantProtection => "plant_protection", "Bảo vệ thực vật", "Plant protection", ["phun xịt", "BVTV"];
        Harvesting => "harvesting", "Thu hoạch", "Harvesting", [];
        DryingStorage => "drying_storage", "Sấy, bảo quản", "Drying and storage", ["sấy", "bảo quản"];
        ProductSales => "product_sales", "Tiêu thụ sản phẩm", "Product sales", ["tiêu thụ"];
        Processing => "processing", "Chế biến", "Processing", [];
        Credit => "credit", "Tín dụng nội bộ", "Internal credit", ["tín dụng"];
        CleanWater => "clean_water", "Nước sạch", "Clean water", [];
        Electricity => "electricity", "Điện", "Electricity", [];
        Transport => "transport", "Vận chuyển", "Transport", [];
        Other => "other", "Khác", "Other", [];
    }
);

enumeration!(
    /// Yearly rating (xếp loại). Ordered from weakest to best.
    Rating, "rating", {
        Yeu => "yeu", "Yếu", "Weak", ["kém"];
        TrungBinh => "trung_binh", "Trung bình", "Average", ["TB"];
        Kha => "kha", "Khá", "Fairly good", [];
        Tot => "tot", "Tốt", "Good", ["xuất sắc"];
    }
);

enumeration!(
    /// Role of a manager (chức vụ).
    Role, "role", {
        Chair => "chair", "Chủ tịch HĐQT / Tổ trưởng", "Chair", ["chủ tịch HĐQT", "chủ tịch", "tổ trưởng", "chủ nhiệm"];
        Director => "director", "Giám đốc", "Director", [];
        Deputy => "deputy", "Phó", "Deputy", ["phó giám đốc", "tổ phó", "phó chủ tịch"];
        Accountant => "accountant", "Kế toán", "Accountant", ["kế toán trưởng"];
        Controller => "controller", "Kiểm soát viên", "Controller", ["trưởng ban kiểm soát", "kiểm soát"];
        Staff => "staff", "Cán bộ chuyên môn", "Professional staff", ["nhân viên", "cán bộ"];
        Other => "other", "Khác", "Other", [];
    }
);

enumeration!(
    /// Professional qualification (trình độ chuyên môn). Ordered from none to highest.
    Qualification, "qualification", {
        None => "none", "Chưa qua đào tạo", "None", ["không", "chưa đào tạo"];
        Elementary => "elementary", "Sơ cấp", "Elementary", [];
        Intermediate => "intermediate", "Trung cấp", "Intermediate", [];
        College => "college", "Cao đẳng", "College", [];
        University => "university", "Đại học", "University", [];
        Postgraduate => "postgraduate", "Sau đại học", "Postgraduate", ["thạc sĩ", "tiến sĩ"];
    }
);

impl Qualification {
    /// "Có trình độ chuyên môn": intermediate or higher, per the contract.
    pub fn is_professional(self) -> bool {
        self >= Qualification::Intermediate
    }
}

enumeration!(
    /// Topic of a Hội quán meeting (nội dung sinh hoạt).
    MeetingTopic, "topic", {
        Technique => "technique", "Kỹ thuật sản xuất", "Farming technique", ["kỹ thuật", "khoa học kỹ thuật", "KHKT"];
        Market => "market", "Thị trường, tiêu thụ", "Markets and sales", ["thị trường", "tiêu thụ", "đầu ra"];
        Linkage => "linkage", "Liên kết sản xuất", "Production linkage", ["liên kết", "liên kết chuỗi"];
        Training => "training", "Tập huấn", "Training", ["đào tạo", "bồi dưỡng"];
        Law => "law", "Pháp luật về hợp tác xã", "Law on cooperatives", ["pháp luật", "luật hợp tác xã", "Luật HTX"];
        Community => "community", "Đời sống, cộng đồng", "Community life", ["cộng đồng", "đời sống", "xã hội"];
        Other => "other", "Khác", "Other", [];
    }
);

enumeration!(
    /// Level of the office an official attending a meeting comes from (cấp của cán bộ dự).
    OfficialLevel, "level", {
        Central => "central", "Trung ương", "Central", ["TW", "bộ"];
        Province => "province", "Tỉnh", "Province", ["sở", "cấp tỉnh"];
        District => "district", "Huyện", "District", ["phòng", "cấp huyện"];
        Commune => "commune", "Xã", "Commune", ["cấp xã", "phường", "UBND xã"];
        Other => "other", "Khác", "Other", [];
    }
);

enumeration!(
    /// Kind of a training course (hình thức đào tạo, bồi dưỡng): the plan's words.
    CourseLevel, "level", {
        Refresher => "refresher", "Bồi dưỡng", "Refresher course", ["bồi dưỡng kiến thức", "bồi dưỡng nghiệp vụ"];
        Workshop => "workshop", "Tập huấn", "Workshop", ["tập huấn kỹ thuật", "hội thảo tập huấn"];
        Elementary => "elementary", "Sơ cấp", "Elementary vocational", ["đào tạo sơ cấp", "sơ cấp nghề"];
        Intermediate => "intermediate", "Trung cấp", "Intermediate vocational", ["đào tạo trung cấp"];
        Higher => "higher", "Cao đẳng, đại học", "College or university", ["cao đẳng", "đại học"];
        Other => "other", "Khác", "Other", [];
    }
);

enumeration!(
    /// Kind of a propaganda or promotion event (sự kiện tuyên truyền, xúc tiến).
    EventKind, "kind", {
        Conference => "conference", "Hội nghị", "Conference", ["hội nghị tuyên truyền", "hội nghị phổ biến"];
        Workshop => "workshop", "Hội thảo, tọa đàm", "Workshop", ["hội thảo", "tọa đàm"];
        Bulletin => "bulletin", "Bản tin, tài liệu", "Bulletin or leaflet", ["bản tin", "tờ rơi", "tài liệu tuyên truyền"];
        Broadcast => "broadcast", "Phóng sự, tin bài", "Broadcast or press report", ["phóng sự", "tin bài", "phát thanh", "truyền hình"];
        Fair => "fair", "Hội chợ, xúc tiến thương mại", "Trade fair", ["hội chợ", "xúc tiến thương mại", "triển lãm"];
        Other => "other", "Khác", "Other", [];
    }
);

enumeration!(
    /// What a support disbursement is for (nhóm chính sách hỗ trợ): a grouping of the
    /// policies for statistics, not a legal text — the legal basis is written on each
    /// disbursement as the office has it.
    SupportPolicy, "policy", {
        Founding => "founding", "Hỗ trợ thành lập mới", "Founding a new cooperative", ["thành lập mới", "thành lập htx"];
        Training => "training", "Đào tạo, bồi dưỡng nguồn nhân lực", "Training and human resources", ["đào tạo", "bồi dưỡng", "nguồn nhân lực"];
        YoungWorkers => "young_workers", "Đưa lao động trẻ về HTX", "Young graduates placed in cooperatives", ["lao động trẻ", "cán bộ trẻ"];
        Linkage => "linkage", "Liên kết sản xuất, tiêu thụ", "Value-chain linkage", ["liên kết", "chuỗi giá trị", "liên kết chuỗi"];
        Infrastructure => "infrastructure", "Kết cấu hạ tầng, chế biến", "Infrastructure and processing", ["hạ tầng", "kết cấu hạ tầng", "chế biến"];
        Promotion => "promotion", "Xúc tiến thương mại, thị trường", "Trade promotion and markets", ["xúc tiến thương mại", "mở rộng thị trường"];
        Technology => "technology", "Khoa học, công nghệ", "Science and technology", ["ứng dụng khoa học", "chuyển giao công nghệ", "công nghệ"];
        Credit => "credit", "Tín dụng, quỹ hỗ trợ", "Credit and support funds", ["tín dụng", "quỹ hỗ trợ phát triển htx", "vay vốn"];
        Other => "other", "Khác", "Other", [];
    }
);

enumeration!(
    /// Where a task of a plan stands (tình hình thực hiện nhiệm vụ).
    TaskStatus, "status", {
        NotStarted => "not_started", "Chưa thực hiện", "Not started", ["chưa triển khai", "chưa bắt đầu"];
        InProgress => "in_progress", "Đang thực hiện", "In progress", ["đang triển khai"];
        Done => "done", "Đã hoàn thành", "Done", ["hoàn thành", "đã thực hiện"];
        NotDone => "not_done", "Không hoàn thành", "Not done", ["chưa hoàn thành", "không thực hiện"];
    }
);

enumeration!(
    /// Product group of the OCOP classification (nhóm sản phẩm, QĐ 148/QĐ-TTg Phụ lục I).
    OcopGroup, "group", {
        Food => "food", "Thực phẩm", "Food", ["thực phẩm tươi sống", "thực phẩm chế biến"];
        Beverage => "beverage", "Đồ uống", "Beverages", ["nước uống"];
        Herbal => "herbal", "Dược liệu và sản phẩm từ dược liệu", "Medicinal herbs and their products", ["dược liệu", "thảo dược"];
        Handicraft => "handicraft", "Hàng thủ công mỹ nghệ", "Handicrafts", ["thủ công mỹ nghệ", "thủ công"];
        Ornamental => "ornamental", "Sinh vật cảnh", "Ornamental plants and animals", ["cây cảnh", "hoa kiểng"];
        Tourism => "tourism", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", "Community and eco-tourism services", ["du lịch", "du lịch cộng đồng", "du lịch sinh thái"];
    }
);

enumeration!(
    /// Why a product was evaluated (hình thức đánh giá OCOP).
    OcopEvaluationKind, "kind", {
        New => "new", "Đánh giá, phân hạng mới", "New evaluation", ["đăng ký mới", "mới"];
        Renewal => "renewal", "Đánh giá công nhận lại", "Re-recognition", ["công nhận lại"];
        Upgrade => "upgrade", "Nâng hạng", "Upgrade", ["nâng sao", "nâng hạng sao"];
    }
);

enumeration!(
    /// The OCOP criteria set an evaluation was scored under (bộ tiêu chí): the decision
    /// that issued it. Its contents are data in `crate::ocop::criteria`.
    OcopCriteria, "criteria", {
        Qd1048 => "qd1048_2019", "QĐ 1048/QĐ-TTg (2019) và QĐ 781/QĐ-TTg (2020)", "QĐ 1048/QĐ-TTg (2019) with QĐ 781/QĐ-TTg (2020)", ["1048", "qđ 1048", "781"];
        Qd148 => "qd148_2023", "QĐ 148/QĐ-TTg (2023)", "QĐ 148/QĐ-TTg (2023)", ["148", "qđ 148", "qđ 148/qđ-ttg"];
        Qd26 => "qd26_2026", "QĐ 26/2026/QĐ-TTg", "QĐ 26/2026/QĐ-TTg", ["26/2026", "qđ 26/2026"];
    }
);

enumeration!(
    /// The state of a certificate on a day (tình trạng giấy chứng nhận OCOP).
    CertificateState, "state", {
        Valid => "valid", "Còn hiệu lực", "Valid", [];
        Expiring => "expiring", "Sắp hết hạn (≤ 30 ngày)", "Expiring within 30 days", [];
        Expired => "expired", "Hết hạn", "Expired", [];
        Revoked => "revoked", "Đã thu hồi", "Revoked", [];
        Renewed => "renewed", "Đã công nhận lại", "Re-recognised", [];
        Upgraded => "upgraded", "Đã nâng hạng", "Upgraded", [];
    }
);

enumeration!(
    /// What a traceability code names (mã số vùng trồng, mã số cơ sở đóng gói).
    FacilityKind, "kind", {
        PlantingArea => "planting_area", "Vùng trồng", "Planting area", ["mã số vùng trồng", "vùng nguyên liệu"];
        PackingHouse => "packing_house", "Cơ sở đóng gói", "Packing house", ["mã số cơ sở đóng gói", "cơ sở sơ chế"];
    }
);

enumeration!(
    /// Where a planting-area or packing-house code stands (QĐ 3156/QĐ-BNN-TT: cấp, đình
    /// chỉ, hủy bỏ).
    FacilityStatus, "status", {
        Valid => "valid", "Còn hiệu lực", "Valid", ["hiệu lực", "đang hoạt động"];
        Suspended => "suspended", "Tạm đình chỉ", "Suspended", ["đình chỉ"];
        Revoked => "revoked", "Đã thu hồi, hủy bỏ", "Revoked", ["thu hồi", "hủy bỏ", "hủy"];
    }
);

enumeration!(
    /// A step a lot goes through (công đoạn), each one kind of EPCIS 2.0 event with its
    /// CBV business step: harvesting commissions the lot, processing transforms input lots
    /// into output lots, packing aggregates lots into a case or pallet.
    TraceStep, "step", {
        Harvesting => "harvesting", "Thu hoạch", "Harvesting", ["thu hái", "thu mua"];
        Inspecting => "inspecting", "Kiểm tra, kiểm nghiệm", "Inspecting", ["kiểm tra", "kiểm nghiệm"];
        Processing => "processing", "Sơ chế, chế biến", "Processing", ["chế biến", "sơ chế"];
        Packing => "packing", "Đóng gói", "Packing", ["đóng thùng", "đóng kiện"];
        Shipping => "shipping", "Xuất hàng, vận chuyển", "Shipping", ["xuất hàng", "vận chuyển", "giao hàng"];
        Receiving => "receiving", "Nhận hàng", "Receiving", ["nhập hàng", "nhận"];
    }
);

enumeration!(
    /// The unit a lot is counted in, by its UN/ECE Recommendation 20 code (as EPCIS writes
    /// a quantity's `uom`).
    LotUnit, "uom", {
        Kgm => "KGM", "kg", "kilogram", ["kilogam", "ki lô gam"];
        Tne => "TNE", "tấn", "tonne", ["tan"];
        Grm => "GRM", "gam", "gram", ["g"];
        Ltr => "LTR", "lít", "litre", ["l", "lit"];
        H87 => "H87", "cái, hộp, gói", "piece", ["cái", "hộp", "gói", "chai", "hũ"];
    }
);

enumeration!(
    /// The form of a linkage (hình thức liên kết, Điều 4 NĐ 98/2018/NĐ-CP): which links of
    /// the chain the parties join, each ending in consumption (tiêu thụ).
    LinkageForm, "form", {
        FullChain => "full_chain", "Cung ứng vật tư, sản xuất, thu hoạch, sơ chế, chế biến, tiêu thụ", "Inputs, production, harvest, processing and sale", ["toàn chuỗi", "1"];
        InputsSale => "inputs_sale", "Cung ứng vật tư, dịch vụ đầu vào và tiêu thụ", "Inputs and sale", ["2"];
        ProductionSale => "production_sale", "Sản xuất, thu hoạch và tiêu thụ", "Production, harvest and sale", ["3"];
        InputsProductionSale => "inputs_production_sale", "Cung ứng vật tư, sản xuất, thu hoạch và tiêu thụ", "Inputs, production, harvest and sale", ["4"];
        ProductionProcessingSale => "production_processing_sale", "Sản xuất, thu hoạch, sơ chế, chế biến và tiêu thụ", "Production, harvest, processing and sale", ["5"];
        InputsProcessingSale => "inputs_processing_sale", "Cung ứng vật tư, sơ chế, chế biến và tiêu thụ", "Inputs, processing and sale", ["6"];
        ProcessingSale => "processing_sale", "Sơ chế, chế biến và tiêu thụ", "Processing and sale", ["7"];
    }
);

enumeration!(
    /// Where a linkage contract stands on a day (tình hình thực hiện hợp đồng).
    Standing, "standing", {
        NotStarted => "not_started", "Chưa đến kỳ", "Not started", [];
        OnSchedule => "on_schedule", "Đúng tiến độ", "On schedule", [];
        Late => "late", "Chậm tiến độ", "Behind schedule", [];
        AtRisk => "at_risk", "Có nguy cơ không thực hiện được", "At risk", [];
        Completed => "completed", "Đã giao đủ", "Delivered in full", [];
        Short => "short", "Hết hạn, giao thiếu", "Ended short", [];
    }
);

enumeration!(
    /// Level of an administrative unit (cấp hành chính).
    AdminLevel, "level", {
        Province => "province", "Tỉnh", "Province", ["thành phố trực thuộc trung ương"];
        District => "district", "Huyện", "District", ["quận", "thị xã", "thành phố thuộc tỉnh"];
        Commune => "commune", "Xã", "Commune", ["phường", "thị trấn", "đặc khu"];
    }
);

#[cfg(test)]
mod tests {
    #[test]
    fn a_code_parses_to_itself_by_the_long_way() {
        fn each<E: super::Enumerated + PartialEq + std::fmt::Debug>() {
            for v in E::ALL {
                assert_eq!(E::parse_folded(v.code()), Some(*v), "{}", E::FIELD);
                // the label too, as the people's workbook writes it
                assert_eq!(E::parse_folded(v.label_vi()), Some(*v), "{}", v.label_vi());
            }
        }
        each::<super::OrgKind>();
        each::<super::Sector>();
        each::<super::Service>();
        each::<super::Rating>();
        each::<super::Role>();
        each::<super::Qualification>();
        each::<super::MeetingTopic>();
        each::<super::OfficialLevel>();
        each::<super::CourseLevel>();
        each::<super::EventKind>();
        each::<super::SupportPolicy>();
        each::<super::TaskStatus>();
        each::<super::OcopGroup>();
        each::<super::OcopEvaluationKind>();
        each::<super::OcopCriteria>();
        each::<super::CertificateState>();
        each::<super::FacilityKind>();
        each::<super::FacilityStatus>();
        each::<super::TraceStep>();
        each::<super::LotUnit>();
        each::<super::LinkageForm>();
        each::<super::Standing>();
        each::<super::AdminLevel>();
    }

    use super::*;

    #[test]
    fn parses_codes_and_aliases() {
        assert_eq!(OrgKind::parse("htx"), Some(OrgKind::Htx));
        assert_eq!(OrgKind::parse("Tổ hợp tác"), Some(OrgKind::Tht));
        assert_eq!(OrgKind::parse("hoi quan"), Some(OrgKind::HoiQuan));
        assert_eq!(
            Sector::parse("Tiểu thủ công nghiệp"),
            Some(Sector::Handicraft)
        );
        assert_eq!(
            Sector::parse("tieu thu cong nghiep"),
            Some(Sector::Handicraft)
        );
        assert_eq!(Sector::parse("trade_services"), Some(Sector::TradeServices));
        assert_eq!(
            Sector::parse("Thương mại - dịch vụ"),
            Some(Sector::TradeServices)
        );
        assert_eq!(Sector::parse("giao thông vận tải"), Some(Sector::Transport));
        assert_eq!(Service::parse("phun xịt"), Some(Service::PlantProtection));
        assert_eq!(Rating::parse("Trung bình"), Some(Rating::TrungBinh));
        assert_eq!(Rating::parse("trung_binh"), Some(Rating::TrungBinh));
        assert_eq!(AdminLevel::parse("thị trấn"), Some(AdminLevel::Commune));
        assert_eq!(Sector::parse("rice"), None);
    }

    #[test]
    fn orders_ratings_and_qualifications() {
        assert!(Rating::Tot > Rating::Kha && Rating::Kha > Rating::TrungBinh);
        assert!(Qualification::Intermediate.is_professional());
        assert!(!Qualification::Elementary.is_professional());
    }

    #[test]
    fn validates_codes_and_years() {
        assert!(OrgCode::parse("  1234567890 ").is_some());
        assert_eq!(OrgCode::parse(" HTX-01 ").unwrap().as_str(), "HTX-01");
        assert!(OrgCode::parse("   ").is_none());
        assert!(OrgCode::parse("a/b").is_none());
        assert!(Year::new(2020).is_some());
        assert!(Year::new(20).is_none());
    }
}
