import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApplicationView, OwnProfileView, ProgrammeView } from '../../src/contracts/matching';
import { skillLabels, themeLabels } from '../../src/domain/matching/explain-match';
import type {
  ChallengeTheme,
  SkillLevel,
  StandardSkill,
} from '../../src/domain/matching/matching-model';
import {
  apiGet,
  closeQuietly,
  launchBrowser,
  noSidewaysScroll,
  openSignedIn,
  screenshot,
} from './browser';

/**
 * Issue 3's acceptance: a municipal officer posts a challenge; a worker of a member company sees
 * it recommended with reasons and applies; the employer approves; the host accepts. The officer
 * of 軽井沢町 posts a challenge made for the demo worker (his themes and skills, remote, within
 * his hours and his programme's share), so that it is recommended to him.
 */

const baseUrl = inject('baseUrl');
const title = 'ふるさと納税データの見える化（リモート）';
const message = '長野県に縁があり、データと教育の経験を活かして町の取り組みを手伝いたいです。';
const startDate = '2027-01-12';

let browser: Browser;
/** Shared by the steps below, which run in order on one seeded server. */
const plan = {
  workerName: '',
  themes: [] as ChallengeTheme[],
  skills: [] as { skill: StandardSkill; level: SkillLevel }[],
  hours: 0,
};

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const signedIn = (email: string, viewport?: { width: number; height: number }) =>
  openSignedIn(browser, baseUrl, email, viewport);

