//! Small bar charts as inline SVG: no script, no external asset, readable in black and
//! white, Vietnamese number format.

use hoptac_core::Fixed;
use hoptac_core::report::escape_html;

pub fn bars(title: &str, points: &[(i32, Option<Fixed>)]) -> String {
    bars_with_target(title, points, None)
}

/// Bars with a dashed line at the target (readable in black and white print).
pub fn bars_with_target(
    title: &str,
    points: &[(i32, Option<Fixed>)],
    target: Option<Fixed>,
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
            s.push_str(&format!("<rect x=\"{bx:.1}\" y=\"{by:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\" fill=\"#6b8fbf\" stroke=\"#1f3a5f\"/>"));
            if n <= 12.0 {
                s.push_str(&format!(
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{}</text>",
                    by - 3.0,
                    v.format_vi(0, false)
                ));
            }
        }
        if n <= 12.0 || i % 2 == 0 {
            s.push_str(&format!("<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{year}</text>", h - bottom + 12.0));
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
}
