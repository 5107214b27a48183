import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparedStatements } from '../../src/db/pglite-prepared.ts';

describe('statements run as prepared statements on PGlite', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await PGlite.create('memory://');
    await pglite.exec('create table t (id serial primary key, at timestamptz, doc jsonb, keys bigint[], note text unique)');
  });
  afterAll(async () => {
    await pglite.close();
  });

  it('gives the rows and counts that PGlite itself gives, whatever the types', async () => {
    const statements = new PreparedStatements(pglite);
    const insert = 'insert into t (at, doc, keys, note) values ($1, $2::jsonb, $3::bigint[], $4) returning id, at, doc, keys, note';
    const values = [new Date('2026-03-01T08:00:00Z'), JSON.stringify({ score: 0.9, reasons: ["it's"] }), '{-9223372036854775808,42}', `quote ' and \\ backslash`];
    const ours = await statements.query(insert, values);
    const theirs = await pglite.query<Record<string, unknown>>(insert, [values[0], values[1], values[2], 'another']);
    expect(ours.affectedRows).toBe(1);
    expect(ours.rows).toEqual([{ ...theirs.rows[0], id: 1, note: values[3] }]);
    expect(ours.rows[0]).toMatchObject({ at: values[0], doc: { score: 0.9, reasons: ["it's"] } });
    const nulls = await statements.query('select $1::text as a, $2::int as b', [null, undefined]);
    expect(nulls.rows).toEqual([{ a: null, b: null }]);
  });

  it("fails with PostgreSQL's error and runs the same statement again afterwards", async () => {
    const statements = new PreparedStatements(pglite);
    const insert = 'insert into t (note) values ($1)';
    await statements.query(insert, ['once']);
    await expect(statements.query(insert, ['once'])).rejects.toMatchObject({ code: '23505' });
    await expect(statements.query('selec 1', [])).rejects.toMatchObject({ code: '42601' });
    await statements.query(insert, ['twice']);
    const { rows } = await statements.query<{ note: string }>("select note from t where note in ('once', 'twice') order by note", []);
    expect(rows.map((r) => r.note)).toEqual(['once', 'twice']);
  });

  it('keeps at most its capacity of statements prepared, and runs an evicted one again', async () => {
    const statements = new PreparedStatements(pglite, { capacity: 3 });
    const prepared = async () => (await pglite.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements where name like 'indwatch_%'")).rows[0]!.n;
    const before = await prepared();
    for (let k = 1; k <= 5; k++) {
      const { rows } = await statements.query<{ k: number }>(`select $1::int * ${k} as k`, [2]);
      expect(rows[0]!.k).toBe(2 * k);
    }
    expect(statements.size).toBe(3);
    expect((await prepared()) - before).toBe(3);
    const { rows } = await statements.query<{ k: number }>('select $1::int * 1 as k', [7]);
    expect(rows[0]!.k).toBe(7);
  });

  it('serves a statement prepared before the table it reads changed shape', async () => {
    const statements = new PreparedStatements(pglite);
    await pglite.exec('create table shape (a int); insert into shape values (1)');
    expect((await statements.query('select * from shape', [])).rows).toEqual([{ a: 1 }]);
    await pglite.exec('alter table shape add column b text');
    expect((await statements.query('select * from shape', [])).rows).toEqual([{ a: 1, b: null }]);
    // Inside a transaction the failure stands (the transaction is aborted); the next run prepares afresh.
    await pglite.exec('alter table shape add column c text');
    await statements.query('begin', []);
    await expect(statements.query('select * from shape', [])).rejects.toMatchObject({ code: '0A000' });
    await statements.query('rollback', []);
    expect((await statements.query('select * from shape', [])).rows).toEqual([{ a: 1, b: null, c: null }]);
  });
});
