//! A map of communes as bubbles (bản đồ theo xã): one circle per commune at the register's
//! point for it, its area proportional to the value, its shade by fifths of the range. No
//! boundaries are drawn: the register carries none, and the map says so.

use crate::Fixed;
use crate::report::escape_html;

/// One commune on the map.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MapPoint {
    pub code: String,
    pub name: String,
    /// Latitude and longitude (degrees).
    pub point: (f64, f64),
    pub value: Option<Fixed>,
}

/// Up to this many communes each circle is named.
const MAX_LABELS: usize = 30;

/// Splits a text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Five shades, light to dark, that read in black and white too.
const SHADES: [&str; 5] = ["#e8eef6", "#b9cbe3", "#85a5cc", "#4f78ae", "#1f3a5f"];

/// The map as SVG; `format` writes a value the Vietnamese way, `note` is the line under it.
pub fn bubble_map(
    title: &str,
    points: &[MapPoint],
    format: &dyn Fn(Fixed) -> String,
    note: &str,
) -> String {
    let (w, h, pad, rmax) = (360.0_f64, 300.0_f64, 18.0_f64, 16.0_f64);
    let mut s = format!(
        "<svg class=\"map\" viewBox=\"0 0 {w} {hh}\" role=\"img\" aria-label=\"{t}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{t}</title>\
         <text x=\"4\" y=\"12\" font-size=\"11\" font-weight=\"bold\">{t}</text>",
        hh = h + 30.0 + 10.0 * wrap(note, 88).len() as f64,
        t = escape_html(title)
    );
    let placed: Vec<&MapPoint> = points
        .iter()
        .filter(|p| p.point.0.is_finite() && p.point.1.is_finite())
        .collect();
    if placed.is_empty() {
        s.push_str("</svg>");
        return s;
    }
    let lat0 = placed.iter().map(|p| p.point.0).sum::<f64>() / placed.len() as f64;
    // equirectangular, longitudes shrunk by the latitude's cosine: right enough for a province
    let k = lat0.to_radians().cos();
    let xs: Vec<f64> = placed.iter().map(|p| p.point.1 * k).collect();
    let ys: Vec<f64> = placed.iter().map(|p| p.point.0).collect();
    let (x0, x1) = (
        xs.iter().cloned().fold(f64::MAX, f64::min),
        xs.iter().cloned().fold(f64::MIN, f64::max),
    );
    let (y0, y1) = (
        ys.iter().cloned().fold(f64::MAX, f64::min),
        ys.iter().cloned().fold(f64::MIN, f64::max),
    );
    let span = (x1 - x0).max(y1 - y0).max(1e-6);
    let scale = (w.min(h) - 2.0 * (pad + rmax)) / span;
    let ox = (w - (x1 - x0) * scale) / 2.0;
    let oy = (h - (y1 - y0) * scale) / 2.0 + 16.0;
    let values: Vec<f64> = placed
        .iter()
        .filter_map(|p| p.value.map(|v| v.to_f64()))
        .collect();
    let max = values.iter().cloned().fold(0.0_f64, f64::max);
    let min = values.iter().cloned().fold(f64::MAX, f64::min).min(max);
    let mut order: Vec<usize> = (0..placed.len()).collect();
    // the big ones first, so the small ones stay visible on top
    order.sort_by(|a, b| {
        let va = placed[*a].value.map(|v| v.to_f64()).unwrap_or(0.0);
        let vb = placed[*b].value.map(|v| v.to_f64()).unwrap_or(0.0);
        vb.partial_cmp(&va).unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut labels: Vec<(f64, f64, String)> = Vec::new();
    for i in order {
        let p = placed[i];
        let cx = ox + (xs[i] - x0) * scale;
        let cy = oy + (y1 - ys[i]) * scale;
        let label = format!(
            "{}: {}",
            p.name,
            p.value.map(format).unwrap_or_else(|| "—".into())
        );
        match p.value {
            Some(v) if max > 0.0 => {
                let f = v.to_f64().max(0.0);
                let r = (rmax * (f / max).sqrt()).max(2.0);
                let class = if max > min {
                    (((f - min) / (max - min)) * 5.0).floor().min(4.0) as usize
                } else {
                    4
                };
                s.push_str(&format!(
                    "<circle class=\"commune\" data-code=\"{}\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{}\" stroke=\"#1f3a5f\" fill-opacity=\"0.85\"><title>{}</title></circle>",
                    escape_html(&p.code),
                    SHADES[class],
                    escape_html(&label)
                ));
                if placed.len() <= MAX_LABELS {
                    labels.push((cx + r + 2.0, cy + 3.0, crate::text::short_unit_name(&p.name)));
                }
            }
            _ => s.push_str(&format!(
                "<circle class=\"commune none\" data-code=\"{}\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"2\" fill=\"none\" stroke=\"#777\"><title>{}</title></circle>",
                escape_html(&p.code),
                escape_html(&label)
            )),
        }
    }
    // names over every circle, so a large one does not hide a neighbour's name
    for (x, y, name) in labels {
        s.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"8\">{}</text>",
            escape_html(&name)
        ));
    }
    if max > 0.0 {
        for (i, shade) in SHADES.iter().enumerate() {
            let lo = min + (max - min) * i as f64 / 5.0;
            let x = 4.0 + i as f64 * 70.0;
            s.push_str(&format!(
                "<rect x=\"{x}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{shade}\" stroke=\"#1f3a5f\"/><text x=\"{tx}\" y=\"{ty}\" font-size=\"9\">≥ {}</text>",
                Fixed::from_f64(lo).map(format).unwrap_or_default(),
                y = h + 6.0,
                tx = x + 13.0,
                ty = h + 15.0
            ));
        }
    }
    for (i, line) in wrap(note, 88).iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"4\" y=\"{}\" font-size=\"8\" fill=\"#555\">{}</text>",
            h + 30.0 + 10.0 * i as f64,
            escape_html(line)
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(code: &str, lat: f64, lon: f64, v: Option<i64>) -> MapPoint {
        MapPoint {
            code: code.into(),
            name: format!("Xã {code}"),
            point: (lat, lon),
            value: v.map(Fixed::from_int),
        }
    }

    #[test]
    fn bubbles_sit_by_their_points_sized_by_their_values() {
        let svg = bubble_map(
            "HTX đang hoạt động",
            &[
                p("1", 10.5, 105.8, Some(4)),
                p("2", 10.4, 105.9, Some(1)),
                p("3", 10.45, 105.85, None),
            ],
            &|v| v.format_vi(0, false),
            "Vị trí: điểm đại diện của xã; không có ranh giới.",
        );
        assert_eq!(svg.matches("<circle").count(), 3);
        let r = |code: &str| -> f64 {
            let at = svg.find(&format!("data-code=\"{code}\"")).unwrap();
            let rest = &svg[at..];
            let r = rest.find(" r=\"").unwrap() + 4;
            rest[r..r + rest[r..].find('"').unwrap()].parse().unwrap()
        };
        assert!(r("1") > r("2"), "the larger value, the larger bubble");
        assert!(
            (r("1") / r("2") - 2.0).abs() < 0.05,
            "area ∝ value: 4 is twice 1's radius"
        );
        let cx = |code: &str| -> f64 {
            let at = svg.find(&format!("data-code=\"{code}\"")).unwrap();
            let rest = &svg[at..];
            let c = rest.find("cx=\"").unwrap() + 4;
            rest[c..c + rest[c..].find('"').unwrap()].parse().unwrap()
        };
        assert!(cx("2") > cx("1"), "east is right");
        assert!(
            svg.contains("Xã 3: —"),
            "a commune without a value is drawn empty"
        );
        assert!(svg.contains("không có ranh giới"));
    }
}
