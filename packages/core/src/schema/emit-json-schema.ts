/**
 * Writes the JSON Schemas of a survey definition and of a response into `packages/core/schema/`,
 * from the zod schemas, so that editors can check hand-written surveys (`"$schema": …`) and API
 * clients can check what they send. Run by the package's `build` script; a test regenerates them
 * in memory and compares with the committed files, so they never go stale.
 *
 * @example
 * // pnpm --filter @otklik/core build, or by hand:
 * // tsx --conditions=@otklik/source src/schema/emit-json-schema.ts
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { z } from 'zod';
import { ZSurvey, ZSurveyResponse } from './survey.js';

/** Where the generated files live (published as `@otklik/core/schema/*.json`). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

// `input`: the schemas describe what authors and clients write. No transforms exist, so input and
// output differ only in that optional keys stay optional.
const options = { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' } as const;

/** The JSON Schemas by file name, as objects. */
export function jsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'survey.schema.json': {
      ...z.toJSONSchema(
        ZSurvey.meta({
          title: 'Otklik survey',
          description:
            'A survey definition for @otklik/core (parseSurvey). Ids are stable strings; jumps go forward only; conditions look at earlier questions only.',
        }),
        options,
      ),
    },
    'response.schema.json': {
      ...z.toJSONSchema(
        ZSurveyResponse.meta({
          title: 'Otklik survey response',
          description:
            'The wire format of one response (docs/response-format.md). Unknown top-level keys are ignored; the collector checks answers against the survey version named.',
        }),
        options,
      ),
    },
  };
}

/** The files' text, formatted as the repository's Prettier config wants it. */
export async function renderJsonSchemas(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const file = SCHEMA_DIR + name;
    const config = (await prettier.resolveConfig(file)) ?? {};
    out[name] = await prettier.format(JSON.stringify(schema), { ...config, filepath: file });
  }
  return out;
}

async function main(): Promise<void> {
  for (const [name, text] of Object.entries(await renderJsonSchemas())) {
    await writeFile(SCHEMA_DIR + name, text);
    console.log(`wrote schema/${name} (${text.length} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
