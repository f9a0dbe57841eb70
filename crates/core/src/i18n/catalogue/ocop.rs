//! Messages and words of products, OCOP ratings and their certificates.

use crate::i18n::entry::Entry;

pub const MESSAGES: &[Entry] = &[
    ("error.kind.product", "sản phẩm", "product"),
    ("error.kind.ocop_rating", "kết quả OCOP", "OCOP rating"),
    (
        "ocop.gtin_shape",
        "Mã GTIN \"{value}\" phải gồm 8, 12, 13 hoặc 14 chữ số",
        "The GTIN \"{value}\" must have 8, 12, 13 or 14 digits",
    ),
    (
        "ocop.gtin_check_digit",
        "Mã GTIN \"{value}\" sai số kiểm tra: chữ số cuối phải là {expected}",
        "The GTIN \"{value}\" has a wrong check digit: the last digit should be {expected}",
    ),
    (
        "ocop.gtin_taken",
        "Mã GTIN {gtin} đã gắn với sản phẩm {product}: mỗi mã chỉ cho một sản phẩm",
        "The GTIN {gtin} is already the product {product}'s: a GTIN names one item",
    ),
    (
        "ocop.no_such_product",
        "Không có sản phẩm mã \"{code}\"",
        "There is no product with code \"{code}\"",
    ),
    (
        "ocop.stars_out_of_range",
        "Số sao phải từ {from} đến 5 (chỉ sản phẩm từ {from} sao được công nhận)",
        "Stars must be {from} to 5 (only products of {from} stars or more are recognised)",
    ),
    (
        "ocop.part_over_max",
        "Điểm phần {part} phải từ 0 đến {max}",
        "Part {part} points must be between 0 and {max}",
    ),
    (
        "ocop.score_not_sum",
        "Tổng điểm không bằng tổng ba phần A + B + C = {sum}",
        "The total is not the sum of parts A + B + C = {sum}",
    ),
    (
        "ocop.score_out_of_range",
        "Tổng điểm phải từ 0 đến 100",
        "The total must be between 0 and 100",
    ),
    (
        "ocop.stars_outside_band",
        "{score} điểm không thuộc hạng sao này: theo {criteria} hạng này từ {band} điểm",
        "{score} points are outside this star band: under {criteria} it is {band} points",
    ),
    (
        "ocop.criteria_not_yet_issued",
        "{criteria} ban hành ngày {issued}: chưa thể chấm theo bộ tiêu chí này trước ngày đó",
        "{criteria} was issued on {issued}: nothing can be scored under it before then",
    ),
    (
        "ocop.decided_before_founding",
        "{org} thành lập ngày {founded}: quyết định công nhận không thể trước ngày đó",
        "{org} was founded on {founded}: a recognition cannot be dated before then",
    ),
    (
        "ocop.revoked_before_decision",
        "Ngày thu hồi trước ngày công nhận {decided}",
        "The revocation is dated before the recognition of {decided}",
    ),
    (
        "ocop.upgrade_not_higher",
        "Nâng hạng phải cao hơn {before} sao của lần công nhận {code}",
        "An upgrade must be above the {before} stars of the recognition {code}",
    ),
    (
        "ocop.level_cannot_certify",
        "Chỉ UBND tỉnh, Trung ương (và UBND huyện trước 06/07/2025) công nhận sản phẩm OCOP",
        "Only the province, the central level (and the district before 06/07/2025) recognise OCOP products",
    ),
    (
        "ocop.level_no_district",
        "Từ {from} không còn cấp huyện (QĐ 1489/QĐ-TTg): UBND tỉnh công nhận 3 và 4 sao",
        "From {from} there is no district level (QĐ 1489/QĐ-TTg): the province recognises 3 and 4 stars",
    ),
    (
        "ocop.level_district_three",
        "UBND huyện chỉ công nhận sản phẩm 3 sao",
        "A district recognised 3-star products only",
    ),
    (
        "ocop.level_five_central",
        "Sản phẩm 5 sao do Trung ương công nhận",
        "5-star products are recognised by the central level",
    ),
    (
        "exchange.ocop_parts_all_or_none",
        "Điểm ba phần A, B, C phải có đủ cả ba hoặc để trống cả ba",
        "Points of parts A, B and C are given all three or none",
    ),
    (
        "exchange.schedule_invalid",
        "Lịch giao hàng viết dạng ngày=số lượng, cách nhau bằng ; (ví dụ 2026-03-31=600; 2026-08-31=300)",
        "A schedule is day=quantity pieces separated by ; (e.g. 2026-03-31=600; 2026-08-31=300)",
    ),
    (
        "exchange.gtin_not_products",
        "Mã GTIN không phải của sản phẩm {product}",
        "This GTIN is not the product {product}'s",
    ),
    (
        "ocop.product_has_ratings",
        "Sản phẩm có {count} kết quả OCOP: hãy xóa các kết quả đó trước",
        "The product has {count} OCOP ratings: take them out first",
    ),
];

