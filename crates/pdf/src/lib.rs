//! An administrative text as a PDF in the Decree 30/2020 layout, typeset by typst as a
//! library. The font is Liberation Serif (SIL OFL 1.1, metric-compatible with Times New
//! Roman, with the Vietnamese glyphs), shipped in `fonts/` and embedded in every PDF, so the
//! result does not depend on the fonts of the machine.
//!
//! Every piece of text reaches typst as a string literal (`#"…"`), never as markup, so a
//! name with `*`, `#` or `//` in it prints as written.

use hoptac_core::official::OfficialDoc;
use hoptac_core::report::Inline;
use hoptac_documents::render::{RenderError, Renderer};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The family every text is set in.
pub const FONT_FAMILY: &str = "Liberation Serif";

const FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Why a PDF could not be made (a fault of the program, not of the user's data).
#[derive(Debug)]
pub struct PdfError(pub String);

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PdfError {}

/// A string literal of typst's code mode.
fn lit(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '"' => o.push_str("\\\""),
            '\n' => o.push_str("\\n"),
            '\r' => {}
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Text in markup: the literal, inserted with `#`.
fn t(s: &str) -> String {
    format!("#{}", lit(s))
}

/// The typst source of the document.
pub fn source(d: &OfficialDoc) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "#set document(title: {})\n",
        lit(&format!("{} {}", d.kind.name_upper(), d.body.title))
    ));
    // A4; margins 20/20/30/15 mm; page number centred in the header from page 2
    s.push_str("#set page(paper: \"a4\", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm), header: context { if counter(page).get().first() > 1 { align(center, text(size: 13pt, counter(page).display())) } })\n");
    s.push_str(&format!(
        "#set text(font: {}, size: 14pt, lang: \"vi\")\n",
        lit(FONT_FAMILY)
    ));
    s.push_str("#set par(justify: true, first-line-indent: (amount: 1cm, all: true), spacing: 6pt, leading: 0.6em)\n");
    // header blocks: the issuing body (left), the national title and motto (right)
    let mut left = String::new();
    if !d.issuer.parent_body.trim().is_empty() {
        left.push_str(&format!(
            "#text(size: 13pt, {}) \\\n",
            lit(&d.issuer.parent_body.trim().to_uppercase())
        ));
    }
    left.push_str(&format!(
        "#text(size: 13pt, weight: \"bold\", {})\n#v(2pt)\n#line(length: 35%, stroke: 0.5pt)\n#v(2pt)\n#text(size: 13pt, {})",
        lit(&d.body_name()),
        // the blank the clerk fills in by hand: spaces that typst does not collapse
        lit(&d.number_line().replace("  ", "\u{a0}\u{a0}"))
    ));
    let right = format!(
        "#text(size: 13pt, weight: \"bold\", {}) \\\n#text(weight: \"bold\", {})\n#v(2pt)\n#line(length: 55%, stroke: 0.5pt)\n#v(6pt)\n#text(style: \"italic\", {})",
        lit("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        lit("Độc lập - Tự do - Hạnh phúc"),
        lit(&d.date_line())
    );
    s.push_str(&format!(
        "#grid(columns: (2fr, 3fr), align: center + top, [#set par(first-line-indent: 0pt, justify: false, spacing: 4pt)\n{left}], [#set par(first-line-indent: 0pt, justify: false, spacing: 4pt)\n{right}])\n\n"
    ));
    // type and summary
    s.push_str(&format!(
        "#v(12pt)\n#align(center)[#set par(first-line-indent: 0pt, justify: false)\n#text(weight: \"bold\", {}) \\\n#text(weight: \"bold\", {})",
        lit(d.kind.name_upper()),
        lit(&d.body.title)
    ));
    if !d.body.subtitle.trim().is_empty() {
        s.push_str(&format!(
            " \\\n#text(style: \"italic\", {})",
            lit(&d.body.subtitle)
        ));
    }
    s.push_str("\n#v(2pt)\n#line(length: 30%, stroke: 0.5pt)]\n\n");
    // body
    let mut cited = std::collections::BTreeSet::new();
    for sec in &d.body.sections {
        s.push_str(&format!(
            "#par[#text(weight: \"bold\", {})]\n\n",
            lit(&sec.heading)
        ));
        for p in &sec.paragraphs {
            let mut line = t("- ");
            for i in &p.0 {
                match i {
                    Inline::Text(x) | Inline::Figure { text: x, .. } => line.push_str(&t(x)),
                    // a note cited again refers to the first citation's footnote
                    Inline::Note(n) if !cited.insert(*n) => {
                        line.push_str(&format!("#footnote(<note{n}>)"))
                    }
                    Inline::Note(n) => {
                        let note = d.body.footnotes.get(n - 1).cloned().unwrap_or_default();
                        line.push_str(&format!("#footnote[{}] <note{n}>", t(&note)));
                    }
                }
            }
            s.push_str(&format!("#par[{line}]\n\n"));
        }
    }
    // tables: caption, a header row repeated on every page, numbers to the right
    for tb in &d.tables {
        let cols = tb.headers.len().max(1);
        s.push_str(&format!(
            "#align(center)[#text(weight: \"bold\", {})]\n",
            lit(&tb.caption)
        ));
        let numeric = |c: &str| {
            let x = c.trim().trim_start_matches(['-', '+']);
            x.chars().next().is_some_and(|ch| ch.is_ascii_digit())
                && x.chars()
                    .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '%' | ' '))
        };
        let mut cells = Vec::new();
        for row in &tb.rows {
            for (i, c) in row.iter().enumerate() {
                let align = if i > 0 && numeric(c) { "right" } else { "left" };
                cells.push(format!("table.cell(align: {align}, {})", lit(c)));
            }
        }
        s.push_str(&format!(
            "#[#set par(first-line-indent: 0pt, justify: false)\n#set text(size: 12pt)\n#table(columns: (2fr,) + (1fr,) * {}, stroke: 0.5pt, inset: 4pt, table.header({}), {})]\n\n",
            cols - 1,
            tb.headers
                .iter()
                .map(|h| format!("table.cell(align: center, text(weight: \"bold\", {}))", lit(h)))
                .collect::<Vec<_>>()
                .join(", "),
            cells.join(", ")
        ));
    }
    // charts: the same SVG as the pages, embedded as vector graphics
    for f in &d.figures {
        s.push_str(&format!(
            "#figure(image(bytes({}), format: \"svg\", width: 80%), caption: [{}], supplement: none, numbering: none)\n\n",
            lit(&f.svg),
            t(&f.caption)
        ));
    }
    // recipients (12 pt heading, 11 pt lines) and the signature block
    let recipients: Vec<String> = d
        .recipients()
        .iter()
        .map(|r| format!("#text(size: 11pt, {})", lit(&format!("- {r}"))))
        .collect();
    let (authority, title, name) = d.signer();
    let mut sign = String::new();
    if !authority.is_empty() {
        sign.push_str(&format!(
            "#text(weight: \"bold\", {}) \\\n",
            lit(&authority)
        ));
    }
    sign.push_str(&format!(
        "#text(weight: \"bold\", {})\n#v(60pt)\n#text(weight: \"bold\", {})",
        lit(&title),
        lit(&name)
    ));
    s.push_str(&format!(
        "#v(12pt)\n#block(breakable: false, grid(columns: (1fr, 1fr), [#set par(first-line-indent: 0pt, justify: false, spacing: 2pt)\n#text(size: 12pt, weight: \"bold\", style: \"italic\", {}) \\\n{}], align(center)[#set par(first-line-indent: 0pt, justify: false)\n{sign}]))\n",
        lit("Nơi nhận:"),
        recipients.join(" \\\n")
    ));
    s
}

