//! An administrative text as a Word file (.docx) in the Decree 30/2020/NĐ-CP layout: A4,
//! margins 20/15/20/30 mm, Times New Roman 14 pt body, the issuing body top left and the
//! national title and motto top right, the document type in bold capitals, the italic place
//! and date line, numbered headings, tables with a repeated header row, real footnotes,
//! the recipients block in 12/11 pt and the signature block; page numbers from page 2.
//!
//! Written as WordprocessingML directly rather than through docx-rs: the few parts needed
//! (document, styles, settings, footnotes, a header) are plain XML, the zip writer is already
//! in the tree, and every layout setting stays in plain sight here.

use hoptac_core::official::OfficialDoc;
use hoptac_core::report::Inline;
use std::io::Write;

/// Twips per millimetre (1 mm = 56,69 twips).
fn mm(v: u32) -> u32 {
    (v * 5669).div_ceil(100)
}

pub const PAGE_WIDTH: u32 = 11906; // 210 mm
pub const PAGE_HEIGHT: u32 = 16838; // 297 mm
pub const MARGIN_TOP_MM: u32 = 20;
pub const MARGIN_BOTTOM_MM: u32 = 20;
pub const MARGIN_LEFT_MM: u32 = 30;
pub const MARGIN_RIGHT_MM: u32 = 15;
pub const FONT: &str = "Times New Roman";
/// Body size in half-points (14 pt).
pub const BODY_SIZE: u32 = 28;

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            c => o.push(c),
        }
    }
    o
}

/// A run of text with its look.
#[derive(Clone, Copy, Default)]
struct Look {
    bold: bool,
    italic: bool,
    /// Half-points; 0 for the body size.
    size: u32,
}

fn run(text: &str, l: Look) -> String {
    let mut pr = String::new();
    if l.bold {
        pr.push_str("<w:b/>");
    }
    if l.italic {
        pr.push_str("<w:i/>");
    }
    if l.size != 0 {
        pr.push_str(&format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            l.size
        ));
    }
    let pr = if pr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{pr}</w:rPr>")
    };
    format!(
        "<w:r>{pr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Center,
    Both,
    Right,
}

/// A paragraph: alignment, spacing after (twips), first-line indent, optional style.
fn para(runs: &str, align: Align, after: u32, indent: u32, style: Option<&str>) -> String {
    let jc = match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Both => "both",
        Align::Right => "right",
    };
    let style = style
        .map(|s| format!("<w:pStyle w:val=\"{s}\"/>"))
        .unwrap_or_default();
    let ind = if indent > 0 {
        format!("<w:ind w:firstLine=\"{indent}\"/>")
    } else {
        String::new()
    };
    format!(
        "<w:p><w:pPr>{style}<w:spacing w:before=\"0\" w:after=\"{after}\"/>{ind}<w:jc w:val=\"{jc}\"/></w:pPr>{runs}</w:p>"
    )
}

/// The short rule under the body's name, the motto and the summary: a bottom border on an
/// empty paragraph indented from both sides.
fn rule(indent: u32) -> String {
    format!(
        "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"{indent}\" w:right=\"{indent}\"/></w:pPr></w:p>"
    )
}

fn cell(width: u32, content: &str) -> String {
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>")
}

/// A two-column table without borders (the header and the signature blocks).
fn layout_table(left_w: u32, right_w: u32, left: &str, right: &str) -> String {
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"{left_w}\"/><w:gridCol w:w=\"{right_w}\"/></w:tblGrid><w:tr>{}{}</w:tr></w:tbl>",
        left_w + right_w,
        cell(left_w, left),
        cell(right_w, right)
    )
}

fn text_width() -> u32 {
    PAGE_WIDTH - mm(MARGIN_LEFT_MM) - mm(MARGIN_RIGHT_MM)
}

fn numeric(s: &str) -> bool {
    let t = s.trim().trim_start_matches(['-', '+']);
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | ' '))
}

