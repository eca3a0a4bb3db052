use super::*;

#[test]
fn column_letters_and_addresses() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(16_383), "XFD");
    assert_eq!(address("Sheet1", 6, 3), "Sheet1!D7");
    assert_eq!(address("Nhập liệu", 0, 0), "'Nhập liệu'!A1");
}

#[test]
fn floats_through_their_shortest_text() {
    assert_eq!(float_text(92.35).as_deref(), Some("92.35"));
    assert_eq!(float_text(3.0).as_deref(), Some("3"));
    assert_eq!(
        float_text(0.1 + 0.2).as_deref(),
        Some("0.30000000000000004")
    );
    assert_eq!(float_text(f64::NAN), None);
}
