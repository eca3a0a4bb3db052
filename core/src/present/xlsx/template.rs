//! The data-entry template of a ruleset: sheet "Nhập liệu" (row 1 the labels for people, row 2
//! the names the reader uses as the header, then empty rows to fill), with data validation and
//! each input's description as a note; sheet "Hướng dẫn" (instructions); a hidden sheet of the
//! drop-down lists.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, Note, Workbook, XlsxError,
};

use super::{Formats, Widths, WorkbookError, excel_number};
use crate::i18n::Lang;
use crate::inputs::InputDef;
use crate::msg;
use crate::ruleset::Ruleset;
use crate::types::InputType;

/// The rows the validation covers (rows 3 to 1,002 of the sheet).
const ENTRY_ROWS: u32 = 1000;

/// The words of a yes/no drop-down (both read back in every language, as in CSV).
fn yes_no(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::Vi => ["có", "không"],
        Lang::En => ["true", "false"],
    }
}

/// The data-entry workbook of a ruleset, in `lang` (see the module's documentation). A
/// filled copy is read by `cchc score` and `Ruleset.score_file` as it is.
///
/// # Errors
/// The writer's error (which does not happen for these workbooks, short of memory).
pub fn template_workbook(rs: &Ruleset, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let plan = &*rs.plan;
    let f = Formats::new();
    let mut wb = Workbook::new();
    let entry_name = msg!("xlsx-sheet-entry").render(lang);
    let guide_name = msg!("xlsx-sheet-guide").render(lang);
    let lists_name = msg!("xlsx-sheet-lists").render(lang);

    // The drop-down lists, one column per choice or yes/no input, on a hidden sheet written
    // last (a list written in the validation itself is limited to 255 characters).
    let mut lists: Vec<(String, Vec<String>)> = Vec::new();
    let mut list_ranges: Vec<Option<String>> = vec![None; plan.inputs.len()];
    for (k, def) in plan.inputs.iter().enumerate() {
        let items: Vec<String> = match def.ty {
            InputType::Choice => (0..def.options.len())
                .map(|i| choice_shown(def, i))
                .collect(),
            InputType::Bool => yes_no(lang).iter().map(|s| (*s).to_string()).collect(),
            _ => continue,
        };
        let col = u32::try_from(lists.len()).unwrap_or(u32::MAX);
        let letters = crate::data::column_letters(col);
        let last = u64::try_from(items.len()).unwrap_or(u64::MAX).max(1) + 1;
        let sheet = lists_name.replace('\'', "''");
        if let Some(slot) = list_ranges.get_mut(k) {
            *slot = Some(format!("='{sheet}'!${letters}$2:${letters}${last}"));
        }
        lists.push((def.name.clone(), items));
    }

    {
        let ws = wb.add_worksheet().set_name(&entry_name)?;
        let header = &f.header;
        let names_fmt = Format::new()
            .set_italic()
            .set_font_color("808080")
            .set_background_color("F2F2F2");
        let mut widths = Widths::new();
        let fixed = [
            ("id", msg!("xlsx-entry-id").render(lang)),
            ("name", msg!("xlsx-entry-name").render(lang)),
            ("kind", msg!("xlsx-entry-kind").render(lang)),
        ];
        for (c, (name, label)) in fixed.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(0, c, label, header)?;
            ws.write_string_with_format(1, c, *name, &names_fmt)?;
            widths.note(c, label);
        }
        for (k, def) in plan.inputs.iter().enumerate() {
            let c = u16::try_from(k + fixed.len()).unwrap_or(u16::MAX);
            let label = def.label.as_deref().unwrap_or(&def.name);
            ws.write_string_with_format(0, c, label, header)?;
            ws.write_string_with_format(1, c, &def.name, &names_fmt)?;
            widths.note(c, &label.chars().take(30).collect::<String>());
            widths.note(c, &def.name);
            let mut note = String::new();
            if let Some(d) = def.description.as_deref().filter(|d| !d.trim().is_empty()) {
                note.push_str(d.trim());
                note.push('\n');
            }
            note.push_str(&expects(def, lang));
            ws.insert_note(0, c, &Note::new(note).set_author("cchc").set_width(320))?;
            let validation = validation(def, list_ranges.get(k).cloned().flatten(), lang)?;
            if let Some(v) = validation {
                ws.add_data_validation(2, c, 1 + ENTRY_ROWS, c, &v)?;
            }
        }
        ws.set_freeze_panes(2, 1)?;
        ws.set_row_height(0, 45)?;
        widths.apply(ws)?;
    }

    {
        let ws = wb.add_worksheet().set_name(&guide_name)?;
        ws.write_string_with_format(0, 0, &plan.title, &f.title)?;
        ws.write_string(
            1,
            0,
            msg!(
                "xlsx-ruleset-line",
                id = plan.id.as_str(),
                version = plan.version.as_str(),
                fingerprint = plan.fingerprint.as_str()
            )
            .render(lang),
        )?;
        let mut row = 3;
        ws.write_string_with_format(row, 0, msg!("xlsx-guide-title").render(lang), &f.bold)?;
        let steps = [
            msg!("xlsx-guide-1", sheet = entry_name.as_str()),
            msg!("xlsx-guide-2"),
            msg!("xlsx-guide-3"),
            msg!("xlsx-guide-4"),
            msg!("xlsx-guide-5"),
            msg!("xlsx-guide-6"),
        ];
        for (i, s) in steps.iter().enumerate() {
            row += 1;
            ws.write_string(row, 0, format!("{}. {}", i + 1, s.render(lang)))?;
        }
        row += 2;
        ws.write_string_with_format(row, 0, msg!("xlsx-guide-inputs").render(lang), &f.bold)?;
        for def in &plan.inputs {
            row += 1;
            let label = def.label.as_deref().unwrap_or(&def.name);
            ws.write_string(
                row,
                0,
                format!("{label} ({}): {}", def.name, expects(def, lang)),
            )?;
        }
        ws.set_column_width(0, 120)?;
    }
    {
        let ws = wb.add_worksheet().set_name(&lists_name)?;
        for (col, (name, items)) in lists.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            ws.write_string(0, col, name)?;
            for (i, item) in items.iter().enumerate() {
                let r = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
                ws.write_string(r, col, item)?;
            }
        }
        ws.set_hidden(true);
    }
    Ok(wb.save_to_buffer()?)
}

