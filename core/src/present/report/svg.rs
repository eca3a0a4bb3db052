//! A small SVG writer for the report's charts: rectangles, lines and text, every coordinate an
//! exact decimal printed with two fixed places (no binary floats), every text escaped.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::escape;

/// Decimal places of every coordinate written.
const PLACES: u32 = 2;

/// A coordinate or length as written in the SVG: rounded half away from zero to two places
/// and always printed with two (`12` → `12.00`).
pub(crate) fn coord(d: Decimal) -> String {
    let mut d =
        d.round_dp_with_strategy(PLACES, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    d.rescale(PLACES);
    d.to_string()
}

/// `value / of × length`, clamped to `0..=length`; 0 when `of` is not positive or the
/// arithmetic does not fit in a decimal (a chart never fails).
pub(crate) fn scale(value: Decimal, of: Decimal, length: Decimal) -> Decimal {
    if of <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let v = value
        .checked_mul(length)
        .and_then(|x| x.checked_div(of))
        .unwrap_or(Decimal::ZERO);
    v.clamp(Decimal::ZERO, length.max(Decimal::ZERO))
}

/// Where a text is anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Its start is at `x`.
    Start,
    /// Its end is at `x`.
    End,
    /// Its middle is at `x`.
    Middle,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::End => "end",
            Anchor::Middle => "middle",
        }
    }
}

/// An SVG image being written.
#[derive(Debug)]
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    /// A new image of this size (in CSS pixels, scaled down to the page's width when printed),
    /// with a title for screen readers.
    pub(crate) fn new(width: Decimal, height: Decimal, title: &str) -> Svg {
        let (w, h) = (coord(width), coord(height));
        let mut out = String::with_capacity(1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{t}\"><title>{t}</title>",
            t = escape(title)
        );
        Svg { out }
    }

    /// A filled rectangle; `class` is added when not empty.
    pub(crate) fn rect(
        &mut self,
        x: Decimal,
        y: Decimal,
        width: Decimal,
        height: Decimal,
        fill: &str,
        class: &str,
    ) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"",
            coord(x),
            coord(y),
            coord(width.max(Decimal::ZERO)),
            coord(height.max(Decimal::ZERO)),
            escape(fill)
        );
        if !class.is_empty() {
            let _ = write!(self.out, " class=\"{}\"", escape(class));
        }
        self.out.push_str("/>");
    }

    /// A thin line.
    pub(crate) fn line(&mut self, from: (Decimal, Decimal), to: (Decimal, Decimal), stroke: &str) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
            coord(from.0),
            coord(from.1),
            coord(to.0),
            coord(to.1),
            escape(stroke)
        );
    }

    /// A line of text whose baseline starts (or ends, or is centred) at `(x, y)`.
    pub(crate) fn text(&mut self, x: Decimal, y: Decimal, anchor: Anchor, text: &str) {
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>",
            coord(x),
            coord(y),
            anchor.as_str(),
            escape(text)
        );
    }

    /// The finished image.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn coordinates_have_two_fixed_places() {
        assert_eq!(coord(d("12")), "12.00");
        assert_eq!(coord(d("0.125")), "0.13");
        assert_eq!(coord(d("-0.125")), "-0.13");
        assert_eq!(coord(d("99.999")), "100.00");
        assert_eq!(coord(Decimal::ZERO), "0.00");
    }

    #[test]
    fn scale_is_exact_clamped_and_total() {
        assert_eq!(scale(d("92.35"), d("100"), d("400")), d("369.4"));
        assert_eq!(scale(d("1"), d("3"), d("300")), d("100"));
        assert_eq!(scale(d("150"), d("100"), d("400")), d("400"));
        assert_eq!(scale(d("-5"), d("100"), d("400")), Decimal::ZERO);
        assert_eq!(scale(d("5"), Decimal::ZERO, d("400")), Decimal::ZERO);
        assert_eq!(scale(Decimal::MAX, d("0.0001"), d("400")), Decimal::ZERO);
    }

    #[test]
    fn writes_escaped_elements() {
        let mut s = Svg::new(d("200"), d("50.5"), "Chỉ số <CCHC> & \"x\"");
        s.rect(d("1"), d("2"), d("3.333"), d("-4"), "#1b7837", "bar");
        s.line((d("0"), d("0")), (d("10"), d("0")), "#ccc");
        s.text(d("5"), d("6"), Anchor::End, "Xã <b>Bình Yên</b>");
        let out = s.finish();
        assert_eq!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 200.00 50.50\" width=\"200.00\" height=\"50.50\" role=\"img\" aria-label=\"Chỉ số &lt;CCHC&gt; &amp; &quot;x&quot;\"><title>Chỉ số &lt;CCHC&gt; &amp; &quot;x&quot;</title>\
<rect x=\"1.00\" y=\"2.00\" width=\"3.33\" height=\"0.00\" fill=\"#1b7837\" class=\"bar\"/>\
<line x1=\"0.00\" y1=\"0.00\" x2=\"10.00\" y2=\"0.00\" stroke=\"#ccc\" stroke-width=\"1\"/>\
<text x=\"5.00\" y=\"6.00\" text-anchor=\"end\">Xã &lt;b&gt;Bình Yên&lt;/b&gt;</text></svg>"
        );
    }
}
