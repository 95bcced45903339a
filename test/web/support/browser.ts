/**
 * A real browser for the web tests: headless Chromium from @sparticuz/chromium, driven by
 * puppeteer-core, one per test file. Each user gets their own browser context (own cookies).
 * Pages are found the way a user finds them, by visible labels and button texts; every page
 * records what would be a defect whatever the test checks (a script error, a CSP violation,
 * a request leaving the machine when offline), and `problems()` must stay empty.
 */
import chromium from '@sparticuz/chromium';
import axe from 'axe-core';
import { mkdirSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser, BrowserContext, Page } from 'puppeteer-core';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'screenshots');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Chromium's binary is unpacked into the temp directory on first use, and a second unpacking
 * racing the first (parallel Jest workers) could find it half written: one at a time.
 */
async function unpackedChromium(): Promise<string> {
  const lock = join(tmpdir(), 'identity-web-tests-chromium.lock');
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 60_000) throw new Error(`another test holds ${lock}; remove it if no test is running`);
      await sleep(100);
    }
  }
  try {
    return await chromium.executablePath();
  } finally {
    rmdirSync(lock);
  }
}

/**
 * @sparticuz/chromium's flags are for one page in a Lambda function: they run a single process
 * (which cannot open a second browser context) and turn off the same-origin policy and mixed-
 * content blocking, which a test of a page's security must keep. Those are left out.
 */
const LAMBDA_ONLY = /^--(single-process|disable-web-security|allow-running-insecure-content|disable-site-isolation-trials|disable-features=)/;
const ARGS = [...chromium.args.filter((arg) => !LAMBDA_ONLY.test(arg)), '--disable-features=AudioServiceOutOfProcess'];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = await unpackedChromium();
  for (let attempt = 1; ; attempt++) {
    try {
      return await puppeteer.launch({ executablePath, args: ARGS, headless: true });
    } catch (error) {
      // ETXTBSY: another process was still writing the binary.
      if (attempt === 3) throw error;
      await sleep(1000 * attempt);
    }
  }
}

