//! Every problem of a scoring sheet's form at once (not one per send): each line's score that
//! is not a number, or outside 0 to the line's maximum, named by its line.

use hoptac_app::AppError;
use hoptac_core::Fixed;
use hoptac_core::Msg;
use hoptac_core::rubric::Rubric;
use std::collections::HashMap;

/// (field, message) for every line of the form that cannot be taken: `s.ID` for the
/// cooperative's scores, `a.ID` for the reviewer's.
pub(crate) fn line_problems(v: &HashMap<String, String>, rubric: &Rubric) -> Vec<(String, Msg)> {
    let prefix = match v.get("action").map(String::as_str).unwrap_or_default() {
        "save" | "submit" => "s",
        "adjust" | "review" => "a",
        _ => return vec![],
    };
    let mut out = Vec::new();
    for line in rubric.items().into_iter().filter(|i| i.children.is_empty()) {
        let field = format!("{prefix}.{}", line.id);
        match score(v, &field) {
            Err(AppError::Invalid { msg, .. }) => out.push((field, msg)),
            Err(_) | Ok(None) => {}
            Ok(Some(s)) if s < Fixed::ZERO || line.max.is_some_and(|m| s > m) => out.push((
                field,
                hoptac_core::msg!(
                    "evaluation.score_out_of_range",
                    item = line.id.as_str(),
                    score = hoptac_core::i18n::Arg::both(s.format_vi(2, false), s),
                    max = line
                        .max
                        .map(|m| m.format_vi(2, false))
                        .unwrap_or("?".into())
                ),
            )),
            Ok(Some(_)) => {}
        }
    }
    out
}

/// A line's score as typed (plain or Vietnamese style), or why it is not a number.
pub(crate) fn score(v: &HashMap<String, String>, key: &str) -> Result<Option<Fixed>, AppError> {
    let raw = v.get(key).map(|s| s.trim()).unwrap_or_default();
    if raw.is_empty() {
        return Ok(None);
    }
    hoptac_core::parse::parse_number(raw)
        .map(|p| Some(p.value))
        .ok_or_else(|| {
            AppError::invalid(
                key,
                raw,
                hoptac_core::msg!("web.sheet.score_not_a_number", key = &key[2..]),
            )
        })
}
