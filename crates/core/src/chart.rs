//! Small charts as SVG text: one source for the pages (inline) and the documents (embedded
//! in the PDF). No script, no external asset, readable in black and white print, Vietnamese
//! number format.

use crate::Fixed;
use crate::report::escape_html;

pub fn bars(title: &str, points: &[(i32, Option<Fixed>)]) -> String {
    draw(title, points, None, None)
}

/// Bars with a dashed line at the target (readable in black and white print).
pub fn bars_with_target(
    title: &str,
    points: &[(i32, Option<Fixed>)],
    target: Option<Fixed>,
) -> String {
    draw(title, points, target, None)
}

/// A trend over the years with the base year's bar drawn hollow and labelled "(gốc)".
pub fn trend(title: &str, points: &[(i32, Option<Fixed>)], base_year: i32) -> String {
    draw(title, points, None, Some(base_year))
}

fn draw(
    title: &str,
    points: &[(i32, Option<Fixed>)],
    target: Option<Fixed>,
    base: Option<i32>,
) -> String {
    let w = 340.0;
    let h = 170.0;
    let (top, bottom, left) = (32.0, 24.0, 6.0);
    let n = points.len().max(1) as f64;
    let slot = (w - left * 2.0) / n;
    let max = points
        .iter()
        .filter_map(|(_, v)| *v)
        .chain(target)
        .map(|v| v.to_f64())
        .fold(0.0_f64, f64::max);
    let scale = if max > 0.0 {
        (h - top - bottom) / max
    } else {
        0.0
    };
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{t}</title>",
        t = escape_html(title)
    );
    s.push_str(&format!(
        "<text x=\"{left}\" y=\"12\" font-size=\"11\" font-weight=\"bold\">{}</text>",
        escape_html(title)
    ));
    s.push_str(&format!(
        "<line x1=\"{left}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#333\"/>",
        y = h - bottom,
        x2 = w - left
    ));
    for (i, (year, v)) in points.iter().enumerate() {
        let x = left + slot * i as f64;
        let bw = (slot * 0.7).max(2.0);
        let bx = x + (slot - bw) / 2.0;
        let cx = x + slot / 2.0;
        if let Some(v) = v {
            let bh = (v.to_f64().max(0.0) * scale).max(0.5);
            let by = h - bottom - bh;
            // the base year hollow, so it reads apart in black and white
            let fill = if base == Some(*year) {
                "#ffffff"
            } else {
                "#6b8fbf"
            };
            s.push_str(&format!("<rect x=\"{bx:.1}\" y=\"{by:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\" fill=\"{fill}\" stroke=\"#1f3a5f\"/>"));
            if n <= 12.0 {
                s.push_str(&format!(
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{}</text>",
                    by - 3.0,
                    v.format_vi(0, false)
                ));
            }
        }
        if n <= 12.0 || i % 2 == 0 {
            let mark = if base == Some(*year) { " (gốc)" } else { "" };
            s.push_str(&format!("<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{year}{mark}</text>", h - bottom + 12.0));
        }
    }
    if let Some(t) = target {
        let ty = h - bottom - t.to_f64().max(0.0) * scale;
        s.push_str(&format!(
            "<line x1=\"{left}\" y1=\"{ty:.1}\" x2=\"{x2}\" y2=\"{ty:.1}\" stroke=\"#a40000\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>",
            x2 = w - left
        ));
        s.push_str(&format!(
            "<text x=\"{x}\" y=\"{y:.1}\" font-size=\"9\" text-anchor=\"end\" fill=\"#a40000\">{}</text>",
            t.format_vi(2, false),
            x = w - left,
            y = ty - 3.0
        ));
    }
    s.push_str("</svg>");
    s
}