/// A data table: caption, bordered grid, bold header row repeated on every page, numbers
/// to the right.
fn data_table(t: &hoptac_core::official::Table) -> String {
    let cols = t.headers.len().max(1) as u32;
    // the first column (names) twice as wide as the figures
    let w = text_width() / (cols + 1);
    let width = |i: usize| if i == 0 { 2 * w } else { w };
    let small = Look {
        size: 24,
        ..Default::default()
    };
    let mut s = para(
        &run(
            &t.caption,
            Look {
                bold: true,
                ..Default::default()
            },
        ),
        Align::Center,
        120,
        0,
        None,
    );
    s.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders></w:tblPr><w:tblGrid>",
        w * (cols + 1)
    ));
    for i in 0..cols as usize {
        s.push_str(&format!("<w:gridCol w:w=\"{}\"/>", width(i)));
    }
    s.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (i, h) in t.headers.iter().enumerate() {
        s.push_str(&cell(
            width(i),
            &para(
                &run(
                    h,
                    Look {
                        bold: true,
                        size: 24,
                        ..Default::default()
                    },
                ),
                Align::Center,
                0,
                0,
                None,
            ),
        ));
    }
    s.push_str("</w:tr>");
    for row in &t.rows {
        s.push_str("<w:tr>");
        for (i, c) in row.iter().enumerate() {
            let align = if i > 0 && numeric(c) {
                Align::Right
            } else {
                Align::Left
            };
            s.push_str(&cell(width(i), &para(&run(c, small), align, 0, 0, None)));
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    s.push_str(&para("", Align::Left, 120, 0, None));
    s
}

/// A chart as a picture for the Word file (rendered where typst is built: `pdf` feature).
pub struct Picture {
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
}

/// An inline picture 12 cm wide, its height by the picture's proportions.
fn picture_xml(n: usize, p: &Picture) -> String {
    let cx: u64 = 4_320_000; // 12 cm in EMU
    let cy = cx * p.height_px.max(1) as u64 / p.width_px.max(1) as u64;
    format!(
        "<w:p><w:pPr><w:spacing w:before=\"120\" w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Chart {n}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"chart{n}.png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdChart{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
}

fn document_xml(d: &OfficialDoc, pictures: &[Picture]) -> String {
    let bold = Look {
        bold: true,
        ..Default::default()
    };
    let left_w = text_width() * 38 / 100;
    let right_w = text_width() - left_w;
    // the issuing body, its parent above, the number below
    let mut left = String::new();
    if !d.issuer.parent_body.trim().is_empty() {
        left.push_str(&para(
            &run(
                &d.issuer.parent_body.trim().to_uppercase(),
                Look {
                    size: 26,
                    ..Default::default()
                },
            ),
            Align::Center,
            0,
            0,
            None,
        ));
    }
    left.push_str(&para(
        &run(
            &d.body_name(),
            Look {
                bold: true,
                size: 26,
                ..Default::default()
            },
        ),
        Align::Center,
        0,
        0,
        None,
    ));
    left.push_str(&rule(left_w / 3));
    left.push_str(&para(
        &run(
            &d.number_line(),
            Look {
                size: 26,
                ..Default::default()
            },
        ),
        Align::Center,
        0,
        0,
        None,
    ));
    // 12 pt, the low end the decree allows, so the national title holds on one line
    let mut right = para(
        &run(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            Look {
                bold: true,
                size: 24,
                ..Default::default()
            },
        ),
        Align::Center,
        0,
        0,
        None,
    );
    right.push_str(&para(
        &run("Độc lập - Tự do - Hạnh phúc", bold),
        Align::Center,
        0,
        0,
        None,
    ));
    right.push_str(&rule(right_w / 4));
    right.push_str(&para(
        &run(
            &d.date_line(),
            Look {
                italic: true,
                ..Default::default()
            },
        ),
        Align::Center,
        0,
        0,
        None,
    ));
    let mut body = layout_table(left_w, right_w, &left, &right);
    // the type and the summary
    body.push_str(&para("", Align::Center, 120, 0, None));
    body.push_str(&para(
        &run(d.kind.name_upper(), bold),
        Align::Center,
        0,
        0,
        Some("DocType"),
    ));
    body.push_str(&para(
        &run(&d.body.title, bold),
        Align::Center,
        0,
        0,
        Some("DocSummary"),
    ));
    if !d.body.subtitle.trim().is_empty() {
        body.push_str(&para(
            &run(
                &d.body.subtitle,
                Look {
                    italic: true,
                    ..Default::default()
                },
            ),
            Align::Center,
            0,
            0,
            None,
        ));
    }
    body.push_str(&rule(text_width() * 2 / 5));
    for sec in &d.body.sections {
        body.push_str(&para(
            &run(&sec.heading, bold),
            Align::Both,
            120,
            567,
            Some("Heading1"),
        ));
        for p in &sec.paragraphs {
            let mut runs = run("- ", Look::default());
            for i in &p.0 {
                match i {
                    Inline::Text(x) | Inline::Figure { text: x, .. } => {
                        runs.push_str(&run(x, Look::default()))
                    }
                    Inline::Note(n) => runs.push_str(&format!(
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{n}\"/></w:r>"
                    )),
                }
            }
            body.push_str(&para(&runs, Align::Both, 120, 567, None));
        }
    }
    for t in &d.tables {
        body.push_str(&data_table(t));
    }
    // charts: as pictures where they were rendered; else named, pointing to the PDF
    for (i, f) in d.figures.iter().enumerate() {
        if let Some(p) = pictures.get(i) {
            body.push_str(&picture_xml(i + 1, p));
            body.push_str(&para(
                &run(
                    &f.caption,
                    Look {
                        italic: true,
                        size: 24,
                        ..Default::default()
                    },
                ),
                Align::Center,
                120,
                0,
                None,
            ));
            continue;
        }
        body.push_str(&para(
            &run(
                &format!("{} (biểu đồ: xem bản PDF hoặc trang web)", f.caption),
                Look {
                    italic: true,
                    size: 24,
                    ..Default::default()
                },
            ),
            Align::Center,
            120,
            0,
            None,
        ));
    }
    // recipients left (12 pt heading, 11 pt lines), signature right
    let mut to = para(
        &run(
            "Nơi nhận:",
            Look {
                bold: true,
                italic: true,
                size: 24,
            },
        ),
        Align::Left,
        0,
        0,
        None,
    );
    for r in d.recipients() {
        to.push_str(&para(
            &run(
                &format!("- {r}"),
                Look {
                    size: 22,
                    ..Default::default()
                },
            ),
            Align::Left,
            0,
            0,
            Some("Recipient"),
        ));
    }
    let (authority, title, name) = d.signer();
    let mut sign = String::new();
    if !authority.is_empty() {
        sign.push_str(&para(&run(&authority, bold), Align::Center, 0, 0, None));
    }
    sign.push_str(&para(&run(&title, bold), Align::Center, 0, 0, None));
    for _ in 0..4 {
        sign.push_str(&para("", Align::Center, 0, 0, None));
    }
    sign.push_str(&para(
        &run(&name, bold),
        Align::Center,
        0,
        0,
        Some("Signer"),
    ));
    body.push_str(&para("", Align::Left, 120, 0, None));
    body.push_str(&layout_table(
        text_width() / 2,
        text_width() - text_width() / 2,
        &to,
        &sign,
    ));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{body}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>",
        mm(MARGIN_TOP_MM),
        mm(MARGIN_RIGHT_MM),
        mm(MARGIN_BOTTOM_MM),
        mm(MARGIN_LEFT_MM),
    )
}

fn styles_xml() -> String {
    let fonts = format!(
        "<w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:cs=\"{FONT}\" w:eastAsia=\"{FONT}\"/>"
    );
    let para_style = |id: &str, name: &str, extra_rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:rPr>{extra_rpr}</w:rPr></w:style>"
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val=\"{BODY_SIZE}\"/><w:szCs w:val=\"{BODY_SIZE}\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>{}{}{}{}{}<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style><w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style><w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>",
        para_style("Heading1", "heading 1", "<w:b/>"),
        para_style("DocType", "Tên loại văn bản", "<w:b/>"),
        para_style("DocSummary", "Trích yếu", "<w:b/>"),
        para_style(
            "Recipient",
            "Nơi nhận",
            "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
        ),
        para_style("Signer", "Người ký", "<w:b/>"),
    )
}

fn footnotes_xml(notes: &[String]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
    );
    for (i, n) in notes.iter().enumerate() {
        s.push_str(&format!(
            "<w:footnote w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> {}</w:t></w:r></w:p></w:footnote>",
            i + 1,
            esc(n)
        ));
    }
    s.push_str("</w:footnotes>");
    s
}

