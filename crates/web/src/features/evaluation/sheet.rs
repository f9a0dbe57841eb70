//! One cooperative's sheet for a year (phiếu tự chấm điểm): every line with its maximum, the
//! score hoptac proposes from the figures, the cooperative's score, the score that counts and
//! the reviewer's reason; and the one form for the step the signed-in account may take next
//! (score and submit, review with reasons, approve, unlock).

use crate::features::evaluation::list::state_label;
use crate::features::evaluation::sheet_checks::score;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::forms::to_map;
use crate::http::i18n::Lang;
use crate::http::layout::Page;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_app::evaluation::SheetView;
use hoptac_core::auth::Role;
use hoptac_core::evaluation::{State as Stage, Step};
use hoptac_core::rubric::RatingOutcome;
use hoptac_core::{Fixed, Msg};
use std::collections::HashMap;

pub(crate) struct Line {
    pub id: String,
    pub title: String,
    pub max: String,
    /// The score proposed from the figures, with the measure and band it came from.
    pub proposed: String,
    /// The cooperative's score differs from the proposed one.
    pub differs: bool,
    pub own: String,
    pub counted: String,
    pub reason: String,
    pub group: bool,
    pub confirmed: bool,
    /// The line a refused step named.
    pub error: bool,
}

#[derive(askama::Template)]
#[template(path = "evaluation/evaluation.html")]
pub(crate) struct EvaluationPage {
    pub p: Page,
    pub code: String,
    pub name: String,
    pub year: i32,
    pub rubric_id: String,
    /// Other rubrics this sheet can be made by, as (id, link).
    pub rubrics: Vec<(String, String)>,
    /// `?rubric=…` for links and the form, empty for the default rubric.
    pub rubric_q: String,
    /// The step the account may take: `score`, `review`, `approve`, `unlock` or empty.
    pub mode: &'static str,
    pub has_sheet: bool,
    pub total: String,
    pub rating: String,
    pub state: String,
    pub submitted: String,
    pub excluded: String,
    pub error: String,
    /// What it takes to reach the next rating, in words.
    pub next: String,
    pub lines: Vec<Line>,
    pub rubric: String,
    pub today: String,
    pub unlock_reason: String,
    /// The classification axes as (label, value, confirmed).
    pub axes: Vec<(&'static str, String, bool)>,
    /// The form for the axes, when the account may change them.
    pub classify: Option<ClassifyForm>,
}

/// An option of a select: (value, label, selected).
pub(crate) type Opt = (String, String, bool);

pub(crate) struct ClassifyForm {
    pub supply: Vec<Opt>,
    pub vsic: Vec<Opt>,
    pub capital: String,
    /// Empty when the sector has no agricultural field.
    pub agri_field: Vec<Opt>,
}

pub(crate) fn opts<T: Copy + PartialEq>(
    all: &[T],
    chosen: &str,
    code: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
) -> Vec<Opt> {
    let mut v: Vec<Opt> = vec![(String::new(), "—".into(), chosen.is_empty())];
    v.extend(
        all.iter()
            .map(|t| (code(*t), label(*t), code(*t) == chosen)),
    );
    v
}

pub(crate) fn classify_form(
    v: &SheetView,
    typed: &dyn Fn(String) -> Option<String>,
) -> ClassifyForm {
    use hoptac_core::evaluation::classification::{AgriField, SupplyType, VSIC_SECTIONS};
    let e = &v.axes.entered;
    let supply = typed("supply".into())
        .unwrap_or_else(|| e.supply.map(|s| s.code().to_string()).unwrap_or_default());
    let vsic = typed("vsic".into()).unwrap_or_else(|| e.vsic.map(String::from).unwrap_or_default());
    let field = typed("agri_field".into()).unwrap_or_else(|| {
        e.agri_field
            .map(|f| f.code().to_string())
            .unwrap_or_default()
    });
    ClassifyForm {
        supply: opts(
            &SupplyType::ALL,
            &supply,
            |t| t.code().into(),
            |t| t.label_vi().into(),
        ),
        vsic: opts(
            &VSIC_SECTIONS,
            &vsic,
            |(l, _)| l.to_string(),
            |(l, n)| format!("{l} — {n}"),
        ),
        capital: typed("capital".into()).unwrap_or_else(|| {
            e.capital
                .map(crate::http::format::amount_input)
                .unwrap_or_default()
        }),
        agri_field: if hoptac_app::classification::agricultural(v.org.sector) {
            opts(
                &AgriField::ALL,
                &field,
                |f| f.code().into(),
                |f| {
                    if f.confirmed() {
                        f.label_vi().into()
                    } else {
                        format!("{} (tên chưa xác nhận)", f.label_vi())
                    }
                },
            )
        } else {
            vec![]
        },
    }
}

pub(crate) fn axes_rows(l: Lang, v: &SheetView) -> Vec<(&'static str, String, bool)> {
    let a = &v.axes;
    let e = &a.entered;
    let unknown = crate::http::i18n::t(l, "not_entered");
    let mut rows = vec![
        (
            "ax_supply",
            e.supply
                .map(|s| s.label_vi().to_string())
                .unwrap_or(unknown.into()),
            true,
        ),
        (
            "ax_vsic",
            e.vsic
                .and_then(|c| hoptac_core::evaluation::classification::vsic_section(&c.to_string()))
                .map(|(c, name)| format!("{c} — {name}"))
                .unwrap_or(unknown.into()),
            true,
        ),
        (
            "ax_members",
            a.member_scale
                .map(|s| s.label_vi().to_string())
                .unwrap_or(unknown.into()),
            true,
        ),
        (
            "ax_capital",
            match (e.capital, a.capital_scale) {
                (Some(c), Some(s)) => format!("{} ({} triệu đồng)", s.label_vi(), n(Some(c))),
                _ => unknown.into(),
            },
            a.capital_scale != Some(hoptac_core::evaluation::CapitalScale::Unknown),
        ),
    ];
    if hoptac_app::classification::agricultural(v.org.sector) {
        rows.push((
            "ax_agri_field",
            e.agri_field
                .map(|f| f.label_vi().to_string())
                .unwrap_or(unknown.into()),
            e.agri_field.is_none_or(|f| f.confirmed()),
        ));
    }
    rows
}

pub(crate) fn n(v: Option<Fixed>) -> String {
    v.map(|x| x.format_vi(2, false)).unwrap_or_default()
}

pub(crate) fn rubric_param(q: &HashMap<String, String>) -> Option<String> {
    q.get("rubric")
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
}

/// The step the account may take on a sheet in this state.
pub(crate) fn mode_for(role: Role, v: &SheetView) -> &'static str {
    if v.excluded.is_some() {
        return "";
    }
    match (
        v.evaluation.as_ref().map_or(Stage::Draft, |e| e.state),
        role,
    ) {
        (_, Role::Viewer) => "",
        (Stage::Draft, _) => "score",
        (Stage::Submitted, r) if r >= Role::Commune => "review",
        (Stage::Reviewed, r) if r >= Role::Staff => "approve",
        (Stage::Approved, r) if r >= Role::Staff => "unlock",
        _ => "",
    }
}

