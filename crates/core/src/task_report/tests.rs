use super::*;
use crate::date::ymd;
use crate::plan::PlanOffice;

fn plan() -> Plan {
    Plan {
        code: "P".into(),
        title: "Kế hoạch".into(),
        issuer: String::new(),
        doc_no: String::new(),
        doc_date: None,
        from: 2021,
        to: 2026,
        baseline_year: 2020,
        scope: "872".into(),
        targets: vec![],
        offices: vec![PlanOffice {
            code: "NN".into(),
            name: "Phòng NN-PTNT huyện".into(),
            until: ymd(2025, 6, 30),
            successor: "Sở Nông nghiệp và Môi trường".into(),
        }],
        tasks: vec![],
    }
}

fn line(number: &str, status: TaskStatus, suggested: Option<TaskStatus>) -> TaskLine {
    TaskLine {
        task: PlanTask {
            number: number.into(),
            group: "Phát triển Hội quán".into(),
            text: "Thành lập HTX từ Hội quán.".into(),
            lead: vec!["NN".into()],
            partners: vec![],
            output: String::new(),
            evidence: vec!["hoiquan.became_coop".into()],
            status,
            reason: "Có 02 HTX".into(),
        },
        evidence: vec![Evidence {
            id: "hoiquan.became_coop".into(),
            label_vi: "Số HTX thành lập từ Hội quán".into(),
            unit: Unit::Organizations,
            value: Some(Fixed::from_int(2)),
            names: vec!["HTX A".into(), "HTX B".into()],
            more: 0,
        }],
        suggested,
    }
}

fn text(s: &[Section]) -> String {
    s.iter()
        .map(|s| {
            let body: String = (s.paragraphs.iter())
                .flat_map(|p| p.0.iter())
                .map(|i| match i {
                    Inline::Text(x) | Inline::Figure { text: x, .. } => x.clone(),
                    Inline::Note(_) => String::new(),
                })
                .collect();
            format!("## {}\n{body}\n", s.heading)
        })
        .collect()
}

#[test]
fn every_task_is_said_with_its_offices_status_and_evidence_by_group() {
    let lines = [
        line("II.5.5", TaskStatus::Done, Some(TaskStatus::InProgress)),
        line(
            "II.5.6",
            TaskStatus::InProgress,
            Some(TaskStatus::InProgress),
        ),
    ];
    let s = task_sections(&plan(), &lines, ymd(2026, 12, 7).unwrap());
    assert_eq!(s.len(), 2, "a summary and one group");
    let x = text(&s);
    assert!(x.contains("02 nhiệm vụ"), "{x}");
    assert!(x.contains("01 đã hoàn thành, 01 đang thực hiện"), "{x}");
    assert!(x.contains("## Nhiệm vụ II.5. Phát triển Hội quán"), "{x}");
    assert!(
        x.contains("Chủ trì: Phòng NN-PTNT huyện (từ 01/07/2025: Sở Nông nghiệp và Môi trường)"),
        "{x}"
    );
    assert!(
        x.contains("Số HTX thành lập từ Hội quán: 2 tổ chức (HTX A, HTX B)"),
        "{x}"
    );
    assert!(x.contains("Tình hình: đã hoàn thành (Có 02 HTX)"), "{x}");
    // said once, where the records suggest otherwise
    assert_eq!(
        x.matches("hệ thống gợi ý: đang thực hiện").count(),
        1,
        "{x}"
    );
    // before the reform the office is named as it was
    let before = text(&task_sections(&plan(), &lines, ymd(2024, 12, 31).unwrap()));
    assert!(before.contains("Chủ trì: Phòng NN-PTNT huyện."), "{before}");
    assert!(task_sections(&plan(), &[], ymd(2026, 1, 1).unwrap()).is_empty());
}
