import { describe, expect, test } from 'vitest';
import { array, literal, number, object, optional, string, validate } from './validate';

const point = object({ x: number({ int: true, min: 0 }), label: optional(string({ max: 5 })) });

describe('object', () => {
  test.each([
    [{ x: 1 }, true],
    [{ x: 1, label: 'a' }, true],
    [{ x: -1 }, false],
    [{ x: 1, label: 'toolong' }, false],
    [{}, false],
    [{ x: 1, extra: true }, false],
    // Names every object inherits are still unknown fields, not known ones.
    [{ x: 1, constructor: 'x' }, false],
    [{ x: 1, toString: 'x' }, false],
    [JSON.parse('{"x": 1, "__proto__": {"polluted": true}}'), false],
    [null, false],
    [[1], false],
  ])('%j → ok %s', (value, ok) => expect(validate(point, value).ok).toBe(ok));

  test('an inherited value does not count as the field', () => {
    const inherits = Object.create({ x: 1 }) as object;
    const r = validate(point, inherits);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ path: 'x', message: 'is missing' }]);
  });

  test('paths name the field at fault', () => {
    const r = validate(array(point), [{ x: 1 }, { x: 'a' }], 'items');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('items[1].x');
  });
});

test.each([
  ['a', true],
  ['c', false],
  [1, false],
])('literal %j → ok %s', (value, ok) => expect(validate(literal('a', 'b'), value).ok).toBe(ok));
