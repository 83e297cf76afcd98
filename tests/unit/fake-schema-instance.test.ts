import { Validator, type Schema } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { ReplyRandom } from '../support/fake-ollama/reply-random';
import { instanceOf } from '../support/fake-ollama/schema-instance';

/** The fake's stand-in for grammar-constrained decoding: every instance must satisfy its schema. */

const SCHEMAS: Record<string, Schema> = {
  'required properties of each type': {
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'integer' }, height: { type: 'number' }, member: { type: 'boolean' }, nothing: { type: 'null' } },
    required: ['name', 'age', 'height', 'member', 'nothing'],
    additionalProperties: false,
  },
  'enums and const': {
    type: 'object',
    properties: { mood: { enum: ['happy', 'sad', 3] }, kind: { const: 'grade' }, level: { type: 'string', enum: ['low', 'high'] } },
    required: ['mood', 'kind', 'level'],
  },
  'numbers with bounds': {
    type: 'object',
    properties: {
      score: { type: 'integer', minimum: 1, maximum: 5 },
      ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      step: { type: 'integer', minimum: 10, maximum: 50, multipleOf: 7 },
      negative: { type: 'number', maximum: -10 },
    },
    required: ['score', 'ratio', 'step', 'negative'],
  },
  'strings with lengths and formats': {
    type: 'object',
    properties: {
      code: { type: 'string', minLength: 12, maxLength: 14 },
      initial: { type: 'string', maxLength: 1, minLength: 1 },
      when: { type: 'string', format: 'date' },
      at: { type: 'string', format: 'date-time' },
      mail: { type: 'string', format: 'email' },
      link: { type: 'string', format: 'uri' },
    },
    required: ['code', 'initial', 'when', 'at', 'mail', 'link'],
  },
  'arrays: items, bounds, uniqueness, tuples': {
    type: 'object',
    properties: {
      tags: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 5, uniqueItems: true },
      flags: { type: 'array', items: { type: 'boolean' }, maxItems: 0 },
      pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer', minimum: 0 }], items: false, minItems: 2 },
      matrix: { type: 'array', items: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 9 }, minItems: 2, maxItems: 2 }, minItems: 2 },
    },
    required: ['tags', 'flags', 'pair', 'matrix'],
  },
  'nested objects, $ref to $defs, allOf, anyOf, oneOf, type lists': {
    type: 'object',
    $defs: { address: { type: 'object', properties: { city: { type: 'string', minLength: 2 }, zip: { type: 'string' } }, required: ['city', 'zip'] } },
    properties: {
      home: { $ref: '#/$defs/address' },
      work: { allOf: [{ $ref: '#/$defs/address' }, { type: 'object', properties: { floor: { type: 'integer', minimum: 1 } }, required: ['floor'] }] },
      contact: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] },
      either: { oneOf: [{ type: 'integer', minimum: 100 }, { type: 'string' }] },
      maybe: { type: ['null', 'number'], minimum: 2, maximum: 3 },
      deep: { type: 'object', properties: { deeper: { type: 'object', properties: { deepest: { type: 'array', items: { $ref: '#/$defs/address' } } }, required: ['deepest'] } }, required: ['deeper'] },
    },
    required: ['home', 'work', 'contact', 'either', 'maybe', 'deep'],
  },
  'required names without properties, minProperties': {
    type: 'object',
    required: ['a', 'b'],
    minProperties: 3,
  },
  'a top-level array of graded items (a judge’s answer)': {
    type: 'array',
    minItems: 1,
    items: { type: 'object', properties: { id: { type: 'string' }, pass: { type: 'boolean' }, grade: { type: 'number', minimum: 0, maximum: 10 } }, required: ['id', 'pass', 'grade'] },
  },
};

describe('schema instances', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`satisfies ${name}, for many random streams`, () => {
      const validator = new Validator(schema, '2020-12');
      for (let i = 0; i < 40; i++) {
        const value = instanceOf(schema as Record<string, unknown>, new ReplyRandom(`case ${i}`));
        expect(validator.validate(value).errors, JSON.stringify(value)).toEqual([]);
      }
    });
  }

  it('is a function of the schema and the random stream', () => {
    const schema = SCHEMAS['nested objects, $ref to $defs, allOf, anyOf, oneOf, type lists'] as Record<string, unknown>;
    const a = JSON.stringify(instanceOf(schema, new ReplyRandom('one')));
    expect(JSON.stringify(instanceOf(schema, new ReplyRandom('one')))).toBe(a);
    expect(JSON.stringify(instanceOf(schema, new ReplyRandom('two')))).not.toBe(a);
  });

  it('ends on a recursive schema', () => {
    const tree = { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#' }, minItems: 1 } }, required: ['value', 'children'] };
    expect(() => JSON.stringify(instanceOf(tree, new ReplyRandom('tree')))).not.toThrow();
  });
});
