import {
  figureInputs,
  isChoice,
  isMany,
  summaryFeed,
  type FigureInputs,
  type Question,
  type QuestionFigures,
  type SurveyReport,
} from '@otklik/core';
import { suppressIndexed, type Line } from './suppress.js';

/** Default k: no published count describes fewer than 5 respondents. */
export const MIN_CELL = 5;

/** Marks a published number that suppression withheld. */
export const HIDDEN = 'hidden';
export type Hidden = typeof HIDDEN;

/** A report's shape with every number possibly withheld. */
export type Masked<T> = T extends number
  ? number | Hidden
  : T extends readonly (infer U)[]
    ? Masked<U>[]
    : T extends object
      ? { [K in keyof T]: Masked<T[K]> }
      : T;

export type PublicReport = Masked<SurveyReport>;

/** The period levels a public page offers, coarsest first; each partitions the one above it. */
export const LEVELS = ['year', 'half-year', 'quarter', 'month'] as const;
export type Level = (typeof LEVELS)[number];

/** The key of the period one level up: `2026-03` → `2026-Q1` → `2026-H1` → `2026`. */
export function parentKey(level: Level, key: string): string {
  const y = key.slice(0, 4);
  switch (level) {
    case 'month':
      return `${y}-Q${Math.ceil(Number(key.slice(5, 7)) / 3)}`;
    case 'quarter':
      return `${y}-H${Number(key.slice(6)) <= 2 ? 1 : 2}`;
    case 'half-year':
      return y;
    case 'year':
      return 'all';
  }
}

/** A report for all time and for every period of every level that has responses. */
export interface PeriodTree<R> {
  total: R;
  groups: Record<Level, { key: string; report: R }[]>;
}

/** One service's tree (`service` null: the responses that named no service). */
export type ServiceTree<R> = PeriodTree<R> & { service: string | null };

export interface PeriodReports extends PeriodTree<SurveyReport> {
  /**
   * The same figures per service. When given, they must partition the responses (every service
   * and the responses without one): each count of the whole is then the sum of the services'.
   */
  services?: readonly ServiceTree<SurveyReport>[];
}

export interface PublicReports extends PeriodTree<PublicReport> {
  services: ServiceTree<PublicReport>[];
}

export interface DiscloseOptions {
  k: number;
  /** The questions the reports cover (which counts each figure reads, which add up). */
  questions: readonly Question[];
  /** The headline question (core's `headlineQuestion`), whose share is the satisfaction level. */
  headline?: string | undefined;
}

/** A question whose answer is one value: its counts add up to the number who answered it. */
const singleValued = (q: Question | undefined): boolean =>
  q !== undefined && (q.type === 'scale' || (isChoice(q) && !isMany(q)));

/** Each count of one report with its cell name, in a fixed order. */
function eachCell(r: SurveyReport, fn: (name: string, n: number) => void): void {
  fn('n', r.responses);
  for (const [ch, { count }] of Object.entries(r.channels)) fn(`ch:${ch}`, count);
  for (const f of r.questions) {
    fn(`q:${f.id}:a`, f.answered);
    if (f.type === 'matrix') {
      for (const row of f.rows) {
        fn(`q:${f.id}:r:${row.id}:a`, row.answered);
        for (const [v, n] of Object.entries(row.distribution))
          fn(`q:${f.id}:r:${row.id}:v:${v}`, n);
      }
    } else if (f.type !== 'text') {
      for (const [v, n] of Object.entries(f.distribution)) fn(`q:${f.id}:v:${v}`, n);
    }
  }
}

/** Within one report: responses = Σ channels; a single-valued question's answered = Σ its values. */
function scopeLines(r: SurveyReport, byId: ReadonlyMap<string, Question>): Line[] {
  const lines: Line[] = [{ total: 'n', parts: Object.keys(r.channels).map((ch) => `ch:${ch}`) }];
  for (const f of r.questions) {
    if (f.type === 'matrix') {
      for (const row of f.rows)
        lines.push({
          total: `q:${f.id}:r:${row.id}:a`,
          parts: Object.keys(row.distribution).map((v) => `q:${f.id}:r:${row.id}:v:${v}`),
        });
    } else if (f.type !== 'text' && singleValued(byId.get(f.id))) {
      lines.push({
        total: `q:${f.id}:a`,
        parts: Object.keys(f.distribution).map((v) => `q:${f.id}:v:${v}`),
      });
    }
  }
  return lines;
}

