use super::*;
use hoptac_core::official::{DocKind, OfficialDoc, Table};
use hoptac_core::report::{Document, Paragraph, Section};
use std::process::Command;

/// Tháp Mười's issuer, with a signer.
fn issuer() -> hoptac_core::official::Issuer {
    hoptac_core::official::Issuer {
        parent_body: "Ủy ban nhân dân tỉnh Đồng Tháp".into(),
        body: "Ủy ban nhân dân huyện Tháp Mười".into(),
        symbol: "UBND".into(),
        place: "Tháp Mười".into(),
        signer_authority: "TM. Ủy ban nhân dân".into(),
        signer_title: "Chủ tịch".into(),
        signer_name: "Nguyễn Văn A".into(),
        recipients: vec!["UBND tỉnh;".into()],
    }
}

fn doc(paragraphs: usize) -> OfficialDoc {
    OfficialDoc {
        issuer: issuer(),
        kind: DocKind::Report,
        number: String::new(),
        date: hoptac_core::date::ymd(2026, 2, 5).unwrap(),
        body: Document {
            title: "Tình hình kinh tế tập thể giai đoạn 2016 – 2020".into(),
            subtitle: String::new(),
            sections: vec![Section {
                heading: "1. Về Hợp tác xã".into(),
                paragraphs: (0..paragraphs)
                    .map(|i| {
                        Paragraph(vec![
                            Inline::Text(format!(
                                "Đoạn {i}: HTX Đồng Tâm *không* #đậm // chú_thích $5 @a [b] có "
                            )),
                            Inline::Figure {
                                text: "2.697".into(),
                                indicator: "htx.members".into(),
                            },
                            Inline::Text(
                                " thành viên, doanh thu bình quân 1.600,50 triệu đồng.".into(),
                            ),
                            Inline::Note(1),
                        ])
                    })
                    .collect(),
            }],
            footnotes: vec!["Gồm 19 HTX nông nghiệp.".into()],
        },
        tables: vec![Table {
            caption: "Bảng 1. Chỉ tiêu".into(),
            headers: vec!["Chỉ tiêu".into(), "2020".into()],
            rows: vec![vec!["Thành viên".into(), "2.697".into()]],
        }],
        figures: vec![hoptac_core::official::Figure {
            caption: "Hình 1. Thành viên HTX".into(),
            svg: hoptac_core::chart::trend(
                "Thành viên HTX",
                &[
                    (2016, Some(hoptac_core::Fixed::from_int(1398))),
                    (2020, Some(hoptac_core::Fixed::from_int(2697))),
                ],
                2016,
            ),
        }],
    }
}

/// Runs a poppler tool on the PDF; CI installs poppler-utils, so a missing tool is a
/// failure here, not a skip.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(&path);
    if tool == "pdftoppm" {
        cmd.arg(dir.path().join("page"));
    } else if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool} not found ({e}): apt-get install poppler-utils"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if tool == "pdftoppm" {
        let pngs = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "png")
            })
            .count();
        return pngs.to_string();
    }
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn the_pdf_is_a4_with_the_font_embedded_and_the_vietnamese_text_extracts() {
    let pdf = write_pdf(&doc(3)).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(
        info.contains("595.276 x 841.89 pts (A4)") || info.contains("(A4)"),
        "{info}"
    );
    let fonts = poppler("pdffonts", &[], &pdf);
    assert!(fonts.contains("LiberationSerif"), "{fonts}");
    for line in fonts.lines().filter(|l| l.contains("LiberationSerif")) {
        assert!(line.contains(" yes "), "embedded: {line}");
    }
    // reading order, whitespace collapsed: the body's name wraps over two lines as it does
    // on paper
    let text = poppler("pdftotext", &[], &pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in [
        "ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tháp Mười, ngày 05 tháng 02 năm 2026",
        "BÁO CÁO",
        "1. Về Hợp tác xã",
        "HTX Đồng Tâm *không* #đậm // chú_thích $5 @a [b] có 2.697",
        "Số:",
        "/BC-UBND",
        "Gồm 19 HTX nông nghiệp.",
        "Hình 1. Thành viên HTX",
        "Nơi nhận:",
        "Nguyễn Văn A",
    ] {
        assert!(text.contains(s), "{s:?} in\n{text}");
    }
}

#[test]
fn a_long_report_breaks_into_pages_that_render() {
    let pdf = write_pdf(&doc(60)).unwrap();
    let info = poppler("pdfinfo", &[], &pdf);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 3, "{pages} pages");
    assert_eq!(
        poppler("pdftoppm", &["-png", "-r", "30"], &pdf),
        pages.to_string()
    );
    // the page number in the header from the second page on
    let second = poppler("pdftotext", &["-f", "2", "-l", "2"], &pdf);
    assert_eq!(second.lines().next().map(str::trim), Some("2"), "{second}");
}

#[test]
fn the_source_keeps_every_text_a_string() {
    let s = source(&doc(1));
    assert!(s.contains(r#"#"Đoạn 0: HTX Đồng Tâm *không* #đậm // chú_thích $5 @a [b] có ""#));
    assert!(lit("a\"b\\c") == r#""a\"b\\c""#);
}

/// A long sample (twelve sections) typesets to a PDF of several pages; with
/// $HOPTAC_PDF_OUT it is also written there for a look by eye.
#[test]
fn a_long_sample_typesets_to_several_pages() {
    let pdf = write_pdf(&doc(12)).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let pages = pdf
        .windows(10)
        .filter(|w| w == b"/Type /Pag" || w == b"/Type/Page")
        .count();
    assert!(pages >= 2, "{pages} page objects");
    if let Ok(out) = std::env::var("HOPTAC_PDF_OUT") {
        std::fs::write(out, &pdf).unwrap();
    }
}

#[test]
fn word_gets_the_charts_as_pictures_from_the_same_svg() {
    use std::io::Read;
    let d = doc(1);
    let (png, w, h) = chart_png(&d.figures[0].svg).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    assert!(w > 600 && h > 200, "{w}×{h} px at 144 dpi for 12 cm");
    let bytes = docx_with_charts(&d).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut media = Vec::new();
    z.by_name("word/media/chart1.png")
        .unwrap()
        .read_to_end(&mut media)
        .unwrap();
    assert_eq!(media, png);
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("r:embed=\"rIdChart1\"") && xml.contains("<wp:extent cx=\"4320000\""));
    assert!(!xml.contains("xem bản PDF"), "drawn, not only named");
    // well-formed with the drawing namespaces declared
    let mut r = quick_xml::Reader::from_str(&xml);
    while r.read_event().expect("well-formed") != quick_xml::events::Event::Eof {}
    let mut rels = String::new();
    z.by_name("word/_rels/document.xml.rels")
        .unwrap()
        .read_to_string(&mut rels)
        .unwrap();
    assert!(rels.contains("Target=\"media/chart1.png\""));
    let mut types = String::new();
    z.by_name("[Content_Types].xml")
        .unwrap()
        .read_to_string(&mut types)
        .unwrap();
    assert!(types.contains("Extension=\"png\""));
}
