// Loaded by web-test-runner.config.mjs on every test page, after the Mocha runner.
//
// The runner sends each failed assertion's `actual` and `expected` to the server through
// structuredClone. A DOM node there (`expect($(el, '[part=refused]')).to.equal(null)` failing)
// throws DataCloneError, the page never reports and the whole run waits for its 120 s limit,
// "did not finish", with no word of which assertion failed. Turn such values into text first.

interface Failure {
  actual?: unknown;
  expected?: unknown;
  multiple?: Failure[];
}
interface HookContext {
  currentTest?: { err?: Failure };
}
interface MochaRoot {
  suite: { afterEach(fn: (this: HookContext) => void): void };
}

/** The value itself if it can be cloned, else a short description a person can read. */
function cloneable(v: unknown): unknown {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
  try {
    structuredClone(v);
    return v;
  } catch {
    if (v instanceof Element) return v.outerHTML.slice(0, 300);
    if (v instanceof Node) return `${v.nodeName}: ${(v.textContent ?? '').slice(0, 300)}`;
    return Object.prototype.toString.call(v);
  }
}

(window as unknown as { mocha: MochaRoot }).mocha.suite.afterEach(function () {
  const err = this.currentTest?.err;
  for (const e of err ? [err, ...(err.multiple ?? [])] : []) {
    if ('actual' in e) e.actual = cloneable(e.actual);
    if ('expected' in e) e.expected = cloneable(e.expected);
  }
});