pub const UI: &[Entry] = &[
    ("nav_products", "Sản phẩm, OCOP", "Products, OCOP"),
    ("products_heading", "Sản phẩm và OCOP", "Products and OCOP"),
    (
        "products_intro",
        "Sản phẩm của HTX, THT, Hội quán và kết quả đánh giá, phân hạng OCOP. Giấy chứng nhận có giá trị 36 tháng kể từ ngày quyết định; hoptac nhắc từ 90 ngày trước khi hết hạn.",
        "Products of cooperatives, groups and clubs and their OCOP ratings. A certificate is valid 36 months from its decision; hoptac reminds from 90 days before it lapses.",
    ),
    (
        "ocop_to_act_on",
        "Giấy chứng nhận OCOP sắp hết hạn hoặc đã hết hạn",
        "OCOP certificates lapsing soon or lapsed",
    ),
    ("products_list", "Sản phẩm", "Products"),
    ("product_new", "Thêm sản phẩm", "Add a product"),
    ("product_edit", "Sửa sản phẩm", "Edit the product"),
    (
        "product_remove",
        "Xóa sản phẩm nhập nhầm",
        "Remove a product entered by mistake",
    ),
    ("product_code", "Mã sản phẩm", "Product code"),
    ("product_name", "Tên sản phẩm", "Product"),
    ("product_org", "Chủ thể", "Producer"),
    ("product_group", "Nhóm sản phẩm", "Product group"),
    (
        "product_subgroup",
        "Phân nhóm, bộ sản phẩm",
        "Sub-group or product set",
    ),
    (
        "product_subgroup_hint",
        "Như hội đồng OCOP ghi (ví dụ: Gạo, ngũ cốc)",
        "As the OCOP council wrote it (e.g. Rice, cereals)",
    ),
    ("product_gtin", "Mã GTIN (mã vạch)", "GTIN (barcode)"),
    (
        "product_gtin_hint",
        "8, 12, 13 hoặc 14 chữ số in dưới mã vạch, ví dụ 893…; để trống nếu chưa có",
        "The 8, 12, 13 or 14 digits under the barcode, e.g. 893…; empty if none",
    ),
    ("product_unit", "Đơn vị tính, quy cách", "Unit of sale"),
    (
        "product_public",
        "Hiện trên trang công khai",
        "Shown on the public page",
    ),
    (
        "product_public_hint",
        "Trang truy xuất công khai (mã QR trên nhãn) chỉ hiện sản phẩm được đánh dấu công khai",
        "The public trace page (the QR code on the label) shows only products marked public",
    ),
    (
        "ocop_ratings",
        "Kết quả đánh giá, phân hạng OCOP",
        "OCOP ratings",
    ),
    (
        "ocop_criteria_note",
        "Phiếu chấm điểm chi tiết của từng bộ sản phẩm chưa được nhập vào hoptac (chưa xác nhận văn bản): hoptac ghi tổng điểm, điểm ba phần và số sao như quyết định công nhận, kiểm tra theo điểm tối đa của từng phần và khung hạng sao.",
        "The detailed scoring sheets of each product set are not in hoptac (the texts are not confirmed): hoptac records the total, the three parts and the stars as the decision gives them, checked against each part's maximum and the star bands.",
    ),
    ("ocop_new", "Ghi kết quả OCOP", "Record an OCOP rating"),
    ("ocop_edit", "Sửa kết quả OCOP", "Edit the OCOP rating"),
    (
        "ocop_remove",
        "Xóa kết quả OCOP nhập nhầm",
        "Remove an OCOP rating entered by mistake",
    ),
    (
        "ocop_code",
        "Mã (số giấy chứng nhận)",
        "Code (certificate number)",
    ),
    (
        "ocop_code_hint",
        "Mã duy nhất của kết quả này, thường là số giấy chứng nhận",
        "A unique code for this rating, usually the certificate number",
    ),
    ("ocop_product", "Sản phẩm", "Product"),
    ("ocop_kind", "Hình thức đánh giá", "Kind of evaluation"),
    ("ocop_criteria", "Bộ tiêu chí", "Criteria set"),
    (
        "ocop_criteria_hint",
        "Để trống: bộ tiêu chí có hiệu lực vào ngày quyết định",
        "Empty: the set in force on the decision's day",
    ),
    ("ocop_stars", "Hạng sao", "Stars"),
    ("ocop_score", "Tổng điểm", "Total points"),
    (
        "ocop_score_hint",
        "Như quyết định ghi, ví dụ 72,5; để trống nếu không có",
        "As the decision gives it, e.g. 72,5; empty if not given",
    ),
    (
        "ocop_part_a",
        "Điểm phần A (tối đa 40; 35 theo QĐ 1048)",
        "Part A points (max 40; 35 under QĐ 1048)",
    ),
    (
        "ocop_part_b",
        "Điểm phần B (tối đa 25)",
        "Part B points (max 25)",
    ),
    (
        "ocop_part_c",
        "Điểm phần C (tối đa 35; 40 theo QĐ 1048)",
        "Part C points (max 35; 40 under QĐ 1048)",
    ),
    (
        "ocop_decision",
        "Số quyết định công nhận",
        "Recognition decision",
    ),
    ("ocop_decided_on", "Ngày quyết định", "Day of the decision"),
    ("ocop_level", "Cấp công nhận", "Recognised by"),
    ("ocop_revoked_on", "Ngày thu hồi", "Revoked on"),
    (
        "ocop_revoked_hint",
        "Chỉ ghi khi giấy chứng nhận bị thu hồi",
        "Only when the certificate was revoked",
    ),
    (
        "ocop_revocation",
        "Số quyết định thu hồi",
        "Revocation decision",
    ),
    ("ocop_state", "Tình trạng", "State"),
    ("ocop_until", "Hết hạn ngày", "Lapses on"),
    ("ocop_not_rated", "Chưa đánh giá OCOP", "Not rated"),
    ("ocop_days_left", "còn {n} ngày", "{n} days left"),
    ("ocop_days_ago", "quá hạn {n} ngày", "lapsed {n} days ago"),
    ("public_heading", "Truy xuất nguồn gốc", "Traceability"),
    ("nav_trace", "Truy xuất, liên kết", "Traceability, linkage"),
    (
        "trace_heading",
        "Truy xuất nguồn gốc và liên kết chuỗi giá trị",
        "Traceability and value-chain linkage",
    ),
    (
        "trace_intro",
        "Hợp đồng liên kết (NĐ 98/2018/NĐ-CP) và tình hình giao hàng, các lô hàng với hành trình và mã QR, mã số vùng trồng của các HTX.",
        "Linkage contracts (NĐ 98/2018/NĐ-CP) and their deliveries, lots with their journey and QR code, the cooperatives' planting-area codes.",
    ),
    (
        "contracts_heading",
        "Hợp đồng liên kết",
        "Linkage contracts",
    ),
    ("contract_partner", "Doanh nghiệp", "Enterprise"),
    ("contract_orgs", "HTX tham gia", "Cooperatives"),
    ("contract_form", "Hình thức liên kết", "Form of linkage"),
    ("contract_term", "Thời hạn", "Term"),
    ("contract_delivered", "Đã giao", "Delivered"),
    ("contract_quantity", "Số lượng", "Quantity"),
    ("lots_heading", "Lô hàng", "Lots"),
    (
        "areas_heading",
        "Vùng trồng, cơ sở đóng gói",
        "Planting areas and packing houses",
    ),
    ("area_code", "Mã số", "Code"),
    ("area_crop", "Cây trồng, sản phẩm", "Crop"),
    ("delivery_new", "Ghi lần giao hàng", "Record a delivery"),
    (
        "todo_contracts_behind",
        "Hợp đồng liên kết chậm tiến độ, có nguy cơ hoặc giao thiếu",
        "Linkage contracts behind, at risk or ended short",
    ),
    (
        "delivery_code",
        "Mã lần giao (số phiếu)",
        "Code (delivery note)",
    ),
    ("delivery_delivered_on", "Ngày giao", "Delivered on"),
    ("delivery_quantity", "Số lượng", "Quantity"),
    ("delivery_lot", "Số lô", "Lot"),
    (
        "lot_public_page",
        "Trang công khai của lô",
        "The lot's public page",
    ),
    ("lot_qr", "Mã QR để in nhãn", "QR code for the label"),
    ("lot_new", "Ghi lô hàng", "Record a lot"),
    (
        "lot_product",
        "Sản phẩm (có mã GTIN)",
        "Product (with a GTIN)",
    ),
    ("lot_lot", "Số lô", "Lot number"),
    (
        "lot_lot_hint",
        "Như in trên bao bì, tối đa 20 ký tự, không dấu, không khoảng trắng (ví dụ L2026-03-01)",
        "As printed on the pack, at most 20 characters, no diacritics or spaces (e.g. L2026-03-01)",
    ),
    ("lot_quantity", "Số lượng", "Quantity"),
    ("lot_unit", "Đơn vị", "Unit"),
    (
        "lot_produced_on",
        "Ngày thu hoạch, sản xuất",
        "Harvested or produced on",
    ),
    (
        "lot_facility",
        "Vùng trồng, cơ sở đóng gói",
        "Planting area or packing house",
    ),
    ("public_producer", "Chủ thể sản xuất", "Producer"),
    ("public_lot", "Số lô", "Lot"),
    (
        "public_produced",
        "Ngày thu hoạch, sản xuất",
        "Harvested or produced on",
    ),
    ("public_origin", "Nguồn gốc", "Origin"),
    (
        "public_journey",
        "Hành trình của lô hàng",
        "The lot's journey",
    ),
    (
        "public_ocop_stars",
        "sản phẩm OCOP {n} sao",
        "{n}-star OCOP product",
    ),
    (
        "public_valid_until",
        "giấy chứng nhận có hiệu lực đến",
        "certificate valid until",
    ),
    (
        "public_scan",
        "Mã QR của trang này (GS1 Digital Link), để in trên nhãn",
        "This page's QR code (GS1 Digital Link), to print on the label",
    ),
    (
        "public_note",
        "Thông tin do hợp tác xã công bố qua hoptac; không hiển thị thông tin cá nhân.",
        "Published by the cooperative through hoptac; no personal data is shown.",
    ),
    (
        "public_not_found",
        "Không có sản phẩm, lô hàng công khai với mã này / No public product or lot with this code",
        "Không có sản phẩm, lô hàng công khai với mã này / No public product or lot with this code",
    ),
];

