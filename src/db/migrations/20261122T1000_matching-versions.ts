import { sql, type Kysely } from 'kysely';

// How fresh the API's matching cache is (decision 0008): a counter per scope — 'challenges' (open
// challenges and their application counts), 'workers' (profiles, programmes, what is committed)
// and 'places' (the master's names and office positions) — raised by the triggers of the next
// migration in the transaction of every write that changes what the scorer reads, whoever
// writes (API, CLI, demo seed, another server).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('matching_versions')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint(
      'matching_versions_scope_check',
      sql`scope in ('challenges', 'workers', 'places')`,
    )
    .execute();
  await sql`insert into matching_versions (scope, version) values ('challenges', 0), ('workers', 0), ('places', 0)`.execute(
    db,
  );
  // Called by statement-level triggers; raises a scope once per transaction (a transaction-local
  // setting remembers it), so a bulk load neither bloats this table nor holds more than it needs.
  // The row lock taken by the raise is held to commit: versions follow the order of commits.
  await sql`
    create function bump_matching_version() returns trigger language plpgsql as $$
    declare
      marker text := 'tsunagu.matching_version_' || tg_argv[0];
    begin
      if coalesce(current_setting(marker, true), '') = '' then
        update matching_versions set version = version + 1 where scope = tg_argv[0];
        perform set_config(marker, 'raised', true);
      end if;
      return null;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function bump_matching_version()`.execute(db);
  await db.schema.dropTable('matching_versions').execute();
}
