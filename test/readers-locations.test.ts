// The compact location maps behave as Maps: packed cells of spreadsheet entries, derived pointers of JSON ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../src/model/grid.js';
import { PackedLocations, PointerLocations, SheetTable } from '../src/model/locations.js';
import type { SourceLocation } from '../src/model/types.js';

const cellLocation = fc
  .record({
    sheet: fc.option(fc.constantFrom('目录', '数据项', 'Sheet1'), { nil: undefined }),
    row: fc.integer({ min: 1, max: 1_048_576 }),
    col: fc.option(fc.integer({ min: 0, max: 16_383 }), { nil: undefined }),
  })
  .map(({ sheet, row, col }) => {
    const loc: SourceLocation = sheet === undefined ? { row } : { sheet, row };
    if (col !== undefined) {
      loc.column = columnLetter(col);
      loc.cell = `${loc.column}${row}`;
    }
    return loc;
  });

describe('PackedLocations', () => {
  it('gives back every location set, like a Map, across many keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), cellLocation), { maxLength: 80 }),
        (pairs) => {
          const packed = new PackedLocations(new SheetTable());
          const plain = new Map<string, SourceLocation>();
          for (const [k, v] of pairs) {
            packed.set(k, v);
            plain.set(k, v);
          }
          expect(packed.size).toBe(plain.size);
          for (const [k, v] of plain) expect(packed.get(k)).toEqual(v);
          packed.compact();
          expect(new Map(packed)).toEqual(plain);
          expect(packed.has('never-set')).toBe(false);
        },
      ),
    );
  });

  it('compacted entries laid out alike share keys and layout, and each still changes like its own Map', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('', '/name', '/code', '/items/0/type', '/x'), cellLocation), {
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 70_000 }),
        fc.array(fc.tuple(fc.constantFrom('/name', '/code', '/new'), fc.option(cellLocation)), {
          maxLength: 6,
        }),
        (pairs, shift, changes) => {
          const sheets = new SheetTable();
          const a = new PackedLocations(sheets);
          const b = new PackedLocations(sheets);
          const plainA = new Map<string, SourceLocation>();
          const plainB = new Map<string, SourceLocation>();
          for (const [k, v] of pairs) {
            // b: the same cells `shift` rows further down (the next entry of a template sheet).
            const moved: SourceLocation = { ...v, row: v.row! + shift };
            if (moved.cell !== undefined) moved.cell = `${moved.column}${moved.row}`;
            a.set(k, v);
            b.set(k, moved);
            plainA.set(k, v);
            plainB.set(k, moved);
          }
          a.compact();
          b.compact();
          for (const [k, v] of changes) {
            if (v === null) expect(a.delete(k)).toBe(plainA.delete(k));
            else {
              a.set(k, v);
              plainA.set(k, v);
            }
          }
          a.compact();
          expect(new Map(a)).toEqual(plainA);
          expect(new Map(b)).toEqual(plainB);
          for (const [k, v] of plainB) expect(b.get(k)).toEqual(v);
        },
      ),
    );
  });

  it('an entry being built behaves as a Map through deletes, odd locations and the next entry starting', () => {
    const op = fc.oneof(
      fc.tuple(
        fc.constant('set' as const),
        fc.constantFrom('', '/name', '/code', '/items/0/type', '/x'),
        cellLocation,
      ),
      fc.tuple(fc.constant('odd' as const), fc.constantFrom('/name', '/x'), fc.constant({ pointer: '/p' })),
      fc.tuple(
        fc.constant('delete' as const),
        fc.constantFrom('/name', '/code', '/x'),
        fc.constant(undefined),
      ),
      fc.tuple(fc.constant('next' as const), fc.constant(''), fc.constant(undefined)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const sheets = new SheetTable();
        const maps: [PackedLocations, Map<string, SourceLocation>][] = [
          [new PackedLocations(sheets), new Map()],
        ];
        for (const [kind, key, loc] of ops) {
          const [packed, plain] = maps[maps.length - 1]!;
          if (kind === 'next') maps.push([new PackedLocations(sheets), new Map()]);
          else if (kind === 'delete') expect(packed.delete(key)).toBe(plain.delete(key));
          else {
            packed.set(key, loc as SourceLocation);
            plain.set(key, loc as SourceLocation);
          }
          expect(packed.size).toBe(plain.size);
        }
        for (const [packed, plain] of maps) {
          for (const [k, v] of plain) expect(packed.get(k)).toEqual(v);
          packed.compact();
          expect(new Map(packed)).toEqual(plain);
        }
      }),
    );
  });

  it('keeps locations of other shapes as given (pointers, a cell that is not column+row)', () => {
    const packed = new PackedLocations(new SheetTable());
    packed.set('/name', { pointer: '/entries/0/name', row: 3 });
    packed.set('/code', { sheet: '目录', row: 7, column: 'C', cell: 'C8' });
    packed.set('/provider', { sheet: '目录', row: 7, column: 'D', cell: 'D7' });
    expect(packed.get('/name')).toEqual({ pointer: '/entries/0/name', row: 3 });
    expect(packed.get('/code')).toEqual({ sheet: '目录', row: 7, column: 'C', cell: 'C8' });
    expect(packed.get('/provider')).toEqual({ sheet: '目录', row: 7, column: 'D', cell: 'D7' });
    packed.set('/name', { row: 4 });
    expect(packed.get('/name')).toEqual({ row: 4 });
    expect(packed.delete('/code')).toBe(true);
    expect([...packed.keys()].sort()).toEqual(['/name', '/provider']);
  });
});