/// Messages of planting areas, lots and their events.
pub const TRACE: &[Entry] = &[
    (
        "error.kind.facility",
        "vùng trồng, cơ sở đóng gói",
        "planting area or packing house",
    ),
    ("error.kind.lot", "lô hàng", "lot"),
    ("error.kind.trace_event", "sự kiện truy xuất", "trace event"),
    (
        "trace.area_out_of_range",
        "Diện tích phải lớn hơn 0 và không quá {max} ha",
        "The area must be above 0 and at most {max} ha",
    ),
    (
        "trace.households_out_of_range",
        "Số hộ phải từ 0 đến {max}",
        "Households must be between 0 and {max}",
    ),
    (
        "trace.unit_not_a_commune_then",
        "{unit} không phải là xã (phường) vào ngày {day}",
        "{unit} was not a commune on {day}",
    ),
    (
        "trace.status_since_only_ended",
        "Chỉ ghi ngày khi mã bị đình chỉ hoặc thu hồi",
        "A day is given only when the code was suspended or revoked",
    ),
    (
        "trace.status_before_issue",
        "Ngày đình chỉ, thu hồi trước ngày cấp mã {issued}",
        "The suspension or revocation is dated before the code was issued on {issued}",
    ),
    (
        "trace.no_such_unit",
        "Không có đơn vị hành chính này",
        "No such administrative unit",
    ),
    (
        "trace.lot_invalid",
        "Số lô phải có từ 1 đến {max} ký tự: chữ, số hoặc !\"%&'()*+,-./:;<=>?_ (không dấu, không khoảng trắng)",
        "A lot number is 1 to {max} characters: letters, digits or !\"%&'()*+,-./:;<=>?_ (no diacritics, no spaces)",
    ),
    (
        "trace.product_without_gtin",
        "Sản phẩm \"{product}\" chưa có mã GTIN: cần GTIN để truy xuất theo lô",
        "The product \"{product}\" has no GTIN: lots are traced by GTIN",
    ),
    (
        "trace.quantity_out_of_range",
        "Số lượng phải lớn hơn 0 và không quá {max}",
        "The quantity must be above 0 and at most {max}",
    ),
    (
        "trace.no_such_facility",
        "Không có vùng trồng, cơ sở đóng gói mã \"{code}\"",
        "There is no planting area or packing house \"{code}\"",
    ),
    (
        "trace.time_invalid",
        "Giờ phải viết dạng HH:MM, ví dụ 07:30",
        "A time is HH:MM, e.g. 07:30",
    ),
    (
        "trace.event_needs_lots",
        "Cần ít nhất một lô hàng",
        "At least one lot is needed",
    ),
    (
        "trace.processing_needs_inputs",
        "Sơ chế, chế biến cần ít nhất một lô nguyên liệu đầu vào",
        "Processing needs at least one input lot",
    ),
    (
        "trace.inputs_only_processing",
        "Chỉ công đoạn sơ chế, chế biến mới có lô đầu vào",
        "Only processing has input lots",
    ),
    (
        "trace.too_many_lots",
        "Một sự kiện ghi tối đa {max} lô",
        "An event names at most {max} lots",
    ),
    (
        "trace.packing_needs_parent",
        "Đóng gói cần mã thùng, kiện (SSCC hoặc số của HTX)",
        "Packing needs the case or pallet (an SSCC or the cooperative's own number)",
    ),
    (
        "trace.parent_invalid",
        "Mã thùng, kiện không hợp lệ (SSCC 18 chữ số phải đúng số kiểm tra)",
        "The case or pallet number is not valid (an 18-digit SSCC needs its check digit)",
    ),
    (
        "trace.parent_only_packing",
        "Chỉ công đoạn đóng gói mới ghi mã thùng, kiện",
        "Only packing names a case or pallet",
    ),
    (
        "trace.no_such_lot",
        "Không có lô \"{lot}\"",
        "There is no lot \"{lot}\"",
    ),
    (
        "trace.event_before_lot",
        "Lô {lot} thu hoạch, sản xuất ngày {day}: sự kiện không thể trước ngày đó",
        "The lot {lot} was produced on {day}: an event of it cannot be earlier",
    ),
    (
        "trace.lot_after_its_event",
        "Sự kiện {code} của lô này ngày {day}: ngày thu hoạch, sản xuất không thể sau ngày đó",
        "The event {code} of this lot is dated {day}: the lot cannot be produced after it",
    ),
    (
        "trace.lot_has_events",
        "Lô này có {count} sự kiện truy xuất: hãy xóa các sự kiện đó trước",
        "This lot has {count} trace events: take them out first",
    ),
    (
        "trace.facility_named",
        "Có {count} lô hàng, sự kiện ghi nơi này: không xóa được",
        "{count} lots or events name this place: it cannot be taken out",
    ),
    (
        "trace.input_consumed",
        "Lô {lot} chỉ còn {left} {unit} chưa đưa vào chế biến",
        "Only {left} {unit} of the lot {lot} are left to process",
    ),
];

