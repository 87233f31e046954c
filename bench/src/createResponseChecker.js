// Checks every response against the expected answer: HTTP 200, no `errors`, and `data` equal to the reference
// (compared with sorted keys, so key order is not a difference). A body once verified for a variant is remembered
// as raw text, so checking under load costs a string comparison.

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The first path where two JSON values differ, e.g. `administrativeUnit.cameraCount: 9 ≠ 8`. */
function firstDifference(actual, expected, path = '') {
  if (canonical(actual) === canonical(expected)) return undefined;
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const key of keys) {
      const found = firstDifference(actual[key], expected[key], path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(actual)?.slice(0, 60)} ≠ ${JSON.stringify(expected)?.slice(0, 60)}`;
}

/**
 * @param {(variant: number) => unknown} expectedData the reference `data` of one request variant
 */
export function createResponseChecker(expectedData) {
  const expected = new Map();
  const verified = new Map();
  const failures = [];

  /** @returns {boolean} */
  function check(status, body, variant) {
    if (verified.get(variant) === body && status === 200) return true;
    let problem;
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      problem = `HTTP ${status}, not JSON: ${String(body).slice(0, 120)}`;
    }
    if (parsed !== undefined) {
      if (status !== 200) problem = `HTTP ${status}`;
      else if (parsed.errors?.length) problem = `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
      else {
        if (!expected.has(variant)) expected.set(variant, canonical(expectedData(variant)));
        if (canonical(parsed.data) !== expected.get(variant)) {
          problem = `data differs from the reference at ${firstDifference(parsed.data, expectedData(variant))}`;
        }
      }
    }
    if (!problem) {
      verified.set(variant, body);
      return true;
    }
    if (failures.length < 5) failures.push(problem);
    return false;
  }
  return { check, failures };
}
