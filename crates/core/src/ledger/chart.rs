//! The chart of accounts (hệ thống tài khoản) of TT 71/2024/TT-BTC Phụ lục I, STT 01–51, as
//! `shared/reference/accounting-tt71.md` §2 transcribes it (marked [O]: a third-party copy of
//! the official text), and the cooperative's own sub-accounts beneath it (Điều 3 lets an HTX
//! add detail accounts). Years up to 2024 kept their books under TT 24/2017, whose chart is
//! not transcribed here: such a year has no chart yet, and says so.

/// Which side an account's balance normally sits on (kết cấu tài khoản, PL I).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Debit,
    Credit,
    /// Either (131, 331, 338 by counterparty; 421 a loss; 911 in closing).
    Either,
}

/// One account of a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub number: String,
    pub name: String,
    /// Whether the regime lists it (false: the cooperative's own sub-account).
    pub official: bool,
}

impl Account {
    /// The level-1 account it rolls up to (the first three digits).
    pub fn level1(&self) -> &str {
        &self.number[..3]
    }

    /// Class 0: off the balance sheet, single entry, never paired with another account.
    pub fn off_balance(&self) -> bool {
        self.number.starts_with('0')
    }

    pub fn normal_side(&self) -> Side {
        normal_side(self.level1())
    }

    /// Revenue, expense and result accounts, which keep no balance at year end.
    pub fn closes_at_year_end(&self) -> bool {
        matches!(
            self.level1(),
            "511" | "512" | "521" | "558" | "611" | "612" | "642" | "658" | "659" | "911"
        )
    }
}

fn normal_side(level1: &str) -> Side {
    match level1 {
        "214" | "229" => Side::Credit,
        "131" | "331" | "338" | "421" | "911" => Side::Either,
        "521" => Side::Debit,
        n if n.starts_with(['1', '2', '6', '0']) => Side::Debit,
        _ => Side::Credit,
    }
}