/// Counts by category over the years, stacked (e.g. ratings by year): one bar a year, one
/// band a category, in black, greys and white with a legend, so print needs no colour.
pub fn stacked(title: &str, years: &[i32], series: &[(&str, Vec<usize>)]) -> String {
    const FILLS: [&str; 6] = [
        "#000000", "#666666", "#aaaaaa", "#ffffff", "#dddddd", "#333333",
    ];
    let w = 340.0;
    let h = 190.0;
    let (top, bottom, left) = (44.0, 24.0, 6.0);
    let n = years.len().max(1) as f64;
    let slot = (w - left * 2.0) / n;
    let totals: Vec<usize> = (0..years.len())
        .map(|i| {
            series
                .iter()
                .map(|(_, v)| v.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0) as f64;
    let scale = if max > 0.0 {
        (h - top - bottom) / max
    } else {
        0.0
    };
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{t}</title><text x=\"{left}\" y=\"12\" font-size=\"11\" font-weight=\"bold\">{t}</text>",
        t = escape_html(title)
    );
    // legend
    let mut lx = left;
    for (k, (label, _)) in series.iter().enumerate() {
        s.push_str(&format!(
            "<rect x=\"{lx:.1}\" y=\"20\" width=\"9\" height=\"9\" fill=\"{}\" stroke=\"#000\"/><text x=\"{:.1}\" y=\"28\" font-size=\"9\">{}</text>",
            FILLS[k % FILLS.len()],
            lx + 12.0,
            escape_html(label)
        ));
        lx += 18.0 + 5.5 * label.chars().count() as f64;
    }
    s.push_str(&format!(
        "<line x1=\"{left}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#333\"/>",
        y = h - bottom,
        x2 = w - left
    ));
    for (i, year) in years.iter().enumerate() {
        let x = left + slot * i as f64;
        let bw = (slot * 0.6).max(2.0);
        let bx = x + (slot - bw) / 2.0;
        let cx = x + slot / 2.0;
        let mut y = h - bottom;
        for (k, (_, values)) in series.iter().enumerate() {
            let v = values.get(i).copied().unwrap_or(0);
            if v == 0 {
                continue;
            }
            let bh = v as f64 * scale;
            y -= bh;
            s.push_str(&format!(
                "<rect x=\"{bx:.1}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.6\"/>",
                FILLS[k % FILLS.len()]
            ));
        }
        s.push_str(&format!(
            "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{}</text><text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{year}</text>",
            y - 3.0,
            crate::text::group_thousands(totals[i] as i128),
            h - bottom + 12.0
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_bars_with_vietnamese_numbers() {
        let svg = bars(
            "Thành viên <HTX>",
            &[
                (2019, Some(Fixed::from_int(2500))),
                (2020, Some(Fixed::from_int(2697))),
                (2021, None),
            ],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("2.697"));
        assert!(svg.contains("Thành viên &lt;HTX&gt;"));
    }

    #[test]
    fn the_base_year_is_hollow_and_labelled() {
        let svg = trend(
            "Thành viên HTX",
            &[
                (2016, Some(Fixed::from_int(1398))),
                (2020, Some(Fixed::from_int(2697))),
            ],
            2016,
        );
        assert_eq!(svg.matches("fill=\"#ffffff\"").count(), 1);
        assert!(svg.contains("2016 (gốc)") && !svg.contains("2020 (gốc)"));
    }

    #[test]
    fn stacked_bars_add_up_to_each_year_with_a_legend() {
        let svg = stacked(
            "Xếp loại HTX",
            &[2023, 2024],
            &[
                ("Tốt", vec![3, 4]),
                ("Khá", vec![5, 0]),
                ("Yếu", vec![1, 2]),
            ],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        // 3 legend keys and 5 non-empty bands
        assert_eq!(svg.matches("<rect").count(), 3 + 5);
        assert!(
            svg.contains(">9</text>") && svg.contains(">6</text>"),
            "totals on top"
        );
        assert!(svg.contains(">Khá</text>"));
        let empty = stacked("Trống", &[2024], &[("Tốt", vec![0])]);
        assert!(empty.contains(">0</text>"));
    }
}
