/**
 * The shape every code list shares, plus the few helpers that work on any of them.
 * Lists are declared `as const satisfies CodeList` so their values become literal types.
 */

/** One entry of a code list: a stable stored value and the Chinese label people see. */
export interface CodeItem<V extends string = string> {
  readonly value: V;
  readonly label: string;
}

/** A readonly list of code items. */
export type CodeList<V extends string = string> = readonly CodeItem<V>[];

/** A code list whose items carry extra fields, e.g. `CodeListWith<{ fullName: string }>`. */
export type CodeListWith<X extends object> = readonly (CodeItem & Readonly<X>)[];

/** The union of the values of a list declared `as const`. */
export type CodeValue<L extends CodeList> = L[number]['value'];

/** `{ text, value }` is what both Directus `options.choices` and Vant pickers expect. */
export interface Choice<V extends string = string> {
  text: string;
  value: V;
}

/** The label for `value`, or undefined when the value is not in the list. */
export function labelOf<L extends CodeList>(list: L, value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  return list.find((item) => item.value === value)?.label;
}

/** The list item whose value or label equals `text` (after trimming), for imports and OCR output. */
export function findCode<L extends CodeList>(list: L, text: string | null | undefined): L[number] | undefined {
  const wanted = text?.trim();
  if (!wanted) return undefined;
  return list.find((item) => item.value === wanted || item.label === wanted);
}

/** Type guard: is `value` one of the list's values? */
export function isCodeValue<L extends CodeList>(list: L, value: unknown): value is CodeValue<L> {
  return typeof value === 'string' && list.some((item) => item.value === value);
}

/** The list's values as a non-empty tuple, ready for `z.enum(valuesOf(LIST))`. */
export function valuesOf<L extends CodeList>(list: L): [CodeValue<L>, ...CodeValue<L>[]] {
  const [first, ...rest] = list.map((item) => item.value as CodeValue<L>);
  if (first === undefined) throw new Error('valuesOf: empty code list');
  return [first, ...rest];
}

/** The list as `{ text, value }` choices for Directus dropdowns and Vant pickers. */
export function toChoices<L extends CodeList>(list: L): Choice<CodeValue<L>>[] {
  return list.map((item) => ({ text: item.label, value: item.value as CodeValue<L> }));
}
