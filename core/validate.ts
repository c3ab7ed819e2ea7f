/**
 * A small schema library for data that crosses a trust boundary: messages, corpus and glossary
 * source files, imported highlight files. Validators collect every problem with its path instead
 * of stopping at the first, so an error report can name the file, the article and the paragraph.
 */

/** One problem found in a value, with where it is (`paragraphs[3].en`). */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

const INVALID: unique symbol = Symbol('invalid');
type Invalid = typeof INVALID;

/** Checks `value`, records problems in `issues` and returns the (possibly cleaned) value. */
export type Validator<T> = (value: unknown, path: string, issues: Issue[]) => T | Invalid;

/** The type a validator produces. */
export type Infer<V> = V extends Validator<infer T> ? T : never;

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Runs `validator` over `value` and reports every problem found. */
export function validate<T>(validator: Validator<T>, value: unknown, path = ''): Result<T> {
  const issues: Issue[] = [];
  const out = validator(value, path, issues);
  if (out === INVALID || issues.length > 0) {
    return { ok: false, issues: issues.length > 0 ? issues : [{ path, message: 'is invalid' }] };
  }
  return { ok: true, value: out };
}

/** Formats issues as lines of `path: message`. */
export function formatIssues(issues: readonly Issue[], limit = 20): string {
  const lines = issues.slice(0, limit).map((i) => `${i.path || '(root)'}: ${i.message}`);
  if (issues.length > limit) lines.push(`…and ${issues.length - limit} more`);
  return lines.join('\n');
}

function fail(issues: Issue[], path: string, message: string): Invalid {
  issues.push({ path, message });
  return INVALID;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

export interface StringOptions {
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternMessage?: string;
  /** Reject strings that are only whitespace. */
  nonBlank?: boolean;
}

export function string(options: StringOptions = {}): Validator<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string') return fail(issues, path, `must be a string, got ${describe(value)}`);
    if (options.nonBlank && value.trim() === '') return fail(issues, path, 'must not be empty');
    if (options.min !== undefined && value.length < options.min) {
      return fail(issues, path, `must be at least ${options.min} characters`);
    }
    if (options.max !== undefined && value.length > options.max) {
      return fail(issues, path, `must be at most ${options.max} characters, got ${value.length}`);
    }
    if (options.pattern && !options.pattern.test(value)) {
      return fail(issues, path, options.patternMessage ?? `must match ${options.pattern}`);
    }
    return value;
  };
}

export function number(options: { int?: boolean; min?: number; max?: number } = {}): Validator<number> {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return fail(issues, path, `must be a finite number, got ${describe(value)}`);
    }
    if (options.int && !Number.isInteger(value)) return fail(issues, path, 'must be an integer');
    if (options.min !== undefined && value < options.min) return fail(issues, path, `must be ≥ ${options.min}`);
    if (options.max !== undefined && value > options.max) return fail(issues, path, `must be ≤ ${options.max}`);
    return value;
  };
}

export const boolean: Validator<boolean> = (value, path, issues) =>
  typeof value === 'boolean' ? value : fail(issues, path, `must be true or false, got ${describe(value)}`);

export function literal<const T extends readonly (string | number | boolean)[]>(...values: T): Validator<T[number]> {
  return (value, path, issues) =>
    values.includes(value as T[number])
      ? (value as T[number])
      : fail(
          issues,
          path,
          `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`,
        );
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return (value, path, issues) => (value === null ? null : inner(value, path, issues));
}

export function array<T>(item: Validator<T>, options: { min?: number; max?: number } = {}): Validator<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return fail(issues, path, `must be an array, got ${describe(value)}`);
    if (options.min !== undefined && value.length < options.min) {
      return fail(issues, path, `must have at least ${options.min} item${options.min === 1 ? '' : 's'}`);
    }
    if (options.max !== undefined && value.length > options.max) {
      return fail(issues, path, `must have at most ${options.max} items, got ${value.length}`);
    }
    const out: T[] = [];
    let bad = false;
    value.forEach((v, i) => {
      const r = item(v, `${path}[${i}]`, issues);
      if (r === INVALID) bad = true;
      else out.push(r);
    });
    return bad ? INVALID : out;
  };
}

/** Marks an object field as optional: it may be missing or undefined. */
export interface Optional<T> {
  readonly optional: Validator<T>;
}
export function optional<T>(inner: Validator<T>): Optional<T> {
  return { optional: inner };
}

type Shape = Record<string, Validator<unknown> | Optional<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type FieldType<F> = F extends Optional<infer T> ? T : F extends Validator<infer T> ? T : never;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: FieldType<S[K]> } & {
  [K in OptionalKeys<S>]?: FieldType<S[K]>;
};

/**
 * A plain object with exactly these fields. Unknown fields are an error, so a typo in a source file
 * (`varaints:`) is reported rather than silently ignored.
 */
export function object<S extends Shape>(shape: S, options: { allowUnknown?: boolean } = {}): Validator<ObjectOf<S>> {
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(issues, path, `must be an object, got ${describe(value)}`);
    }
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let bad = false;
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const [key, field] of Object.entries(shape)) {
      const isOptional = typeof field === 'object' && 'optional' in field;
      // Own fields only: an inherited `toString` is not a field the value gave.
      const v = Object.hasOwn(record, key) ? record[key] : undefined;
      if (v === undefined) {
        if (!isOptional) {
          issues.push({ path: at(key), message: 'is missing' });
          bad = true;
        }
        continue;
      }
      const check = isOptional ? field.optional : field;
      const r = check(v, at(key), issues);
      if (r === INVALID) bad = true;
      else out[key] = r;
    }
    if (!options.allowUnknown) {
      for (const key of Object.keys(record)) {
        // Object.hasOwn, not `in`: `in` would take "constructor" or "toString" for known fields.
        if (!Object.hasOwn(shape, key)) {
          issues.push({ path: at(key), message: 'is not a known field' });
          bad = true;
        }
      }
    }
    return bad ? INVALID : (out as ObjectOf<S>);
  };
}

/** Tries validators in order and takes the first that accepts the value. */
export function oneOf<T>(validators: Validator<T>[], message: string): Validator<T> {
  return (value, path, issues) => {
    for (const v of validators) {
      const scratch: Issue[] = [];
      const r = v(value, path, scratch);
      if (r !== INVALID && scratch.length === 0) return r;
    }
    return fail(issues, path, message);
  };
}

/** Adds a check on an already validated value; `check` returns an error message or null. */
export function refine<T>(inner: Validator<T>, check: (value: T) => string | null): Validator<T> {
  return (value, path, issues) => {
    const r = inner(value, path, issues);
    if (r === INVALID) return r;
    const message = check(r);
    return message === null ? r : fail(issues, path, message);
  };
}
