import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ComplianceResponse, ComplianceRow } from '../../src/contracts/labor';
import {
  apiGet,
  closeQuietly,
  launchBrowser,
  noSidewaysScroll,
  openSignedIn,
  screenshot,
} from './browser';

/**
 * Issue 4's acceptance: a worker submits a week; HR sees the aggregated overtime and the
 * premium owed. The demo leaves the demo worker's week of 2026-11-16 empty for this test.
 */

const baseUrl = inject('baseUrl');
const weekStart = '2026-11-16';
const month = '2026-11';
const weekdays = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
const sideJobEvenings = ['2026-11-16', '2026-11-17', '2026-11-18'];
const mainJob = '株式会社みらいソフト（本業）';
const sideJob = '軽井沢町（副業）';

let browser: Browser;
/** Shared by the steps below, which run in order on one seeded server. */
let workerUserId = '';
/** His month before this week is handed in (the demo has other weeks of his in November). */
let before = { aggregate: 0, overtime: 0 };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Minutes as the dashboard shows them (46:30), written out independently of the app's code. */
const hoursMinutes = (minutes: number) =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
const yen = (amount: number) => `¥${amount.toLocaleString('en-US')}`;

const signedIn = (email: string, viewport?: { width: number; height: number }) =>
  openSignedIn(browser, baseUrl, email, viewport);

async function complianceRowOf(page: Page, userId: string): Promise<ComplianceRow | undefined> {
  const me = await apiGet<{ memberships: Array<{ organizationId: string; role: string }> }>(
    page,
    '/auth/me',
  );
  const organizationId = me.memberships.find((m) => m.role === 'company_admin')?.organizationId;
  const compliance = await apiGet<ComplianceResponse>(
    page,
    `/organizations/${organizationId}/labor/compliance?month=${month}`,
  );
  return compliance.rows.find((r) => r.workerUserId === userId);
}

async function fillRow(
  page: Page,
  date: string,
  index: number,
  row: {
    employer: string;
    start: string;
    end: string;
    breakMinutes: string;
    contracted: '所定内' | '所定外';
    location: string;
    municipalityCode?: string;
  },
) {
  await page
    .getByTestId(`day-${date}`)
    .getByRole('button', { name: /行を追加$/ })
    .click();
  const fields = page.getByTestId(`segment-${date}-${index}`);
  await fields.getByLabel('勤務先', { exact: true }).selectOption({ label: row.employer });
  await fields.getByLabel('開始', { exact: true }).fill(row.start);
  await fields.getByLabel('終了', { exact: true }).fill(row.end);
  await fields.getByLabel('休憩（分）', { exact: true }).fill(row.breakMinutes);
  await fields.getByLabel('区分', { exact: true }).selectOption({ label: row.contracted });
  await fields.getByLabel('勤務場所', { exact: true }).selectOption({ label: row.location });
  await fields.getByLabel('自治体コード', { exact: true }).fill(row.municipalityCode ?? '');
}