describe('PointerLocations', () => {
  const pointerLocation = (base: string) =>
    fc.oneof(
      fc.string({ maxLength: 12 }).map((k) => ({ key: `/${k}`, loc: { pointer: `${base}/${k}` } })),
      fc.tuple(fc.string({ maxLength: 12 }), fc.integer({ min: 1, max: 99 })).map(([k, row]) => ({
        key: `/${k}`,
        loc: { pointer: `${base}/${k}`, row } as SourceLocation,
      })),
      fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([k, other]) => ({
        key: `/${k}`,
        loc: { pointer: `/elsewhere/${other}` } as SourceLocation,
      })),
    );

  it('gives back every location set, like a Map, whatever its shape; deletes as a Map does', () => {
    fc.assert(
      fc.property(
        fc.array(pointerLocation('/entries/7'), { maxLength: 80 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 10 }),
        (pairs, removed) => {
          const compact = new PointerLocations('/entries/7');
          const plain = new Map<string, SourceLocation>();
          for (const { key, loc } of pairs) {
            compact.set(key, loc);
            plain.set(key, loc);
          }
          // Half way: the list is shared with an entry of the same fields, and must be copied on change.
          compact.compact();
          const twin = new PointerLocations('/entries/8');
          for (const key of [...compact.keys()]) twin.add(key);
          twin.compact();
          const twinKeys = [...twin.keys()];
          for (const k of removed) expect(compact.delete(`/${k}`)).toBe(plain.delete(`/${k}`));
          expect([...twin.keys()]).toEqual(twinKeys);
          expect(compact.size).toBe(plain.size);
          for (const [k, v] of plain) expect(compact.get(k)).toEqual(v);
          expect(new Map(compact)).toEqual(plain);
          expect(compact.has('/never set')).toBe(false);
        },
      ),
    );
  });

  it('derives { pointer } from the base, and { row, pointer } once a line is set (JSON Lines)', () => {
    const compact = new PointerLocations('/3').add('').add('/name').add('/items/0/type');
    compact.set('/code', { pointer: '/elsewhere' });
    expect(compact.get('/name')).toEqual({ pointer: '/3/name' });
    compact.setRow(4);
    expect(compact.get('')).toEqual({ row: 4, pointer: '/3' });
    expect(compact.get('/items/0/type')).toEqual({ row: 4, pointer: '/3/items/0/type' });
    expect(compact.get('/code')).toEqual({ pointer: '/elsewhere', row: 4 });
    expect([...compact.keys()]).toEqual(['', '/name', '/items/0/type', '/code']);
  });
});
