//! The words of the traceability and linkage forms: planting areas and packing houses,
//! lots and their events, linkage contracts and deliveries, loading an EPCIS document.

use crate::i18n::entry::Entry;

/// Messages of the forms and of linkage projects.
pub const MESSAGES: &[Entry] = &[
    (
        "error.kind.linkage_project",
        "dự án liên kết",
        "linkage project",
    ),
    (
        "linkage.project_contracts_count",
        "Một dự án gắn tối đa {max} hợp đồng",
        "A project rests on at most {max} contracts",
    ),
    (
        "linkage.contract_not_of_project",
        "Hợp đồng \"{code}\" không có HTX nào của dự án",
        "Contract \"{code}\" has no cooperative of the project",
    ),
    (
        "linkage.amount_out_of_range",
        "Số tiền phải là số đồng dương, không quá một triệu tỷ",
        "The amount must be whole đồng above zero, at most a thousand trillion",
    ),
    (
        "linkage.support_over_investment",
        "Hỗ trợ được duyệt vượt tổng mức đầu tư {investment} đồng",
        "The support approved is above the total investment of {investment} đồng",
    ),
    (
        "linkage.no_such_project",
        "Không có dự án liên kết \"{code}\"",
        "There is no linkage project \"{code}\"",
    ),
    (
        "linkage.org_not_in_project",
        "{org} không tham gia dự án liên kết \"{code}\"",
        "{org} does not take part in linkage project \"{code}\"",
    ),
    (
        "linkage.project_has_support",
        "Dự án đã có {count} khoản hỗ trợ đã chi: xóa hoặc bỏ gắn các khoản đó trước",
        "The project has {count} disbursements paid under it: remove or unlink them first",
    ),
    (
        "linkage.contract_in_project",
        "Hợp đồng thuộc dự án liên kết \"{code}\": bỏ khỏi dự án trước",
        "The contract is part of linkage project \"{code}\": take it out of the project first",
    ),
    (
        "linkage.installment_unreadable",
        "Không đọc được đợt giao \"{line}\": mỗi dòng một đợt, ngày; số lượng (ví dụ 30/06/2026; 500)",
        "Cannot read the installment \"{line}\": one a line, day; quantity (e.g. 30/06/2026; 500)",
    ),
    (
        "trace.lot_ambiguous",
        "Có nhiều lô số \"{lot}\" của các sản phẩm khác nhau: viết MÃ-SẢN-PHẨM/SỐ-LÔ",
        "Several products have a lot \"{lot}\": write PRODUCT-CODE/LOT",
    ),
];