const scopeOf = (level: Level, key: string): string => `${level}:${key}`;

/** The scope of the period one level up (`all` above a year). */
const parentScope = (level: Level, key: string): string =>
  level === 'year' ? 'all' : scopeOf(LEVELS[LEVELS.indexOf(level) - 1]!, parentKey(level, key));

/** Strings numbered in the order first seen, until sealed. */
class Numbering {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  private sealed = false;
  add(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      if (this.sealed) throw new Error(`disclosure: "${s}" was not numbered beforehand`);
      this.ids.set(s, (i = this.list.length));
      this.list.push(s);
    }
    return i;
  }
  get(s: string): number | undefined {
    return this.ids.get(s);
  }
  /** No new strings from now on: numbers computed from the count stay valid. */
  seal(): void {
    this.sealed = true;
  }
}

/**
 * Every count on the public pages and the lines between them, numbered for `suppressIndexed`.
 * A cell is (tree, scope, name) — tree 0 the whole survey, i + 1 the i-th service; scope `all`,
 * `quarter:2026-Q1`…; name `n`, `q:q1:v:5`… — named `s<i>/<scope>|<name>` (the whole's without
 * `s<i>/`) when counts tie. As strings and objects, the 82,000 cells and 53,000 lines of 12
 * services over two years of months held 48 MB of heap at once; numbered, 9.5 MB.
 */
class Table {
  readonly values: number[] = [];
  readonly total: number[] = [];
  readonly start: number[] = [0];
  readonly parts: number[] = [];
  readonly forced: number[] = [];
  /** Each cell's (tree · scopes + scope) · names + name, and the cell of each such number. */
  private readonly where: number[] = [];
  private readonly cells = new Map<number, number>();

  constructor(
    readonly scopes: Numbering,
    readonly names: Numbering,
  ) {
    scopes.seal();
    names.seal();
  }

  private at(tree: number, scope: number, name: number): number {
    return (tree * this.scopes.list.length + scope) * this.names.list.length + name;
  }

  /** The cell's number, given a count (0, and published, until set). */
  cell(tree: number, scope: number, name: number, n?: number): number {
    const at = this.at(tree, scope, name);
    let c = this.cells.get(at);
    if (c === undefined) {
      this.cells.set(at, (c = this.values.length));
      this.where.push(at);
      this.values.push(0);
    }
    if (n !== undefined) this.values[c] = n;
    return c;
  }

  find(tree: number, scope: number, name: string): number | undefined {
    const i = this.names.get(name);
    return i === undefined ? undefined : this.cells.get(this.at(tree, scope, i));
  }

  line(total: number, parts: readonly number[]): void {
    this.total.push(total);
    for (const p of parts) this.parts.push(p);
    this.start.push(this.parts.length);
  }

  /** The cell's name, as above. */
  name(c: number): string {
    const names = this.names.list.length;
    const pair = Math.floor(this.where[c]! / names);
    const tree = Math.floor(pair / this.scopes.list.length);
    const scope = this.scopes.list[pair % this.scopes.list.length]!;
    return `${tree === 0 ? '' : `s${tree - 1}/`}${scope}|${this.names.list[this.where[c]! % names]!}`;
  }
}

/** The reports of a tree by scope: `all` first, then each level's periods. */
function scopesOf(tree: PeriodTree<SurveyReport>): [string, SurveyReport][] {
  const scopes: [string, SurveyReport][] = [['all', tree.total]];
  for (const level of LEVELS)
    for (const g of tree.groups[level]) scopes.push([scopeOf(level, g.key), g.report]);
  return scopes;
}

/**
 * Adds tree number `tree` to the table: each report's own cells and lines, and the lines by which
 * every count of a period is the sum of that count over its sub-periods. Returns the names (by
 * number) each scope has, for the lines across services.
 */