/// Messages of reading an EPCIS document.
pub const EPCIS: &[Entry] = &[
    (
        "epcis.not_a_document",
        "Không phải tài liệu EPCIS 2.0 (type phải là EPCISDocument)",
        "Not an EPCIS 2.0 document (type must be EPCISDocument)",
    ),
    (
        "epcis.no_event_list",
        "Tài liệu không có epcisBody.eventList",
        "The document has no epcisBody.eventList",
    ),
    (
        "epcis.too_many_events",
        "Một tài liệu tối đa {max} sự kiện",
        "A document holds at most {max} events",
    ),
    (
        "epcis.step_unknown",
        "Loại sự kiện, công đoạn (bizStep) chưa hỗ trợ: thu hoạch (commissioning), kiểm tra, đóng gói, chế biến, xuất, nhận hàng",
        "Event type and step not supported: harvest (commissioning), inspecting, packing, processing, shipping, receiving",
    ),
    (
        "epcis.event_id",
        "eventID phải là một địa chỉ kết thúc bằng mã sự kiện hợp lệ",
        "eventID must be a URI ending in a valid event code",
    ),
    (
        "epcis.event_time",
        "eventTime phải theo RFC 3339, ví dụ 2026-03-01T06:30:00+07:00",
        "eventTime must be RFC 3339, e.g. 2026-03-01T06:30:00+07:00",
    ),
    (
        "epcis.quantity",
        "Số lượng không hợp lệ",
        "Not a valid quantity",
    ),
    (
        "epcis.epc_class",
        "epcClass phải là GS1 Digital Link của một lô: …/01/GTIN/10/SỐ-LÔ",
        "epcClass must be the GS1 Digital Link of a lot: …/01/GTIN/10/LOT",
    ),
    (
        "epcis.no_product",
        "Không có sản phẩm mã GTIN {gtin}",
        "No product has the GTIN {gtin}",
    ),
    (
        "epcis.instances",
        "Sự kiện theo từng đơn vị (epcList) chưa hỗ trợ: hoptac truy xuất theo lô",
        "Events of single items (epcList) are not supported: hoptac traces lots",
    ),
    (
        "epcis.parent",
        "parentID phải là SSCC (https://id.gs1.org/00/…) hoặc thùng của hệ thống này",
        "parentID must be an SSCC (https://id.gs1.org/00/…) or a case of this installation",
    ),
];

