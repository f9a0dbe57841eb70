//! The trial balance (Bảng cân đối tài khoản, F01-HTX): for each level-1 account in use, the
//! opening balance, what was posted in the period and the closing balance, each on its debit
//! or credit side; the three pairs of totals must be equal. Built in one pass over the
//! postings, accounts found by their three-digit number (no map on the hot path).

use super::chart::Chart;
use super::voucher::Voucher;

/// One row of F01-HTX, in đồng.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TrialRow {
    pub account: String,
    pub name: String,
    pub opening_debit: i128,
    pub opening_credit: i128,
    pub debit: i128,
    pub credit: i128,
    pub closing_debit: i128,
    pub closing_credit: i128,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct TrialBalance {
    pub rows: Vec<TrialRow>,
    /// The on-balance totals (class 0 is listed, single entry, and left out of them).
    pub opening_debit: i128,
    pub opening_credit: i128,
    pub debit: i128,
    pub credit: i128,
    pub closing_debit: i128,
    pub closing_credit: i128,
}

impl TrialBalance {
    /// The mandatory equalities of F01: opening, period and closing debits equal credits.
    pub fn balances(&self) -> bool {
        self.opening_debit == self.opening_credit
            && self.debit == self.credit
            && self.closing_debit == self.closing_credit
    }
}

fn slot(account: &str) -> Option<usize> {
    let b = account.as_bytes();
    (b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit)).then(|| {
        usize::from(b[0] - b'0') * 100 + usize::from(b[1] - b'0') * 10 + usize::from(b[2] - b'0')
    })
}

/// The trial balance of `vouchers` from `opening` balances (account, net debit − credit), under
/// `chart` (its level-1 names). Lines to accounts outside the chart's numbering are not
/// counted: the vouchers were checked before they were posted.
pub fn trial_balance(
    chart: &Chart,
    opening: &[(String, i64)],
    vouchers: &[Voucher],
) -> TrialBalance {
    // per three-digit account: opening net, debits, credits, whether used
    let mut open = vec![0i128; 1000];
    let mut dr = vec![0i128; 1000];
    let mut cr = vec![0i128; 1000];
    let mut used = vec![false; 1000];
    for (a, net) in opening {
        if let Some(i) = slot(a) {
            open[i] += i128::from(*net);
            used[i] = true;
        }
    }
    for v in vouchers {
        for l in &v.lines {
            if let Some(i) = slot(&l.account) {
                dr[i] += i128::from(l.debit_vnd);
                cr[i] += i128::from(l.credit_vnd);
                used[i] = true;
            }
        }
    }
    let mut t = TrialBalance::default();
    for i in (0..1000).filter(|&i| used[i]) {
        let number = format!("{i:03}");
        let side = |net: i128| if net >= 0 { (net, 0) } else { (0, -net) };
        let (od, oc) = side(open[i]);
        let (cd, cc) = side(open[i] + dr[i] - cr[i]);
        let row = TrialRow {
            name: chart
                .account(&number)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            account: number,
            opening_debit: od,
            opening_credit: oc,
            debit: dr[i],
            credit: cr[i],
            closing_debit: cd,
            closing_credit: cc,
        };
        if i >= 100 {
            t.opening_debit += od;
            t.opening_credit += oc;
            t.debit += dr[i];
            t.credit += cr[i];
            t.closing_debit += cd;
            t.closing_credit += cc;
        }
        t.rows.push(row);
    }
    // class 0 after the others, as the form lists it
    t.rows
        .sort_by_key(|r| (r.account.starts_with('0'), r.account.clone()));
    t
}
