import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPassword, launchBrowser, newContext, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const demoLogins = [
  {
    shot: 'coordinator',
    role: 'coordinator',
    email: 'coordinator@demo.tsunagu.jp',
    organization: '一般社団法人つなぐテレワーク協会',
  },
  {
    shot: 'municipal_officer',
    role: 'municipal_officer',
    email: 'officer@demo.tsunagu.jp',
    organization: '軽井沢町',
  },
  {
    shot: 'municipal_officer-prefecture',
    role: 'municipal_officer',
    email: 'pref-officer@demo.tsunagu.jp',
    organization: '長野県',
  },
  {
    shot: 'company_admin',
    role: 'company_admin',
    email: 'hr@demo.tsunagu.jp',
    organization: '株式会社みらいソフト',
  },
  {
    shot: 'worker',
    role: 'worker',
    email: 'worker@demo.tsunagu.jp',
    organization: '株式会社みらいソフト',
  },
] as const;

describe('signing in', () => {
  it.each(demoLogins)(
    '$shot: sent to the Japanese login page, signs in, lands on the home of $organization',
    async ({ shot, role, email, organization }) => {
      const context = await newContext(browser, baseUrl);
      const page = await context.newPage();
      try {
        await page.goto('/');
        await page.waitForURL('**/login');
        await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('ja');

        await signIn(page, email);
        const heading = page.getByTestId(`home-${role}`);
        await heading.waitFor();
        expect(await heading.evaluate((el) => el.tagName)).toBe('H1');
        await page.getByText(organization).first().waitFor();
        expect(new URL(page.url()).pathname).toBe('/');
        // Let the home's data settle so the screenshot shows the page as a person sees it.
        await page.waitForLoadState('networkidle');
        await screenshot(page, shot);
      } finally {
        await context.close();
      }
    },
  );

  it('shows the API error in an alert after a wrong password', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    try {
      // Holds the reply back a moment so the pending state can be seen.
      await page.route('**/api/v1/auth/login', async (route) => {
        await new Promise((r) => setTimeout(r, 500));
        await route.continue();
      });
      await page.goto('/login');
      await signIn(page, 'worker@demo.tsunagu.jp', 'not-the-password');
      const submit = page.getByRole('button', { name: 'ログイン' });
      expect(await submit.isDisabled()).toBe(true);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await page.waitForFunction(() => !document.querySelector('button[type=submit]:disabled'));
      expect(await alert.textContent()).toContain(
        'メールアドレスまたはパスワードが正しくありません',
      );
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'login-wrong-password');
    } finally {
      await context.close();
    }
  });

  it('switches to English, keeps it after signing in, and back to Japanese', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await page
        .getByRole('textbox', { name: 'Email address', exact: true })
        .fill('worker@demo.tsunagu.jp');
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoPassword);
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH',
      );
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'My page' }).waitFor();
      expect((await saved).status()).toBe(200);
      await screenshot(page, 'worker-english');

      // Back to Japanese, so the account is left as the other tests expect it.
      const savedJa = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH',
      );
      await page.getByText('日本語', { exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'マイページ' }).waitFor();
      expect((await savedJa).status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    } finally {
      await context.close();
    }
  });

  it('works at phone width: returns to the intended page and navigates through the burger menu', async () => {
    const context = await newContext(browser, baseUrl, { width: 375, height: 812 });
    const page = await context.newPage();
    try {
      await page.goto('/audit');
      await page.waitForURL('**/login?next=%2Faudit');
      await signIn(page, 'coordinator@demo.tsunagu.jp');
      await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor();
      await page.getByTestId('audit-table').waitFor();
      await screenshot(page, 'coordinator-audit-375');

      // At phone width the side navigation is folded away behind the burger.
      expect(await page.getByRole('link', { name: '会員団体' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: 'メニューを開く' }).click();
      const drawer = page.getByRole('dialog', { name: 'メニュー' });
      await drawer.waitFor();
      await screenshot(page, 'coordinator-menu-375');
      await drawer.getByRole('link', { name: 'ホーム' }).click();
      await page.getByTestId('home-coordinator').waitFor();
      await page.waitForLoadState('networkidle');
      await drawer.waitFor({ state: 'hidden' });

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'coordinator-375');
    } finally {
      await context.close();
    }
  });
});