/// Words of the forms.
pub const UI: &[Entry] = &[
    ("remove", "Xóa", "Remove"),
    (
        "facility_new",
        "Ghi mã số vùng trồng, cơ sở đóng gói",
        "Record a planting area or packing house",
    ),
    (
        "facility_edit",
        "Sửa vùng trồng, cơ sở đóng gói",
        "Edit a planting area or packing house",
    ),
    (
        "facility_remove",
        "Xóa vùng trồng, cơ sở đóng gói ghi nhầm",
        "Remove a planting area or packing house entered by mistake",
    ),
    ("facility_code", "Mã số được cấp", "Code as issued"),
    (
        "facility_code_hint",
        "Như trên giấy cấp mã (ví dụ VN-87-872-30049-01-21)",
        "As on the issuing paper (e.g. VN-87-872-30049-01-21)",
    ),
    ("facility_kind", "Loại", "Kind"),
    ("facility_org", "Tổ chức đại diện", "Holder"),
    ("facility_crop", "Cây trồng, sản phẩm", "Crop or product"),
    ("facility_area_ha", "Diện tích (ha)", "Area (ha)"),
    (
        "facility_area_hint",
        "Bắt buộc với vùng trồng; cơ sở đóng gói để trống",
        "Required for a planting area; left empty for a packing house",
    ),
    ("facility_households", "Số hộ tham gia", "Households"),
    ("facility_unit", "Xã, phường", "Commune"),
    (
        "facility_unit_hint",
        "Xã vào ngày cấp mã: mã cấp trước 01/7/2025 ghi xã cũ",
        "The commune on the day of issue: a code issued before 01/07/2025 names the former commune",
    ),
    ("facility_issued_by", "Cơ quan cấp", "Issued by"),
    ("facility_issued_on", "Ngày cấp", "Issued on"),
    ("facility_market", "Thị trường", "Market"),
    ("facility_status", "Tình trạng", "Status"),
    (
        "facility_status_since",
        "Ngày tạm dừng, thu hồi",
        "Suspended or revoked on",
    ),
    (
        "facility_status_since_hint",
        "Chỉ ghi khi mã bị tạm dừng hoặc thu hồi",
        "Only when the code is suspended or revoked",
    ),
    ("lot_edit", "Sửa lô hàng", "Edit the lot"),
    (
        "lot_remove",
        "Xóa lô hàng ghi nhầm",
        "Remove a lot entered by mistake",
    ),
    (
        "trace_event_new",
        "Ghi sự kiện của lô",
        "Record an event of the lot",
    ),
    (
        "trace_event_edit",
        "Sửa sự kiện truy xuất",
        "Edit a trace event",
    ),
    (
        "trace_event_remove",
        "Xóa sự kiện truy xuất ghi nhầm",
        "Remove a trace event entered by mistake",
    ),
    ("trace_event_code", "Mã sự kiện", "Code"),
    ("trace_event_step", "Công đoạn", "Step"),
    ("trace_event_occurred_on", "Ngày", "Day"),
    ("trace_event_time", "Giờ", "Time"),
    (
        "trace_event_time_hint",
        "Giờ Việt Nam, HH:MM (ví dụ 07:30), có thể để trống",
        "Vietnam time, HH:MM (e.g. 07:30), may be left empty",
    ),
    ("trace_event_facility", "Nơi thực hiện", "Where"),
    ("trace_event_lots", "Các lô", "Lots"),
    (
        "trace_event_lots_hint",
        "Mỗi dòng một lô: số lô; số lượng. Sơ chế, chế biến: các lô làm ra",
        "One lot a line: lot number; quantity. Processing: the lots made",
    ),
    (
        "trace_event_inputs",
        "Lô nguyên liệu đã dùng",
        "Input lots used",
    ),
    (
        "trace_event_inputs_hint",
        "Chỉ cho sơ chế, chế biến: mỗi dòng một lô, số lô; số lượng đã dùng",
        "Processing only: one lot a line, lot number; quantity used",
    ),
    (
        "trace_event_parent",
        "Thùng, kiện (SSCC)",
        "Case or pallet (SSCC)",
    ),
    (
        "trace_event_parent_hint",
        "Chỉ cho đóng gói: mã SSCC 18 số hoặc số thùng của HTX",
        "Packing only: an 18-digit SSCC or the cooperative's own case number",
    ),
    ("trace_event_note", "Ghi chú", "Note"),
    (
        "trace_event_note_hint",
        "Hiện trên trang công khai của lô: không ghi tên người, số điện thoại",
        "Shown on the lot's public page: no names or phone numbers",
    ),
    ("contract_heading", "Hợp đồng liên kết", "Linkage contract"),
    (
        "contract_new",
        "Ghi hợp đồng liên kết",
        "Record a linkage contract",
    ),
    ("contract_edit", "Sửa hợp đồng", "Edit the contract"),
    (
        "contract_remove",
        "Xóa hợp đồng ghi nhầm",
        "Remove a contract entered by mistake",
    ),
    ("contract_code", "Số hợp đồng", "Contract number"),
    ("contract_lead", "HTX chủ trì liên kết", "Lead cooperative"),
    ("contract_others", "HTX cùng tham gia", "Other cooperatives"),
    (
        "contract_others_hint",
        "Mã các HTX khác, cách nhau bằng dấu phẩy; để trống nếu chỉ một HTX",
        "Codes of the other cooperatives, separated by commas; empty if only one",
    ),
    ("contract_partner_tax_code", "Mã số thuế", "Tax code"),
    (
        "contract_tax_code_hint",
        "10 chữ số; chi nhánh: 10 chữ số, dấu - và 3 chữ số",
        "10 digits; a branch: 10 digits, - and 3 digits",
    ),
    ("contract_goods", "Hàng hóa, dịch vụ", "Goods or service"),
    ("contract_product", "Sản phẩm đã ghi", "Recorded product"),
    ("contract_unit", "Đơn vị", "Unit"),
    ("contract_area_ha", "Diện tích liên kết (ha)", "Area (ha)"),
    (
        "contract_households",
        "Số hộ nông dân tham gia",
        "Farm households",
    ),
    (
        "contract_price",
        "Giá, phương thức xác định giá",
        "Price or pricing",
    ),
    (
        "contract_price_hint",
        "Như hợp đồng ghi (Điều 6 NĐ 98/2018/NĐ-CP)",
        "As the contract words it (Art. 6 NĐ 98/2018/NĐ-CP)",
    ),
    ("contract_signed_on", "Ngày ký", "Signed on"),
    ("contract_starts_on", "Bắt đầu thực hiện", "Term starts"),
    ("contract_ends_on", "Kết thúc", "Term ends"),
    ("contract_ended_on", "Thanh lý trước hạn", "Ended early on"),
    (
        "contract_ended_hint",
        "Chỉ ghi khi hợp đồng chấm dứt trước thời hạn",
        "Only when the contract ended before its term",
    ),
    ("contract_schedule", "Lịch giao hàng", "Delivery schedule"),
    (
        "contract_schedule_hint",
        "Mỗi dòng một đợt: ngày; số lượng (ví dụ 30/06/2026; 500). Để trống: giao đủ khi hết hạn",
        "One installment a line: day; quantity (e.g. 30/06/2026; 500). Empty: the whole by the end",
    ),
    (
        "contract_due_today",
        "phải giao đến hôm nay",
        "due by today",
    ),
    ("contract_due_on", "Hạn giao", "Due on"),
    ("contract_deliveries", "Các lần giao hàng", "Deliveries"),
    ("delivery_edit", "Sửa lần giao hàng", "Edit a delivery"),
    (
        "delivery_remove",
        "Xóa lần giao hàng ghi nhầm",
        "Remove a delivery entered by mistake",
    ),
    (
        "epcis_import",
        "Nạp tệp EPCIS 2.0",
        "Load an EPCIS 2.0 document",
    ),
    (
        "epcis_import_intro",
        "Tệp JSON-LD EPCIS 2.0 từ hệ thống của cơ sở đóng gói, doanh nghiệp thu mua (tối đa 20 MB): ghi tất cả sự kiện hoặc không ghi gì; lô và sản phẩm phải có sẵn.",
        "An EPCIS 2.0 JSON-LD document from a packing house's or buyer's system (at most 20 MB): all its events are written or none; its lots and products must be recorded already.",
    ),
    (
        "epcis_nothing_written",
        "Chưa ghi sự kiện nào. Sửa các lỗi sau rồi nạp lại:",
        "Nothing was written. Mend these and load again:",
    ),
    ("epcis_place", "Vị trí", "Where"),
    ("epcis_field", "Trường", "Field"),
    ("epcis_value", "Giá trị", "Value"),
    ("epcis_document", "Tệp", "Document"),
    ("epcis_event", "Sự kiện thứ", "Event"),
    ("epcis_file", "Tệp EPCIS (.json)", "EPCIS file (.json)"),
    ("epcis_load", "Nạp tệp", "Load"),
    ("epcis_loaded", "Đã ghi {n} sự kiện.", "{n} events written."),
];
