//! `cchc template`: the data-entry workbook of a ruleset.

use std::path::PathBuf;

use cchc::{Lang, Ruleset};

/// Arguments of `cchc template`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The rule file.
    rules: PathBuf,
    /// The workbook to write (.xlsx), e.g. mau-nhap-lieu.xlsx.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: &Args, lang: Lang) -> u8 {
    let Some(out) = &args.out else {
        crate::render::to_stderr(&format!(
            "{}\n",
            cchc::msg!("xlsx-cli-needs-out").render(lang)
        ));
        return 2;
    };
    if same_file::is_same_file(out, &args.rules).unwrap_or(false) {
        let m = cchc::msg!(
            "ui-cli-out-is-input",
            out = cchc::Arg::ident(out.display().to_string()),
            input = cchc::Arg::ident(args.rules.display().to_string())
        );
        crate::render::to_stderr(&format!("{}\n", m.render(lang)));
        return 2;
    }
    let rs = match Ruleset::load(&args.rules) {
        Ok(rs) => rs,
        Err(e) => {
            crate::render::to_stderr(&crate::render::all(e.diagnostics(), lang));
            return 2;
        }
    };
    let bytes = match cchc::present::xlsx::template_workbook(&rs, lang) {
        Ok(b) => b,
        Err(e) => return crate::render::output_failed(&e.into(), lang),
    };
    match crate::workbook::write_file(out, &bytes, lang) {
        Ok(()) => 0,
        Err(code) => code,
    }
}
