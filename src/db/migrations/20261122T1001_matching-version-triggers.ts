import { sql, type Kysely } from 'kysely';

/** Table, trigger name, events, scope: every write that changes what the scorer reads. */
const triggers: ReadonlyArray<[table: string, name: string, events: string, scope: string]> = [
  // Open challenges, their terms, state and host.
  ['challenges', 'challenges_matching_version', 'insert or update or delete', 'challenges'],
  // A matched engagement's hours, start or period are a worker's committed hours.
  [
    'challenges',
    'challenges_committed_version',
    'update of hours_per_month, start_date, period_months',
    'workers',
  ],
  [
    'organizations',
    'organizations_matching_version',
    'update of name, name_en, lg_code',
    'challenges',
  ],
  // Filled places and open applications.
  [
    'applications',
    'applications_matching_version',
    'insert or delete or update of status',
    'challenges',
  ],
  ['worker_profiles', 'worker_profiles_matching_version', 'insert or update or delete', 'workers'],
  ['programmes', 'programmes_matching_version', 'insert or update or delete', 'workers'],
  [
    'programme_members',
    'programme_members_matching_version',
    'insert or update or delete',
    'workers',
  ],
  // Tenure (a programme's eligibility) and which companies a worker belongs to.
  ['employments', 'employments_matching_version', 'insert or update or delete', 'workers'],
  ['memberships', 'memberships_matching_version', 'insert or update or delete', 'workers'],
  // Names and office positions of the master (positions come with `reference import`).
  ['municipalities', 'municipalities_matching_version', 'insert or update or delete', 'places'],
  ['prefectures', 'prefectures_matching_version', 'insert or update or delete', 'places'],
];

// The triggers that raise matching_versions (previous migration). A match (an application turning
// matched, or leaving it) also commits a worker's hours: a row trigger, as it concerns few rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, name, events, scope] of triggers) {
    await sql`create trigger ${sql.raw(name)} after ${sql.raw(events)} on ${sql.table(table)}
      for each statement execute function bump_matching_version(${sql.lit(scope)})`.execute(db);
  }
  await sql`create trigger applications_committed_version after update of status on applications
    for each row when (old.status is distinct from new.status
      and (old.status = 'matched' or new.status = 'matched'))
    execute function bump_matching_version('workers')`.execute(db);
  await sql`create trigger applications_committed_insert_version after insert on applications
    for each row when (new.status = 'matched')
    execute function bump_matching_version('workers')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger applications_committed_insert_version on applications`.execute(db);
  await sql`drop trigger applications_committed_version on applications`.execute(db);
  for (const [table, name] of [...triggers].reverse()) {
    await sql`drop trigger ${sql.raw(name)} on ${sql.table(table)}`.execute(db);
  }
}
