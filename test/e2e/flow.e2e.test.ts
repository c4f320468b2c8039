import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeQuietly, launchBrowser, noSidewaysScroll, openSignedIn, screenshot } from './browser';

/**
 * Issue 5, item 5: a municipality's people flow beside its figures in Tsunagu. The demo seed
 * publishes a synthetic dataset for 軽井沢町 and its neighbours through the real engines (k = 10).
 * The town's officer reads it — source, period, panel, the monthly table, the origin map; another
 * town's officer may not; a coordinator picks any municipality.
 */

const baseUrl = inject('baseUrl');
const karuizawa = '/municipalities/203211/flow';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const signedIn = (email: string, viewport?: { width: number; height: number }) =>
  openSignedIn(browser, baseUrl, email, viewport);

/** The page with its charts drawn (both are loaded lazily; the map has a path per prefecture). */
async function flowPageReady(page: Page) {
  await page.getByTestId('flow-heading').waitFor();
  await page
    .locator('[data-testid="flow-trend-chart"] svg path')
    .first()
    .waitFor({ state: 'attached' });
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="flow-origin-map"] svg path').length > 40,
  );
}

describe('people flow of a municipality', () => {
  it('shows 軽井沢町’s officer the data source, period, panel, the monthly figures and the origin map', async () => {
    const { context, page } = await signedIn('officer@demo.tsunagu.jp');
    try {
      // From the officer's home, and from the menu.
      await page.getByTestId('officer-flow-link').click();
      await page.waitForURL(`**${karuizawa}`);
      await flowPageReady(page);
      await expect(page.getByTestId('flow-heading').textContent()).resolves.toContain('軽井沢町');
      await expect(page.getByTestId('flow-source').textContent()).resolves.toContain(
        'デモ用の合成データ',
      );
      await expect(page.getByTestId('flow-period').textContent()).resolves.toBe(
        '2026年4月〜2026年9月',
      );
      await expect(page.getByTestId('flow-panel').textContent()).resolves.toMatch(/^[\d,]+台$/);
      await expect(page.getByTestId('flow-k').textContent()).resolves.toBe('10台');
      await expect(page.getByTestId('flow-rule').textContent()).resolves.toContain(
        '10台未満の数値と、そこから逆算できる数値は非表示です',
      );
      await expect(page.getByTestId('flow-quality').textContent()).resolves.toMatch(/%$/);

      // The monthly table: visitors of every month are published, figures as numbers.
      const visitors = page.getByTestId('flow-row-visitors').locator('td');
      await expect(visitors.count()).resolves.toBe(7);
      const august = (await visitors.nth(4).textContent()) ?? '';
      expect(Number(august.replace(/,/g, ''))).toBeGreaterThan(100);
      // A figure under k (or one that would give it away) reads 秘匿, never 0.
      const suppressed = page.getByTestId('flow-suppressed');
      expect(await suppressed.count()).toBeGreaterThan(0);
      await expect(suppressed.first().textContent()).resolves.toBe('秘匿');
      await expect(page.getByTestId('flow-connected-table').textContent()).resolves.toContain(
        '2〜7日',
      );

      // The origin map is drawn, and the prefectures are in the table beside it.
      expect(
        await page.locator('[data-testid="flow-origin-map"] svg path').count(),
      ).toBeGreaterThan(40);
      const prefectures = (await page.getByTestId('flow-prefecture-table').textContent()) ?? '';
      expect(prefectures).toContain('東京都');
      expect(prefectures).toMatch(/東京都[\d,]+/);
      await expect(page.getByTestId('flow-map-credit').textContent()).resolves.toContain(
        'CC BY 4.0',
      );
      await expect(page.getByTestId('flow-origin-table').textContent()).resolves.toContain(
        '世田谷区',
      );
      // Beside the flow: what Tsunagu has done there (the demo town has open challenges).
      const open = (await page.getByTestId('flow-platform-openChallenges').textContent()) ?? '';
      expect(Number(open)).toBeGreaterThan(0);
      await screenshot(page, 'flow-officer-desktop');

      // Origins of one month instead of the whole period.
      await page.getByTestId('flow-origin-scope').click();
      await page.getByRole('option', { name: '2026年8月' }).click();
      await page.waitForURL(/originScope=2026-08/);
      await page.getByTestId('flow-origin-table').waitFor();

      // The menu leads here too.
      await page.goto('/');
      await page.getByRole('link', { name: '人流データ', exact: true }).first().click();
      await page.waitForURL(`**${karuizawa}`);
      await page.getByTestId('flow-heading').waitFor();
    } finally {
      await closeQuietly(context);
    }
  });

  it('fits a phone: no sideways scroll at 375 px, the wide table scrolls in its own box', async () => {
    const { context, page } = await signedIn('officer@demo.tsunagu.jp', {
      width: 375,
      height: 812,
    });
    try {
      await page.goto(karuizawa);
      await flowPageReady(page);
      await noSidewaysScroll(page);
      await screenshot(page, 'flow-officer-375');
    } finally {
      await closeQuietly(context);
    }
  });

  it('names a month the data does not have (an old link), and offers the whole period', async () => {
    const { context, page } = await signedIn('officer@demo.tsunagu.jp');
    try {
      await page.goto(`${karuizawa}?originScope=2030-01`);
      const bad = page.getByTestId('flow-bad-selection');
      await bad.waitFor();
      expect(await bad.getByRole('alert').textContent()).toContain('originScope');
      await bad.getByRole('button', { name: '最新のデータを期間全体で表示' }).click();
      await flowPageReady(page);
      expect(new URL(page.url()).search).toBe('');
    } finally {
      await closeQuietly(context);
    }
  });

  it('does not show 軽井沢町’s figures to another town’s officer', async () => {
    const { context, page } = await signedIn('officer-hokuto@demo.tsunagu.jp');
    try {
      await page.goto(karuizawa);
      await page.getByTestId('flow-no-access').waitFor();
      expect(await page.getByTestId('flow-trend-table').count()).toBe(0);
      expect(await page.getByText('デモ用の合成データ').count()).toBe(0);
      await screenshot(page, 'flow-other-town-no-access');
      // Their own town has no published figures in the demo dataset: said plainly.
      await page.goto('/flow');
      await page.waitForURL('**/municipalities/192091/flow');
      await page.getByTestId('flow-not-listed-municipality').waitFor();
    } finally {
      await closeQuietly(context);
    }
  });

  it('lets the prefecture’s officer pick one of its municipalities', async () => {
    const { context, page } = await signedIn('pref-officer@demo.tsunagu.jp');
    try {
      await page.getByTestId('officer-flow-link').click();
      await page.getByTestId('flow-index-heading').waitFor();
      await page.getByTestId('flow-municipality').click();
      await page.getByTestId('flow-municipality').fill('軽井沢');
      await page.getByRole('option', { name: '軽井沢町' }).click();
      await page.getByTestId('flow-open').click();
      await page.waitForURL(`**${karuizawa}`);
      await flowPageReady(page);
      const visitors = page.getByTestId('flow-row-visitors').locator('td');
      await expect(visitors.count()).resolves.toBe(7);
    } finally {
      await closeQuietly(context);
    }
  });

  it('lets the coordinator pick a municipality and read its figures', async () => {
    const { context, page } = await signedIn('coordinator@demo.tsunagu.jp');
    try {
      await page.getByRole('link', { name: '人流データ', exact: true }).first().click();
      await page.getByTestId('flow-index-heading').waitFor();
      await page.getByTestId('flow-municipality').fill('軽井沢');
      await page.getByRole('option', { name: /軽井沢町/ }).click();
      await page.getByTestId('flow-open').click();
      await page.waitForURL(`**${karuizawa}`);
      await flowPageReady(page);
      await expect(page.getByTestId('flow-source').textContent()).resolves.toContain(
        'デモ用の合成データ',
      );
      // A neighbour, published by the same dataset.
      await page.goto('/municipalities/203238/flow');
      await flowPageReady(page);
      await expect(page.getByTestId('flow-heading').textContent()).resolves.toContain('御代田町');
      await page.getByTestId('flow-trend-table').waitFor();
      await screenshot(page, 'flow-coordinator-miyota');
    } finally {
      await closeQuietly(context);
    }
  });

  // Last: it leaves no dataset published for the tests after it.
  it('lets the coordinator retract the dataset; the town then says no figures are published', async () => {
    const { context, page } = await signedIn('coordinator@demo.tsunagu.jp');
    try {
      await page.getByRole('link', { name: '人流データセット', exact: true }).click();
      await page.getByTestId('flow-datasets-heading').waitFor();
      const row = page.getByTestId('flow-dataset-row').filter({ hasText: 'デモ用の合成データ' });
      expect(await row.getAttribute('data-status')).toBe('published');
      await screenshot(page, 'flow-datasets');
      await row.getByRole('button', { name: /を取り下げる$/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('どの市区町村のページにも表示されなくなります').waitFor();
      await dialog.getByRole('button', { name: '取り下げる' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForFunction(
        () =>
          document
            .querySelector('[data-testid="flow-dataset-row"]')
            ?.getAttribute('data-status') === 'retracted',
      );
      await row.getByText('取り下げ済み').waitFor();

      await page.goto(karuizawa);
      await page.getByTestId('flow-no-dataset').waitFor();
      expect(await page.getByTestId('flow-trend-table').count()).toBe(0);
    } finally {
      await closeQuietly(context);
    }

    // The town's officer sees the same: nothing published, said plainly.
    const officer = await signedIn('officer@demo.tsunagu.jp');
    try {
      await officer.page.goto(karuizawa);
      await officer.page.getByTestId('flow-no-dataset').waitFor();
      await screenshot(officer.page, 'flow-officer-no-dataset');
    } finally {
      await closeQuietly(officer.context);
    }
  });
});
