use super::*;
use crate::{BatchOptions, DataFormat, Ruleset, read_units};

const RULES: &str = r#"
format: cchc/1
id: test.report
version: "2026.1"
title: Bộ tiêu chí thử <báo cáo>
issued_by: UBND huyện Thử
status: illustrative
total: 10
inputs:
  p: { type: percent, label: Tỷ lệ hồ sơ đúng hạn }
  k: { type: bool, label: Có báo cáo đúng hạn }
rounds:
  - { id: tu_cham, label: Tự chấm điểm }
  - { id: tham_dinh, label: Thẩm định lần 1 }
grades:
  - { id: tot, label: Tốt, at_least: 80 }
  - { id: kha, label: Khá, at_least: 50 }
  - { id: yeu, label: Yếu, at_least: 0 }
criteria:
  - id: "1"
    title: Giải quyết thủ tục hành chính
    max: 4
    children:
      - id: "1.1"
        title: Tỷ lệ hồ sơ giải quyết đúng hạn
        max: 4
        rule:
          bands:
            input: p
            steps:
              - { at_least: 90, points: 4 }
              - { at_least: 70, points: 2 }
              - { points: 0 }
  - id: "2"
    title: Báo cáo
    max: 6
    children:
      - { id: "2.1", title: Báo cáo đúng hạn, max: 6, rule: { check: k } }
"#;

const DATA: &str = r#"
units:
  - id: xa-a
    name: Xã A <script>alert(1)</script>
    kind: xa
    values: { p: 95, k: true }
    evidence: { "2.1": [Báo cáo số 12/BC-UBND] }
    rounds:
      tham_dinh:
        values: { p: 80 }
        notes: { "1.1": Hồ sơ trễ hạn được phát hiện khi thẩm định }
  - id: xa-b
    name: Xã B & "C"
    values: { p: 60, k: true }
  - id: xa-c
    name: Xã C
    values: { k: true }
"#;

fn batch(rules: &str, round: Option<usize>) -> (Ruleset, BatchResult) {
    let rs = Ruleset::from_yaml_str(rules, "r.yaml").unwrap();
    let units = read_units(DATA, DataFormat::Yaml, "d.yaml").unwrap();
    let b = rs.score_batch_with(&units, &BatchOptions::default().as_of(round), &mut |_| {});
    (rs, b)
}

fn report(rules: &str, lang: Lang) -> String {
    let (rs, b) = batch(rules, None);
    report_html(&rs, &b, &ReportOptions::new(lang, "2026-12-01"))
}

#[test]
fn small_report_snapshot_vi() {
    insta::assert_snapshot!("report_vi", report(RULES, Lang::Vi));
}

#[test]
fn small_report_snapshot_en() {
    insta::assert_snapshot!("report_en", report(RULES, Lang::En));
}

