/**
 * The people printed on the synthetic ID cards: deterministic, realistic (names, addresses and
 * issuing authorities from the demo-city generator in seeds/), each with a valid GB 11643 number.
 */
import { resolveEthnicity } from '../../schema/codes/ethnicities';
import type { Gender } from '../../schema/codes/people';
import { addDays, ageOn, daysBetween, makeIdNumber, type IsoDate } from '../../schema/rules';
import { HOME_COUNTIES, homeAddress, issuingAuthority, pickEthnicity, type HomeCounty } from '../../seeds/addresses';
import { personName } from '../../seeds/names';
import { createRng, type Rng } from '../../seeds/random';
import { yearsBefore } from '../../seeds/time';

/** Everything printed on both sides of one card, as the OCR endpoint should answer it. */
export interface CardIdentity {
  name: string;
  gender: Gender;
  /** ETHNICITIES code ('01'); `ethnicityLabel` is what the card prints ('汉'). */
  ethnicity: string;
  ethnicityLabel: string;
  birth_date: IsoDate;
  address: string;
  id_number: string;
  issuing_authority: string;
  valid_from: IsoDate;
  /** 'YYYY-MM-DD' or '长期'. */
  valid_to: string;
}

/** How one card should come out; anything left open is drawn from the seeded generator. */
export interface IdentitySpec {
  county?: string;
  ethnicity?: string;
  gender?: Gender;
  age?: number;
  /** current: 10/20-year card valid for 3+ more years; long: 长期; expired: ran out within the last year. */
  validity?: 'current' | 'long' | 'expired';
}

function county(code: string | undefined, rng: Rng): HomeCounty {
  if (code === undefined) return rng.pick(HOME_COUNTIES);
  const found = HOME_COUNTIES.find((home) => home.code === code);
  if (!found) throw new Error(`Unknown county ${code}`);
  return found;
}

/** One identity; the same `seed` and `spec` always give the same person. */
export function makeIdentity(seed: number, spec: IdentitySpec, today: IsoDate): CardIdentity {
  const rng = createRng(seed);
  const home = county(spec.county, rng);
  const ethnicityLabel = spec.ethnicity ?? pickEthnicity(rng, home);
  const ethnicity = resolveEthnicity(ethnicityLabel);
  if (!ethnicity) throw new Error(`Unknown ethnicity ${ethnicityLabel}`);
  const gender = spec.gender ?? (rng.chance(0.3) ? 'female' : 'male');
  const validity = spec.validity ?? 'current';
  const age = spec.age ?? (validity === 'long' ? rng.int(50, 58) : rng.int(22, 44));
  const birth = addDays(yearsBefore(today, age + 1), rng.int(1, 364));
  let from: IsoDate;
  let to: string;
  if (validity === 'long') {
    from = addDays(yearsBefore(birth, -47), rng.int(0, 800));
    to = '长期';
  } else {
    // Issued at an age that gives a 10- or 20-year card ending 1–9 years from now, or last year.
    const years = validity === 'expired' ? (ageOn(birth, today) < 36 ? 10 : 20) : ageOn(birth, today) < 30 ? 10 : 20;
    // Never issued before 16: the earliest end is 16 + years after birth.
    const earliest = Math.max(3 * 365, daysBetween(today, yearsBefore(birth, -(16 + years))));
    const end = validity === 'expired' ? addDays(today, -rng.int(30, 330)) : addDays(today, rng.int(earliest, Math.max(earliest, years * 365 - 400)));
    from = yearsBefore(end, years);
    to = end;
  }
  if (ageOn(birth, from) < 16) throw new Error(`Card issued before 16 for spec ${JSON.stringify(spec)}`);
  return {
    name: personName(rng, gender, ethnicityLabel),
    gender,
    ethnicity,
    ethnicityLabel,
    birth_date: birth,
    address: homeAddress(rng, home),
    id_number: makeIdNumber(home.code, birth, rng.int(0, 499), gender),
    issuing_authority: issuingAuthority(home),
    valid_from: from,
    valid_to: to,
  };
}