const xpathLiteral = (text: string) => (text.includes("'") ? `concat('${text.split("'").join(`', "'", '`)}')` : `'${text}'`);

export interface PageOptions {
  /** Refuse every request that is not to this machine (the playground must work offline). */
  offline?: boolean;
  viewport?: { width: number; height: number };
}

/** One tab, driven by labels and texts. */
export class WebPage {
  private readonly issues: string[] = [];
  /** Requests refused while offline. */
  readonly blocked: string[] = [];
  /** Every URL the page asked for (to show that no secret ever travels in one). */
  readonly requested: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly origin: string,
  ) {
    page.on('pageerror', (error) => this.issues.push(`page error: ${String(error)}`));
    page.on('request', (request) => void this.requested.push(request.url()));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) this.issues.push(`CSP: ${message.text()}`);
    });
  }

  static async open(context: BrowserContext, origin: string, options: PageOptions = {}): Promise<WebPage> {
    const page = await context.newPage();
    await page.setViewport(options.viewport ?? { width: 1280, height: 900 });
    page.setDefaultTimeout(15_000);
    const web = new WebPage(page, origin);
    if (options.offline) {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') return void request.continue();
        web.blocked.push(request.url());
        void request.abort('internetdisconnected');
      });
    }
    return web;
  }

  /** Opens a path of the app and waits until the page's heading (or `until`) shows. Returns how long that took. */
  async goto(path: string, until = 'h1'): Promise<number> {
    const started = Date.now();
    await this.page.goto(`${this.origin}${path}`, { waitUntil: 'domcontentloaded' });
    await this.page.waitForSelector(until);
    return Date.now() - started;
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'domcontentloaded' });
    await this.page.waitForSelector('h1');
  }

  get path(): string {
    return new URL(this.page.url()).pathname;
  }

  /** The input or select whose label reads `label` (an optional field's "(optional)" aside). */
  field(label: string) {
    const text = xpathLiteral(label);
    const optional = xpathLiteral(`${label} (optional)`);
    return this.page.locator(`::-p-xpath(//*[@id=//label[normalize-space(.)=${text} or normalize-space(.)=${optional}]/@for])`);
  }

  /** The value typed into the field labelled `label`. */
  async value(label: string): Promise<string> {
    return this.field(label).map((input) => (input as unknown as { value: string }).value).wait();
  }

  /** Presses Tab until the field labelled `label` has the focus, as a keyboard user would. */
  async tabTo(label: string): Promise<void> {
    for (let presses = 0; presses < 25; presses++) {
      await this.page.keyboard.press('Tab');
      const focused = (await this.page.evaluate('document.activeElement?.labels?.[0]?.innerText.trim() ?? ""')) as string;
      if (focused === label || focused === `${label} (optional)`) return;
    }
    throw new Error(`Tab never reached the field "${label}"`);
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  async fields(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.fill(label, value);
  }

  /** Clicks the button (or link) of the page's content whose text is exactly `text`. */
  async click(text: string): Promise<void> {
    await this.page.locator(`::-p-xpath(//main//*[self::button or self::a][normalize-space(.)=${xpathLiteral(text)}])`).click();
  }

  /** Clicks a button or link of the site's header. */
  async clickInHeader(text: string): Promise<void> {
    await this.page.locator(`::-p-xpath(//header//*[self::button or self::a][normalize-space(.)=${xpathLiteral(text)}])`).click();
  }

  async waitForText(text: string): Promise<void> {
    // Code editors show spaces as no-break spaces.
    await this.explained(`the text "${text}"`, () => this.page.waitForFunction(`document.body.innerText.replace(/\u00a0/g, " ").includes(${JSON.stringify(text)})`));
  }

  /** Waits until the content no longer shows `text` (e.g. rows a new search leaves out). */
  async waitForNoText(text: string): Promise<void> {
    await this.explained(`"${text}" to go`, () => this.page.waitForFunction(`!document.querySelector("main").innerText.includes(${JSON.stringify(text)})`));
  }

  async waitForPath(path: string): Promise<void> {
    await this.explained(`the page ${path}`, () => this.page.waitForFunction(`location.pathname === ${JSON.stringify(path)}`));
    await this.page.waitForSelector('h1');
  }

  /** A wait that, when it times out, says what the page showed instead. */
  private async explained(what: string, wait: () => Promise<unknown>): Promise<void> {
    try {
      await wait();
    } catch (error) {
      const shown = await this.mainText().catch(() => '(unreadable)');
      await this.screenshot(`failed-${what.replace(/[^\w-]+/g, '-').slice(0, 60)}`).catch(() => undefined);
      throw new Error(`waited in vain for ${what}; at ${this.path}, the page said:\n${shown}\n${this.issues.join('\n')}`, { cause: error });
    }
  }

  /** The main content's text (without the header). */
  async mainText(): Promise<string> {
    return (await this.page.evaluate('document.querySelector("main")?.innerText ?? ""')) as string;
  }

  async heading(): Promise<string> {
    return (await this.page.$eval('h1', (h1) => h1.textContent ?? '')).trim();
  }

  /** The text of the alert (error) shown, if any. */
  async alert(): Promise<string> {
    await this.page.waitForSelector('[role="alert"]');
    return (await this.page.$eval('[role="alert"]', (element) => element.textContent ?? '')).trim();
  }

  /** Everything scripts on the page can read that could hold a token. */
  async scriptReadable(): Promise<{ cookie: string; localStorage: Record<string, string>; sessionStorage: Record<string, string> }> {
    return (await this.page.evaluate('({ cookie: document.cookie, localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage } })')) as never;
  }

  /** axe-core's serious and critical findings on the page as it is now. */
  async accessibilityViolations(): Promise<string[]> {
    // DevTools evaluation is not bound by the page's CSP, so axe needs no script tag.
    await this.page.evaluate(axe.source);
    const violations = (await this.page.evaluate(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) })))',
    )) as { id: string; impact: string; help: string; nodes: string[] }[];
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);
  }

  /** Saves a PNG under test-artifacts/screenshots (not in git). */
  async screenshot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`) as `${string}.png`, fullPage: true });
  }

  /** Script errors and CSP violations seen so far. */
  problems(): string[] {
    return [...this.issues];
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