/// A world with one source file and the shipped fonts, nothing else: no file access, no
/// packages, a fixed date (the document's own).
struct DocWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    today: Option<Datetime>,
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn fonts() -> &'static (Vec<Font>, LazyHash<FontBook>) {
    static FONTS_LOADED: std::sync::OnceLock<(Vec<Font>, LazyHash<FontBook>)> =
        std::sync::OnceLock::new();
    FONTS_LOADED.get_or_init(|| {
        let fonts: Vec<Font> = FONTS
            .iter()
            .flat_map(|b| Font::iter(Bytes::new(*b)))
            .collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        (fonts, book)
    })
}

/// typst's errors, their messages joined.
fn diagnostics(errors: &[typst::diag::SourceDiagnostic]) -> PdfError {
    PdfError(
        errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

fn compile(text: String, date: hoptac_core::Date) -> Result<PagedDocument, PdfError> {
    let (fonts, book) = fonts();
    let path = VirtualPath::new("/main.typ").map_err(|e| PdfError(format!("{e:?}")))?;
    let id = RootedPath::new(VirtualRoot::Project, path).intern();
    let world = DocWorld {
        library: LazyHash::new(Library::default()),
        book: book.clone(),
        fonts: fonts.clone(),
        main: Source::new(id, text),
        today: Datetime::from_ymd(date.year(), date.month() as u8, date.day()),
    };
    typst::compile(&world)
        .output
        .map_err(|errors| diagnostics(&errors))
}

/// A chart's SVG as a PNG picture 12 cm wide at 144 dpi, drawn by the same engine and
/// fonts as the PDF: (png, width px, height px).
pub fn chart_png(svg: &str) -> Result<(Vec<u8>, u32, u32), PdfError> {
    let text = format!(
        "#set page(width: auto, height: auto, margin: 2pt, fill: white)\n#set text(font: {})\n#image(bytes({}), format: \"svg\", width: 12cm)\n",
        lit(FONT_FAMILY),
        lit(svg)
    );
    let doc = compile(text, hoptac_core::date::ymd(2000, 1, 1).expect("date"))?;
    let page = doc
        .pages()
        .first()
        .ok_or_else(|| PdfError("chart: no page".into()))?;
    let pixmap = typst_render::render(page, &typst_render::RenderOptions::default());
    let png = pixmap
        .encode_png()
        .map_err(|e| PdfError(format!("png: {e}")))?;
    Ok((png, pixmap.width(), pixmap.height()))
}

/// The Word file with its charts as pictures (the plain writer names them instead).
pub fn docx_with_charts(d: &OfficialDoc) -> Result<Vec<u8>, PdfError> {
    let pictures = d
        .figures
        .iter()
        .map(|f| {
            chart_png(&f.svg).map(|(png, w, h)| hoptac_documents::docx::Picture {
                png,
                width_px: w,
                height_px: h,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    hoptac_documents::docx::write_docx_with_pictures(d, &pictures)
        .map_err(|e| PdfError(format!("docx: {e}")))
}

/// The document as the bytes of a PDF file, fonts embedded.
pub fn write_pdf(d: &OfficialDoc) -> Result<Vec<u8>, PdfError> {
    let doc = compile(source(d), d.date)?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|errors| diagnostics(&errors))
}

/// The typesetter the binary hands to the web and the CLI.
#[derive(Debug, Clone, Copy, Default)]
pub struct Typst;

impl Renderer for Typst {
    fn pdf(&self, d: &OfficialDoc) -> Result<Vec<u8>, RenderError> {
        write_pdf(d).map_err(|e| RenderError::Failed(e.0))
    }
    fn docx(&self, d: &OfficialDoc) -> Result<Vec<u8>, RenderError> {
        docx_with_charts(d).map_err(|e| RenderError::Failed(e.0))
    }
}

#[cfg(test)]
mod tests;
