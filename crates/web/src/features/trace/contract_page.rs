//! One linkage contract: its parties and terms, where it stands today against its schedule,
//! its deliveries (each corrected or taken out by whoever writes every party), and the
//! support paid for it.

use super::inputs::standing_class;
use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::{Params, Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_core::date::to_vi;

pub(crate) struct DeliveryLine {
    pub code: String,
    pub day: String,
    pub quantity: String,
    pub lot: String,
    pub edit: String,
    pub remove: String,
}

pub(crate) struct InstallmentLine {
    pub due: String,
    pub quantity: String,
}

#[derive(Template)]
#[template(path = "trace/contract.html")]
pub(crate) struct ContractPage {
    pub p: Page,
    pub code: String,
    pub partner: String,
    pub tax_code: String,
    pub orgs: String,
    pub form: &'static str,
    pub goods: String,
    pub quantity: String,
    pub area: String,
    pub households: String,
    pub price: String,
    pub signed: String,
    pub term: String,
    pub ended: String,
    pub delivered: String,
    pub due: String,
    pub standing: &'static str,
    pub standing_class: &'static str,
    pub schedule: Vec<InstallmentLine>,
    pub deliveries: Vec<DeliveryLine>,
    pub can_edit: bool,
    /// `/trace/contracts/{code}`, the code encoded.
    pub base: String,
    pub notice: String,
}

pub(crate) async fn contract_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let v = (st.app.contract(u.actor(), &code, hoptac_app::today()).await)
        .map_err(|e| WebError::new(l, e))?;
    let c = &v.contract;
    let unit = c.unit.label(l.code());
    let qty = |f: hoptac_core::Fixed| format!("{} {unit}", f.format_vi(3, false));
    let enc_code = enc(&c.code);
    let r = ContractPage {
        code: c.code.clone(),
        partner: c.partner.clone(),
        tax_code: c.partner_tax_code.clone(),
        orgs: v.orgs.join(", "),
        form: c.form.label(l.code()),
        goods: c.goods.clone(),
        quantity: qty(c.quantity),
        area: c
            .area_ha
            .map(|a| format!("{} ha", a.format_vi(2, false)))
            .unwrap_or_default(),
        households: c
            .households
            .map(|n| hoptac_core::text::group_thousands(i128::from(n)))
            .unwrap_or_default(),
        price: c.price.clone(),
        signed: to_vi(c.signed_on),
        term: format!("{} – {}", to_vi(c.starts_on), to_vi(c.ends_on)),
        ended: c.ended_on.map(to_vi).unwrap_or_default(),
        delivered: format!(
            "{} ({})",
            qty(v.fulfilment.delivered),
            (v.fulfilment.delivered_pct)
                .map(hoptac_core::report::pct_vi)
                .unwrap_or_default()
        ),
        due: qty(v.fulfilment.due),
        standing: v.fulfilment.standing.label(l.code()),
        standing_class: standing_class(v.fulfilment.standing),
        schedule: (c.schedule.iter())
            .map(|i| InstallmentLine {
                due: to_vi(i.due),
                quantity: qty(i.quantity),
            })
            .collect(),
        deliveries: (v.deliveries.iter())
            .map(|d| {
                let base = format!("/trace/contracts/{enc_code}/deliveries/{}", enc(&d.code));
                DeliveryLine {
                    code: d.code.clone(),
                    day: to_vi(d.delivered_on),
                    quantity: qty(d.quantity),
                    lot: d.lot.clone().unwrap_or_default(),
                    edit: if v.can_edit {
                        format!("{base}/edit")
                    } else {
                        String::new()
                    },
                    remove: if v.can_edit {
                        format!("{base}/remove")
                    } else {
                        String::new()
                    },
                }
            })
            .collect(),
        can_edit: v.can_edit,
        base: format!("/trace/contracts/{enc_code}"),
        notice: if q.contains_key("saved") {
            t(l, "saved").to_string()
        } else {
            String::new()
        },
        p: page(&st, &u, l, "nav_trace").await,
    };
    Ok(render(&r))
}
