import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const demoPassword = 'tsunagu-demo-2026';

export const screenshotDir = path.resolve(import.meta.dirname, '../../test-results/e2e');

/** Debian's chromium, as CI installs it (`apt-get install chromium fonts-noto-cjk`). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh browser profile: no cookies, no stored language, like a first visit. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = { width: 1280, height: 860 },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    // The app honours reduced motion, so screenshots never catch a drawer or spinner mid-way.
    reducedMotion: 'reduce',
  });
  // Pages answer in well under a second here; a missing element should fail fast, not in 30 s.
  context.setDefaultTimeout(15_000);
  return context;
}

/** Fills the login form in Japanese (the default language) and submits it. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  // By accessible name: Mantine's label text also holds the required-field asterisk.
  await page.getByRole('textbox', { name: 'メールアドレス', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/**
 * The whole page as one picture. The viewport is stretched to the page's height for the shot:
 * a plain full-page capture draws fixed headers and sticky bars where the (scrolled) viewport
 * had them, over the content in the middle of the picture.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height });
    // One frame for the layout (and any chart) to follow the new size.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
}

/** A fresh context signed in as `email`, on that person's home page. */
export async function openSignedIn(
  browser: Browser,
  baseURL: string,
  email: string,
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseURL, viewport);
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, email);
  await page.locator('[data-testid^="home-"]').waitFor();
  return { context, page };
}

/** Closes a context in `finally`, where a failure to close must not hide the test's own error. */
export async function closeQuietly(context: BrowserContext): Promise<void> {
  await context.close().catch(() => undefined);
}

/** Waits until the page is no wider than the viewport (nothing scrolls sideways). */
export async function noSidewaysScroll(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

/** The API as the signed-in page sees it (same origin, the session cookie). */
export function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as T;
  }, `/api/v1${path}`);
}