/// How a proposal reads on its line: `6 (revenue = 1.200 triệu đồng)` or what is missing.
pub(crate) fn proposal_text(l: Lang, p: &hoptac_core::evaluation::Proposal) -> String {
    let value = p
        .value
        .map(|v| format!("{} = {} {}", p.measure, v.format_vi(2, false), p.unit))
        .unwrap_or_default();
    let band = p
        .band
        .as_ref()
        .map(|b| {
            let bound = |x: Option<Fixed>, inf: &str| {
                x.map(|v| v.format_vi(2, false)).unwrap_or(inf.into())
            };
            format!(" ∈ [{}; {})", bound(b.low, "−∞"), bound(b.high, "+∞"))
        })
        .unwrap_or_default();
    let next = p
        .next
        .as_ref()
        .and_then(|b| Some((b.low?, b.points?)))
        .map(|(low, pts)| {
            hoptac_core::msg!(
                "web.sheet.next_band",
                points = n(Some(pts)),
                measure = p.measure,
                low = n(Some(low))
            )
            .render(l)
        })
        .unwrap_or_default();
    match (p.points, p.missing.is_empty()) {
        (Some(pts), _) => format!("{} ({value}{band}{next})", n(Some(pts))),
        (None, false) => {
            hoptac_core::msg!("web.sheet.figures_missing", missing = p.missing.join(", ")).render(l)
        }
        (None, true) => {
            hoptac_core::msg!("web.sheet.band_points_unconfirmed", value = value).render(l)
        }
    }
}

pub(crate) struct Entered<'a> {
    values: &'a HashMap<String, String>,
    error: String,
    /// The fields refused (every line with a problem is marked).
    fields: Vec<String>,
}

