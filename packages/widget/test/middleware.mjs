// Dev-server middleware for browser tests (a scriptable collector endpoint). Owned by the
// submission/queue tests; see test/README in that work.
export const middleware = [];
