//! Sheets of cells to core values, with every problem located.

use crate::Problem;
use crate::cells::{Cell, CellIssue};
use crate::columns::{Column, Table};
use crate::read::{RawBook, RawSheet};
use hoptac_core::model::{AnnualReport, Manager, ReportFigures};
use hoptac_core::plan::{Comparator, Plan, Target};
use hoptac_core::spec::IndicatorRecord;
use hoptac_core::types::*;
use hoptac_core::validate::Severity;
use hoptac_core::{Date, Fixed, Msg};
use std::collections::{BTreeSet, HashMap};

/// A value and the row it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub sheet: String,
    pub row: u32,
    pub value: T,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInput {
    pub code: String,
    pub name: String,
    pub level: AdminLevel,
    pub parent_code: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
}

/// An organisation whose commune is still a reference (code or name) to resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgInput {
    pub code: OrgCode,
    pub kind: OrgKind,
    pub name: String,
    pub sector: Sector,
    pub commune: String,
    pub founded_on: Date,
    pub dissolved_on: Option<Date>,
    pub registration_no: Option<String>,
    /// `None` when the sheet has no such column (the stored list is kept).
    pub registered_services: Option<BTreeSet<Service>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub units: Vec<Located<UnitInput>>,
    pub orgs: Vec<Located<OrgInput>>,
    pub reports: Vec<Located<AnnualReport>>,
    pub managers: Vec<Located<Manager>>,
    pub indicators: Vec<Located<IndicatorRecord>>,
    pub plans: Vec<Located<Plan>>,
    /// (plan code, target)
    pub targets: Vec<Located<(String, Target)>>,
    pub problems: Vec<Problem>,
    /// The columns each table's sheet had: a column left out keeps the stored values.
    pub columns: HashMap<&'static str, std::collections::BTreeSet<&'static str>>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.is_error())
    }
}

/// The columns of one sheet, found in its header row.
struct Layout {
    sheet: String,
    header_row: u32,
    cols: HashMap<&'static str, (usize, String)>,
}

/// Reads a row's cells by column key, collecting located problems.
struct RowReader<'a> {
    layout: &'a Layout,
    row: u32,
    cells: &'a [Cell],
    problems: &'a mut Vec<Problem>,
    failed: bool,
}

static EMPTY: Cell = Cell::Empty;

impl<'a> RowReader<'a> {
    fn new(
        layout: &'a Layout,
        row: u32,
        cells: &'a [Cell],
        problems: &'a mut Vec<Problem>,
    ) -> Self {
        RowReader {
            layout,
            row,
            cells,
            problems,
            failed: false,
        }
    }

    fn cell(&self, key: &str) -> &Cell {
        self.layout
            .cols
            .get(key)
            .and_then(|(i, _)| self.cells.get(*i))
            .unwrap_or(&EMPTY)
    }