pub(crate) async fn build(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
    year: i32,
    rubric_id: Option<&str>,
    entered: Option<Entered<'_>>,
) -> Result<EvaluationPage, WebError> {
    let v = st
        .app
        .evaluation_of(u.actor(), code, year, rubric_id)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let book = st
        .app
        .rubric_book()
        .await
        .map_err(|e| WebError::new(l, e))?;
    let r = &v.rubric;
    let rubric_q = if r.id == hoptac_app::evaluation::DEFAULT_RUBRIC {
        String::new()
    } else {
        format!("?rubric={}", r.id)
    };
    let typed = |k: String| entered.as_ref().and_then(|e| e.values.get(&k).cloned());
    let e = v.evaluation.clone();
    let scores = e.as_ref().map(|e| e.scores()).unwrap_or_default();
    let sheet = r.check_sheet(&scores).ok();
    let mut out = EvaluationPage {
        p: page(st, u, l, "nav_evaluations").await,
        code: v.org.code.to_string(),
        name: v.org.name.clone(),
        year,
        rubric_id: r.id.clone(),
        rubrics: book
            .ids()
            .into_iter()
            .filter(|id| *id != r.id)
            .map(|id| {
                let q = if id == hoptac_app::evaluation::DEFAULT_RUBRIC {
                    String::new()
                } else {
                    format!("?rubric={id}")
                };
                (id.to_string(), q)
            })
            .collect(),
        rubric_q,
        mode: mode_for(u.actor().account.role, &v),
        has_sheet: e.is_some(),
        total: String::new(),
        rating: String::new(),
        state: state_label(l, e.as_ref().map(|e| e.state)).to_string(),
        submitted: e
            .as_ref()
            .and_then(|e| e.submitted_on)
            .map(hoptac_core::date::to_vi)
            .unwrap_or_default(),
        excluded: v
            .excluded
            .as_ref()
            .map(|m| m.get(l.code()).to_string())
            .unwrap_or_default(),
        error: entered
            .as_ref()
            .map(|e| e.error.clone())
            .unwrap_or_default(),
        next: String::new(),
        lines: vec![],
        rubric: format!("{} — {} (phiên bản {})", r.id, r.legal_ref, r.version),
        today: hoptac_core::date::to_iso(hoptac_app::today()),
        unlock_reason: typed("reason".into()).unwrap_or_default(),
        axes: axes_rows(l, &v),
        classify: None,
    };
    let role = u.actor().account.role;
    let approved = e.as_ref().is_some_and(|e| e.state == Stage::Approved);
    if role >= Role::Org && !approved && r.id == hoptac_app::evaluation::DEFAULT_RUBRIC {
        out.classify = Some(classify_form(&v, &typed));
    }
    if let Some(s) = &sheet {
        out.total = n(Some(s.total));
        out.rating = match s.rating {
            RatingOutcome::Rated(x) => x.label(l.code()).to_string(),
            RatingOutcome::Unknown => hoptac_core::msg!("web.sheet.rating_unknown").render(l),
        };
        if let Some(nr) = hoptac_core::evaluation::next_rating(r, &scores, s.total) {
            let raises: Vec<String> = nr
                .raises
                .iter()
                .map(|x| format!("{} {} → {}", x.item, n(Some(x.from)), n(Some(x.to))))
                .collect();
            out.next = hoptac_core::msg!(
                "web.sheet.to_reach_rating",
                rating = hoptac_core::i18n::Arg::both(nr.rating.label_vi(), nr.rating.label_en()),
                threshold = n(Some(nr.threshold)),
                points = n(Some(nr.points)),
                raises = raises.join("; ")
            )
            .render(l);
        }
    }
    let bad_fields: Vec<String> = entered
        .as_ref()
        .map(|e| e.fields.clone())
        .unwrap_or_default();
    out.lines = r
        .items()
        .into_iter()
        .map(|i| {
            let group = !i.children.is_empty();
            let own = e.as_ref().and_then(|e| e.self_scores.get(&i.id).copied());
            let proposal = v.proposals.iter().find(|p| p.item == i.id);
            Line {
                id: i.id.clone(),
                title: i.title_vi.clone(),
                max: n(i.max),
                proposed: proposal.map(|p| proposal_text(l, p)).unwrap_or_default(),
                differs: matches!((proposal.and_then(|p| p.points), own), (Some(p), Some(o)) if p != o),
                own: if group {
                    String::new()
                } else {
                    typed(format!("s.{}", i.id)).unwrap_or_else(|| n(own))
                },
                counted: if group {
                    n(sheet.as_ref().and_then(|s| s.by_item.get(&i.id).copied()))
                } else {
                    typed(format!("a.{}", i.id))
                        .unwrap_or_else(|| n(scores.get(&i.id).copied()))
                },
                reason: typed(format!("r.{}", i.id)).unwrap_or_else(|| {
                    e.as_ref()
                        .and_then(|e| e.adjusted.get(&i.id))
                        .map(|(_, why)| why.clone())
                        .unwrap_or_default()
                }),
                group,
                confirmed: i.confirmed,
                error: bad_fields.iter().any(|f| {
                    *f == i.id || *f == format!("s.{}", i.id) || *f == format!("a.{}", i.id)
                }),
            }
        })
        .collect();
    Ok(out)
}

