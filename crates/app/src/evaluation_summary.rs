//! The year's classification summary (tổng hợp kết quả đánh giá, xếp loại) as the office
//! sends it up: counts by rating for cooperatives (from approved evaluations) and for
//! cooperative groups (from the ratings entered with their yearly figures), by commune, by
//! sector, over five years, and who fell a rating. Every count is a count of the year's list,
//! so the summary and the list cannot disagree.

use crate::evaluation::EvaluationRow;
use crate::{auth::Actor, context::App, error::Result};
use hoptac_core::evaluation::{State, sheet_due};
use hoptac_core::model::Snapshot;
use hoptac_core::rubric::RatingOutcome;
use hoptac_core::types::{OrgKind, Rating, Sector};
use hoptac_core::{Fixed, OrgCode};
use std::collections::BTreeMap;

/// Counts by rating of one group of organisations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RatingCounts {
    pub tot: usize,
    pub kha: usize,
    pub trung_binh: usize,
    pub yeu: usize,
    /// Not rated for a stated reason (too new, stopped operating).
    pub not_rated: usize,
    /// Due a rating that is not final yet: no sheet, or not approved (THT: none entered).
    pub pending: usize,
}

impl RatingCounts {
    fn add(&mut self, r: Rating) {
        match r {
            Rating::Tot => self.tot += 1,
            Rating::Kha => self.kha += 1,
            Rating::TrungBinh => self.trung_binh += 1,
            Rating::Yeu => self.yeu += 1,
        }
    }
    pub fn rated(&self) -> usize {
        self.tot + self.kha + self.trung_binh + self.yeu
    }
    pub fn total(&self) -> usize {
        self.rated() + self.not_rated + self.pending
    }
    pub fn get(&self, r: Rating) -> usize {
        match r {
            Rating::Tot => self.tot,
            Rating::Kha => self.kha,
            Rating::TrungBinh => self.trung_binh,
            Rating::Yeu => self.yeu,
        }
    }
    /// The share of `r` among those rated, in per cent (2 places); `None` when none is rated.
    pub fn share_pct(&self, r: Rating) -> Option<Fixed> {
        Fixed::ratio(self.get(r) as i128 * 100, self.rated() as i128, 2)
    }
    /// Good or fairly good among those rated, in per cent.
    pub fn kha_or_better_pct(&self) -> Option<Fixed> {
        Fixed::ratio((self.tot + self.kha) as i128 * 100, self.rated() as i128, 2)
    }
    fn merge(&mut self, o: &RatingCounts) {
        self.tot += o.tot;
        self.kha += o.kha;
        self.trung_binh += o.trung_binh;
        self.yeu += o.yeu;
        self.not_rated += o.not_rated;
        self.pending += o.pending;
    }
}

/// A row of a breakdown: a commune or a sector, and its counts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SummaryRow {
    pub label: String,
    pub htx: RatingCounts,
    pub tht: RatingCounts,
}

/// An organisation rated lower than the year before.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fell {
    pub org: OrgCode,
    pub kind: OrgKind,
    pub name: String,
    pub commune: String,
    pub from: Rating,
    pub to: Rating,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EvaluationSummary {
    pub year: i32,
    /// The scope's name ("" for everything the account sees).
    pub scope: String,
    pub htx: RatingCounts,
    pub tht: RatingCounts,
    pub by_commune: Vec<SummaryRow>,
    pub by_sector: Vec<SummaryRow>,
    /// (year, cooperatives, groups), oldest first, ending with `year`.
    pub years: Vec<(i32, RatingCounts, RatingCounts)>,
    pub fell: Vec<Fell>,
}

/// Where one organisation stands for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    Rated(Rating),
    NotRated,
    Pending,
}

fn htx_standing(r: &EvaluationRow) -> Standing {
    match (&r.excluded, r.state, r.rating) {
        (Some(_), _, _) => Standing::NotRated,
        (None, Some(State::Approved), Some(RatingOutcome::Rated(x))) => Standing::Rated(x),
        _ => Standing::Pending,
    }
}

/// Each cooperative group active at the end of `year`, with its entered rating.
fn tht_standings(snap: &Snapshot, year: i32) -> Vec<(&hoptac_core::model::Organization, Standing)> {
    let end = hoptac_core::date::ymd(year, 12, 31).expect("year end");
    let rated: std::collections::HashMap<&OrgCode, Option<Rating>> = snap
        .reports
        .iter()
        .filter(|r| r.year.get() == year)
        .map(|r| (&r.org, r.figures.rating))
        .collect();
    snap.orgs
        .iter()
        .filter(|o| o.kind == OrgKind::Tht && o.active_on(end))
        .map(|o| {
            let rating = rated.get(&o.code).copied().flatten();
            (o, rating.map_or(Standing::Pending, Standing::Rated))
        })
        .collect()
}

