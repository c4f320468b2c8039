import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database';

export async function updateLocale(
  db: Kysely<Database>,
  userId: string,
  locale: 'ja' | 'en',
): Promise<void> {
  await db
    .updateTable('users')
    .set({ locale, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