describe('matching: a town posts a challenge, a worker applies from a recommendation, HR approves, the town accepts', () => {
  it('reads the demo worker’s profile and programme to design a challenge that suits him', async () => {
    const { context, page } = await signedIn('worker@demo.tsunagu.jp');
    try {
      const profile = await apiGet<OwnProfileView>(page, '/me/profile');
      const me = await apiGet<{ memberships: Array<{ organizationId: string; role: string }> }>(
        page,
        '/auth/me',
      );
      const company = me.memberships.find((m) => m.role === 'worker')?.organizationId ?? '';
      const { items: programmes } = await apiGet<{ items: ProgrammeView[] }>(
        page,
        `/organizations/${company}/programmes`,
      );
      const { items: applications } = await apiGet<{ items: ApplicationView[] }>(
        page,
        '/me/applications',
      );
      plan.workerName = profile.name;
      plan.themes = profile.interests.slice(0, 2);
      // His strongest skills, asked at the level he holds them: full skill coverage.
      plan.skills = [...profile.skills]
        .sort((a, b) => b.level - a.level)
        .slice(0, 2)
        .map(({ skill, level }) => ({ skill, level }));
      // Within his spare hours and what his double-work programme still allows.
      const doubleWork = programmes.find((p) => p.me?.joined && p.hourCapPerMonth !== null);
      const committed = applications
        .filter((a) => a.status === 'matched' && a.programmeId === doubleWork?.id)
        .reduce((sum, a) => sum + a.hoursPerMonth, 0);
      const room = (doubleWork?.hourCapPerMonth ?? 200) - committed;
      plan.hours = Math.min(8, room, profile.availableHoursPerMonth ?? 8);
      expect(plan.themes.length).toBeGreaterThan(0);
      expect(plan.skills.length).toBeGreaterThan(0);
      expect(plan.hours).toBeGreaterThan(0);
      expect(profile.preferredStyles).toContain('remote');
      expect(profile.sharing.openToOffers).toBe(true);
    } finally {
      await closeQuietly(context);
    }
  });

  it('the officer of 軽井沢町 drafts the challenge, fixes what the form and the server point out, and opens it', async () => {
    const { context, page } = await signedIn('officer@demo.tsunagu.jp');
    try {
      await page.getByRole('link', { name: '地域の課題', exact: true }).click();
      await page.getByTestId('host-challenges-heading').waitFor();
      await page.getByTestId('host-challenges-table').waitFor();
      await page.getByRole('link', { name: '新しい課題を作成' }).click();
      await page.getByTestId('challenge-form-heading').waitFor();
      const form = page.getByTestId('challenge-form');

      // Saved empty, the form names what is missing and takes the focus to the first field.
      await form.getByRole('button', { name: '下書きを保存' }).click();
      const titleField = form.getByRole('textbox', { name: 'タイトル', exact: true });
      await form.getByText('入力されていない項目があります').waitFor();
      expect(await titleField.getAttribute('aria-invalid')).toBe('true');
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid'));

      await titleField.fill(title);
      await form
        .getByRole('textbox', { name: '内容', exact: true })
        .fill(
          'ふるさと納税の寄附データと観光・人流データを組み合わせ、町とつながる人の姿を見える化します。町の職員が自分で更新できるダッシュボードと、その使い方の勉強会までをお願いします。',
        );
      for (const theme of plan.themes) {
        await form.getByRole('checkbox', { name: themeLabels.ja[theme], exact: true }).check();
      }
      const required = form.getByTestId('required-skills');
      for (const [i, s] of plan.skills.entries()) {
        await required.getByRole('button', { name: '＋ スキルを追加' }).click();
        await required.getByLabel(`スキル ${i + 1}`, { exact: true }).selectOption(s.skill);
        await required.getByLabel(`レベル ${i + 1}`, { exact: true }).selectOption(`${s.level}`);
        expect(await required.getByLabel(`スキル ${i + 1}`, { exact: true }).inputValue()).toBe(
          s.skill,
        );
      }
      await form.getByRole('radio', { name: 'リモート', exact: true }).check();
      await form.getByRole('textbox', { name: '時間（月）', exact: true }).fill(`${plan.hours}`);
      await form.getByLabel(/^開始日/).fill(startDate);
      await form.getByRole('textbox', { name: '期間（か月）', exact: true }).fill('6');
      await form.getByRole('radio', { name: '有償', exact: true }).check();
      await form.getByRole('textbox', { name: '謝礼（月額・円）', exact: true }).fill('20000');
      await form.getByRole('switch', { name: '交通費を支援する' }).check();
      // Three places but room for two applications: the server refuses, naming the field.
      await form.getByRole('textbox', { name: '募集人数', exact: true }).fill('3');
      const cap = form.getByRole('textbox', { name: '同時に受け付ける応募の上限', exact: true });
      await cap.fill('2');
      const refused = page.waitForResponse(
        (r) => r.url().includes('/challenges') && r.request().method() === 'POST',
      );
      await form.getByRole('button', { name: '下書きを保存' }).click();
      expect((await refused).status()).toBe(400);
      await form.getByText('must be at least the number of places (3)').first().waitFor();
      expect(await cap.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'matching-officer-form-error');

      await form.getByRole('textbox', { name: '募集人数', exact: true }).fill('1');
      await cap.fill('20');
      await form.getByRole('button', { name: '下書きを保存' }).click();
      await page.getByTestId('challenge-created').waitFor();
      expect(await page.getByTestId('host-challenge-heading').textContent()).toBe(title);
      expect(await page.getByTestId('challenge-state').first().textContent()).toBe('下書き');

      await page.getByRole('button', { name: '募集を開始' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('ワーカーに公開され').waitFor();
      await dialog.getByRole('button', { name: '募集を開始' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('challenge-state').getByText('募集中').waitFor();

      // The history says who opened it and when.
      await page.getByRole('tab', { name: '履歴' }).click();
      const history = page.getByTestId('challenge-history');
      await history.getByText('募集を開始（下書き → 募集中）').waitFor();
      expect(await history.textContent()).toContain('佐藤 健一');
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'matching-officer-opened');
    } finally {
      await closeQuietly(context);
    }
  });

  it('the worker finds it among his recommendations with its reasons, and applies with a message', async () => {
    const { context, page } = await signedIn('worker@demo.tsunagu.jp');
    try {
      await page.getByRole('link', { name: 'おすすめ', exact: true }).click();
      await page.getByTestId('recommendations-heading').waitFor();
      const card = page.getByTestId('recommendation').filter({ hasText: title });
      await card.waitFor();
      // The one-line summary gives the reasons, the skill count first: all required skills met.
      const n = plan.skills.length;
      const summary = (await card.getByTestId('recommendation-summary').textContent()) ?? '';
      expect(summary).toContain(`必須スキル ${n} 件中 ${n} 件`);
      // Each factor with its reason in words, the score as a percentage.
      const factors = await card.getByTestId('factor-text').allTextContents();
      expect(factors.length).toBe(5);
      expect(factors[0]).toContain(`必須スキル ${n} 件中 ${n} 件`);
      expect(factors.join(' ')).toContain('ふるさと');
      expect(await card.getByTestId('match-score').textContent()).toMatch(/\d+%/);
      // Made for him, it leads the list.
      expect(await page.getByTestId('recommendation').first().textContent()).toContain(title);
      await page.getByTestId('filtered-out').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'matching-worker-recommendations');

      await card.getByRole('link', { name: title }).click();
      await page.getByTestId('challenge-heading').waitFor();
      expect(await page.getByTestId('challenge-heading').textContent()).toBe(title);
      // The reasons follow him from the recommendations, and the skills asked are his.
      expect(
        await page.getByRole('region', { name: 'あなたにおすすめの理由' }).textContent(),
      ).toContain(`必須スキル ${n} 件中 ${n} 件`);
      const facts = (await page.getByTestId('challenge-facts').textContent()) ?? '';
      for (const s of plan.skills)
        expect(facts).toContain(`${skillLabels.ja[s.skill]} Lv${s.level}`);
      await page
        .getByRole('textbox', { name: '受け入れ先へのメッセージ', exact: true })
        .fill(message);
      await page.getByRole('button', { name: '応募する', exact: true }).click();
      const outcome = page.getByTestId('apply-outcome');
      await outcome.waitFor();
      // His programme needs HR's approval first.
      expect(await outcome.textContent()).toContain('株式会社みらいソフトの承認を待っています');
      await page.getByTestId('my-application').getByText('会社の承認待ち').waitFor();
      await screenshot(page, 'matching-worker-applied');
    } finally {
      await closeQuietly(context);
    }
  });

  it('HR approves the application, seeing it within the programme’s share of hours', async () => {
    const { context, page } = await signedIn('hr@demo.tsunagu.jp');
    try {
      await page.getByRole('link', { name: '応募の承認', exact: true }).click();
      await page.getByTestId('application-approvals-heading').waitFor();
      const card = page.getByTestId('approval-card').filter({ hasText: title });
      await card.waitFor();
      expect(await card.textContent()).toContain(plan.workerName);
      expect(await card.textContent()).toContain(message);
      await card.getByTestId('programme-hours').waitFor();
      expect(await card.getByTestId('programme-hours').textContent()).toContain(
        `この応募 月${plan.hours}時間`,
      );
      await screenshot(page, 'matching-hr-approvals');
      await card.getByRole('button', { name: `${plan.workerName}さんの応募を承認する` }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByRole('textbox', { name: '本人へのコメント（任意）' })
        .fill('本業の繁忙期（3月）は事前に相談してください。');
      await dialog.getByRole('button', { name: '承認する' }).click();
      await page.getByTestId('approval-outcome').waitFor();
      expect(await page.getByTestId('approval-outcome').textContent()).toContain(
        `${plan.workerName}さんの応募を承認しました`,
      );
      // It has left the list of those waiting.
      await card.waitFor({ state: 'detached' });
    } finally {
      await closeQuietly(context);
    }
  });

  it('the officer is told, opens the challenge from the notification and accepts him', async () => {
    const { context, page } = await signedIn('officer@demo.tsunagu.jp');
    try {
      const bell = page.getByTestId('notification-bell');
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="notification-bell"]')
          ?.getAttribute('aria-label')
          ?.includes('未読'),
      );
      await bell.click();
      const item = page
        .getByTestId('notification-item')
        .filter({ hasText: `「${title}」への応募が届きました` });
      await item.waitFor();
      await item.click();
      await page.getByTestId('host-challenge-heading').getByText(title).waitFor();

      const card = page.getByTestId('applicant-card').filter({ hasText: plan.workerName });
      await card.waitFor();
      expect(await card.getByTestId('application-status').textContent()).toBe('受け入れ先で審査中');
      expect(await card.getByTestId('applicant-message').textContent()).toBe(message);
      // The host sees the application and its review; the employer's steps stay between the
      // worker and HR.
      const hostSteps = (await card.getByTestId('application-timeline').textContent()) ?? '';
      expect(hostSteps).toContain('受け入れ先の審査');
      expect(hostSteps).not.toContain('会社');
      await card.getByRole('button', { name: `${plan.workerName}さんを受け入れる` }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByRole('textbox', { name: '本人へのひとこと（任意）' })
        .fill('ようこそ。初回はオンラインで顔合わせをしましょう。');
      await dialog.getByRole('button', { name: '受け入れる' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await card.getByTestId('application-status').getByText('マッチング成立').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'matching-officer-accepted');
    } finally {
      await closeQuietly(context);
    }
  });

  it('the worker has a notification and sees the application matched, also at phone width', async () => {
    const { context, page } = await signedIn('worker@demo.tsunagu.jp');
    try {
      await page.getByTestId('notification-bell').click();
      const item = page
        .getByTestId('notification-item')
        .filter({ hasText: `「${title}」（軽井沢町）のマッチングが成立しました` });
      await item.waitFor();
      expect(await item.getAttribute('data-unread')).toBe('true');
      expect(await item.getAttribute('data-kind')).toBe('application_matched');
      await screenshot(page, 'matching-worker-notification');
      await item.click();
      await page.getByTestId('my-applications-heading').waitFor();
      const card = page.getByTestId('my-application-card').filter({ hasText: title });
      await card.waitFor();
      expect(await card.getByTestId('application-status').getAttribute('data-status')).toBe(
        'matched',
      );
      const steps = (await card.getByTestId('application-timeline').textContent()) ?? '';
      for (const step of [
        '応募',
        '会社の承認を依頼',
        '会社が承認し、受け入れ先へ',
        'マッチング成立',
      ]) {
        expect(steps).toContain(step);
      }
      expect(steps).toContain('ようこそ。初回はオンラインで顔合わせをしましょう。');
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'matching-worker-matched');
    } finally {
      await closeQuietly(context);
    }

    const phone = await signedIn('worker@demo.tsunagu.jp', { width: 375, height: 812 });
    try {
      const { page } = phone;
      await page.goto('/applications');
      await page.getByTestId('my-application-card').filter({ hasText: title }).waitFor();
      await page.waitForLoadState('networkidle');
      await noSidewaysScroll(page);
      await screenshot(page, 'matching-worker-matched-375');
      await page.goto('/recommendations');
      await page.getByTestId('recommendation').first().waitFor();
      await page.waitForLoadState('networkidle');
      await noSidewaysScroll(page);
      await screenshot(page, 'matching-worker-recommendations-375');
    } finally {
      await closeQuietly(phone.context);
    }
  });
});
