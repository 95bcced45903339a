/** The shared text checks: bidi controls and OIDC birthdates. */
import { hasBidiControl, isBirthdate } from '../../src/lib/text';

test.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])('U+%s is a bidi control', (c) => {
  expect(hasBidiControl(`Ada${c}Lovelace`)).toBe(true);
});

test('ordinary right-to-left text and marks of other kinds are not', () => {
  expect(hasBidiControl('עדה لافليس Ada')).toBe(false);
  expect(hasBidiControl('Ada\u200dLovelace')).toBe(false);
});

test.each([
  ['1990-05-01', true],
  ['2000-02-29', true],
  ['0000-02-29', true],
  ['1900-02-29', false],
  ['2023-02-29', false],
  ['1990-04-31', false],
  ['1990-13-01', false],
  ['1990-00-10', false],
  ['1990-01-00', false],
  ['1990-1-01', false],
  ['01/05/1990', false],
])('%s is a birthdate: %s', (value, expected) => {
  expect(isBirthdate(value)).toBe(expected);
});
