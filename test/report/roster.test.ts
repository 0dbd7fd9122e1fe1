import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../src/grade/result.js';
import { matchRoster, parseRoster, rosterLookup, type RosterEntry } from '../../src/report/roster.js';

describe('parseRoster', () => {
  it('reads English headers, keeping ids as written', () => {
    const roster = parseRoster('Student ID,Name,Section,Email\n0012345,Ann Lee,A1,ann@x.edu\n2023000002,李四,A2,\n', 'roster.csv');
    expect(roster.problems).toEqual([]);
    expect(roster.entries).toEqual([
      { id: '0012345', name: 'Ann Lee', section: 'A1', email: 'ann@x.edu', login: null, canvasId: null, line: 2 },
      { id: '2023000002', name: '李四', section: 'A2', email: null, login: null, canvasId: null, line: 3 },
    ]);
  });

  it('reads Chinese headers under a title row, with a BOM and blank lines', () => {
    const text = '\uFEFF2023级 神经网络 名单\n\n学号,姓名,班级\n2023000001,王晓东,计科1班\n\n2023000003,王五,计科2班\n';
    const roster = parseRoster(text, '名单.csv');
    expect(roster.problems).toEqual([]);
    expect(roster.entries.map((e) => [e.id, e.name, e.section, e.line])).toEqual([
      ['2023000001', '王晓东', '计科1班', 4],
      ['2023000003', '王五', '计科2班', 6],
    ]);
  });

  it('reads a Canvas gradebook export: SIS User ID is the student id, ID is Canvas’s', () => {
    const text = [
      'Student,ID,SIS User ID,SIS Login ID,Section,HW1 (123)',
      '    Points Possible,,,,,91',
      '"Lee, Ann",4411,0012345,alee,Sec 1,',
      '"Student, Test",4499,,,Sec 1,',
    ].join('\r\n');
    const roster = parseRoster(text, 'canvas.csv');
    expect(roster.problems).toEqual([]);
    expect(roster.entries).toEqual([{ id: '0012345', name: 'Lee, Ann', section: 'Sec 1', email: null, login: 'alee', canvasId: '4411', line: 3 }]);
  });

  it('takes a bare ID column as the student id when there is no other', () => {
    expect(parseRoster('ID;Name\n2023000001;王晓东\n', 'r.csv').entries[0]?.id).toBe('2023000001');
  });

  it('reads semicolon-separated files and quoted cells with commas', () => {
    const roster = parseRoster('student_id;name\n"2023000001";"Wang, Xiaodong"\n', 'r.csv');
    expect(roster.entries[0]).toMatchObject({ id: '2023000001', name: 'Wang, Xiaodong' });
  });

  it('names the file and line of every row it leaves out', () => {
    const text = '学号,姓名\n2023000001,王晓东\n,李四\n2023000001,王五\n2023000004,赵六\n';
    const roster = parseRoster(text, 'roster.csv');
    expect(roster.entries.map((e) => e.id)).toEqual(['2023000001', '2023000004']);
    expect(roster.problems).toEqual([
      'roster.csv:3: no student id for 李四; the row is left out',
      'roster.csv:4: student id 2023000001 is also on line 2; this row is left out',
    ]);
  });

  it('says so when there is nothing to read or no id column', () => {
    expect(parseRoster('', 'r.csv')).toEqual({ entries: [], problems: ['r.csv: the roster is empty'] });
    expect(parseRoster('\uFEFF \n', 'r.csv').problems).toEqual(['r.csv: the roster is empty']);
    const noId = parseRoster('Name,Email\nAnn,a@x\n', 'r.csv');
    expect(noId.entries).toEqual([]);
    expect(noId.problems[0]).toMatch(/^r\.csv: no student id column/);
  });
});

const entry = (id: string, name: string | null, line: number): RosterEntry => ({ id, name, section: null, email: null, login: null, canvasId: null, line });

const submitted = (file: string, id: string | null, name: string | null): GradeResult => ({
  file,
  student: { id, name },
  score: 0,
  maxScore: 0,
  steps: [],
  sections: [],
  problems: [],
  error: null,
});

describe('matchRoster', () => {
  const roster = [entry('2023000001', '王晓东', 2), entry('2023000002', '李四', 3), entry('2023000003', '张伟', 4), entry('2023000004', '张伟', 5), entry('A0005', 'Ann', 6)];

  it('finds who submitted nothing, files that match no one, and students with two files', () => {
    const results = [
      submitted('a/2023000001_王晓东.xlsx', '2023000001', '王晓东'),
      submitted('b/2023000001.xlsx', '2023000001', null),
      submitted('x/2099000000_外人.xlsx', '2099000000', '外人'),
      submitted('c/ann.xlsx', 'a0005', null),
      submitted('d/nobody.xlsx', null, null),
    ];
    const match = matchRoster(results, roster);
    expect(match.missing.map((e) => e.id)).toEqual(['2023000002', '2023000003', '2023000004']);
    expect(match.unmatched.map((r) => r.file)).toEqual(['x/2099000000_外人.xlsx', 'd/nobody.xlsx']);
    expect(match.duplicates).toEqual([{ student: roster[0], files: ['a/2023000001_王晓东.xlsx', 'b/2023000001.xlsx'] }]);
  });

  it('matches a file without an id by name, only when no one else on the roster has that name', () => {
    const lookup = rosterLookup(roster);
    expect(lookup({ id: null, name: '李四' })).toBe(roster[1]);
    expect(lookup({ id: null, name: '张伟' })).toBeNull();
    expect(lookup({ id: null, name: 'ann ' })).toBe(roster[4]);
  });

  it('does not guess from the name when the id is wrong', () => {
    expect(rosterLookup(roster)({ id: '2023000009', name: '李四' })).toBeNull();
  });

  it('reads ids without regard to width, case or spaces', () => {
    expect(rosterLookup(roster)({ id: '２０２３０００００２', name: null })).toBe(roster[1]);
    expect(rosterLookup(roster)({ id: ' a0005', name: null })).toBe(roster[4]);
  });

  it('counts a file that could not be read as handed in', () => {
    const unreadable = { ...submitted('a.xlsx', '2023000002', null), error: 'damaged' };
    expect(matchRoster([unreadable], roster).missing.map((e) => e.id)).not.toContain('2023000002');
  });
});