fn count(c: &mut RatingCounts, s: Standing) {
    match s {
        Standing::Rated(r) => c.add(r),
        Standing::NotRated => c.not_rated += 1,
        Standing::Pending => c.pending += 1,
    }
}

impl App {
    /// The year's summary for the account's scope (or `scope` within it).
    pub async fn evaluation_summary(
        &self,
        actor: &Actor,
        year: i32,
        scope: Option<&str>,
    ) -> Result<EvaluationSummary> {
        crate::context::check_year(year)?;
        let (full, unit) = self.scope_snapshot(actor, scope).await?;
        let snap = full.restricted(unit.as_ref().map(|u| u.id));
        // indexed once: a country has thousands of communes and 10⁵ organisations
        let unit_names: std::collections::HashMap<_, &str> =
            snap.units.iter().map(|u| (u.id, u.name.as_str())).collect();
        let commune_name = |id| {
            unit_names
                .get(&id)
                .map(|n| n.to_string())
                .unwrap_or_default()
        };
        let org_by_code: std::collections::HashMap<&OrgCode, &hoptac_core::model::Organization> =
            snap.orgs.iter().map(|o| (&o.code, o)).collect();
        let mut years = Vec::new();
        let mut standings: BTreeMap<i32, BTreeMap<OrgCode, Standing>> = BTreeMap::new();
        let mut this_year = (Vec::new(), Vec::new());
        for y in (year - 4)..=year {
            let rows = self
                .evaluations(actor, y, scope, Some(crate::evaluation::DEFAULT_RUBRIC))
                .await?;
            let mut htx = RatingCounts::default();
            let mut tht = RatingCounts::default();
            let mut by_org = BTreeMap::new();
            for r in &rows {
                let s = htx_standing(r);
                count(&mut htx, s);
                by_org.insert(r.org.clone(), s);
            }
            let groups = tht_standings(&snap, y);
            for (o, s) in &groups {
                count(&mut tht, *s);
                by_org.insert(o.code.clone(), *s);
            }
            years.push((y, htx, tht));
            standings.insert(y, by_org);
            if y == year {
                this_year = (
                    rows,
                    groups
                        .into_iter()
                        .map(|(o, s)| (o.clone(), s))
                        .collect::<Vec<_>>(),
                );
            }
        }
        let (rows, groups) = this_year;
        let org_of = |code: &OrgCode| org_by_code.get(code).copied();
        // by the commune itself, not its name: a country has many a "Xã Tân Phú"
        let mut by_commune: BTreeMap<(String, Option<hoptac_core::model::UnitId>), SummaryRow> =
            BTreeMap::new();
        let mut by_sector: BTreeMap<Sector, SummaryRow> = BTreeMap::new();
        let row = |label: String| SummaryRow {
            label,
            htx: RatingCounts::default(),
            tht: RatingCounts::default(),
        };
        for r in &rows {
            let s = htx_standing(r);
            count(
                &mut by_commune
                    .entry((r.commune.clone(), org_of(&r.org).map(|o| o.commune)))
                    .or_insert_with(|| row(r.commune.clone()))
                    .htx,
                s,
            );
            if let Some(o) = org_of(&r.org) {
                count(
                    &mut by_sector
                        .entry(o.sector)
                        .or_insert_with(|| row(o.sector.label_vi().to_string()))
                        .htx,
                    s,
                );
            }
        }
        for (o, s) in &groups {
            let c = commune_name(o.commune);
            count(
                &mut by_commune
                    .entry((c.clone(), Some(o.commune)))
                    .or_insert_with(|| row(c))
                    .tht,
                *s,
            );
            count(
                &mut by_sector
                    .entry(o.sector)
                    .or_insert_with(|| row(o.sector.label_vi().to_string()))
                    .tht,
                *s,
            );
        }
        let mut fell = Vec::new();
        if let (Some(before), Some(now)) = (standings.get(&(year - 1)), standings.get(&year)) {
            for (code, s) in now {
                if let (Standing::Rated(to), Some(Standing::Rated(from))) = (s, before.get(code))
                    && to < from
                    && let Some(o) = org_of(code)
                {
                    fell.push(Fell {
                        org: code.clone(),
                        kind: o.kind,
                        name: o.name.clone(),
                        commune: commune_name(o.commune),
                        from: *from,
                        to: *to,
                    });
                }
            }
        }
        // a name that two communes of the scope share says which unit above each one is in
        let parents: std::collections::HashMap<_, _> =
            snap.units.iter().map(|u| (u.id, u.parent)).collect();
        let mut names: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (name, _) in by_commune.keys() {
            *names.entry(name.as_str()).or_default() += 1;
        }
        let shared: std::collections::HashSet<String> = names
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(name, _)| name.to_string())
            .collect();
        let by_commune: Vec<SummaryRow> = by_commune
            .into_iter()
            .map(|((name, id), mut r)| {
                let above = id
                    .and_then(|id| parents.get(&id).copied().flatten())
                    .map(commune_name)
                    .unwrap_or_default();
                if shared.contains(&name) && !above.is_empty() {
                    r.label = format!("{name} ({above})");
                }
                r
            })
            .collect();
        let (htx, tht) = years.last().map(|(_, h, t)| (*h, *t)).unwrap_or_default();
        Ok(EvaluationSummary {
            year,
            scope: unit.map(|u| u.name).unwrap_or_default(),
            htx,
            tht,
            by_commune,
            by_sector: by_sector.into_values().collect(),
            years,
            fell,
        })
    }
}