/// A refused step: the field it names, the value typed, why; and any other lines refused
/// with it (field, why).
pub(crate) struct Refusal {
    field: String,
    value: String,
    msg: Msg,
    others: Vec<(String, Msg)>,
}

/// The sheet page again after a refused step (422): what was typed, the reason, the line
/// marked.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn refused(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
    year: i32,
    rubric: Option<&str>,
    typed: &HashMap<String, String>,
    r: Refusal,
) -> WebResult {
    let error = if r.value.is_empty() || r.value == code {
        r.msg.get(l.code()).to_string()
    } else {
        format!("{} [{}]", r.msg.get(l.code()), r.value)
    };
    let mut error = error;
    let mut fields = vec![r.field];
    for (f, m) in r.others {
        error.push_str("; ");
        error.push_str(&m.get(l.code()));
        fields.push(f);
    }
    let entered = Entered {
        values: typed,
        error,
        fields,
    };
    let mut page = render(&build(st, u, l, code, year, rubric, Some(entered)).await?);
    *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(page)
}

pub(crate) async fn evaluation(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let rubric = rubric_param(&q);
    Ok(render(
        &build(&st, &u, l, &code, year, rubric.as_deref(), None).await?,
    ))
}

pub(crate) fn invalid(field: &str, value: &str, msg: hoptac_core::Msg) -> AppError {
    AppError::invalid(field, value, msg)
}

/// The steps a posted form asks for, read from its fields; a field that is not a number or
/// not a date is refused, naming it.
pub(crate) fn steps_of(
    v: &HashMap<String, String>,
    leaves: &[String],
    counted: &std::collections::BTreeMap<String, Fixed>,
) -> Result<Vec<Step>, AppError> {
    let action = v.get("action").map(String::as_str).unwrap_or_default();
    let mut steps = Vec::new();
    match action {
        "save" | "submit" => {
            for id in leaves {
                if let Some(s) = score(v, &format!("s.{id}"))? {
                    steps.push(Step::SelfScore {
                        item: id.clone(),
                        score: s,
                    });
                }
            }
            if action == "submit" {
                let raw = v.get("submitted_on").map(|s| s.trim()).unwrap_or_default();
                let today = hoptac_app::today();
                let on = if raw.is_empty() {
                    today
                } else {
                    hoptac_core::date::parse(raw).ok_or_else(|| {
                        invalid(
                            "submitted_on",
                            raw,
                            hoptac_core::msg!("web.sheet.invalid_submission_date"),
                        )
                    })?
                };
                if on > today {
                    return Err(invalid(
                        "submitted_on",
                        raw,
                        hoptac_core::msg!("web.sheet.submission_in_future"),
                    ));
                }
                steps.push(Step::Submit { on });
            }
        }
        "adjust" | "review" => {
            for id in leaves {
                let Some(s) = score(v, &format!("a.{id}"))? else {
                    continue;
                };
                if counted.get(id) != Some(&s) {
                    steps.push(Step::Adjust {
                        item: id.clone(),
                        score: s,
                        reason: v.get(&format!("r.{id}")).cloned().unwrap_or_default(),
                    });
                }
            }
            if action == "review" {
                steps.push(Step::Review);
            }
        }
        "approve" => steps.push(Step::Approve),
        "unlock" => steps.push(Step::Unlock {
            reason: v.get("reason").cloned().unwrap_or_default(),
        }),
        other => {
            return Err(invalid(
                "action",
                other,
                hoptac_core::msg!("web.sheet.unknown_action"),
            ));
        }
    }
    if steps.is_empty() {
        return Err(invalid(
            "action",
            action,
            hoptac_core::msg!("web.sheet.nothing_entered"),
        ));
    }
    Ok(steps)
}