#[test]
fn structure_ranking_rows_charts_pages() {
    let html = report(RULES, Lang::Vi);
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Two units ranked (xa-c lacks `p`), one not ranked with its reason.
    assert_eq!(html.matches("class=\"rank-row\"").count(), 2);
    assert_eq!(html.matches("class=\"not-ranked-row\"").count(), 1);
    assert!(html.contains("missing_value") || html.contains("thiếu"));
    // One SVG per chart: ranking, grades, and one area chart per unit.
    assert_eq!(html.matches("<svg ").count(), 2 + 3);
    assert_eq!(html.matches("</svg>").count(), 2 + 3);
    // A page per unit.
    assert_eq!(html.matches("<section class=\"page unit\">").count(), 3);
    // Escaped: no markup from the data or the rule file.
    assert!(!html.contains("<script"));
    assert!(html.contains("Xã A &lt;script&gt;"));
    assert!(html.contains("Xã B &amp; &quot;C&quot;"));
    assert!(html.contains("&lt;báo cáo&gt;"));
    // No network.
    assert!(
        !html.contains("http://")
            || html.matches("http://").count()
                == html.matches("http://www.w3.org/2000/svg").count()
    );
    assert!(!html.contains("https://"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<link"));
    // Print CSS.
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("thead { display: table-header-group; }"));
    // The rounds' columns, evidence and the council's note.
    assert!(html.contains("Thẩm định lần 1"));
    assert!(html.contains("Báo cáo số 12/BC-UBND"));
    assert!(html.contains("Hồ sơ trễ hạn được phát hiện khi thẩm định"));
}

#[test]
fn illustrative_label_only_when_illustrative() {
    let label = msg!("ui-ruleset-illustrative").render(Lang::Vi);
    let html = report(RULES, Lang::Vi);
    // The cover, the running head, the ranking page and every unit's page.
    assert_eq!(html.matches(&escape(&label)).count(), 1 + 1 + 1 + 3);
    for status in ["official", "draft"] {
        let rules = RULES.replace("status: illustrative", &format!("status: {status}"));
        let html = report(&rules, Lang::Vi);
        assert!(!html.contains(&escape(&label)), "{status}");
        assert!(!html.contains("class=\"illustrative\""), "{status}");
    }
    let en = msg!("ui-ruleset-illustrative").render(Lang::En);
    assert!(report(RULES, Lang::En).contains(&escape(&en)));
}

#[test]
fn cover_shows_the_round_asked_for() {
    let (rs, b) = batch(RULES, Some(0));
    let html = report_html(
        &rs,
        &b,
        &ReportOptions::new(Lang::Vi, "2026-12-01").round(Some(0)),
    );
    assert!(html.contains("Kết quả theo vòng: Tự chấm điểm"));
    let html = report(RULES, Lang::Vi);
    assert!(html.contains("Kết quả chính thức"));
}

#[test]
fn deterministic() {
    assert_eq!(report(RULES, Lang::Vi), report(RULES, Lang::Vi));
}

#[test]
fn empty_batch_has_a_cover_and_no_ranking() {
    let rs = Ruleset::from_yaml_str(RULES, "r.yaml").unwrap();
    let b = rs.score_batch(&[]);
    let html = report_html(&rs, &b, &ReportOptions::new(Lang::En, "2026-12-01"));
    assert!(html.contains("No unit is ranked."));
    assert_eq!(html.matches("class=\"rank-row\"").count(), 0);
    assert!(html.ends_with("</body></html>\n"));
}

#[test]
fn many_units_chart_is_bounded() {
    let rs = Ruleset::from_yaml_str(RULES, "r.yaml").unwrap();
    let mut csv = String::from("id;p;k\n");
    for i in 0..2000 {
        csv.push_str(&format!("u{i};{};có\n", i % 101));
    }
    let units = read_units(&csv, DataFormat::Csv, "d.csv").unwrap();
    let b = rs.score_batch(&units);
    let html = report_html(&rs, &b, &ReportOptions::new(Lang::Vi, "2026-12-01"));
    assert_eq!(html.matches("class=\"rank-row\"").count(), 2000);
    // Ranking chart bars: at most MAX_CHART_BARS (the grade chart adds one bar per grade, the
    // area charts two per unit).
    let bars = html.matches("class=\"bar\"").count();
    assert_eq!(bars, MAX_CHART_BARS + 3 + 2000 * 2);
    assert!(html.contains("Biểu đồ thể hiện 60 đơn vị đứng đầu trong 2000 đơn vị"));
}

#[test]
fn dates_from_days() {
    assert_eq!(date_of_day(0), "1970-01-01");
    assert_eq!(date_of_day(19_723), "2024-01-01");
    assert_eq!(date_of_day(19_782), "2024-02-29");
    assert_eq!(date_of_day(-1), "1969-12-31");
    assert_eq!(date_of_day(20_423), "2025-12-01");
    assert_eq!(today().len(), 10);
}

#[test]
fn escape_and_clip() {
    assert_eq!(
        escape("a<b>&\"'\u{1b}"),
        "a&lt;b&gt;&amp;&quot;&#39;\u{FFFD}"
    );
    assert_eq!(clip("Phòng Nội vụ", 20), "Phòng Nội vụ");
    assert_eq!(clip("Phòng Nội vụ", 6), "Phòng…");
}