/// The page number, centred in the header, from the second page (the section has a
/// distinct, empty first page).
const HEADER_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:hdr>";

const SETTINGS_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/><Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

fn document_rels(pictures: usize) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdFootnotes\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/><Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>",
    );
    for n in 1..=pictures {
        s.push_str(&format!("<Relationship Id=\"rIdChart{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/chart{n}.png\"/>"));
    }
    s.push_str("</Relationships>");
    s
}

fn core_xml(d: &OfficialDoc) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>hoptac</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>",
        esc(&format!("{} {}", d.kind.name_upper(), d.body.title))
    )
}

/// The document as the bytes of a `.docx` file; its charts are named, not drawn (see
/// [`write_docx_with_pictures`]).
pub fn write_docx(d: &OfficialDoc) -> Result<Vec<u8>, zip::result::ZipError> {
    write_docx_with_pictures(d, &[])
}

/// The document with its charts as pictures, one per figure in order.
pub fn write_docx_with_pictures(
    d: &OfficialDoc,
    pictures: &[Picture],
) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let parts: [(&str, String); 8] = [
            ("[Content_Types].xml", CONTENT_TYPES.to_string()),
            ("_rels/.rels", ROOT_RELS.to_string()),
            ("docProps/core.xml", core_xml(d)),
            (
                "word/_rels/document.xml.rels",
                document_rels(pictures.len()),
            ),
            ("word/document.xml", document_xml(d, pictures)),
            ("word/styles.xml", styles_xml()),
            ("word/settings.xml", SETTINGS_XML.to_string()),
            ("word/footnotes.xml", footnotes_xml(&d.body.footnotes)),
        ];
        for (name, text) in parts.iter() {
            z.start_file(*name, opts)?;
            z.write_all(text.as_bytes())?;
        }
        z.start_file("word/header1.xml", opts)?;
        z.write_all(HEADER_XML.as_bytes())?;
        for (i, p) in pictures.iter().enumerate() {
            z.start_file(format!("word/media/chart{}.png", i + 1), opts)?;
            z.write_all(&p.png)?;
        }
        z.finish()?;
    }
    Ok(buf.into_inner())
}

#[cfg(test)]
mod tests;