/// One step of the workflow from the sheet's form: applied whole or not at all. A refused
/// step shows the sheet again with what was typed and the reason, naming the line.
pub(crate) async fn evaluation_post(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let rubric = rubric_param(&v);
    let view = st
        .app
        .evaluation_of(u.actor(), &code, year, rubric.as_deref())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let leaves: Vec<String> = view
        .rubric
        .items()
        .into_iter()
        .filter(|i| i.children.is_empty())
        .map(|i| i.id.clone())
        .collect();
    let counted = view
        .evaluation
        .as_ref()
        .map(|e| e.scores())
        .unwrap_or_default();
    // every line's problem at once, before any step is tried
    let mut problems = crate::features::evaluation::sheet_checks::line_problems(&v, &view.rubric);
    if !problems.is_empty() {
        let (field, msg) = problems.remove(0);
        let value = v.get(&field).cloned().unwrap_or_default();
        let refusal = Refusal {
            field,
            value,
            msg,
            others: problems,
        };
        return refused(&st, &u, l, &code, year, rubric.as_deref(), &v, refusal).await;
    }
    let done = match steps_of(&v, &leaves, &counted) {
        Ok(steps) => {
            st.app
                .evaluation_steps(u.actor(), &code, year, Some(&view.rubric.id), steps)
                .await
        }
        Err(e) => Err(e),
    };
    match done {
        Ok(_) => {
            let q = match rubric {
                Some(r) => format!("?rubric={r}"),
                None => String::new(),
            };
            Ok(Redirect::to(&format!("/evaluations/{code}/{year}{q}")).into_response())
        }
        Err(AppError::Invalid { field, value, msg }) => {
            let refusal = Refusal {
                field,
                value,
                msg,
                others: vec![],
            };
            refused(&st, &u, l, &code, year, rubric.as_deref(), &v, refusal).await
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

/// The self-scoring sheet as a workbook, to fill offline.
pub(crate) async fn sheet_xlsx(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let rubric = rubric_param(&q);
    let bytes = st
        .app
        .evaluation_sheet_xlsx(u.actor(), &code, year, rubric.as_deref())
        .await
        .map_err(|e| WebError::new(l, e))?;
    // the code is checked by the service: only [A-Za-z0-9-] reaches the header
    let name = format!("phieu-tu-cham-{code}-{year}.xlsx");
    Ok(crate::http::download::download(
        crate::http::download::XLSX,
        &name,
        bytes,
    ))
}

/// A filled sheet uploaded back: all its lines or none, then the sheet page.
pub(crate) async fn sheet_upload(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    Query(q): Params,
    mut mp: axum::extract::Multipart,
) -> WebResult {
    let l = lang(&h);
    let rubric = rubric_param(&q);
    let (_, bytes) = crate::http::upload::uploaded_file(l, &mut mp).await?;
    st.app
        .import_evaluation_sheet(u.actor(), &code, year, rubric.as_deref(), &bytes)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let q = rubric.map(|r| format!("?rubric={r}")).unwrap_or_default();
    Ok(Redirect::to(&format!("/evaluations/{code}/{year}{q}")).into_response())
}

/// The district → province summary workbook for a year (due 18 December).
pub(crate) async fn summary_xlsx(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let year = crate::http::forms::year_param(&q, "year", hoptac_app::today().year() - 1)
        .map_err(|e| WebError::new(l, e))?;
    let scope = q.get("scope").map(String::as_str);
    if let Some(f @ ("pdf" | "docx")) = q.get("format").map(String::as_str) {
        let doc = st
            .app
            .evaluation_summary_official(u.actor(), year, scope)
            .await
            .map_err(|e| WebError::new(l, e))?;
        return crate::http::download::official_download(
            &st,
            l,
            doc,
            f,
            &format!("bao-cao-xep-loai-{year}"),
        )
        .await;
    }
    let bytes = st
        .app
        .evaluation_summary_xlsx(u.actor(), year, scope)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(crate::http::download::download(
        crate::http::download::XLSX,
        &format!("tong-hop-xep-loai-{year}.xlsx"),
        bytes,
    ))
}

/// The classification axes from the sheet page's form: saved, or the page again with the
/// reason, naming the field.
pub(crate) async fn classification_post(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let input = hoptac_app::classification::ClassificationInput {
        supply: get("supply"),
        vsic: get("vsic"),
        capital: get("capital"),
        agri_field: get("agri_field"),
    };
    match st
        .app
        .save_classification(u.actor(), &code, year, &input)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/evaluations/{code}/{year}#axes")).into_response()),
        Err(AppError::Invalid { field, value, msg }) => {
            let refusal = Refusal {
                field,
                value,
                msg,
                others: vec![],
            };
            refused(&st, &u, l, &code, year, None, &v, refusal).await
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}
