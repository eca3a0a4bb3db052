// The engine's places (1-based line; 1-based column counting characters, i.e. Unicode scalar
// values) as CodeMirror document offsets (UTF-16 code units).

/** The offset of `line`:`column` in `doc` (a CodeMirror Text), clamped into the document. */
export function offsetOf(doc, line, column) {
  if (!Number.isInteger(line) || line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  let left = Math.max(1, Number.isInteger(column) ? column : 1) - 1;
  let i = 0;
  for (const ch of l.text) {
    if (left <= 0) break;
    left -= 1;
    i += ch.length;
  }
  return l.from + Math.min(i, l.length);
}

/**
 * The range a diagnostic underlines: from its place to its end when the engine gives one, else
 * to the end of the line's text (a problem at the very end of a line: the whole line, so that
 * there is something to underline).
 */
export function rangeOf(doc, d) {
  const from = offsetOf(doc, d.line, d.column);
  let to;
  if (d.end_line > 0 && d.end_column > 0) {
    to = offsetOf(doc, d.end_line, d.end_column);
  } else {
    const l = doc.lineAt(from);
    to = l.from + l.text.replace(/\s+$/, '').length;
  }
  if (to > from) return { from, to };
  // Nothing after the place on its line: the line's text, from its first non-blank character.
  const l = doc.lineAt(from);
  const start = l.from + (l.text.length - l.text.trimStart().length);
  const end = l.from + l.text.trimEnd().length;
  return end > start ? { from: start, to: end } : { from, to: from };
}
