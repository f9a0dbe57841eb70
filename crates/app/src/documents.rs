//! Official documents out of the data (issue 7): the installation's issuer settings, and the
//! situation report as a Word text in the state's format with its Excel annex.

use crate::{auth::Actor, context::App, error::AppError, error::Result};
use hoptac_core::indicator::{Unit, catalogue};
use hoptac_core::official::{DocKind, Issuer, Missing, OfficialDoc};
use hoptac_store::ChangeSet;

/// A setting's key in the `meta` table.
fn meta_key(field: &str) -> String {
    format!("doc.{field}")
}

pub fn to_pairs(i: &Issuer) -> Vec<(String, String)> {
    Issuer::FIELDS
        .iter()
        .zip(i.values())
        .map(|(k, v)| (meta_key(k), v.trim().to_string()))
        .collect()
}

/// A generated document and what the settings lacked to complete it.
pub struct Generated {
    pub bytes: Vec<u8>,
    pub missing: Vec<Missing>,
}

/// Lays a text out as Word, with the settings it lacked.
pub fn docx(doc: OfficialDoc) -> Result<Generated> {
    let bytes = hoptac_documents::docx::write_docx(&doc)
        .map_err(|e| AppError::internal(format!("docx: {e}")))?;
    Ok(Generated {
        bytes,
        missing: doc.issuer.missing(),
    })
}

/// The issuer the demo signs with today, after the 2025 reform: the new Đồng Tháp province
/// that took over the abolished district's ground (illustrative signer).
pub fn demo_issuer() -> Issuer {
    Issuer {
        parent_body: String::new(),
        body: "Ủy ban nhân dân tỉnh Đồng Tháp".into(),
        symbol: "UBND".into(),
        place: "Đồng Tháp".into(),
        signer_authority: "TM. Ủy ban nhân dân".into(),
        signer_title: "Chủ tịch".into(),
        signer_name: "Nguyễn Văn Minh Họa".into(),
        recipients: vec![
            "Bộ Tài chính;".into(),
            "Sở Tài chính;".into(),
            "Liên minh HTX tỉnh;".into(),
            "UBND các xã Tháp Mười, Thanh Mỹ, Mỹ Quí, Đốc Binh Kiều, Trường Xuân, Phương Thịnh;"
                .into(),
        ],
    }
}

impl App {
    pub async fn document_settings(&self) -> Result<Issuer> {
        let mut stored = std::collections::HashMap::new();
        for k in Issuer::FIELDS {
            stored.insert(
                k,
                self.store().meta(&meta_key(k)).await?.unwrap_or_default(),
            );
        }
        Ok(Issuer::from_values(|k| {
            stored.get(k).cloned().unwrap_or_default()
        }))
    }

    /// May this account change the installation's settings? An administrator whose scope
    /// covers all of it; a refusal is audited.
    pub async fn authorize_settings(&self, actor: &Actor) -> Result<()> {
        self.authorize(
            actor,
            hoptac_core::auth::Action::ManageSettings,
            &hoptac_core::auth::Resource::Everything,
        )
        .await
    }

    /// Administrators set who issues and signs the installation's documents.
    pub async fn save_document_settings(&self, actor: &Actor, i: &Issuer) -> Result<()> {
        self.authorize_settings(actor).await?;
        let before = self.document_settings().await?;
        let mut audit = self.audit_entry(actor, "update", "meta", "doc.*", None);
        audit.before = serde_json::to_string(&before).ok();
        audit.after = serde_json::to_string(i).ok();
        self.apply(&ChangeSet {
            meta: to_pairs(i),
            audit: vec![audit],
            ..Default::default()
        })
        .await?;
        Ok(())
    }