/// What a choice's drop-down shows for option `i`: its label, else its id.
fn choice_shown(def: &InputDef, i: usize) -> String {
    def.option_label(i)
        .map(str::to_string)
        .or_else(|| def.options.get(i).cloned())
        .unwrap_or_default()
}

/// What an input takes, in words (the cell's note and the instructions).
fn expects(def: &InputDef, lang: Lang) -> String {
    let places = 2;
    match def.ty {
        InputType::Bool => msg!("xlsx-expects-bool").render(lang),
        InputType::Count => msg!("xlsx-expects-count").render(lang),
        InputType::Percent => msg!("xlsx-expects-percent").render(lang),
        InputType::Number => match (def.min, def.max) {
            (Some(a), Some(b)) => msg!(
                "xlsx-expects-number-between",
                min = crate::i18n::number(a, places, lang),
                max = crate::i18n::number(b, places, lang)
            )
            .render(lang),
            (Some(a), None) => msg!(
                "xlsx-expects-number-min",
                min = crate::i18n::number(a, places, lang)
            )
            .render(lang),
            (None, Some(b)) => msg!(
                "xlsx-expects-number-max",
                max = crate::i18n::number(b, places, lang)
            )
            .render(lang),
            (None, None) => msg!("xlsx-expects-number").render(lang),
        },
        InputType::Choice => msg!(
            "xlsx-expects-choice",
            options = (0..def.options.len())
                .map(|i| choice_shown(def, i))
                .collect::<Vec<_>>()
                .join("; ")
        )
        .render(lang),
    }
}

/// The data validation of an input's column (`list`: the range of its drop-down list).
fn validation(
    def: &InputDef,
    list: Option<String>,
    lang: Lang,
) -> Result<Option<DataValidation>, XlsxError> {
    let v = match (def.ty, list) {
        (InputType::Choice | InputType::Bool, Some(range)) => {
            DataValidation::new().allow_list_formula(range.as_str().into())
        }
        (InputType::Choice | InputType::Bool, None) => return Ok(None),
        (InputType::Count, _) => {
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        }
        (InputType::Percent, _) => {
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
        }
        (InputType::Number, _) => match (def.min, def.max) {
            (Some(a), Some(b)) => DataValidation::new().allow_decimal_number(
                DataValidationRule::Between(excel_number(a), excel_number(b)),
            ),
            (Some(a), None) => DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(excel_number(a))),
            (None, Some(b)) => DataValidation::new()
                .allow_decimal_number(DataValidationRule::LessThanOrEqualTo(excel_number(b))),
            (None, None) => return Ok(None),
        },
    };
    let title: String = msg!("xlsx-validation-title")
        .render(lang)
        .chars()
        .take(32)
        .collect();
    let text: String = expects(def, lang).chars().take(255).collect();
    Ok(Some(
        v.set_error_title(title)?
            .set_error_message(text)?
            .set_error_style(DataValidationErrorStyle::Stop),
    ))
}