    fn header(&self, key: &str) -> String {
        self.layout
            .cols
            .get(key)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| key.to_string())
    }

    fn push(&mut self, severity: Severity, key: &str, value: String, msg: Msg) {
        if severity == Severity::Error {
            self.failed = true;
        }
        let key = self
            .layout
            .cols
            .get_key_value(key)
            .map(|(k, _)| *k)
            .or_else(|| {
                crate::columns::TABLES
                    .iter()
                    .flat_map(|t| t.columns)
                    .map(|c| c.key)
                    .find(|k| *k == key)
            });
        self.problems.push(Problem {
            severity,
            sheet: self.layout.sheet.clone(),
            row: Some(self.row),
            column: Some(self.header(key.unwrap_or_default())),
            key,
            value,
            msg,
        });
    }

    fn issue(&mut self, key: &str, i: CellIssue) {
        let v = self.cell(key).shown();
        let sev = if i.warning {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.push(
            sev,
            key,
            v,
            Msg::new(
                format!("Cần {}", i.expected_vi),
                format!("Expected {}", i.expected_en),
            ),
        );
    }

    fn required<T>(&mut self, key: &str, v: Option<T>) -> Option<T> {
        if v.is_none() && !self.failed_on(key) {
            self.push(
                Severity::Error,
                key,
                String::new(),
                Msg::new("Thiếu giá trị bắt buộc", "A required value is missing"),
            );
        }
        v
    }

    fn failed_on(&self, key: &str) -> bool {
        let h = self.header(key);
        self.problems.iter().any(|p| {
            p.row == Some(self.row)
                && p.sheet == self.layout.sheet
                && p.column.as_deref() == Some(h.as_str())
        })
    }

    fn text(&mut self, key: &str) -> Option<String> {
        self.cell(key).text()
    }

    fn date(&mut self, key: &str) -> Option<Date> {
        match self.cell(key).date() {
            Ok(v) => v,
            Err(i) => {
                self.issue(key, i);
                None
            }
        }
    }

    fn ambiguous(&mut self, key: &str, value: Fixed) {
        let shown = self.cell(key).shown();
        self.push(
            Severity::Warning,
            key,
            shown.clone(),
            Msg::new(
                format!(
                    "Dấu phân cách không rõ: \"{shown}\" được đọc theo kiểu Việt Nam là {}",
                    value.format_vi(6, false)
                ),
                format!("Ambiguous separators: \"{shown}\" was read the Vietnamese way as {value}"),
            ),
        );
    }

    fn integer(&mut self, key: &str) -> Option<i64> {
        match self.cell(key).integer() {
            Ok(Some((v, amb))) => {
                if amb {
                    self.ambiguous(key, Fixed::from_int(v));
                }
                Some(v)
            }
            Ok(None) => None,
            Err(i) => {
                self.issue(key, i);
                None
            }
        }
    }

    fn money(&mut self, key: &str) -> Option<Fixed> {
        match self.cell(key).number() {
            Ok(Some((v, amb))) => {
                if amb {
                    self.ambiguous(key, v);
                }
                Some(v)
            }
            Ok(None) => None,
            Err(i) => {
                self.issue(key, i);
                None
            }
        }
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        match self.cell(key).boolean() {
            Ok(v) => v,
            Err(i) => {
                self.issue(key, i);
                None
            }
        }
    }

    fn enumerated<T: Enumerated>(&mut self, key: &str) -> Option<T> {
        let s = self.text(key)?;
        match T::parse(&s) {
            Some(v) => Some(v),
            None => {
                self.push(
                    Severity::Error,
                    key,
                    s.clone(),
                    Msg::new(
                        format!(
                            "Giá trị không hợp lệ \"{s}\"; cần một trong: {}",
                            T::expected()
                        ),
                        format!("Unknown value \"{s}\"; expected one of: {}", T::expected()),
                    ),
                );
                None
            }
        }
    }

    fn services(&mut self, key: &str) -> BTreeSet<Service> {
        let Some(s) = self.text(key) else {
            return BTreeSet::new();
        };
        let mut out = BTreeSet::new();
        for part in s
            .split([';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match Service::parse(part) {
                Some(v) => {
                    out.insert(v);
                }
                None => self.push(
                    Severity::Error,
                    key,
                    part.to_string(),
                    Msg::new(
                        format!("Dịch vụ không hợp lệ \"{part}\" (các dịch vụ cách nhau bởi dấu ;); cần một trong: {}", Service::expected_list()),
                        format!("Unknown service \"{part}\" (separate services with ;); expected one of: {}", Service::expected_list()),
                    ),
                ),
            }
        }
        out
    }
}

trait ExpectedList {
    fn expected_list() -> String;
}
impl ExpectedList for Service {
    fn expected_list() -> String {
        <Service as Enumerated>::expected()
    }
}

