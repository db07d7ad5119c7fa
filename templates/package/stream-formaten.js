const __DAGEN = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** ajv-formats' full "date" (/^(\d\d\d\d)-(\d\d)-(\d\d)$/ and a day that exists in that month), without a regular expression. */
export function datumFormaat(s) {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let jaar = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    jaar = jaar * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48, m2 = s.charCodeAt(6) - 48, d1 = s.charCodeAt(8) - 48, d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const maand = m1 * 10 + m2;
  const dag = d1 * 10 + d2;
  return maand >= 1 && maand <= 12 && dag >= 1 && dag <= (maand === 2 && jaar % 4 === 0 && (jaar % 100 !== 0 || jaar % 400 === 0) ? 29 : __DAGEN[maand]);
}
/** The same format checks: "date" without a regular expression, the others remembered per value (at most 4096 values per format, then forgotten). */
function __onthouden(formats) {
  const result = {};
  for (const [naam, f] of Object.entries(formats)) {
    if (naam === 'date' && f && typeof f.validate === 'function') {
      result[naam] = { ...f, validate: datumFormaat };
      continue;
    }
    const check = f instanceof RegExp ? (s) => f.test(s) : typeof f === 'function' ? f : f && typeof f.validate === 'function' ? f.validate : f && f.validate instanceof RegExp ? (s) => f.validate.test(s) : undefined;
    if (!check) { result[naam] = f; continue; }
    const cache = new Map();
    const onthouden = (s) => {
      let r = cache.get(s);
      if (r === undefined) {
        if (cache.size >= 4096) cache.clear();
        r = check(s);
        cache.set(s, r);
      }
      return r;
    };
    result[naam] = f instanceof RegExp ? { test: onthouden } : typeof f === 'function' ? onthouden : { ...f, validate: onthouden };
  }
  return result;
}