describe('an ended session', () => {
  it('sends the person to the login page on the next call and back where they were going', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await signIn(page, 'officer@demo.tsunagu.jp');
      await page.getByTestId('home-municipal_officer').waitFor();
      // As if the session expired on the server: the next API call answers 401.
      await context.clearCookies();
      await page.getByRole('link', { name: 'メンバーの招待' }).click();
      await page.waitForURL('**/login?next=%2Finvitations');
      await signIn(page, 'officer@demo.tsunagu.jp');
      await page.getByRole('heading', { level: 1, name: '軽井沢町のメンバー招待' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/invitations');
    } finally {
      await context.close();
    }
  });
});

describe('inviting a person', () => {
  it('an HR admin invites a new worker, who accepts the link, lands on their page and signs out', async () => {
    const invitee = `new-worker-${Date.now()}@example.jp`;
    const hrContext = await newContext(browser, baseUrl);
    const hr = await hrContext.newPage();
    let acceptUrl: string;
    try {
      await hr.goto('/login');
      await signIn(hr, 'hr@demo.tsunagu.jp');
      await hr.getByTestId('home-company_admin').waitFor();
      await hr.getByRole('link', { name: 'メンバーの招待' }).click();
      await hr.getByRole('textbox', { name: '招待する人のメールアドレス' }).fill(invitee);
      await hr.getByRole('combobox', { name: '役割' }).click();
      await hr.getByRole('option', { name: 'ワーカー' }).click();
      await hr.getByRole('button', { name: '招待する' }).click();
      const link = hr.getByTestId('invite-accept-url');
      await link.waitFor();
      acceptUrl = ((await link.textContent()) ?? '').trim();
      expect(acceptUrl).toMatch(new RegExp(`^${baseUrl}/invitations/`));
      await hr.getByTestId('invitations-table').getByText(invitee).waitFor();
      await screenshot(hr, 'company_admin-invitation-created');
    } finally {
      await hrContext.close();
    }

    const inviteeContext = await newContext(browser, baseUrl);
    const page = await inviteeContext.newPage();
    try {
      await page.goto(acceptUrl);
      const summary = page.getByTestId('invitation-summary');
      await summary.waitFor();
      const text = (await summary.textContent()) ?? '';
      expect(text).toContain('株式会社みらいソフト');
      expect(text).toContain('ワーカー');
      expect(text).toContain(invitee);
      await page.getByRole('textbox', { name: '氏名', exact: true }).fill('山田 花子');
      await page
        .getByRole('textbox', { name: 'パスワード', exact: true })
        .fill('a-long-secret-2026');
      await page
        .getByRole('textbox', { name: 'パスワード（確認）', exact: true })
        .fill('a-long-secret-2026');
      await screenshot(page, 'invitation-accept');
      await page.getByRole('button', { name: '招待を承諾する' }).click();
      await page.getByTestId('home-worker').waitFor();
      await page.getByText('山田 花子').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'invited-worker');

      // Signing out from the account menu ends the session on the server too.
      await page.getByTestId('account-menu').click();
      await page.getByRole('menuitem', { name: 'ログアウト' }).click();
      await page.waitForURL('**/login');
      await page.goto('/');
      await page.waitForURL('**/login');
    } finally {
      await inviteeContext.close();
    }
  });

  it('says plainly when an invitation link is not usable', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/invitations/this-token-does-not-exist-0123456789');
      await page.getByRole('heading', { level: 1, name: '招待リンクを利用できません' }).waitFor();
      await page.getByRole('alert').waitFor();
    } finally {
      await context.close();
    }
  });
});