function addTree(
  t: Table,
  tree: number,
  reports: PeriodTree<SurveyReport>,
  o: DiscloseOptions,
  byId: ReadonlyMap<string, Question>,
): Map<number, number[]> {
  const childrenOf = new Map<number, number[]>();
  for (const level of LEVELS)
    for (const g of reports.groups[level]) {
      const p = t.scopes.add(parentScope(level, g.key));
      const list = childrenOf.get(p);
      const child = t.scopes.add(scopeOf(level, g.key));
      if (list) list.push(child);
      else childrenOf.set(p, [child]);
    }

  const namesOf = new Map<number, number[]>();
  for (const [key, r] of scopesOf(reports)) {
    const scope = t.scopes.add(key);
    const own: number[] = [];
    eachCell(r, (name, n) => {
      const i = t.names.add(name);
      own.push(i);
      const c = t.cell(tree, scope, i, n);
      // A group under k is withheld whole: with two respondents even "nobody chose X" says too much.
      if (r.responses < o.k) t.forced.push(c);
    });
    namesOf.set(scope, own);
    const id = (name: string): number => t.cell(tree, scope, t.names.add(name));
    for (const l of scopeLines(r, byId)) t.line(id(l.total), l.parts.map(id));
  }
  for (const [parent, children] of childrenOf)
    for (const name of union([parent, ...children].map((s) => namesOf.get(s) ?? [])))
      t.line(
        t.cell(tree, parent, name),
        children.map((c) => t.cell(tree, c, name)),
      );
  return namesOf;
}

/** The numbers of `lists`, each once, in the order first met. */
function union(lists: readonly (readonly number[])[]): number[] {
  const seen = new Set<number>();
  for (const l of lists) for (const x of l) seen.add(x);
  return [...seen];
}

/**
 * Withholds what could single out a respondent from a survey's public figures at every period
 * level and for every service at once: counts under `k`, groups under `k` whole, and — since the
 * levels add up (months to quarters to half-years to years to the total), the services add up to
 * the whole survey in every period, and counts add up within a report — enough other counts that
 * no withheld one can be recovered by subtraction anywhere on the public pages. A figure computed
 * from counts (a mean, a share, NPS, an index) is withheld when any count its formula reads is.
 *
 * @example
 * const pub = discloseReports(reports, { k: 5, questions: reportQuestions(versions) });
 * pub.groups.quarter[0]?.report.responses; // a number, or 'hidden'
 * pub.services[0]?.total.responses; // the first service's all-time count, or 'hidden'
 */
export function discloseReports(reports: PeriodReports, o: DiscloseOptions): PublicReports {
  const byId = new Map(o.questions.map((q) => [q.id, q]));
  const services = reports.services ?? [];
  const trees = [reports, ...services];
  // Every scope and cell name first: a cell's number is computed from theirs.
  const scopes = new Numbering();
  const names = new Numbering();
  for (const tree of trees)
    for (const [scope, r] of scopesOf(tree)) {
      scopes.add(scope);
      // (The lines within a report only name cells of it.)
      eachCell(r, (name) => names.add(name));
    }
  for (const tree of trees)
    for (const level of LEVELS)
      for (const g of tree.groups[level]) scopes.add(parentScope(level, g.key));
  const t = new Table(scopes, names);
  const whole = addTree(t, 0, reports, o, byId);
  // Services are numbered by position: ids are the body's, and need not avoid our separators.
  const svcNames = services.map((s, i) => addTree(t, i + 1, s, o, byId));
  // Across services: in every scope of the whole, each count is the sum of the services' counts.
  if (services.length > 0)
    for (const [scope, own] of whole)
      for (const name of union([own, ...svcNames.map((n) => n.get(scope) ?? [])]))
        t.line(
          t.cell(0, scope, name),
          services.map((_, i) => t.cell(i + 1, scope, name)),
        );

  const hidden = suppressIndexed(t, o.k);
  const maskTree = (tree: number, r: PeriodTree<SurveyReport>): PeriodTree<PublicReport> => {
    const mask = (scope: string, report: SurveyReport): PublicReport => {
      const s = scopes.get(scope)!;
      return maskReport(report, o, byId, (name) => {
        const c = t.find(tree, s, name);
        return c !== undefined && hidden[c] === 1;
      });
    };
    const groups = {} as PublicReports['groups'];
    for (const level of LEVELS)
      groups[level] = r.groups[level].map((g) => ({
        key: g.key,
        report: mask(scopeOf(level, g.key), g.report),
      }));
    return { total: mask('all', r.total), groups };
  };
  return {
    ...maskTree(0, reports),
    services: services.map((s, i) => ({ service: s.service, ...maskTree(i + 1, s) })),
  };
}

