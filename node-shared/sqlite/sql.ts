/**
 * `sql` tagged templates: values become bound parameters, never text, so a query cannot be injected into.
 * (Signal Desktop's pattern.) Fragments can be nested with `sql` and joined with `sqlJoin`.
 */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly unknown[];
}

const FRAGMENT = Symbol('sqlFragment');
export interface SqlFragment extends SqlQuery {
  readonly [FRAGMENT]: true;
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params, [FRAGMENT]: true };
}

export function sqlJoin(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
  return {
    text: fragments.map((f) => f.text).join(separator),
    params: fragments.flatMap((f) => f.params),
    [FRAGMENT]: true,
  };
}

function isFragment(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

/** A trusted identifier (column or table name written in code, never user input). */
export function ident(name: string): SqlFragment {
  if (!/^[a-z_][a-z0-9_.]*$/i.test(name)) throw new Error(`bad identifier ${name}`);
  return { text: name, params: [], [FRAGMENT]: true };
}