/// Finds the header row (a title may sit above it) and maps the columns.
fn layout(sheet: &RawSheet, table: &Table, problems: &mut Vec<Problem>) -> Option<Layout> {
    let candidates = sheet.rows.iter().take(10);
    let (header_row, cells) = candidates
        .map(|(n, cells)| {
            (
                n,
                cells,
                cells
                    .iter()
                    .filter(|c| c.text().is_some_and(|t| table.column_for(&t).is_some()))
                    .count(),
            )
        })
        .filter(|(_, _, k)| *k > 0)
        .max_by_key(|(n, _, k)| (*k, std::cmp::Reverse(**n)))
        .map(|(n, cells, _)| (*n, cells))?;
    let mut cols: HashMap<&'static str, (usize, String)> = HashMap::new();
    let mut ok = true;
    for (i, c) in cells.iter().enumerate() {
        let Some(h) = c.text() else { continue };
        match table.column_for(&h) {
            Some(col) => {
                if let Some((_, first)) = cols.get(col.key) {
                    ok = false;
                    problems.push(Problem {
                        severity: Severity::Error,
                        sheet: sheet.name.clone(),
                        row: Some(header_row),
                        column: Some(h.clone()),
                        key: Some(col.key),
                        value: h.clone(),
                        msg: Msg::new(
                            format!(
                                "Cột \"{h}\" trùng với cột \"{first}\" (cùng là {})",
                                col.key
                            ),
                            format!(
                                "Column \"{h}\" duplicates column \"{first}\" (both are {})",
                                col.key
                            ),
                        ),
                    });
                } else {
                    cols.insert(col.key, (i, h));
                }
            }
            None => problems.push(Problem {
                severity: Severity::Warning,
                sheet: sheet.name.clone(),
                row: Some(header_row),
                column: Some(h.clone()),
                key: None,
                value: h.clone(),
                msg: Msg::new(
                    format!("Cột \"{h}\" không thuộc mẫu trao đổi dữ liệu nên không được nhập"),
                    format!(
                        "Column \"{h}\" is not part of the data exchange format and is not imported"
                    ),
                ),
            }),
        }
    }
    for c in table
        .columns
        .iter()
        .filter(|c| c.required && !cols.contains_key(c.key))
    {
        ok = false;
        problems.push(missing_column(&sheet.name, header_row, c));
    }
    ok.then(|| Layout {
        sheet: sheet.name.clone(),
        header_row,
        cols,
    })
}

fn missing_column(sheet: &str, header_row: u32, c: &Column) -> Problem {
    Problem {
        severity: Severity::Error,
        sheet: sheet.to_string(),
        row: Some(header_row),
        column: Some(c.vi.to_string()),
        key: Some(c.key),
        value: String::new(),
        msg: Msg::new(
            format!("Thiếu cột bắt buộc \"{}\" (khóa {})", c.vi, c.key),
            format!(
                "The required column \"{}\" (key {}) is missing",
                c.vi, c.key
            ),
        ),
    }
}

fn rows<'a>(sheet: &'a RawSheet, l: &Layout) -> impl Iterator<Item = &'a (u32, Vec<Cell>)> {
    let h = l.header_row;
    sheet
        .rows
        .iter()
        .filter(move |(n, cells)| *n > h && cells.iter().any(|c| !c.is_empty()))
}

/// Remembers the first row of each key to report duplicates.
fn duplicate(
    seen: &mut HashMap<String, u32>,
    key: String,
    row: u32,
    sheet: &str,
    column: &str,
    problems: &mut Vec<Problem>,
) -> bool {
    if let Some(first) = seen.get(&key) {
        problems.push(Problem {
            severity: Severity::Error,
            sheet: sheet.to_string(),
            row: Some(row),
            column: Some(column.to_string()),
            key: None,
            value: key.clone(),
            msg: Msg::new(
                format!("Trùng khóa \"{key}\": đã có ở dòng {first}"),
                format!("Duplicate key \"{key}\": already on row {first}"),
            ),
        });
        true
    } else {
        seen.insert(key, row);
        false
    }
}

pub fn parse_book(book: &RawBook) -> Parsed {
    let mut out = Parsed::default();
    let mut seen_tables: HashMap<&'static str, String> = HashMap::new();
    for sheet in &book.sheets {
        let Some(table) = Table::by_name(&sheet.name) else {
            if sheet
                .rows
                .iter()
                .any(|(_, c)| c.iter().any(|x| !x.is_empty()))
            {
                out.problems.push(Problem {
                    severity: Severity::Warning,
                    sheet: sheet.name.clone(),
                    row: None,
                    column: None,
                    key: None,
                    value: sheet.name.clone(),
                    msg: Msg::new(
                        "Trang tính không thuộc mẫu trao đổi dữ liệu nên không được nhập (tên hợp lệ: admin_units, organizations, annual_reports, managers hoặc tên tiếng Việt)",
                        "Sheet is not part of the data exchange format and is not imported (valid names: admin_units, organizations, annual_reports, managers or their Vietnamese names)",
                    ),
                });
            }
            continue;
        };
        if let Some(first) = seen_tables.insert(table.key, sheet.name.clone()) {
            out.problems.push(Problem {
                severity: Severity::Error,
                sheet: sheet.name.clone(),
                row: None,
                column: None,
                key: None,
                value: sheet.name.clone(),
                msg: Msg::new(
                    format!(
                        "Bảng {} xuất hiện hai lần (đã có trang \"{first}\")",
                        table.key
                    ),
                    format!(
                        "Table {} appears twice (already sheet \"{first}\")",
                        table.key
                    ),
                ),
            });
            continue;
        }
        let Some(l) = layout(sheet, &table, &mut out.problems) else {
            if !out
                .problems
                .iter()
                .any(|p| p.sheet == sheet.name && p.is_error())
            {
                for c in table.columns.iter().filter(|c| c.required) {
                    out.problems.push(missing_column(&sheet.name, 1, c));
                }
            }
            continue;
        };
        out.columns
            .insert(table.key, l.cols.keys().copied().collect());
        match table.key {
            "admin_units" => parse_units(sheet, &l, &mut out),
            "organizations" => parse_orgs(sheet, &l, &mut out),
            "annual_reports" => parse_reports(sheet, &l, &mut out),
            "managers" => parse_managers(sheet, &l, &mut out),
            "indicators" => parse_indicators(sheet, &l, &mut out),
            "plans" => parse_plans(sheet, &l, &mut out),
            _ => parse_targets(sheet, &l, &mut out),
        }
    }
    out
}

