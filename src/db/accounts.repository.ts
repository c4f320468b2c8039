import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';

export type NewPasswordUser = {
  email: string;
  name: string;
  password: string;
  locale?: 'ja' | 'en';
};

/**
 * Creates a login the way better-auth would (a users row plus a "credential" account holding
 * its scrypt hash), but inside the caller's transaction, so an invitation acceptance or a seed
 * either writes the person, their membership and the invitation together or writes nothing.
 */
export async function createPasswordUser(
  db: Kysely<Database> | Transaction<Database>,
  input: NewPasswordUser,
): Promise<string> {
  return insertCredentialUser(db, { ...input, passwordHash: await hashPassword(input.password) });
}

/** As createPasswordUser, with a hash computed once by the caller (bulk demo seeding). */
export async function insertCredentialUser(
  db: Kysely<Database> | Transaction<Database>,
  input: Omit<NewPasswordUser, 'password'> & { passwordHash: string },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      email_verified: true,
      image: null,
      locale: input.locale ?? 'ja',
    })
    .execute();
  await db.insertInto('auth_accounts').values(credentialAccount(id, input.passwordHash)).execute();
  return id;
}

/**
 * The "credential" account row better-auth signs a user in with: their own id as the account id,
 * the password's scrypt hash, and none of the tokens other providers keep.
 */
export function credentialAccount(userId: string, passwordHash: string) {
  return {
    id: randomUUID(),
    account_id: userId,
    provider_id: 'credential',
    user_id: userId,
    access_token: null,
    refresh_token: null,
    id_token: null,
    access_token_expires_at: null,
    refresh_token_expires_at: null,
    scope: null,
    password: passwordHash,
  };
}

export async function findUserIdByEmail(
  db: Kysely<Database> | Transaction<Database>,
  email: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}