    /// The situation report as a Word text in the state's format, dated today.
    pub async fn situation_docx(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<Generated> {
        docx(self.situation_official(actor, from, to, scope).await?)
    }

    /// The situation report as an administrative text of the installation, to lay out in
    /// any format (Word here; PDF where the `pdf` feature is built).
    pub async fn situation_official(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<OfficialDoc> {
        let body = self.situation_report(actor, from, to, scope).await?;
        let mut doc = self.official_doc(body, DocKind::Report, vec![]).await?;
        // the trends of part A, the base year marked
        for (n, (id, title)) in [
            ("htx.members", "Thành viên HTX (người)"),
            ("tht.members", "Thành viên THT (người)"),
            (
                "htx.revenue_avg",
                "Doanh thu bình quân một HTX (triệu đồng/năm)",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let points = self.series(actor, id, from, to, scope).await?;
            doc.figures.push(hoptac_core::official::Figure {
                caption: format!("Hình {}. {title}, {from} – {to} (năm gốc {from})", n + 1),
                svg: hoptac_core::chart::trend(title, &points, from),
            });
        }
        Ok(doc)
    }

    /// A generated text with the installation's issuer, dated today.
    pub async fn official_doc(
        &self,
        body: hoptac_core::report::Document,
        kind: DocKind,
        tables: Vec<hoptac_core::official::Table>,
    ) -> Result<OfficialDoc> {
        Ok(OfficialDoc {
            issuer: self.document_settings().await?,
            kind,
            number: String::new(),
            date: crate::context::today(),
            body,
            tables,
            figures: vec![],
        })
    }

    /// The annex: every indicator year by year over the period, with its unit and the change
    /// from the first year, one sheet in the province's spreadsheet format.
    pub async fn situation_xlsx(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<Vec<u8>> {
        use hoptac_exchange::tables::{Cell, TableSheet, write_tables};
        let table = self.indicator_table(actor, from, to, scope).await?;
        let mut headers = vec!["Mã chỉ tiêu".to_string()];
        headers.extend(table.headers.iter().cloned());
        let rows = table
            .rows
            .iter()
            .map(|(id, unit, label, values, change)| {
                let mut r = vec![
                    Cell::Text(id.clone()),
                    Cell::Text(label.clone()),
                    Cell::Text(unit.label_vi().to_string()),
                ];
                for v in values {
                    r.push(match (v, unit) {
                        (None, _) => Cell::Empty,
                        (Some(x), Unit::Percent) => Cell::Pct(*x),
                        (Some(x), Unit::MillionVnd) => Cell::Number(*x),
                        (Some(x), _) if x.is_integer() => Cell::Int(x.micros() / 1_000_000),
                        (Some(x), _) => Cell::Number(*x),
                    });
                }
                r.push(change.map(Cell::Pct).unwrap_or(Cell::Empty));
                r
            })
            .collect();
        write_tables(&[TableSheet {
            name: "Phụ lục chỉ tiêu".into(),
            title: format!(
                "PHỤ LỤC: CÁC CHỈ TIÊU KINH TẾ TẬP THỂ {from} – {to}{}",
                if table.scope.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", table.scope.to_uppercase())
                }
            ),
            subtitle: format!(
                "Số liệu từ hoptac ngày {}; tỷ lệ thay đổi so với năm {from}",
                hoptac_core::date::to_vi(crate::context::today())
            ),
            headers,
            rows,
            total_row: false,
        }])
        .map_err(|e| AppError::internal(format!("xlsx: {e}")))
    }

    /// Every indicator of the catalogue, year by year.
    async fn indicator_table(
        &self,
        actor: &Actor,
        from: i32,
        to: i32,
        scope: Option<&str>,
    ) -> Result<IndicatorTable> {
        let (_, unit) = self.scope_snapshot(actor, scope).await?;
        let mut by_year = Vec::new();
        for y in from..=to {
            by_year.push(self.stats(actor, y, y, scope).await?.indicators);
        }
        let whole = self.stats(actor, from, to, scope).await?;
        let cat = catalogue();
        let rows = cat
            .iter()
            .map(|d| {
                let values = by_year
                    .iter()
                    .map(|ind| ind.iter().find(|v| v.id == d.id).and_then(|v| v.value))
                    .collect();
                let change = whole
                    .indicators
                    .iter()
                    .find(|v| v.id == d.id)
                    .and_then(|v| v.change_pct);
                (d.id.clone(), d.unit, d.label_vi.clone(), values, change)
            })
            .collect();
        let mut headers = vec!["Chỉ tiêu".to_string(), "Đơn vị".to_string()];
        headers.extend((from..=to).map(|y| y.to_string()));
        headers.push(format!("Thay đổi so với {from} (%)"));
        Ok(IndicatorTable {
            scope: unit.map(|u| u.name).unwrap_or_default(),
            headers,
            rows,
        })
    }
}

type IndicatorRow = (
    String,
    Unit,
    String,
    Vec<Option<hoptac_core::Fixed>>,
    Option<hoptac_core::Fixed>,
);

struct IndicatorTable {
    scope: String,
    headers: Vec<String>,
    rows: Vec<IndicatorRow>,
}

impl App {
    /// The year's classification report (báo cáo kết quả đánh giá, phân loại HTX): the
    /// counts in words, who fell a rating, the tables by commune and over five years.
    pub async fn evaluation_summary_docx(
        &self,
        actor: &Actor,
        year: i32,
        scope: Option<&str>,
    ) -> Result<Generated> {
        docx(self.evaluation_summary_official(actor, year, scope).await?)
    }

    /// The rating report as an administrative text, to lay out in any format.
    pub async fn evaluation_summary_official(
        &self,
        actor: &Actor,
        year: i32,
        scope: Option<&str>,
    ) -> Result<OfficialDoc> {
        use hoptac_core::official::Table;
        use hoptac_core::report::{Document, Inline, Paragraph, Section, count_vi, pct_vi};
        let s = self.evaluation_summary(actor, year, scope).await?;
        let n = |v: usize| count_vi(hoptac_core::Fixed::from_int(v as i64));
        let share = |c: &crate::evaluation_summary::RatingCounts, r| {
            c.share_pct(r).map(pct_vi).unwrap_or_else(|| "—".into())
        };
        let t = |x: String| Paragraph(vec![Inline::Text(x)]);
        use hoptac_core::types::Rating::{Kha, Tot, TrungBinh, Yeu};
        let counts = |c: &crate::evaluation_summary::RatingCounts, what: &str| {
            t(format!(
                "Tổng số {what} thuộc diện đánh giá: {}; đã có kết quả xếp loại {}, trong đó loại tốt {} ({}), loại khá {} ({}), loại trung bình {} ({}), loại yếu {} ({}). Không xếp loại {}; chưa hoàn thành đánh giá {}.",
                n(c.total()),
                n(c.rated()),
                n(c.tot),
                share(c, Tot),
                n(c.kha),
                share(c, Kha),
                n(c.trung_binh),
                share(c, TrungBinh),
                n(c.yeu),
                share(c, Yeu),
                n(c.not_rated),
                n(c.pending),
            ))
        };
        let fell = if s.fell.is_empty() {
            vec![t(format!(
                "Không có tổ chức nào xếp loại thấp hơn năm {}.",
                year - 1
            ))]
        } else {
            s.fell
                .iter()
                .map(|f| {
                    t(format!(
                        "{} ({}): từ loại {} xuống loại {}.",
                        f.name,
                        f.commune,
                        f.from.label_vi().to_lowercase(),
                        f.to.label_vi().to_lowercase()
                    ))
                })
                .collect()
        };
        let body = Document {
            title: format!("Kết quả đánh giá, phân loại hợp tác xã, tổ hợp tác năm {year}"),
            subtitle: format!(
                "{}HTX: theo Thông tư 01/2020/TT-BKHĐT, phiếu đã duyệt; THT: xếp loại do địa phương đánh giá.",
                if s.scope.is_empty() {
                    String::new()
                } else {
                    format!("Địa bàn: {}. ", s.scope)
                }
            ),
            sections: vec![
                Section {
                    heading: "1. Kết quả đánh giá, xếp loại hợp tác xã".into(),
                    paragraphs: vec![counts(&s.htx, "HTX")],
                },
                Section {
                    heading: "2. Kết quả xếp loại tổ hợp tác".into(),
                    paragraphs: vec![counts(&s.tht, "THT")],
                },
                Section {
                    heading: format!("3. Tổ chức xếp loại thấp hơn năm {}", year - 1),
                    paragraphs: fell,
                },
            ],
            footnotes: vec![],
        };
        let heads = |first: &str| {
            [
                first,
                "Tổng số",
                "Tốt",
                "Khá",
                "Trung bình",
                "Yếu",
                "Không xếp loại",
                "Chưa xong",
            ]
            .map(String::from)
            .to_vec()
        };
        let row = |label: String, c: &crate::evaluation_summary::RatingCounts| {
            vec![
                label,
                n(c.total()),
                n(c.tot),
                n(c.kha),
                n(c.trung_binh),
                n(c.yeu),
                n(c.not_rated),
                n(c.pending),
            ]
        };
        let mut by_commune: Vec<Vec<String>> = s
            .by_commune
            .iter()
            .filter(|r| r.htx.total() > 0)
            .map(|r| row(r.label.clone(), &r.htx))
            .collect();
        by_commune.push(row("Tổng cộng".into(), &s.htx));
        let tables = vec![
            Table {
                caption: format!("Bảng 1. Kết quả xếp loại HTX năm {year} theo xã"),
                headers: heads("Xã"),
                rows: by_commune,
            },
            Table {
                caption: format!("Bảng 2. Kết quả xếp loại HTX {} – {year}", year - 4),
                headers: heads("Năm"),
                rows: s
                    .years
                    .iter()
                    .map(|(y, h, _)| row(y.to_string(), h))
                    .collect(),
            },
        ];
        let mut doc = self.official_doc(body, DocKind::Report, tables).await?;
        doc.figures.push(hoptac_core::official::Figure {
            caption: format!("Hình 1. Xếp loại HTX {} – {year}", year - 4),
            svg: rating_chart(&s),
        });
        Ok(doc)
    }
}

/// Approved ratings by year, stacked: the same chart on the evaluations page.
pub fn rating_chart(s: &crate::evaluation_summary::EvaluationSummary) -> String {
    use hoptac_core::types::Rating;
    let years: Vec<i32> = s.years.iter().map(|(y, _, _)| *y).collect();
    let series: Vec<(&str, Vec<usize>)> =
        [Rating::Tot, Rating::Kha, Rating::TrungBinh, Rating::Yeu]
            .into_iter()
            .map(|r| {
                (
                    r.label_vi(),
                    s.years.iter().map(|(_, h, _)| h.get(r)).collect(),
                )
            })
            .collect();
    hoptac_core::chart::stacked("Xếp loại HTX (phiếu đã duyệt)", &years, &series)
}

impl App {
    /// One organisation on one or two pages (hồ sơ tổ chức): its registration, services,
    /// managers in office, its yearly figures in a table, its ratings, and the trends of its
    /// members and revenue.
    pub async fn org_profile_official(&self, actor: &Actor, code: &str) -> Result<OfficialDoc> {
        use hoptac_core::official::{Figure, Table};
        use hoptac_core::report::{Document, Inline, Paragraph, Section, money_vi};
        let d = self.org_detail(actor, code).await?;
        let o = &d.org;
        let t = |x: String| Paragraph(vec![Inline::Text(x)]);
        let date = hoptac_core::date::to_vi;
        let money = |v: Option<hoptac_core::Fixed>| v.map(money_vi).unwrap_or("—".into());
        let int = |v: Option<i64>| {
            v.map(|x| hoptac_core::text::group_thousands(x as i128))
                .unwrap_or("—".into())
        };
        let mut reports = d.reports.clone();
        reports.sort_by_key(|r| r.year);
        let today = crate::context::today();
        let status = match o.dissolved_on {
            Some(x) => format!("đã giải thể ngày {}", date(x)),
            None => "đang hoạt động".into(),
        };
        let services: Vec<&str> = d.registered.iter().map(|s| s.label_vi()).collect();
        let general = vec![
            t(format!(
                "Loại hình: {}; lĩnh vực: {}; địa bàn: {}.",
                o.kind.label_vi(),
                o.sector.label_vi(),
                d.commune.as_ref().map(|u| u.name.as_str()).unwrap_or("—")
            )),
            t(format!(
                "Thành lập ngày {}{}; tình trạng: {status}.",
                date(o.founded_on),
                o.registration_no
                    .as_ref()
                    .map(|r| format!(", số đăng ký {r}"))
                    .unwrap_or_default()
            )),
            t(if services.is_empty() {
                "Dịch vụ đăng ký: chưa ghi nhận.".into()
            } else {
                format!("Dịch vụ đăng ký: {}.", services.join(", "))
            }),
        ];
        let managers: Vec<Paragraph> = d
            .managers
            .iter()
            .filter(|m| m.in_office_on(today))
            .map(|m| {
                t(format!(
                    "{}: {}{}.",
                    m.role.label_vi(),
                    m.full_name,
                    m.qualification
                        .map(|q| format!(", trình độ {}", q.label_vi().to_lowercase()))
                        .unwrap_or_default()
                ))
            })
            .collect();
        let evaluations = self.store().evaluations(None).await?;
        let book = self.rubric_book().await?;
        let mut ratings = Vec::new();
        for e in evaluations.iter().filter(|e| {
            e.org == o.code
                && e.evaluation.rubric_id == crate::evaluation::DEFAULT_RUBRIC
                && e.evaluation.state == hoptac_core::evaluation::State::Approved
        }) {
            let r = book.version(&e.evaluation.rubric_id, e.evaluation.rubric_version)?;
            if let Ok(sheet) = r.check_sheet(&e.evaluation.scores()) {
                let rating = match sheet.rating {
                    hoptac_core::rubric::RatingOutcome::Rated(x) => x.label_vi().to_lowercase(),
                    hoptac_core::rubric::RatingOutcome::Unknown => "chưa xác định".into(),
                };
                ratings.push(format!(
                    "năm {}: {} điểm, loại {rating}",
                    e.year,
                    sheet.total.format_vi(2, false)
                ));
            }
        }
        let rating_par = t(if ratings.is_empty() {
            "Chưa có kết quả đánh giá, xếp loại đã duyệt.".into()
        } else {
            format!(
                "Kết quả đánh giá, xếp loại đã duyệt: {}.",
                ratings.join("; ")
            )
        });
        let snap_now = self.snapshot().await?;
        let products = crate::products::profile_lines(&snap_now, &o.code, today);
        let chain = crate::contracts::profile_lines(&snap_now, &o.code, today);
        let body = Document {
            title: format!("Thông tin {} {}", o.kind.label_vi().to_lowercase(), o.name),
            subtitle: format!("Mã {}; số liệu đến ngày {}", o.code, date(today)),
            sections: vec![
                Section {
                    heading: "1. Thông tin chung".into(),
                    paragraphs: general,
                },
                Section {
                    heading: "2. Cán bộ quản lý đương nhiệm".into(),
                    paragraphs: if managers.is_empty() {
                        vec![t("Chưa ghi nhận cán bộ quản lý.".into())]
                    } else {
                        managers
                    },
                },
                Section {
                    heading: "3. Đánh giá, xếp loại".into(),
                    paragraphs: vec![rating_par],
                },
                Section {
                    heading: "4. Sản phẩm, OCOP".into(),
                    paragraphs: if products.is_empty() {
                        vec![t("Chưa ghi nhận sản phẩm.".into())]
                    } else {
                        products.into_iter().map(t).collect()
                    },
                },
                Section {
                    heading: "5. Vùng trồng, liên kết chuỗi giá trị".into(),
                    paragraphs: if chain.is_empty() {
                        vec![t(
                            "Chưa ghi nhận mã số vùng trồng, hợp đồng liên kết.".into()
                        )]
                    } else {
                        chain.into_iter().map(t).collect()
                    },
                },
            ],
            footnotes: vec![],
        };
        let table = Table {
            caption: "Bảng 1. Số liệu hằng năm".into(),
            headers: [
                "Năm",
                "Thành viên",
                "Lao động",
                "Doanh thu (tr.đ)",
                "Lợi nhuận (tr.đ)",
                "Thu nhập TV (tr.đ/năm)",
                "Xếp loại (nhập)",
            ]
            .map(String::from)
            .to_vec(),
            rows: reports
                .iter()
                .map(|r| {
                    let f = &r.figures;
                    vec![
                        r.year.to_string(),
                        int(f.members),
                        int(f.workers),
                        money(f.revenue),
                        money(f.profit),
                        money(f.member_income),
                        f.rating
                            .map(|x| x.label_vi().to_string())
                            .unwrap_or_default(),
                    ]
                })
                .collect(),
        };
        let mut doc = self
            .official_doc(body, DocKind::Report, vec![table])
            .await?;
        if let Some(first) = reports.first().map(|r| r.year.get()) {
            let members: Vec<(i32, Option<hoptac_core::Fixed>)> = reports
                .iter()
                .map(|r| {
                    (
                        r.year.get(),
                        r.figures.members.map(hoptac_core::Fixed::from_int),
                    )
                })
                .collect();
            let revenue: Vec<(i32, Option<hoptac_core::Fixed>)> = reports
                .iter()
                .map(|r| (r.year.get(), r.figures.revenue))
                .collect();
            doc.figures = vec![
                Figure {
                    caption: "Hình 1. Thành viên".into(),
                    svg: hoptac_core::chart::trend("Thành viên (người)", &members, first),
                },
                Figure {
                    caption: "Hình 2. Doanh thu".into(),
                    svg: hoptac_core::chart::trend("Doanh thu (triệu đồng)", &revenue, first),
                },
            ];
        }
        Ok(doc)
    }
}

impl App {
    /// The plan assessment's annex: one row a target — its wording, baseline, target, the
    /// value of each year of the plan, the latest status and the projection to the end.
    pub async fn plan_xlsx(
        &self,
        actor: &Actor,
        code: &str,
        as_of: Option<i32>,
    ) -> Result<Vec<u8>> {
        let p = self.plan_progress(actor, code, as_of).await?;
        hoptac_exchange::tables::write_tables(&[
            plan_sheet(&p),
            crate::plan_tasks::task_sheet(&p.plan, &p.tasks),
        ])
        .map_err(|e| AppError::internal(format!("xlsx: {e}")))
    }
}

/// The plan's targets year by year, as the annex's table.
pub(crate) fn plan_sheet(p: &crate::plans::PlanProgress) -> hoptac_exchange::tables::TableSheet {
    use hoptac_exchange::tables::{Cell, TableSheet};
    let cell = |v: Option<hoptac_core::Fixed>, unit: Unit| match (v, unit) {
        (None, _) => Cell::Empty,
        (Some(x), Unit::Percent) => Cell::Pct(x),
        (Some(x), Unit::MillionVnd | Unit::Services) => Cell::Number(x),
        (Some(x), _) if x.is_integer() => Cell::Int(x.micros() / 1_000_000),
        (Some(x), _) => Cell::Number(x),
    };
    let years: Vec<i32> = (p.plan.from..=p.plan.to).collect();
    let mut headers: Vec<String> = [
        "Chỉ tiêu",
        "Nội dung",
        "Đơn vị",
        &format!("Năm gốc {}", p.plan.baseline_year),
        "Mục tiêu",
    ]
    .map(String::from)
    .to_vec();
    headers.extend(years.iter().map(|y| y.to_string()));
    headers.extend(["Đánh giá", "Dự báo cuối kỳ"].map(String::from));
    let rows = p
        .targets
        .iter()
        .map(|t| {
            let mut r = vec![
                Cell::Text(t.target.no.clone()),
                Cell::Text(t.target.wording.clone()),
                Cell::Text(t.unit.label_vi().to_string()),
                cell(t.baseline, t.unit),
                Cell::Text(t.target.describe(t.unit)),
            ];
            for y in &years {
                r.push(cell(
                    t.years.iter().find(|v| v.year == *y).and_then(|v| v.value),
                    t.unit,
                ));
            }
            r.push(Cell::Text(
                t.latest
                    .as_ref()
                    .map(|l| format!("{}: {}", l.year, l.status.label_vi()))
                    .unwrap_or_default(),
            ));
            r.push(cell(t.projection.as_ref().map(|x| x.value), t.unit));
            r
        })
        .collect();
    TableSheet {
        name: "Chỉ tiêu kế hoạch".into(),
        title: format!(
            "PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU — {}",
            p.plan.title.to_uppercase()
        ),
        subtitle: format!(
            "{}; số liệu từ hoptac ngày {}",
            p.scope_name,
            hoptac_core::date::to_vi(crate::context::today())
        ),
        headers,
        rows,
        total_row: false,
    }
}