/// TT 71/2024 Phụ lục I: every account with its number and name, level 1 (three digits),
/// level 2 (four) and level 3 (five), in the order of the list.
pub const TT71: &[(&str, &str)] = &[
    ("111", "Tiền mặt"),
    ("1111", "Tiền Việt Nam"),
    ("1112", "Ngoại tệ"),
    ("112", "Tiền gửi Ngân hàng"),
    ("1121", "Tiền Việt Nam"),
    ("1122", "Ngoại tệ"),
    ("121", "Đầu tư tài chính"),
    ("1211", "Tiền gửi có kỳ hạn"),
    ("1218", "Đầu tư tài chính khác"),
    ("131", "Phải thu của khách hàng"),
    ("132", "Phải thu của hoạt động cho vay nội bộ"),
    ("1321", "Phải thu hoạt động cho vay nội bộ"),
    ("13211", "Phải thu về gốc cho vay nội bộ"),
    ("13212", "Phải thu về lãi cho vay nội bộ"),
    ("1322", "Phải thu hoạt động cho vay nội bộ khác"),
    ("133", "Thuế GTGT được khấu trừ"),
    ("1331", "Thuế GTGT được khấu trừ của hàng hóa, dịch vụ"),
    ("1332", "Thuế GTGT được khấu trừ của TSCĐ"),
    ("136", "Phải thu giữa các đơn vị nội bộ trong HTX"),
    ("1361", "Vốn kinh doanh ở đơn vị trực thuộc"),
    ("1368", "Phải thu khác giữa các đơn vị nội bộ"),
    ("138", "Phải thu khác"),
    ("141", "Tạm ứng"),
    ("151", "Hàng mua đang đi đường"),
    ("152", "Vật liệu, dụng cụ"),
    ("154", "Chi phí sản xuất, kinh doanh dở dang"),
    ("156", "Thành phẩm, hàng hóa"),
    ("157", "Hàng gửi đi bán"),
    ("211", "Tài sản cố định"),
    ("2111", "TSCĐ hữu hình"),
    ("2113", "TSCĐ vô hình"),
    ("2114", "TSCĐ thuê tài chính"),
    ("2117", "Bất động sản đầu tư"),
    ("212", "Tài sản chung không chia"),
    ("214", "Hao mòn tài sản cố định"),
    ("2141", "Hao mòn TSCĐ hữu hình"),
    ("2142", "Hao mòn tài sản chung không chia"),
    ("2143", "Hao mòn TSCĐ vô hình"),
    ("2144", "Hao mòn TSCĐ thuê tài chính"),
    ("2147", "Hao mòn bất động sản đầu tư"),
    ("229", "Dự phòng tổn thất tài sản"),
    ("242", "Tài sản khác"),
    ("2421", "Chi phí chờ phân bổ"),
    ("2422", "Xây dựng cơ bản dở dang"),
    ("331", "Phải trả cho người bán"),
    ("332", "Phải trả của hoạt động tín dụng nội bộ"),
    ("3321", "Phải trả từ hoạt động đi vay của thành viên"),
    ("33211", "Phải trả về gốc vay"),
    ("33212", "Phải trả về lãi vay"),
    ("3322", "Phải trả hoạt động tín dụng nội bộ khác"),
    ("333", "Thuế và các khoản phải nộp nhà nước"),
    ("3331", "Thuế GTGT phải nộp"),
    ("3334", "Thuế TNDN"),
    (
        "3338",
        "Thuế khác, phí, lệ phí và các khoản khác phải nộp Nhà nước",
    ),
    ("334", "Phải trả người lao động"),
    ("335", "Các khoản phải nộp theo lương"),
    ("336", "Phải trả giữa các đơn vị nội bộ trong HTX"),
    ("3361", "Phải trả nội bộ về vốn kinh doanh"),
    ("3368", "Phải trả khác giữa các đơn vị nội bộ"),
    ("338", "Phải trả khác"),
    ("341", "Phải trả nợ vay"),
    ("342", "Khoản hỗ trợ của Nhà nước phải hoàn lại"),
    ("353", "Quỹ khen thưởng phúc lợi"),
    ("3531", "Quỹ khen thưởng"),
    ("3532", "Quỹ phúc lợi"),
    ("3533", "Quỹ phúc lợi đã hình thành TSCĐ"),
    ("411", "Vốn đầu tư của chủ sở hữu"),
    ("4111", "Vốn góp của thành viên"),
    ("4118", "Vốn khác"),
    ("418", "Các quỹ thuộc vốn chủ sở hữu"),
    ("421", "Lợi nhuận sau thuế chưa phân phối"),
    (
        "4211",
        "Lợi nhuận sau thuế chưa phân phối của giao dịch bên ngoài",
    ),
    (
        "4212",
        "Lợi nhuận sau thuế chưa phân phối của giao dịch nội bộ",
    ),
    ("442", "Quỹ chung không chia của HTX"),
    ("4421", "Quỹ chung không chia"),
    ("4422", "Nguồn hình thành tài sản chung không chia"),
    ("511", "Doanh thu từ giao dịch bên ngoài"),
    ("5111", "Doanh thu bán hàng hóa"),
    ("5112", "Doanh thu bán sản phẩm"),
    ("5113", "Doanh thu cung cấp dịch vụ"),
    ("5118", "Doanh thu khác"),
    ("512", "Doanh thu từ giao dịch nội bộ"),
    ("5121", "Doanh thu bán sản phẩm, vật tư"),
    ("5122", "Doanh thu cung cấp dịch vụ"),
    ("5123", "Doanh thu hoạt động cho vay nội bộ"),
    ("5128", "Doanh thu khác"),
    ("521", "Các khoản giảm trừ doanh thu"),
    ("558", "Thu nhập khác"),
    ("611", "Giá vốn hàng bán của giao dịch bên ngoài"),
    ("6111", "Giá vốn hàng hóa"),
    ("6112", "Giá vốn sản phẩm"),
    ("6113", "Giá vốn cung cấp dịch vụ"),
    ("6118", "Giá vốn khác"),
    ("612", "Chi phí của giao dịch nội bộ"),
    ("6121", "Giá vốn sản phẩm, vật tư"),
    ("6122", "Giá vốn cung cấp dịch vụ"),
    ("6123", "Chi phí hoạt động cho vay nội bộ"),
    ("6128", "Chi phí khác"),
    ("642", "Chi phí quản lý kinh doanh"),
    ("658", "Chi phí khác"),
    ("659", "Chi phí thuế thu nhập doanh nghiệp"),
    ("911", "Xác định kết quả kinh doanh"),
    ("9111", "Xác định kết quả kinh doanh từ giao dịch bên ngoài"),
    ("9112", "Xác định kết quả kinh doanh từ giao dịch nội bộ"),
    ("001", "Tài sản thuê ngoài"),
    ("002", "Vật tư, hàng hóa, TSCĐ nhận giữ hộ, nhận gia công"),
    ("003", "Hàng hóa nhận bán hộ, nhận ký gửi"),
    ("004", "Nợ khó đòi đã xử lý"),
    ("005", "Công cụ dụng cụ lâu bền đang sử dụng"),
    ("006", "Tài sản đảm bảo khoản vay"),
    ("007", "Ngoại tệ các loại"),
    ("008", "Lãi cho vay quá hạn khó có khả năng thu được"),
];