const orHidden = <T>(hide: boolean, v: T): T | Hidden => (hide ? HIDDEN : v);

function maskCounts(
  d: Record<string, number>,
  isHidden: (v: string) => boolean,
): Record<string, number | Hidden> {
  const out: Record<string, number | Hidden> = {};
  for (const [v, n] of Object.entries(d)) out[v] = orHidden(isHidden(v), n);
  return out;
}

/**
 * Withholds each figure (`valid`, `mean`, a share, NPS…) whose inputs — the counts core's formula
 * reads (`figureInputs`) and the answered count — include a withheld one; everything else of
 * `f` is copied.
 */
function maskFigures<T extends object>(
  f: T,
  inputs: FigureInputs,
  answeredHidden: boolean,
  cell: (v: string) => boolean,
): { masked: Masked<T>; withheld: Set<string> } {
  const masked = { ...f } as Record<string, unknown>;
  const withheld = new Set<string>();
  for (const [name, reads] of Object.entries(inputs)) {
    if (!(name in f)) continue;
    if (answeredHidden || reads.some(cell)) {
      masked[name] = HIDDEN;
      withheld.add(name);
    }
  }
  return { masked: masked as Masked<T>, withheld };
}

/** A question figure as published, and which of its figures were withheld. */
function maskQuestion(
  f: QuestionFigures,
  q: Question | undefined,
  isHidden: (name: string) => boolean,
): { figures: Masked<QuestionFigures>; withheld: Set<string> } {
  const answeredHidden = isHidden(`q:${f.id}:a`);
  const answered = orHidden(answeredHidden, f.answered);
  const inputs = q ? figureInputs(q) : { question: {} };
  if (f.type === 'text') return { figures: { ...f, answered }, withheld: new Set() };
  if (f.type === 'matrix') {
    const withheld = new Set<string>();
    const rows = f.rows.map((row) => {
      const cell = (v: string) => isHidden(`q:${f.id}:r:${row.id}:v:${v}`);
      const rowAnswered = isHidden(`q:${f.id}:r:${row.id}:a`);
      const m = maskFigures(row, inputs.rows ?? {}, rowAnswered, cell);
      for (const w of m.withheld) withheld.add(w);
      return {
        ...m.masked,
        answered: orHidden(rowAnswered, row.answered),
        distribution: maskCounts(row.distribution, cell),
      };
    });
    return { figures: { ...f, answered, rows }, withheld };
  }
  const cell = (v: string) => isHidden(`q:${f.id}:v:${v}`);
  const m = maskFigures(f, inputs.question, answeredHidden, cell);
  return {
    figures: {
      ...m.masked,
      answered,
      distribution: maskCounts(f.distribution, cell),
    } as Masked<QuestionFigures>,
    withheld: m.withheld,
  };
}

function maskReport(
  r: SurveyReport,
  o: DiscloseOptions,
  questionsById: ReadonlyMap<string, Question>,
  isHidden: (name: string) => boolean,
): PublicReport {
  const withheld = new Set<string>();
  let problemsWithheld = false;
  const questions = r.questions.map((f) => {
    const m = maskQuestion(f, questionsById.get(f.id), isHidden);
    // A summary figure is withheld when a question figure it is computed from is.
    const fed = summaryFeed(f, o.headline);
    if (fed && m.withheld.has(fed.figure)) withheld.add(fed.summary);
    if (m.withheld.has('problems')) problemsWithheld = true;
    return m.figures;
  });
  const channels: PublicReport['channels'] = {};
  for (const [ch, { count, share }] of Object.entries(r.channels)) {
    const h = isHidden(`ch:${ch}`);
    channels[ch] = { count: orHidden(h, count), share: orHidden(h, share) };
  }
  const summary = {} as PublicReport['summary'];
  for (const [k, v] of Object.entries(r.summary) as [
    keyof SurveyReport['summary'],
    number | null,
  ][])
    summary[k] = orHidden(withheld.has(k), v);
  // Touchpoint volumes and skipped answers are for analysts, never published.
  return {
    surveyId: r.surveyId,
    responses: orHidden(isHidden('n'), r.responses),
    problems: orHidden(problemsWithheld, r.problems),
    channels,
    summary,
    questions,
  };
}
