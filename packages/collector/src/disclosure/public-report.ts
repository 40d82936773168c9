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
import { suppress, type Line } from './suppress.js';

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

/** The counts of one report, by cell name (see `scopeCells`). */
function scopeCells(r: SurveyReport): Map<string, number> {
  const cells = new Map<string, number>([['n', r.responses]]);
  for (const [ch, { count }] of Object.entries(r.channels)) cells.set(`ch:${ch}`, count);
  for (const f of r.questions) {
    cells.set(`q:${f.id}:a`, f.answered);
    if (f.type === 'matrix') {
      for (const row of f.rows) {
        cells.set(`q:${f.id}:r:${row.id}:a`, row.answered);
        for (const [v, n] of Object.entries(row.distribution))
          cells.set(`q:${f.id}:r:${row.id}:v:${v}`, n);
      }
    } else if (f.type !== 'text') {
      for (const [v, n] of Object.entries(f.distribution)) cells.set(`q:${f.id}:v:${v}`, n);
    }
  }
  return cells;
}

/** Within one report: responses = Σ channels; a single-valued question's answered = Σ its values. */
function scopeLines(scope: string, r: SurveyReport, byId: ReadonlyMap<string, Question>): Line[] {
  const at = (c: string): string => `${scope}|${c}`;
  const lines: Line[] = [
    { total: at('n'), parts: Object.keys(r.channels).map((ch) => at(`ch:${ch}`)) },
  ];
  for (const f of r.questions) {
    if (f.type === 'matrix') {
      for (const row of f.rows)
        lines.push({
          total: at(`q:${f.id}:r:${row.id}:a`),
          parts: Object.keys(row.distribution).map((v) => at(`q:${f.id}:r:${row.id}:v:${v}`)),
        });
    } else if (f.type !== 'text' && singleValued(byId.get(f.id))) {
      lines.push({
        total: at(`q:${f.id}:a`),
        parts: Object.keys(f.distribution).map((v) => at(`q:${f.id}:v:${v}`)),
      });
    }
  }
  return lines;
}

const scopeOf = (level: Level, key: string): string => `${level}:${key}`;

/** Cells, lines and whole-group withholdings of every report on the public pages. */
interface Table {
  cells: Map<string, number>;
  lines: Line[];
  forced: string[];
}

/**
 * Adds one period tree to the table under `prefix`: each report's own cells and lines, and the
 * lines by which every count of a period is the sum of that count over its sub-periods. Returns
 * the cell names of each scope (`all`, `quarter:2026-Q1`…), for the lines across services.
 */
function addTree(
  t: Table,
  prefix: string,
  tree: PeriodTree<SurveyReport>,
  o: DiscloseOptions,
  byId: ReadonlyMap<string, Question>,
): Map<string, Map<string, number>> {
  const scopes: [string, SurveyReport][] = [['all', tree.total]];
  for (const level of LEVELS)
    for (const g of tree.groups[level]) scopes.push([scopeOf(level, g.key), g.report]);

  const childrenOf = new Map<string, string[]>();
  for (const level of LEVELS)
    for (const g of tree.groups[level]) {
      const up = parentKey(level, g.key);
      const parent = level === 'year' ? 'all' : scopeOf(LEVELS[LEVELS.indexOf(level) - 1]!, up);
      const list = childrenOf.get(parent);
      if (list) list.push(scopeOf(level, g.key));
      else childrenOf.set(parent, [scopeOf(level, g.key)]);
    }

  const namesOf = new Map<string, Map<string, number>>();
  for (const [scope, r] of scopes) {
    const own = scopeCells(r);
    namesOf.set(scope, own);
    for (const [name, n] of own) t.cells.set(`${prefix}${scope}|${name}`, n);
    t.lines.push(...scopeLines(prefix + scope, r, byId));
    // A group under k is withheld whole: with two respondents even "nobody chose X" says too much.
    if (r.responses < o.k)
      for (const name of own.keys()) t.forced.push(`${prefix}${scope}|${name}`);
  }
  for (const [parent, children] of childrenOf) {
    const names = new Set(namesOf.get(parent)?.keys() ?? []);
    for (const c of children) for (const name of namesOf.get(c)?.keys() ?? []) names.add(name);
    for (const name of names)
      t.lines.push({
        total: `${prefix}${parent}|${name}`,
        parts: children.map((c) => `${prefix}${c}|${name}`),
      });
  }
  return namesOf;
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
  const t: Table = { cells: new Map(), lines: [], forced: [] };
  const whole = addTree(t, '', reports, o, byId);
  const services = reports.services ?? [];
  // Services are prefixed by position: ids are the body's, and need not avoid our separators.
  const svcNames = services.map((s, i) => addTree(t, `s${i}/`, s, o, byId));
  // Across services: in every scope of the whole, each count is the sum of the services' counts.
  if (services.length > 0)
    for (const [scope, own] of whole) {
      const names = new Set(own.keys());
      for (const n of svcNames) for (const name of n.get(scope)?.keys() ?? []) names.add(name);
      for (const name of names)
        t.lines.push({
          total: `${scope}|${name}`,
          parts: services.map((_, i) => `s${i}/${scope}|${name}`),
        });
    }

  const hidden = suppress(t.cells, t.lines, { k: o.k, forced: t.forced });
  const maskTree = (prefix: string, tree: PeriodTree<SurveyReport>): PeriodTree<PublicReport> => {
    const mask = (scope: string, r: SurveyReport): PublicReport =>
      maskReport(r, o, byId, (name) => hidden.has(`${prefix}${scope}|${name}`));
    const groups = {} as PublicReports['groups'];
    for (const level of LEVELS)
      groups[level] = tree.groups[level].map((g) => ({
        key: g.key,
        report: mask(scopeOf(level, g.key), g.report),
      }));
    return { total: mask('all', tree.total), groups };
  };
  return {
    ...maskTree('', reports),
    services: services.map((s, i) => ({ service: s.service, ...maskTree(`s${i}/`, s) })),
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
