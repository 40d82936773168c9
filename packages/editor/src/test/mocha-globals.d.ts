// The few Mocha globals the editor's browser tests use (web-test-runner runs Mocha); declared here instead
// of adding @types/mocha for four functions.
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void | Promise<void>): void;
declare function beforeEach(fn: () => void | Promise<void>): void;
declare function afterEach(fn: () => void | Promise<void>): void;