fn parse_units(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let name = r.text("name");
        let name = r.required("name", name);
        let level = r.enumerated::<AdminLevel>("level");
        let level = r.required("level", level);
        let parent_code = r.text("parent_code");
        let valid_from = r.date("valid_from");
        let valid_to = r.date("valid_to");
        if let (Some(f), Some(t)) = (valid_from, valid_to)
            && t < f
        {
            let shown = r.cell("valid_to").shown();
            r.push(
                Severity::Error,
                "valid_to",
                shown,
                Msg::new(
                    "Ngày hết hiệu lực trước ngày có hiệu lực",
                    "Valid-to date is before the valid-from date",
                ),
            );
        }
        let failed = r.failed;
        if let (Some(code), Some(name), Some(level), false) = (code, name, level, failed) {
            let key = format!(
                "{code}@{}",
                valid_from
                    .map(hoptac_core::date::to_iso)
                    .unwrap_or_default()
            );
            let col = l.cols.get("code").map(|c| c.1.clone()).unwrap_or_default();
            if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
                out.units.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: UnitInput {
                        code,
                        name,
                        level,
                        parent_code,
                        valid_from,
                        valid_to,
                    },
                });
            }
        }
    }
}

fn parse_orgs(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code_text = r.text("code");
        let code = match code_text.as_deref().map(|c| (c, OrgCode::parse(c))) {
            Some((_, Some(c))) => Some(c),
            Some((c, None)) => {
                r.push(
                    Severity::Error,
                    "code",
                    c.to_string(),
                    Msg::new(
                        "Mã không hợp lệ (tối đa 40 ký tự, không chứa / ? #)",
                        "Invalid code (at most 40 characters, no / ? #)",
                    ),
                );
                None
            }
            None => r.required("code", None),
        };
        let kind = r.enumerated::<OrgKind>("kind");
        let kind = r.required("kind", kind);
        let name = r.text("name");
        let name = r.required("name", name);
        let sector = r.enumerated::<Sector>("sector");
        let sector = r.required("sector", sector);
        let commune = r.text("commune");
        let commune = r.required("commune", commune);
        let founded_on = r.date("founded_on");
        let founded_on = r.required("founded_on", founded_on);
        let dissolved_on = r.date("dissolved_on");
        let registration_no = r.text("registration_no");
        let registered_services = l
            .cols
            .contains_key("registered_services")
            .then(|| r.services("registered_services"));
        let failed = r.failed;
        if let (
            Some(code),
            Some(kind),
            Some(name),
            Some(sector),
            Some(commune),
            Some(founded_on),
            false,
        ) = (code, kind, name, sector, commune, founded_on, failed)
        {
            let col = l.cols.get("code").map(|c| c.1.clone()).unwrap_or_default();
            if !duplicate(
                &mut seen,
                code.to_string(),
                *n,
                &sheet.name,
                &col,
                &mut out.problems,
            ) {
                out.orgs.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: OrgInput {
                        code,
                        kind,
                        name,
                        sector,
                        commune,
                        founded_on,
                        dissolved_on,
                        registration_no,
                        registered_services,
                    },
                });
            }
        }
    }
}

