/** The console rendition of the outbox: plain text as it is, a branded HTML email as its readable text. */
import { Outbox, readableText } from '../../../src/local/cognito/domain/outbox';

test('plain text keeps its lines', () => {
  expect(readableText('Your confirmation code is 123456\nThanks')).toEqual(['Your confirmation code is 123456', 'Thanks']);
});

test('an HTML email shows as its text, entities decoded, wrapped to a terminal', () => {
  const html = `<!doctype html><html><head><style>p { color: red }</style></head><body><table><tr><td>Identity API</td></tr>
    <tr><td><p>Hello &amp; welcome,</p><p>Your code is:</p><p style="font-size:24px">123456</p><p>${'word '.repeat(30)}</p></td></tr></table></body></html>`;
  const lines = readableText(html);
  expect(lines.slice(0, 4)).toEqual(['Identity API', 'Hello & welcome,', 'Your code is:', '123456']);
  expect(lines.slice(4).every((line) => line.length <= 76)).toBe(true);
  expect(lines.join(' ')).not.toMatch(/[<>]|color: red/);
});

test('the printed box holds the readable text', () => {
  const printed: string[] = [];
  const outbox = new Outbox({ print: true, write: (text) => printed.push(text) });
  outbox.deliver({ poolId: 'p', medium: 'EMAIL', to: 'ada@example.com', username: 'ada', purpose: 'SIGN_UP', subject: 'Hi', body: '<p>Your code is <b>654321</b></p>', code: '654321', sentAt: '' });
  expect(printed[0]).toMatch(/\| Your code is 654321 +\|/);
  expect(printed[0]).not.toContain('<p>');
});