impl EvaluationSummary {
    /// The totals of a breakdown agree with the year's counts.
    pub fn totals(rows: &[SummaryRow]) -> (RatingCounts, RatingCounts) {
        let mut h = RatingCounts::default();
        let mut t = RatingCounts::default();
        for r in rows {
            h.merge(&r.htx);
            t.merge(&r.tht);
        }
        (h, t)
    }
}

/// The sheet is due on 15 December; the summary goes up on 18 December (TT01/2020).
pub fn summary_due(year: i32) -> hoptac_core::Date {
    sheet_due(year)
        .checked_add(time::Duration::days(3))
        .expect("date")
}

impl App {
    /// The summary as the workbook the district sends to the province by 18 December: the
    /// communes, the sectors, the cooperatives one by one, the groups, five years, who fell.
    pub async fn evaluation_summary_xlsx(
        &self,
        actor: &Actor,
        year: i32,
        scope: Option<&str>,
    ) -> Result<Vec<u8>> {
        crate::context::check_year(year)?;
        use hoptac_exchange::tables::{Cell, TableSheet, write_tables};
        let s = self.evaluation_summary(actor, year, scope).await?;
        let list = self
            .evaluations(actor, year, scope, Some(crate::evaluation::DEFAULT_RUBRIC))
            .await?;
        let int = |n: usize| Cell::Int(n as i64);
        let pct = |v: Option<Fixed>| v.map(Cell::Pct).unwrap_or(Cell::Empty);
        let where_ = if s.scope.is_empty() {
            String::new()
        } else {
            format!("{} — ", s.scope)
        };
        let subtitle = format!(
            "{where_}Thông tư 01/2020/TT-BKHĐT: HTX gửi phiếu trước 15/12, huyện tổng hợp gửi tỉnh trước {}; số liệu từ hoptac ngày {}",
            hoptac_core::date::to_vi(summary_due(year)),
            hoptac_core::date::to_vi(crate::context::today())
        );
        let counts = |c: &RatingCounts| {
            vec![
                int(c.total()),
                int(c.tot),
                int(c.kha),
                int(c.trung_binh),
                int(c.yeu),
                int(c.not_rated),
                int(c.pending),
                pct(c.kha_or_better_pct()),
            ]
        };
        let heads = |first: &str| -> Vec<String> {
            [
                first,
                "Tổng số",
                "Tốt",
                "Khá",
                "Trung bình",
                "Yếu",
                "Không xếp loại",
                "Chưa hoàn thành",
                "Tỷ lệ khá, tốt (%)",
            ]
            .map(String::from)
            .to_vec()
        };
        let breakdown =
            |rows: &[SummaryRow], pick: fn(&SummaryRow) -> &RatingCounts, total: &RatingCounts| {
                let mut out: Vec<Vec<Cell>> = rows
                    .iter()
                    .filter(|r| pick(r).total() > 0)
                    .map(|r| {
                        let mut v = vec![Cell::Text(r.label.clone())];
                        v.extend(counts(pick(r)));
                        v
                    })
                    .collect();
                let mut t = vec![Cell::Text("Tổng cộng".into())];
                t.extend(counts(total));
                out.push(t);
                out
            };
        fn htx_of(r: &SummaryRow) -> &RatingCounts {
            &r.htx
        }
        fn tht_of(r: &SummaryRow) -> &RatingCounts {
            &r.tht
        }
        let mut sheets = vec![
            TableSheet {
                name: "HTX theo xã".into(),
                title: format!("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI HỢP TÁC XÃ NĂM {year}"),
                subtitle: subtitle.clone(),
                headers: heads("Xã"),
                rows: breakdown(&s.by_commune, htx_of, &s.htx),
                total_row: true,
            },
            TableSheet {
                name: "HTX theo lĩnh vực".into(),
                title: format!("KẾT QUẢ XẾP LOẠI HỢP TÁC XÃ NĂM {year} THEO LĨNH VỰC"),
                subtitle: subtitle.clone(),
                headers: heads("Lĩnh vực"),
                rows: breakdown(&s.by_sector, htx_of, &s.htx),
                total_row: true,
            },
        ];
        sheets.push(TableSheet {
            name: "Danh sách HTX".into(),
            title: format!("DANH SÁCH HỢP TÁC XÃ VÀ KẾT QUẢ XẾP LOẠI NĂM {year}"),
            subtitle: subtitle.clone(),
            headers: [
                "Mã",
                "Tên",
                "Xã",
                "Tổng điểm",
                "Xếp loại",
                "Trạng thái",
                "Ngày nộp phiếu",
                "Ghi chú",
            ]
            .map(String::from)
            .to_vec(),
            rows: list
                .iter()
                .map(|r| {
                    let rating = match (htx_standing(r), r.rating) {
                        (Standing::Rated(x), _) => x.label_vi().to_string(),
                        (_, Some(RatingOutcome::Unknown)) => "chưa xác định".into(),
                        _ => String::new(),
                    };
                    let note = match (&r.excluded, r.late) {
                        (Some(why), _) => format!("Không xếp loại: {}", why.vi()),
                        (None, true) => "Nộp phiếu trễ hạn".into(),
                        _ => String::new(),
                    };
                    vec![
                        Cell::Text(r.org.to_string()),
                        Cell::Text(r.name.clone()),
                        Cell::Text(r.commune.clone()),
                        r.total.map(Cell::Number).unwrap_or(Cell::Empty),
                        Cell::Text(rating),
                        Cell::Text(
                            r.state
                                .map(|s| s.label_vi().to_string())
                                .unwrap_or("chưa có phiếu".into()),
                        ),
                        Cell::Text(
                            r.submitted_on
                                .map(hoptac_core::date::to_vi)
                                .unwrap_or_default(),
                        ),
                        Cell::Text(note),
                    ]
                })
                .collect(),
            total_row: false,
        });
        sheets.push(TableSheet {
            name: "THT theo xã".into(),
            title: format!("KẾT QUẢ XẾP LOẠI TỔ HỢP TÁC NĂM {year}"),
            subtitle: format!("{where_}xếp loại do địa phương đánh giá, nhập cùng số liệu năm"),
            headers: heads("Xã"),
            rows: breakdown(&s.by_commune, tht_of, &s.tht),
            total_row: true,
        });
        sheets.push(TableSheet {
            name: "Qua các năm".into(),
            title: format!("KẾT QUẢ XẾP LOẠI {} – {year}", year - 4),
            subtitle: format!("{where_}HTX: phiếu đã duyệt; THT: xếp loại đã nhập"),
            headers: [
                "Năm",
                "HTX tốt",
                "HTX khá",
                "HTX trung bình",
                "HTX yếu",
                "HTX tỷ lệ khá, tốt (%)",
                "THT tốt",
                "THT khá",
                "THT trung bình",
                "THT yếu",
                "THT tỷ lệ khá, tốt (%)",
            ]
            .map(String::from)
            .to_vec(),
            rows: s
                .years
                .iter()
                .map(|(y, h, t)| {
                    vec![
                        Cell::Int(*y as i64),
                        int(h.tot),
                        int(h.kha),
                        int(h.trung_binh),
                        int(h.yeu),
                        pct(h.kha_or_better_pct()),
                        int(t.tot),
                        int(t.kha),
                        int(t.trung_binh),
                        int(t.yeu),
                        pct(t.kha_or_better_pct()),
                    ]
                })
                .collect(),
            total_row: false,
        });
        sheets.push(TableSheet {
            name: "Giảm hạng".into(),
            title: format!("TỔ CHỨC XẾP LOẠI THẤP HƠN NĂM {}", year - 1),
            subtitle: where_.trim_end_matches(" — ").to_string(),
            headers: ["Mã", "Tên", "Xã", "Năm trước", "Năm nay"]
                .map(String::from)
                .to_vec(),
            rows: s
                .fell
                .iter()
                .map(|f| {
                    vec![
                        Cell::Text(f.org.to_string()),
                        Cell::Text(f.name.clone()),
                        Cell::Text(f.commune.clone()),
                        Cell::Text(f.from.label_vi().into()),
                        Cell::Text(f.to.label_vi().into()),
                    ]
                })
                .collect(),
            total_row: false,
        });
        write_tables(&sheets).map_err(|x| crate::error::AppError::internal(format!("xlsx: {x}")))
    }
}