/// Messages of linkage contracts and deliveries.
pub const LINKAGE: &[Entry] = &[
    (
        "error.kind.contract",
        "hợp đồng liên kết",
        "linkage contract",
    ),
    ("error.kind.delivery", "lần giao hàng", "delivery"),
    (
        "linkage.tax_code_invalid",
        "Mã số thuế gồm 10 chữ số (chi nhánh: 10 chữ số, dấu - và 3 chữ số)",
        "A tax code is 10 digits (a branch: 10 digits, - and 3 digits)",
    ),
    (
        "linkage.orgs_count",
        "Cần từ 1 đến {max} hợp tác xã tham gia",
        "From 1 to {max} cooperatives take part",
    ),
    (
        "linkage.org_dissolved",
        "{org} đã giải thể ngày {day}, trước khi hợp đồng bắt đầu",
        "{org} was dissolved on {day}, before the contract began",
    ),
    (
        "linkage.ends_before_start",
        "Ngày kết thúc trước ngày bắt đầu {start}",
        "The term ends before it starts on {start}",
    ),
    (
        "linkage.signed_after_start",
        "Ngày ký sau ngày bắt đầu thực hiện {start}",
        "Signed after the term starts on {start}",
    ),
    (
        "linkage.ended_outside_term",
        "Ngày thanh lý phải trong thời hạn hợp đồng",
        "The early end must fall within the term",
    ),
    (
        "linkage.schedule_too_long",
        "Lịch giao hàng tối đa {max} đợt",
        "A schedule has at most {max} installments",
    ),
    (
        "linkage.installment_outside_term",
        "Đợt giao hàng phải trong thời hạn hợp đồng",
        "An installment must fall within the term",
    ),
    (
        "linkage.schedule_not_total",
        "Tổng các đợt giao không bằng số lượng của hợp đồng {total}",
        "The installments do not add up to the contract's quantity {total}",
    ),
    (
        "linkage.product_not_of_party",
        "Sản phẩm \"{code}\" không phải của hợp tác xã tham gia hợp đồng",
        "Product \"{code}\" is not made by a cooperative party to the contract",
    ),
    (
        "linkage.contract_has_deliveries",
        "Hợp đồng đã ghi {count} lần giao hàng: xóa các lần giao trước",
        "The contract has {count} deliveries recorded: remove them first",
    ),
    (
        "linkage.no_such_contract",
        "Không có hợp đồng liên kết \"{code}\"",
        "There is no linkage contract \"{code}\"",
    ),
    (
        "linkage.delivery_before_signing",
        "Hợp đồng ký ngày {day}: không thể giao hàng trước ngày đó",
        "The contract was signed on {day}: nothing is delivered before then",
    ),
    (
        "linkage.delivery_outside_term",
        "Giao ngoài thời hạn hợp đồng ({from} – {to})",
        "Delivered outside the contract's term ({from} – {to})",
    ),
    (
        "linkage.delivery_over_quantity",
        "Tổng đã giao {total} {unit} vượt số lượng hợp đồng {quantity} {unit}",
        "Delivered in all {total} {unit}, over the contract's {quantity} {unit}",
    ),
];