fn parse_reports(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code_text = r.text("org_code");
        let code = code_text.as_deref().and_then(OrgCode::parse);
        let code = r.required("org_code", code);
        let year_v = r.integer("year");
        let year = match year_v {
            Some(y) => match Year::new(y as i32) {
                Some(y) => Some(y),
                None => {
                    r.push(
                        Severity::Error,
                        "year",
                        y.to_string(),
                        Msg::new(
                            "Năm phải trong khoảng 1900–2200",
                            "The year must be within 1900–2200",
                        ),
                    );
                    None
                }
            },
            None => r.required("year", None),
        };
        let figures = ReportFigures {
            members: r.integer("members"),
            members_joined: r.integer("members_joined"),
            members_left: r.integer("members_left"),
            workers: r.integer("workers"),
            revenue: r.money("revenue"),
            profit: r.money("profit"),
            member_income: r.money("member_income"),
            worker_income: r.money("worker_income"),
            services: r.services("services"),
            rating: r.enumerated::<Rating>("rating"),
            general_meeting_on: r.date("general_meeting_on"),
            statements_filed: r.boolean("statements_filed"),
            received_on: r.date("received_on"),
            statements_filed_on: r.date("statements_filed_on"),
            self_assessment_sent_on: r.date("self_assessment_sent_on"),
            rating_basis: r.text("rating_basis"),
        };
        let failed = r.failed;
        if let (Some(org), Some(year), false) = (code, year, failed) {
            let col = l
                .cols
                .get("org_code")
                .map(|c| c.1.clone())
                .unwrap_or_default();
            if !duplicate(
                &mut seen,
                format!("{org} / {year}"),
                *n,
                &sheet.name,
                &col,
                &mut out.problems,
            ) {
                out.reports.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: AnnualReport { org, year, figures },
                });
            }
        }
    }
}

fn parse_managers(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code_text = r.text("org_code");
        let code = code_text.as_deref().and_then(OrgCode::parse);
        let code = r.required("org_code", code);
        let name = r.text("full_name");
        let full_name = r.required("full_name", name);
        let role = r.enumerated::<Role>("role");
        let role = r.required("role", role);
        let qualification = r.enumerated::<Qualification>("qualification");
        let trained_on = r.date("trained_on");
        let from = r.date("from");
        let to = r.date("to");
        let failed = r.failed;
        if let (Some(org), Some(full_name), Some(role), false) = (code, full_name, role, failed) {
            let key = format!(
                "{org} / {full_name} / {} / {}",
                role.code(),
                from.map(hoptac_core::date::to_iso).unwrap_or_default()
            );
            let col = l
                .cols
                .get("full_name")
                .map(|c| c.1.clone())
                .unwrap_or_default();
            if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
                out.managers.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: Manager {
                        org,
                        full_name,
                        role,
                        qualification,
                        trained_on,
                        from,
                        to,
                    },
                });
            }
        }
    }
}

fn col_header(l: &Layout, key: &str) -> String {
    l.cols.get(key).map(|c| c.1.clone()).unwrap_or_default()
}

fn parse_indicators(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let id = r.text("id");
        let id = r.required("id", id);
        let label_vi = r.text("label_vi");
        let label_vi = r.required("label_vi", label_vi);
        let label_en = r.text("label_en").unwrap_or_default();
        let definition = r.text("definition");
        let definition = r.required("definition", definition);
        let description = r.text("description").unwrap_or_default();
        if let (Some(id), Some(label_vi), Some(definition)) = (&id, &label_vi, &definition)
            && let Err(msg) = hoptac_core::spec::parse(id, label_vi, &label_en, definition)
        {
            r.push(Severity::Error, "definition", definition.clone(), msg);
        }
        let failed = r.failed;
        if let (Some(id), Some(label_vi), Some(definition), false) =
            (id, label_vi, definition, failed)
            && !duplicate(
                &mut seen,
                id.clone(),
                *n,
                &sheet.name,
                &col_header(l, "id"),
                &mut out.problems,
            )
        {
            out.indicators.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: IndicatorRecord {
                    id,
                    label_vi,
                    label_en,
                    definition,
                    description,
                },
            });
        }
    }
}