/// The first fiscal year kept under TT 71. Its effective date is not confirmed in the
/// reference ([U]); applying it from fiscal 2025 is the reference's inference ([I]).
pub const TT71_FROM_YEAR: i32 = 2025;

/// Longest account number (a cooperative's sub-accounts go a few levels deeper than 5).
pub const NUMBER_MAX: usize = 12;

/// A chart of accounts: the regime's accounts and the cooperative's sub-accounts, by number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// Sorted by number, so an account's sub-accounts follow it.
    accounts: Vec<Account>,
}

/// Why a sub-account cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubAccountError {
    /// Not digits, too long, or not longer than its parent.
    BadNumber,
    /// No account of the chart starts it.
    NoParent,
    Taken,
}

impl Chart {
    /// TT 71/2024's chart, without sub-accounts of the cooperative's own.
    pub fn tt71() -> Chart {
        let mut accounts: Vec<Account> = (TT71.iter())
            .map(|(n, name)| Account {
                number: n.to_string(),
                name: name.to_string(),
                official: true,
            })
            .collect();
        accounts.sort_by(|a, b| a.number.cmp(&b.number));
        Chart { accounts }
    }

    /// The chart a fiscal year is kept under: TT 71 from fiscal 2025; none before (TT 24/2017
    /// is not transcribed yet).
    pub fn for_year(year: i32) -> Option<Chart> {
        (year >= TT71_FROM_YEAR).then(Chart::tt71)
    }

    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    pub fn account(&self, number: &str) -> Option<&Account> {
        (self.accounts)
            .binary_search_by(|a| a.number.as_str().cmp(number))
            .ok()
            .map(|i| &self.accounts[i])
    }

    /// Whether an account has sub-accounts: a heading, not posted to (postings go to the
    /// most detailed account).
    pub fn is_heading(&self, number: &str) -> bool {
        match self
            .accounts
            .binary_search_by(|a| a.number.as_str().cmp(number))
        {
            Ok(i) => (self.accounts.get(i + 1)).is_some_and(|n| n.number.starts_with(number)),
            Err(_) => false,
        }
    }

    /// Adds a sub-account of the cooperative's own (e.g. 1311 per customer group) under the
    /// longest account its number starts with.
    pub fn add_sub_account(&mut self, number: &str, name: &str) -> Result<(), SubAccountError> {
        if number.len() > NUMBER_MAX
            || number.len() < 4
            || !number.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(SubAccountError::BadNumber);
        }
        if self.account(number).is_some() {
            return Err(SubAccountError::Taken);
        }
        let parent = (1..number.len())
            .rev()
            .find(|&k| self.account(&number[..k]).is_some());
        if parent.is_none_or(|k| k < 3) {
            return Err(SubAccountError::NoParent);
        }
        let at = (self.accounts)
            .binary_search_by(|a| a.number.as_str().cmp(number))
            .unwrap_err();
        self.accounts.insert(
            at,
            Account {
                number: number.to_string(),
                name: name.to_string(),
                official: false,
            },
        );
        Ok(())
    }
}
