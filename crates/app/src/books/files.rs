//! The books in and out of files: an existing year imported from a workbook (all or
//! nothing), the statements as JSON and as a workbook in the forms' layout, and the
//! journal hledger reads.

use super::reads::Statements;
use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::OrgCode;
use hoptac_core::ledger::journal::hledger_journal;
use hoptac_core::ledger::statements::B02;
use hoptac_core::validate::Severity;
use hoptac_exchange::Problem;
use hoptac_exchange::books::import::{ParsedLedger, VOUCHER_SHEET, parse_ledger};
use hoptac_exchange::books::statements::{StatementsHeading, statements_workbook};
use hoptac_exchange::read::read_bytes;
use serde_json::{Value, json};

/// The statements as the CLI and the API give them: amounts in đồng, line codes as in the
/// forms.
pub fn statements_json(s: &Statements) -> Value {
    let b01: Vec<Value> = (s.position.lines.iter())
        .map(|l| json!({"code": l.code, "name": l.name, "closing": l.closing as i64, "opening": l.opening as i64}))
        .collect();
    let b02: Vec<Value> = (B02.iter())
        .map(|(code, name)| {
            json!({
                "code": code,
                "name": name,
                "this_year": s.results.get(code) as i64,
                "last_year": s.last_year.as_ref().map(|r| r.get(code) as i64),
            })
        })
        .collect();
    let f01: Vec<Value> = (s.trial.rows.iter())
        .map(|r| {
            json!({
                "account": r.account, "name": r.name,
                "opening_debit": r.opening_debit as i64, "opening_credit": r.opening_credit as i64,
                "debit": r.debit as i64, "credit": r.credit as i64,
                "closing_debit": r.closing_debit as i64, "closing_credit": r.closing_credit as i64,
            })
        })
        .collect();
    let t = &s.trial;
    json!({
        "org": s.org.as_str(),
        "name": s.name,
        "year": s.year,
        "closed": s.closed,
        "B01": {"lines": b01, "balances": s.position.balances(),
                "unplaced": s.position.unplaced.iter().map(|(a, n)| json!({"account": a, "net_debit": *n as i64})).collect::<Vec<_>>()},
        "B02": {"lines": b02},
        "F01": {"rows": f01, "balances": t.balances(), "totals": {
            "opening_debit": t.opening_debit as i64, "opening_credit": t.opening_credit as i64,
            "debit": t.debit as i64, "credit": t.credit as i64,
            "closing_debit": t.closing_debit as i64, "closing_credit": t.closing_credit as i64}},
    })
}

fn core_problem(
    sheet: &str,
    (field, value, msg): (&'static str, String, hoptac_core::Msg),
) -> Problem {
    Problem {
        severity: Severity::Error,
        sheet: sheet.to_string(),
        row: None,
        column: Some(field.to_string()),
        key: Some(field),
        value,
        msg,
    }
}

impl App {
    /// The statements workbook (B01-HTX, B02-HTX, F01-HTX) of one year.
    pub async fn statements_xlsx(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
    ) -> Result<Vec<u8>> {
        let s = self.statements(actor, org, year).await?;
        let snap = self.snapshot().await?;
        // the register keeps the commune, not a street address
        let address = (snap.orgs.iter().find(|o| o.code == *org))
            .and_then(|o| snap.units.iter().find(|u| u.id == o.commune))
            .map(|u| u.name.clone())
            .unwrap_or_default();
        tokio::task::spawn_blocking(move || {
            let h = StatementsHeading {
                org_code: s.org.as_str(),
                org_name: &s.name,
                address: &address,
                year: s.year,
            };
            statements_workbook(&h, &s.position, &s.results, s.last_year.as_ref(), &s.trial)
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// The year's journal for hledger.
    pub async fn ledger_journal(&self, actor: &Actor, org: &OrgCode, year: i32) -> Result<String> {
        let v = self.ledger(actor, org, year).await?;
        Ok(hledger_journal(v.org.as_str(), &v.book))
    }

    /// Imports an existing year from a workbook (opening balances and vouchers), replacing
    /// the open year whole at the version read (0 for a year not kept yet): nothing is
    /// written unless every row reads and the year as a whole passes every check. The
    /// number of vouchers written, or every problem.
    pub async fn import_ledger(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
        version: i64,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Result<std::result::Result<usize, Vec<Problem>>> {
        // the account is checked before the file is read
        self.check_books_write(actor, org, year).await?;
        let name = file_name.to_string();
        let parsed: ParsedLedger = tokio::task::spawn_blocking(move || {
            read_bytes(&name, &bytes).map(|b| parse_ledger(&b))
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))??;
        if !parsed.problems.is_empty() {
            return Ok(Err(parsed.problems));
        }
        let n = parsed.vouchers.len();
        let problems = self
            .replace_ledger_year(
                actor,
                org,
                year,
                version,
                parsed.sub_accounts,
                parsed.opening,
                parsed.vouchers,
            )
            .await?;
        if problems.is_empty() {
            Ok(Ok(n))
        } else {
            Ok(Err(problems
                .into_iter()
                .map(|p| core_problem(VOUCHER_SHEET, p))
                .collect()))
        }
    }
}
