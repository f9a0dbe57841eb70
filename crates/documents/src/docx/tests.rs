use super::*;
use hoptac_core::official::{DocKind, Issuer, OfficialDoc, Table};
use hoptac_core::report::{Document, Paragraph, Section};
use std::io::Read;

fn sample(issuer: Issuer) -> OfficialDoc {
    OfficialDoc {
        issuer,
        kind: DocKind::Report,
        number: String::new(),
        date: hoptac_core::date::ymd(2026, 2, 5).unwrap(),
        body: Document {
            title: "Tình hình kinh tế tập thể giai đoạn 2016 – 2020".into(),
            subtitle: "Số liệu từ hoptac".into(),
            sections: vec![Section {
                heading: "1. Hợp tác xã".into(),
                paragraphs: vec![Paragraph(vec![
                    Inline::Text("Có ".into()),
                    Inline::Figure {
                        text: "21".into(),
                        indicator: "htx.active".into(),
                    },
                    Inline::Text(" HTX <đang hoạt động> & 2.697 thành viên".into()),
                    Inline::Note(1),
                ])],
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

fn part(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// Well-formed XML (matching end tags), and its text runs joined.
fn text_of(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_t = false;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) => in_t = e.name().as_ref() == "w:t",
            Event::End(_) => in_t = false,
            Event::Text(t) if in_t => out.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_t => {
                let name = g.into_inner().to_string();
                out.push_str(match name.as_str() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    _ => "?",
                })
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn every_part_is_well_formed_and_listed() {
    let bytes = write_docx(&sample(crate::fixtures::issuer())).unwrap();
    let z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut names: Vec<String> = z.file_names().map(|n| n.unwrap().to_string()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/footnotes.xml",
            "word/header1.xml",
            "word/settings.xml",
            "word/styles.xml",
        ]
    );
    for n in &names {
        text_of(&part(&bytes, n));
    }
    let types = part(&bytes, "[Content_Types].xml");
    for p in ["document", "styles", "settings", "footnotes", "header1"] {
        assert!(types.contains(&format!("/word/{p}.xml")), "{p}");
    }
}

#[test]
fn the_page_is_a4_with_the_decree_margins_and_the_body_font() {
    let bytes = write_docx(&sample(crate::fixtures::issuer())).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    // 20 mm top and bottom, 15 mm right, 30 mm left (Decree 30/2020: 20–25, 15–20, 30–35)
    assert!(
        doc.contains("<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\""),
        "{}",
        &doc[doc.find("<w:pgMar").unwrap()..][..120]
    );
    assert!(
        doc.contains("<w:titlePg/>"),
        "no page number on the first page"
    );
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains("w:ascii=\"Times New Roman\""));
    assert!(styles.contains("<w:sz w:val=\"28\"/>"), "14 pt body");
    assert!(styles.contains("<w:lang w:val=\"vi-VN\"/>"));
    assert!(part(&bytes, "word/header1.xml").contains("PAGE"));
}

#[test]
fn the_text_reads_in_the_state_order_with_footnotes_tables_and_signature() {
    let bytes = write_docx(&sample(crate::fixtures::issuer())).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let text = text_of(&doc);
    let order = [
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
        "ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI",
        "Số:       /BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tháp Mười, ngày 05 tháng 02 năm 2026",
        "BÁO CÁO",
        "Tình hình kinh tế tập thể giai đoạn 2016 – 2020",
        "1. Hợp tác xã",
        "- Có 21 HTX <đang hoạt động> & 2.697 thành viên",
        "Bảng 1. Chỉ tiêu",
        "Hình 1. Thành viên HTX (biểu đồ: xem bản PDF hoặc trang web)",
        "Nơi nhận:",
        "- UBND tỉnh;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn A",
    ];
    let mut at = 0;
    for o in order {
        let found = text[at..]
            .find(o)
            .unwrap_or_else(|| panic!("{o:?} after {at} in {text}"));
        at += found + o.len();
    }
    // the date line is italic, the type bold
    assert!(doc.contains("<w:i/></w:rPr><w:t xml:space=\"preserve\">Tháp Mười, ngày 05"));
    assert!(doc.contains("<w:pStyle w:val=\"DocType\"/>"));
    // a real footnote: the reference in the text, the note in its part
    assert!(doc.contains("<w:footnoteReference w:id=\"1\"/>"));
    let notes = part(&bytes, "word/footnotes.xml");
    assert!(text_of(&notes).contains("Gồm 19 HTX nông nghiệp."));
    // the table's header row repeats on every page; numbers to the right
    assert!(doc.contains("<w:tblHeader/>"));
    assert!(doc.contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">2.697"));
    // recipients in 11 pt under a 12 pt bold italic heading
    assert!(doc.contains("<w:b/><w:i/><w:sz w:val=\"24\"/>"));
    assert!(doc.contains("<w:pStyle w:val=\"Recipient\"/>"));
}

#[test]
fn missing_settings_print_as_missing_never_blank() {
    let bytes = write_docx(&sample(Issuer::default())).unwrap();
    let text = text_of(&part(&bytes, "word/document.xml"));
    assert!(text.contains("Số:       /BC-[chưa cấu hình]"), "{text}");
    assert!(text.contains("[chưa cấu hình], ngày 05 tháng 02 năm 2026"));
    assert!(
        text.ends_with("[chưa cấu hình]"),
        "the signer's name: {text}"
    );
}

#[test]
fn the_text_of_the_sample_is_stable() {
    let bytes = write_docx(&sample(crate::fixtures::issuer())).unwrap();
    // one line a paragraph: the text as a reader sees it, in order
    let doc = part(&bytes, "word/document.xml");
    let lines: Vec<String> = doc
        .split("</w:p>")
        .map(text_of_fragment)
        .filter(|l| !l.trim().is_empty())
        .collect();
    insta::assert_snapshot!("docx_sample_text", lines.join("\n"));
}

/// The runs of one paragraph's XML, joined (a fragment: no well-formedness check).
fn text_of_fragment(xml: &str) -> String {
    xml.split("<w:t xml:space=\"preserve\">")
        .skip(1)
        .map(|p| p[..p.find("</w:t>").unwrap()].to_string())
        .collect::<String>()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
