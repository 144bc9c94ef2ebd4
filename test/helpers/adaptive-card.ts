/** Parses a card as Teams would (Adaptive Cards 1.5) and returns every parse and validation message. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as AC from 'adaptivecards';
import Ajv, { type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';

export function cardProblems(card: object): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(asPlain15(card), ctx);
  const problems = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message);
  return [...problems, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}

/**
 * The official Adaptive Cards 1.5 JSON schema (test/fixtures/schemas, MIT licence, from the AdaptiveCards
 * project): stricter than the SDK's parser about property names and values. Returns Ajv's messages.
 */
export function schemaProblems(card: object): string[] {
  validate ??= compileSchema();
  // Teams' own root property (full width, mentions), which the host-neutral schema does not list.
  const { msteams: _teams, ...neutral } = asPlain15(card) as Record<string, unknown>;
  return validate(neutral)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

let validate: ValidateFunction | undefined;

function compileSchema(): ValidateFunction {
  const file = path.join(__dirname, '../fixtures/schemas/adaptive-card-1.5.0.schema.json');
  const { id, ...schema } = JSON.parse(readFileSync(file, 'utf8'));
  // Draft-06 names the schema's URI `id`; Ajv 8 reads `$id`.
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  return ajv.compile({ ...schema, $id: id });
}

/**
 * The card as a 1.5 client without Teams' chart elements renders it: each chart replaced by its fallback.
 * A chart without a fallback throws: such a client would show nothing in its place.
 */
export function asPlain15(card: object): object {
  const swap = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(swap).filter((n) => n !== 'drop');
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Chart.')) {
      if (!o.fallback) throw new Error(`${o.type} has no fallback`);
      return swap(o.fallback);
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, swap(v)]));
  };
  return swap(card) as object;
}
