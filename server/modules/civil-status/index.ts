/**
 * Civil status (hộ tịch) module — the only public door. This slice holds the pure parts:
 * the personal ID parser, certificate wording and the synthetic data generator.
 * See README.md for the glossary.
 */
export {
  buildPersonalId,
  checkIdAgainst,
  type IdFacts,
  type IdMismatch,
  type IdParts,
  inspectPersonalId,
  normalizePersonalId,
  type ParsedPersonalId,
  type ParseOptions,
  parsePersonalId,
  type Sex,
} from './service/personal-id.js';
export {
  ID_PROVINCE_TABLES,
  type IdProvinceTable,
  idProvinceCodeOf,
  idProvinceName,
  idProvinceTable,
} from './service/provinces.js';
export { dateInWords, numberInWords, toCertificateName } from './service/words.js';
export { addYears, ageOn } from './service/synthetic/dates.js';
export {
  createGenerator,
  type EventKind,
  type GeneratorOptions,
  type SyntheticEvent,
  type SyntheticFamily,
  type SyntheticGenerator,
  type SyntheticPerson,
} from './service/synthetic/generator.js';
export {
  BUILT_IN_NAMES,
  DEFAULT_NAMES_DIR,
  loadNameData,
  middleNameGender,
  type NameData,
} from './service/synthetic/names.js';
export { demoPlaces, type PlaceUnit, placesFromUnits } from './service/synthetic/places.js';
