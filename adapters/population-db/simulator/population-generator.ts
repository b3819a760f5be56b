/**
 * Deterministic, realistic people for the simulator: the same seed always gives the same people.
 * Ids agree with each person (province of birth, century/sex digit, year of birth).
 */
import { address, type Address, type Sex } from '../person-record';
import { personalIdPrefix } from '../personal-id';
import type { SourcePerson } from '../wire-format';
import { BIG_CITIES, PROVINCES, STREET_NAMES, type ProvinceSample } from './administrative-units';
import { pick, pickWeighted, vietnameseName, type Random } from './vietnamese-names';

/** mulberry32: a small, fast, seedable generator (not for secrets). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const province = (name: string) => PROVINCES.find((p) => p.name === name)!;
const provinceWeights = PROVINCES.map((p) => [p.name, p.weight] as const);

function homeAddress(random: Random, where: ProvinceSample): Address {
  const commune = pick(random, where.communes);
  const street = commune.startsWith('Xã')
    ? `${where.hamletWord} ${int(random, 1, 12)}`
    : `Số ${int(random, 1, 250)} ${where.streetWord} ${pick(random, STREET_NAMES)}`;
  return address(street, commune, where.name);
}

function dateOfBirth(random: Random): string {
  // Mostly adults, some teenagers and children: everyone who may have a dossier or be on one.
  const year = random() < 0.85 ? int(random, 1945, 2007) : int(random, 2008, 2020);
  const month = int(random, 1, 12);
  return `${year}-${pad(month)}-${pad(int(random, 1, daysIn(year, month)))}`;
}

/**
 * `count` people from `seed`. Ids in `reserved` are never produced (the fixed people and the
 * documented absent id).
 */
export function generatePopulation(seed: number, count: number, reserved: ReadonlySet<string> = new Set()): SourcePerson[] {
  const random = seededRandom(seed);
  const taken = new Set(reserved);
  const people: SourcePerson[] = [];
  while (people.length < count) {
    const sex: Sex = random() < 0.5 ? 'MALE' : 'FEMALE';
    const dob = dateOfBirth(random);
    const birthplace = province(pickWeighted(random, provinceWeights));
    const ethnicity = pickWeighted(random, birthplace.ethnicities);
    const prefix = personalIdPrefix(pick(random, birthplace.birthCodes), sex, Number(dob.slice(0, 4)));
    const personalId = `${prefix}${pad(int(random, 0, 999_999), 6)}`;
    if (taken.has(personalId)) continue;
    taken.add(personalId);
    // Most live where they were born; the rest moved to a big city.
    const residence = random() < 0.7 ? birthplace : province(pick(random, BIG_CITIES));
    const permanentAddress = homeAddress(random, residence);
    const roll = random();
    const currentAddress =
      roll < 0.65 ? permanentAddress : roll < 0.9 ? homeAddress(random, province(pick(random, BIG_CITIES))) : null;
    people.push({
      personalId,
      fullName: vietnameseName(random, sex, ethnicity),
      dateOfBirth: dob,
      sex,
      ethnicity,
      nationality: 'Việt Nam',
      hometown: address(null, pick(random, birthplace.communes), birthplace.name),
      permanentAddress,
      currentAddress,
    });
  }
  return people;
}
