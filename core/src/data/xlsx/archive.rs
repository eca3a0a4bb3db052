//! The archive check of a zip workbook (`.xlsx`, `.xlsm`, `.ods`), before calamine reads it
//! (D121): a workbook is a zip of XML parts, and a small file can unpack to gigabytes (a zip
//! bomb) or declare sizes that are not true. calamine reads some parts whole (the shared
//! strings, an `.ods` sheet), so the parts are checked first, against [`ArchiveLimits`]:
//!
//! 1. the number of parts, from the archive's end record, before the archive is opened (its
//!    directory is read into memory);
//! 2. each part's declared size: the total at most `unpacked_bytes`; a part over `grace_bytes`
//!    compressed more than `ratio` times (deflate reaches about 1,000×; real sheets stay well
//!    under 100×) is refused;
//! 3. each part unpacked for real, into nothing, never more than its declared size plus one
//!    byte: a part that unpacks to more than it declares is refused (so the declared sizes
//!    checked above bound the bytes calamine reads), as is one that cannot be unpacked
//!    (damaged, a checksum that does not match, an unknown method, zip encryption).
//!
//! Memory stays bounded (an 8 KiB buffer); time is that of unpacking at most `unpacked_bytes`.
//! An archive the zip reader cannot open at all is left to calamine, which says why.

use std::io::{Cursor, Read};

use crate::error::{Code, Diagnostic, Error, Pos};
use crate::i18n::Arg;
use crate::msg;

/// Limits of a zip workbook's parts (one constant, [`ArchiveLimits::DEFAULT`]; not settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveLimits {
    /// Most parts (files) in the archive.
    pub parts: u64,
    /// Most bytes of all parts together, unpacked.
    pub unpacked_bytes: u64,
    /// Most times a part may be compressed (unpacked size over packed size)…
    pub ratio: u64,
    /// … once it unpacks to more than this (small parts compress well and do no harm).
    pub grace_bytes: u64,
}

impl ArchiveLimits {
    /// The limits of every workbook read: 10,000 parts, 1 GiB unpacked in total, 100× beyond
    /// 1 MiB (the ratio of Apache POI's `ZipSecureFile`).
    pub const DEFAULT: ArchiveLimits = ArchiveLimits {
        parts: 10_000,
        unpacked_bytes: 1024 * 1024 * 1024,
        ratio: 100,
        grace_bytes: 1024 * 1024,
    };
}

/// A part's name for a message: at most 100 characters.
fn part_name(name: &str) -> String {
    let mut s: String = name.chars().take(100).collect();
    if name.chars().nth(100).is_some() {
        s.push('…');
    }
    s
}

fn refuse(origin: &str, message: crate::Message) -> Error {
    Error::Data(Box::new(
        Diagnostic::new(Code::UnreadableWorkbook, origin, Pos::default(), message)
            .with_help(msg!("xlsx-archive-help")),
    ))
}

fn u16_at(b: &[u8], at: usize) -> Option<u64> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u64::from(u16::from_le_bytes(s.try_into().ok()?)))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    let s = b.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(s.try_into().ok()?))
}

/// The number of parts the archive's end record declares (Zip64 when it says so); `None` when
/// there is no end record (the zip reader will then refuse the file).
fn declared_parts(b: &[u8]) -> Option<u64> {
    const END: &[u8] = b"PK\x05\x06";
    const LOCATOR: &[u8] = b"PK\x06\x07";
    const END64: &[u8] = b"PK\x06\x06";
    // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the file's end.
    let from = b.len().saturating_sub(22 + 65_535);
    let tail = b.get(from..)?;
    let at = from.checked_add(tail.windows(4).rposition(|w| w == END)?)?;
    let parts = u16_at(b, at.checked_add(10)?)?;
    if parts != 0xFFFF {
        return Some(parts);
    }
    // Zip64: a locator just before the end record gives the offset of the Zip64 end record.
    let loc = at.checked_sub(20)?;
    if b.get(loc..loc.checked_add(4)?)? != LOCATOR {
        return Some(parts);
    }
    let end64 = usize::try_from(u64_at(b, loc.checked_add(8)?)?).ok()?;
    if b.get(end64..end64.checked_add(4)?)? != END64 {
        return Some(parts);
    }
    u64_at(b, end64.checked_add(32)?)
}

/// Checks a zip workbook's parts against [`ArchiveLimits::DEFAULT`] (see the module's
/// documentation). Bytes that are not a zip pass (they are not this check's concern).
pub(crate) fn check(bytes: &[u8], origin: &str) -> Result<(), Error> {
    check_with(bytes, origin, &ArchiveLimits::DEFAULT)
}

/// [`check`] with other limits (the tests use small ones).
pub(crate) fn check_with(bytes: &[u8], origin: &str, limits: &ArchiveLimits) -> Result<(), Error> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let file = || Arg::ident(origin);
    let too_many = |count: u64| {
        refuse(
            origin,
            msg!(
                "xlsx-archive-parts",
                file = file(),
                count = count,
                max = limits.parts
            ),
        )
    };
    if let Some(n) = declared_parts(bytes) {
        if n > limits.parts {
            return Err(too_many(n));
        }
    }
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let count = u64::try_from(zip.len()).unwrap_or(u64::MAX);
    if count > limits.parts {
        return Err(too_many(count));
    }
    let mib = limits.unpacked_bytes / (1024 * 1024);
    // Declared sizes first: a bomb is refused without unpacking anything.
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| {
            refuse(
                origin,
                msg!(
                    "xlsx-archive-part-unreadable",
                    file = file(),
                    part = Arg::ident(format!("#{}", i.saturating_add(1))),
                    why = e.to_string()
                ),
            )
        })?;
        let name = || Arg::ident(part_name(part.name()));
        if part.encrypted() {
            return Err(Error::Data(Box::new(
                Diagnostic::new(
                    Code::UnreadableWorkbook,
                    origin,
                    Pos::default(),
                    msg!("xlsx-encrypted", file = file()),
                )
                .with_help(msg!("xlsx-encrypted-help")),
            )));
        }
        let size = part.size();
        total = total.saturating_add(size);
        if size > limits.grace_bytes && size / limits.ratio.max(1) > part.compressed_size() {
            return Err(refuse(
                origin,
                msg!(
                    "xlsx-archive-ratio",
                    file = file(),
                    part = name(),
                    ratio = limits.ratio
                ),
            ));
        }
        if total > limits.unpacked_bytes {
            return Err(refuse(
                origin,
                msg!("xlsx-archive-too-large", file = file(), mib = mib),
            ));
        }
    }
    // Then the real bytes: never more than declared (plus one byte, to see a lie).
    for i in 0..zip.len() {
        let unreadable = |name: &str, why: String| {
            refuse(
                origin,
                msg!(
                    "xlsx-archive-part-unreadable",
                    file = file(),
                    part = Arg::ident(part_name(name)),
                    why = why
                ),
            )
        };
        let mut part = match zip.by_index(i) {
            Ok(p) => p,
            Err(e) => {
                return Err(unreadable(
                    &format!("#{}", i.saturating_add(1)),
                    e.to_string(),
                ));
            }
        };
        let name = part.name().to_string();
        let declared = part.size();
        let mut limited = (&mut part).take(declared.saturating_add(1));
        let unpacked = std::io::copy(&mut limited, &mut std::io::sink())
            .map_err(|e| unreadable(&name, e.to_string()))?;
        if unpacked > declared {
            return Err(refuse(
                origin,
                msg!(
                    "xlsx-archive-size-lie",
                    file = file(),
                    part = Arg::ident(part_name(&name)),
                    declared = declared
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
