/**
 * Synthetic ID-card photos with their truth, for the OCR tests and benchmark.
 *
 *   npm run id-cards                      # the committed set → tests/fixtures/id-cards/
 *   npm run id-cards -- --people 20 --out /tmp/cards   # every variant of 20 people (bench only)
 *
 * The committed set is 6 people (汉, 回, 彝, 藏, 土家; a 长期 and an expired card), both sides
 * clean plus 10 degraded photos. Cards are dated against FIXTURE_TODAY so the set is reproducible.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backSvg, frontSvg } from './card-svg';
import { makeIdentity, type CardIdentity, type IdentitySpec } from './identities';
import { cardPhoto, VARIANTS, type Variant } from './photo';

export const FIXTURE_TODAY = '2026-11-01';

type Side = 'front' | 'back';

/** One image of the truth file: which card side it shows and what the OCR must read from it. */
export interface TruthImage {
  file: string;
  side: Side;
  variant: Variant;
  person: number;
  fields: Record<string, string>;
}

const PEOPLE: readonly IdentitySpec[] = [
  { county: '510802', ethnicity: '汉', gender: 'male', age: 38 },
  { county: '510823', ethnicity: '回', gender: 'female', age: 31 },
  { county: '513431', ethnicity: '彝', gender: 'male', age: 27 },
  { county: '513231', ethnicity: '藏', gender: 'male', age: 54, validity: 'long' },
  { county: '510824', ethnicity: '汉', gender: 'female', age: 44, validity: 'expired' },
  { county: '500240', ethnicity: '土家', gender: 'male', age: 41 },
];

const DEGRADED: readonly [person: number, side: Side, variant: Variant][] = [
  [1, 'front', 'rotated'],
  [2, 'front', 'blurred'],
  [2, 'back', 'perspective'],
  [3, 'front', 'jpeg40'],
  [3, 'back', 'uneven-light'],
  [4, 'front', 'perspective'],
  [4, 'back', 'rotated'],
  [5, 'front', 'uneven-light'],
  [5, 'back', 'blurred'],
  [6, 'back', 'jpeg40'],
];

/** What the endpoint must answer for one side of `person`. */
export function truthFields(person: CardIdentity, side: Side): Record<string, string> {
  return side === 'front'
    ? { name: person.name, gender: person.gender, ethnicity: person.ethnicity, birth_date: person.birth_date, address: person.address, id_number: person.id_number }
    : { issuing_authority: person.issuing_authority, valid_from: person.valid_from, valid_to: person.valid_to };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, people: { type: 'string' } } });
  const out = resolve(values.out ?? join(import.meta.dirname, '../../tests/fixtures/id-cards'));
  mkdirSync(out, { recursive: true });
  const extra = values.people === undefined ? 0 : Number(values.people);
  const specs: IdentitySpec[] = extra > 0 ? Array.from({ length: extra }, (_, i) => (i % 7 === 6 ? { validity: 'long' } : {})) : [...PEOPLE];
  const people = specs.map((spec, i) => makeIdentity(1000 + i * 37 + (extra > 0 ? 5000 : 0), spec, FIXTURE_TODAY));
  const plan: [number, Side, Variant][] =
    extra > 0
      ? people.flatMap((_, i) => VARIANTS.flatMap((variant) => (['front', 'back'] as const).map((side): [number, Side, Variant] => [i + 1, side, variant])))
      : [...people.flatMap((_, i) => (['front', 'back'] as const).map((side): [number, Side, Variant] => [i + 1, side, 'clean'])), ...DEGRADED];
  const images: TruthImage[] = [];
  for (const [index, side, variant] of plan) {
    const person = people[index - 1];
    if (!person) throw new Error(`No person ${index}`);
    const file = `${side}-${String(index).padStart(2, '0')}-${variant}.jpg`;
    const svg = side === 'front' ? frontSvg(person, 1000) : backSvg(person, 1000);
    const jpeg = await cardPhoto(svg, variant, index * 101 + (side === 'front' ? 0 : 7) + VARIANTS.indexOf(variant));
    writeFileSync(join(out, file), jpeg);
    images.push({ file, side, variant, person: index, fields: truthFields(person, side) });
    console.log(`${file.padEnd(28)} ${(jpeg.length / 1024).toFixed(0).padStart(4)} KB`);
  }
  writeFileSync(join(out, 'truth.json'), `${JSON.stringify({ today: FIXTURE_TODAY, images }, null, 2)}\n`);
  console.log(`${images.length} images and truth.json in ${out}`);
}

await main();
