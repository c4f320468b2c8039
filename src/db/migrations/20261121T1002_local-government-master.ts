import { sql, type Kysely } from 'kysely';

// The official list of local governments (全国地方公共団体コード). Filled by the reference seed
// (bundled, offline) and enriched by `tsunagu reference import`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prefectures')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('number', 'smallint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kana', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('iso_code', 'text')
    .addColumn('office_lat', 'double precision')
    .addColumn('office_lng', 'double precision')
    .addColumn('website', 'text')
    .addColumn('boundary', 'jsonb')
    .addUniqueConstraint('prefectures_number_key', ['number'])
    .addCheckConstraint('prefectures_code_check', sql`code ~ '^[0-9]{6}$'`)
    .addCheckConstraint('prefectures_number_check', sql`number between 1 and 47`)
    .execute();

  await db.schema
    .createTable('municipalities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('jis_code', 'text', (c) => c.notNull())
    .addColumn('prefecture_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kana', 'text', (c) => c.notNull())
    .addColumn('romaji', 'text')
    .addColumn('office_lat', 'double precision')
    .addColumn('office_lng', 'double precision')
    .addColumn('website', 'text')
    .addColumn('boundary', 'jsonb')
    .addUniqueConstraint('municipalities_jis_code_key', ['jis_code'])
    .addForeignKeyConstraint('municipalities_prefecture_fk', ['prefecture_code'], 'prefectures', [
      'code',
    ])
    .addForeignKeyConstraint('municipalities_parent_fk', ['parent_code'], 'municipalities', [
      'code',
    ])
    .addCheckConstraint('municipalities_code_check', sql`code ~ '^[0-9]{6}$'`)
    .addCheckConstraint(
      'municipalities_kind_check',
      sql`kind in ('designated_city', 'city', 'special_ward', 'town', 'village', 'ward')`,
    )
    // Only a designated city's ward has a parent, and it always has one.
    .addCheckConstraint(
      'municipalities_parent_check',
      sql`(kind = 'ward') = (parent_code is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('municipalities_prefecture_idx')
    .on('municipalities')
    .column('prefecture_code')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('municipalities').execute();
  await db.schema.dropTable('prefectures').execute();
}
