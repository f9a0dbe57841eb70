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
        "ocop.product_has_ratings",
        "Sản phẩm có {count} kết quả OCOP: hãy xóa các kết quả đó trước",
        "The product has {count} OCOP ratings: take them out first",
    ),
];

pub const UI: &[Entry] = &[];
