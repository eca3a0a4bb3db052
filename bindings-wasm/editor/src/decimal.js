// Exact sums of the decimals the engine writes (a group's sub-criteria maxima), in BigInt: no
// binary floating point. A JSON number read by JSON.parse prints back as its shortest text,
// which is the engine's own digits, so the sum is of exactly those digits.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `[sign, digits as BigInt, scale]` of a number's shortest text, or null (an exponent form). */
function parse(value) {
  const m = DECIMAL.exec(String(value));
  if (!m) return null;
  const frac = m[3] ?? '';
  const digits = BigInt(`${m[2]}${frac}`);
  return { units: m[1] === '-' ? -digits : digits, scale: frac.length };
}

/** The exact sum of `values` as text (shortest form, no trailing zeros), or null. */
export function sum(values) {
  const parsed = values.map(parse);
  if (parsed.some((p) => p === null)) return null;
  const scale = parsed.reduce((s, p) => Math.max(s, p.scale), 0);
  let total = 0n;
  for (const p of parsed) total += p.units * 10n ** BigInt(scale - p.scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  let out = digits;
  if (scale > 0) {
    const int = digits.slice(0, digits.length - scale);
    const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
    out = frac ? `${int}.${frac}` : int;
  }
  return negative && out !== '0' ? `-${out}` : out;
}

/** True when two numbers the engine wrote are the same decimal. */
export function same(a, b) {
  const d = sum([a]);
  return d !== null && d === sum([b]);
}
