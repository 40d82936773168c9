import type { Survey } from '@otklik/core';
import type { CatalogStore } from './store/catalogs.js';
import type { Db } from './store/db.js';
import type { PublicCache } from './store/public-cache.js';

/** Settings of a running collector (flags and environment, see cli.ts). */
export interface CollectorConfig {
  /** Bearer tokens accepted on the admin API (compared in constant time). */
  adminTokens: readonly string[];
  /** Read-only analysts' tokens: they sign in to the dashboard and read reports, never publish. */
  analystTokens?: readonly string[];
  /** Key of the dashboard's session cookies; unset → derived from the tokens (admin/session.ts). */
  sessionSecret?: string;
  /** Origins allowed to POST responses from the browser, per survey id; `*` key applies to all. */
  allowedOrigins: Readonly<Record<string, readonly string[]>>;
  /** Folder with the built widget (feedback-survey.js, feedback-survey.iife.js). */
  widgetDir: string;
  /** Folder with the built survey editor (editor.js); default packages/editor/dist. */
  editorDir?: string;
  /** Serve the demo page at `/`. */
  demo: boolean;
  /**
   * The collector's own public origin (`PUBLIC_URL`, e.g. `https://opros.example.gov.ru`): the
   * hosted page POSTs from it without being on the allowlist. Never taken from the request.
   */
  publicUrl?: string;
}

/** Published surveys: versions are immutable once published. */
export interface SurveyRegistry {
  /** The current (highest) published version, or undefined. */
  current(id: string): Promise<Survey | undefined>;
  /** One exact version, or undefined. */
  version(id: string, version: number): Promise<Survey | undefined>;
  /** Every survey id with its current version. */
  list(): Promise<{ id: string; version: number; title: Survey['title'] }[]>;
}

/** What every route factory receives. */
export interface AppDeps {
  db: Db;
  surveys: SurveyRegistry;
  /** The body's catalogues (services, municipalities, touchpoints), apart from survey versions. */
  catalogs: CatalogStore;
  config: CollectorConfig;
  /** Shared cache of public figures (results pages), bumped by ingest commits; absent → none. */
  publicCache?: PublicCache;
}
