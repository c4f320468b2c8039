import { sql, type Kysely } from 'kysely';

// Workers in a programme: when they joined and left. Leaving keeps the row; rejoining adds one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programme_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull())
    .addColumn('worker_user_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull())
    .addColumn('left_at', 'timestamptz')
    .addForeignKeyConstraint('programme_members_programme_fk', ['programme_id'], 'programmes', [
      'id',
    ])
    .addForeignKeyConstraint('programme_members_worker_fk', ['worker_user_id'], 'users', ['id'])
    .addCheckConstraint(
      'programme_members_left_check',
      sql`left_at is null or left_at >= joined_at`,
    )
    .execute();
  // One current membership per person and programme.
  await db.schema
    .createIndex('programme_members_current_key')
    .on('programme_members')
    .columns(['programme_id', 'worker_user_id'])
    .unique()
    .where(sql.ref('left_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('programme_members_worker_idx')
    .on('programme_members')
    .column('worker_user_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('programme_members').execute();
}