describe('working time: a worker submits a week, HR sees the aggregated overtime and premium', () => {
  it('HR notes where the demo worker stands before the week is submitted', async () => {
    const worker = await signedIn('worker@demo.tsunagu.jp');
    try {
      workerUserId = (await apiGet<{ id: string }>(worker.page, '/auth/me')).id;
    } finally {
      await closeQuietly(worker.context);
    }
    const hr = await signedIn('hr@demo.tsunagu.jp');
    try {
      const row = await complianceRowOf(hr.page, workerUserId);
      before = {
        aggregate: row?.aggregateOvertimeAndHolidayMinutes ?? 0,
        overtime: row?.overtimeMinutes ?? 0,
      };
    } finally {
      await closeQuietly(hr.context);
    }
  });

  it('the worker enters the main job and a side job for the week, fixes an overlap, saves and submits', async () => {
    const { context, page } = await signedIn('worker@demo.tsunagu.jp');
    try {
      await page.getByRole('link', { name: '勤務表', exact: true }).click();
      await page.getByTestId('timesheet-heading').waitFor();
      // Any day of the week leads to its Monday.
      await page.getByLabel('日付で週を選ぶ').fill('2026-11-18');
      await page.waitForURL(`**/timesheet?week=${weekStart}`);
      expect(await page.getByTestId('week-range').textContent()).toContain('2026/11/16');
      // The API names national holidays per week: 11-23 is 勤労感謝の日.
      await page.getByRole('button', { name: '翌週 →' }).click();
      await page.getByTestId('day-2026-11-23').getByTestId('holiday').waitFor();
      expect(await page.getByTestId('day-2026-11-23').getByTestId('holiday').textContent()).toBe(
        '祝日：勤労感謝の日',
      );
      await page.getByRole('button', { name: '← 前週' }).click();
      await page.waitForURL(`**/timesheet?week=${weekStart}`);
      await page.getByTestId('day-2026-11-16').waitFor();
      expect(await page.getByTestId('timesheet-status').textContent()).toBe('下書き');

      for (const date of weekdays) {
        await fillRow(page, date, 0, {
          employer: mainJob,
          start: '09:00',
          end: '18:00',
          breakMinutes: '60',
          contracted: '所定内',
          location: '在宅',
        });
      }
      for (const date of sideJobEvenings) {
        await fillRow(page, date, 1, {
          employer: sideJob,
          start: '19:00',
          end: '22:00',
          breakMinutes: '0',
          contracted: '所定外',
          location: 'ワーケーション施設',
          municipalityCode: '203211',
        });
      }

      // Friday runs two hours past the contract at the main job: overtime みらいソフト itself owes
      // a premium for. (The side job's evenings are overtime of 軽井沢町, the employer whose
      // contract came later — 原則的な労働時間管理 — so they raise his aggregate, not this premium.)
      await fillRow(page, '2026-11-20', 1, {
        employer: mainJob,
        start: '18:00',
        end: '20:00',
        breakMinutes: '0',
        contracted: '所定外',
        location: '在宅',
      });

      // An extra main-job row overlapping Monday's 09:00–18:00: the server refuses the save.
      await fillRow(page, '2026-11-16', 2, {
        employer: mainJob,
        start: '17:00',
        end: '19:00',
        breakMinutes: '0',
        contracted: '所定外',
        location: '在宅',
      });
      const rejected = page.waitForResponse(
        (r) =>
          r.url().endsWith(`/me/timesheets/${weekStart}/segments`) &&
          r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: '保存', exact: true }).click();
      expect((await rejected).status()).toBe(400);
      await page.getByTestId('save-errors').waitFor();
      // The server's detail lands on a row of Monday, the day of the overlap, and nowhere else.
      const invalidRows = page.locator('fieldset[data-invalid]');
      await invalidRows.first().waitFor();
      const invalidIds = await invalidRows.evaluateAll((rows) =>
        rows.map((r) => r.getAttribute('data-testid')),
      );
      expect(invalidIds.length).toBeGreaterThan(0);
      for (const id of invalidIds) expect(id).toMatch(/^segment-2026-11-16-/);
      await screenshot(page, 'timesheet-validation-error');

      await page
        .getByTestId('segment-2026-11-16-2')
        .getByRole('button', { name: /3 行目を削除$/ })
        .click();
      expect(await page.getByTestId('segment-2026-11-16-2').count()).toBe(0);
      const saved = page.waitForResponse(
        (r) =>
          r.url().endsWith(`/me/timesheets/${weekStart}/segments`) &&
          r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: '保存', exact: true }).click();
      expect((await saved).status()).toBe(200);
      await page.getByTestId('timesheet-notice').getByText('保存しました。').waitFor();
      expect(await page.getByTestId('unsaved').count()).toBe(0);
      expect(await page.getByTestId('total-worked').textContent()).toBe('51:00');
      expect(await page.getByTestId('total-contracted').textContent()).toBe('40:00');
      expect(await page.getByTestId('total-beyond').textContent()).toBe('11:00');
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'timesheet-desktop');

      // At phone width the days stack and each row folds into two columns, without sideways scroll.
      await page.setViewportSize({ width: 375, height: 812 });
      await page.getByTestId('segment-2026-11-16-1').waitFor();
      await noSidewaysScroll(page);
      await screenshot(page, 'timesheet-375');
      await page.setViewportSize({ width: 1280, height: 860 });

      await page.getByRole('button', { name: '提出', exact: true }).click();
      const submitted = page.waitForResponse((r) =>
        r.url().endsWith(`/me/timesheets/${weekStart}/submit`),
      );
      await page.getByTestId('confirm-submit').click();
      expect((await submitted).status()).toBe(200);
      await page.getByTestId('timesheet-status').getByText('提出済み').waitFor();
      // Submitted weeks are read-only.
      expect(await page.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);
      expect(await page.getByTestId('segment-line').count()).toBe(9);
      await screenshot(page, 'timesheet-submitted');
    } finally {
      await closeQuietly(context);
    }
  });

  it('HR opens the month on the compliance dashboard and sees his aggregated overtime and the premium owed', async () => {
    const { context, page } = await signedIn('hr@demo.tsunagu.jp');
    try {
      await page.getByRole('link', { name: 'コンプライアンス', exact: true }).click();
      await page.getByTestId('compliance-heading').waitFor();
      await page.getByTestId('month-input').fill(month);
      await page.getByTestId('compliance-month').getByText('2026年11月').waitFor();
      await page.getByTestId('month-input').blur();
      const row = page.getByTestId(`compliance-row-${workerUserId}`);
      await row.waitFor();
      expect(await row.getByTestId('worker-name').textContent()).toBe('田中 誠');

      const api = await complianceRowOf(page, workerUserId);
      if (!api) throw new Error('the compliance API has no row for the demo worker');
      // The week counts. Across both employers it adds 3 evenings × 3 h beyond the 8-hour day at
      // the side job and Friday's 2 h at the main job; this company caused the 2 h.
      expect(api.aggregateOvertimeAndHolidayMinutes - before.aggregate).toBe(9 * 60 + 2 * 60);
      expect(api.overtimeMinutes - before.overtime).toBe(2 * 60);
      expect(api.aggregateOvertimeAndHolidayMinutes).toBeGreaterThan(0);
      expect(api.overtimeMinutes).toBeGreaterThan(0);
      expect(api.premiumYen).toBeGreaterThan(0);
      expect(api.employments).toBe(2);
      // What the screen shows is exactly what the API computed.
      expect(await row.getByTestId('aggregate').textContent()).toBe(
        hoursMinutes(api.aggregateOvertimeAndHolidayMinutes),
      );
      expect(await row.getByTestId('overtime').textContent()).toBe(
        hoursMinutes(api.overtimeMinutes),
      );
      expect(await row.getByTestId('premium').textContent()).toBe(yen(api.premiumYen));
      expect(await row.getByTestId('worked').textContent()).toBe(hoursMinutes(api.workedMinutes));

      await page.getByTestId('overtime-chart').locator('svg').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'compliance-dashboard');

      // The payroll exports are plain links the session cookie authorises.
      const csvHref = await page.getByTestId('export-csv').getAttribute('href');
      const csv = await page.evaluate(async (href) => {
        const response = await fetch(href ?? '');
        const bytes = new Uint8Array(await response.arrayBuffer());
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          head: [...bytes.slice(0, 3)],
          text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes),
        };
      }, csvHref);
      expect(csv.status).toBe(200);
      expect(csv.head).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.type).toContain('text/csv');
      expect(csv.text).toContain('田中 誠');
      const xlsxHref = await page.getByTestId('export-xlsx').getAttribute('href');
      const xlsx = await page.evaluate(async (href) => {
        const response = await fetch(href ?? '');
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { status: response.status, head: String.fromCharCode(...bytes.slice(0, 2)) };
      }, xlsxHref);
      expect(xlsx).toEqual({ status: 200, head: 'PK' });

      // At phone width nothing scrolls sideways once the chart has followed its container.
      await page.setViewportSize({ width: 375, height: 812 });
      await noSidewaysScroll(page);
      await screenshot(page, 'compliance-dashboard-375');
    } finally {
      await closeQuietly(context);
    }
  });

  it('HR returns the week with a comment; the worker sees it, corrects the week (the original stays in its history) and submits again', async () => {
    const comment = '水曜日の副業の終了時刻を確認してください。';
    const hr = await signedIn('hr@demo.tsunagu.jp');
    try {
      const page = hr.page;
      await page.getByRole('link', { name: '勤務表の承認', exact: true }).click();
      await page.getByTestId('approvals-heading').waitFor();
      await page.getByLabel('週で絞り込む（日付を選択）').fill('2026-11-19');
      await page.getByRole('button', { name: `田中 誠 さんの 2026/11/16 からの週を開く` }).click();
      const modal = page.getByTestId('review-modal');
      await modal.waitFor();
      // Every employer's segments, the side job's included: aggregation needs them.
      await modal.getByText('軽井沢町').first().waitFor();
      expect(await modal.getByTestId('segment-line').count()).toBe(9);
      await screenshot(page, 'timesheet-review');
      await modal.getByRole('button', { name: '修正を依頼する' }).click();
      await modal.getByText('修正してほしい点を入力してください。').waitFor();
      await modal.getByLabel('コメント').fill(comment);
      await modal.getByRole('button', { name: '修正を依頼する' }).click();
      await modal.getByTestId('review-outcome').waitFor();
      expect(await modal.getByTestId('timesheet-status').textContent()).toBe('差戻し');
    } finally {
      await closeQuietly(hr.context);
    }

    const worker = await signedIn('worker@demo.tsunagu.jp', { width: 375, height: 812 });
    try {
      const page = worker.page;
      await page.goto(`/timesheet?week=${weekStart}`);
      await page.getByTestId('timesheet-status').getByText('差戻し').waitFor();
      expect(await page.getByTestId('correction-comment').textContent()).toContain(comment);
      // Editable again, with what was submitted still in place: he corrects Wednesday's evening.
      await page
        .getByTestId('segment-2026-11-18-1')
        .getByLabel('終了', { exact: true })
        .fill('21:30');
      const saved = page.waitForResponse(
        (r) =>
          r.url().endsWith(`/me/timesheets/${weekStart}/segments`) &&
          r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: '保存', exact: true }).click();
      expect((await saved).status()).toBe(200);
      await page.getByTestId('timesheet-notice').getByText('保存しました。').waitFor();
      expect(await page.getByTestId('total-beyond').textContent()).toBe('10:30');

      // A correction never deletes: what the save replaced stays in the history, with the
      // reviewer's comment in the activity.
      const history = page.getByTestId('timesheet-history');
      await history.getByText(/^変更履歴/).click();
      const replaced = history.getByTestId('segment-line');
      await replaced.first().waitFor();
      const replacedText = (await replaced.allTextContents()).join('\n');
      expect(replacedText).toContain('11月18日(水)19:00–22:00');
      expect(await history.textContent()).toContain(comment);
      await screenshot(page, 'timesheet-correction-375');

      await page.getByRole('button', { name: '提出', exact: true }).click();
      await page.getByTestId('confirm-submit').click();
      await page.getByTestId('timesheet-status').getByText('提出済み').waitFor();
    } finally {
      await closeQuietly(worker.context);
    }
  });

  it('the worker imports a PC log into a later week: the readable rows become PC-log segments, the unreadable one is named by its line', async () => {
    const { context, page } = await signedIn('worker@demo.tsunagu.jp');
    try {
      await page.goto('/timesheet?week=2026-11-30');
      await page.getByTestId('timesheet-status').getByText('下書き').waitFor();
      await page.getByRole('button', { name: 'PCログを取り込む' }).click();
      const modal = page.getByTestId('pc-log-import');
      await modal
        .getByTestId('import-text')
        .fill(
          [
            'logon,logoff',
            '2026-11-30T08:58:00+09:00,2026-11-30T18:03:00+09:00',
            '2026-12-01T18:00:00+09:00,2026-12-01T09:00:00+09:00',
            '2026-12-02T21:00:00+09:00,2026-12-03T01:30:00+09:00',
          ].join('\n'),
        );
      await modal.getByLabel('勤務場所').selectOption({ label: '在宅' });
      await screenshot(page, 'timesheet-pc-log-import-modal');
      const imported = page.waitForResponse((r) => r.url().endsWith('/me/timesheets/import'));
      await modal.getByTestId('import-submit').click();
      expect((await imported).status()).toBe(200);
      const result = page.getByTestId('import-result');
      await result.waitFor();
      expect(await result.textContent()).toContain('2 件の区間を取り込みました');
      expect(await result.getByTestId('import-line-problems').textContent()).toContain('3 行目');
      // The week shows them at once, past midnight as the next day.
      await page.getByTestId('segment-2026-11-30-0').waitFor();
      expect(await page.getByTestId('total-worked').textContent()).toBe('13:35');
      await screenshot(page, 'timesheet-pc-log-import');
    } finally {
      await closeQuietly(context);
    }
  });
});