fn year_of(r: &mut RowReader<'_>, key: &str) -> Option<i32> {
    let v = r.integer(key)?;
    match hoptac_core::Year::new(v as i32) {
        Some(y) => Some(y.get()),
        None => {
            r.push(
                Severity::Error,
                key,
                v.to_string(),
                Msg::new(
                    "Năm phải trong khoảng 1900–2200",
                    "The year must be within 1900–2200",
                ),
            );
            None
        }
    }
}

fn parse_plans(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let title = r.text("title");
        let title = r.required("title", title);
        let issuer = r.text("issuer").unwrap_or_default();
        let doc_no = r.text("doc_no").unwrap_or_default();
        let doc_date = r.date("doc_date");
        let from = year_of(&mut r, "from");
        let from = r.required("from", from);
        let to = year_of(&mut r, "to");
        let to = r.required("to", to);
        let baseline_year = year_of(&mut r, "baseline_year");
        let baseline_year = r.required("baseline_year", baseline_year);
        let scope = r.text("scope");
        let scope = r.required("scope", scope);
        let failed = r.failed;
        if let (
            Some(code),
            Some(title),
            Some(from),
            Some(to),
            Some(baseline_year),
            Some(scope),
            false,
        ) = (code, title, from, to, baseline_year, scope, failed)
            && !duplicate(
                &mut seen,
                code.clone(),
                *n,
                &sheet.name,
                &col_header(l, "code"),
                &mut out.problems,
            )
        {
            out.plans.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: Plan {
                    code,
                    title,
                    issuer,
                    doc_no,
                    doc_date,
                    from,
                    to,
                    baseline_year,
                    scope,
                    targets: vec![],
                },
            });
        }
    }
}

/// "2022: 115; 2023: 130" → [(2022, 115), (2023, 130)]
fn milestones(r: &mut RowReader<'_>, key: &str) -> Vec<(i32, Fixed)> {
    let Some(text) = r.text(key) else {
        return vec![];
    };
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let parsed = part.split_once(':').and_then(|(y, v)| {
            let y: i32 = y.trim().parse().ok()?;
            let v = hoptac_core::parse::parse_number(v)?.value;
            Some((y, v))
        });
        match parsed {
            Some(m) => out.push(m),
            None => r.push(
                Severity::Error,
                key,
                part.to_string(),
                Msg::new(format!("Mốc lộ trình \"{part}\" không hợp lệ; cần dạng năm: giá trị; … (ví dụ 2023: 50; 2025: 70)"), format!("Invalid milestone \"{part}\"; expected year: value; … (e.g. 2023: 50; 2025: 70)")),
            ),
        }
    }
    out
}

fn parse_targets(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let plan = r.text("plan_code");
        let plan = r.required("plan_code", plan);
        let no = r.text("no");
        let no = r.required("no", no);
        let wording = r.text("wording");
        let wording = r.required("wording", wording);
        let indicator = r.text("indicator");
        let indicator = r.required("indicator", indicator);
        let comparator = match r.text("comparator") {
            None => r.required("comparator", None),
            Some(c) => match Comparator::parse(&c) {
                Some(c) => Some(c),
                None => {
                    r.push(Severity::Error, "comparator", c.clone(), Msg::new(format!("So sánh \"{c}\" không hợp lệ; cần >=, >, <=, <, = hoặc range (trở lên, trên, trở xuống, dưới, bằng, khoảng)"), format!("Invalid comparator \"{c}\"; expected >=, >, <=, <, = or range")));
                    None
                }
            },
        };
        let value = r.money("value");
        let value = r.required("value", value);
        let value_hi = r.money("value_hi");
        let baseline_indicator = r.text("baseline_indicator");
        let milestones = milestones(&mut r, "milestones");
        let note = r.text("note").unwrap_or_default();
        let failed = r.failed;
        if let (
            Some(plan),
            Some(no),
            Some(wording),
            Some(indicator),
            Some(comparator),
            Some(value),
            false,
        ) = (plan, no, wording, indicator, comparator, value, failed)
            && !duplicate(
                &mut seen,
                format!("{plan} / {no}"),
                *n,
                &sheet.name,
                &col_header(l, "no"),
                &mut out.problems,
            )
        {
            let t = Target {
                no,
                wording,
                indicator,
                comparator,
                value,
                value_hi,
                baseline_indicator,
                milestones,
                note,
            };
            out.targets.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: (plan, t),
            });
        }
    }
}
