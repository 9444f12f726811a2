import test from 'ava';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalPath, ProverFiles, readJournal } from '../../src/cli/prover-files.js';

/** The prover's file side: atomic saves, files changed on disk, the journal. */

function folder(t: { teardown: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-files-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a save writes the whole text and leaves no temporary file behind', (t) => {
  const dir = folder(t);
  const path = join(dir, 'p.proof');
  t.deepEqual(new ProverFiles(path, null).save(path, 'theorem\n', false), { ok: true });
  t.is(readFileSync(path, 'utf8'), 'theorem\n');
  t.deepEqual(readdirSync(dir), ['p.proof']);
});

test('a file changed on disk since it was opened is a conflict unless overwriting', (t) => {
  const dir = folder(t);
  const path = join(dir, 'p.proof');
  writeFileSync(path, 'as opened\n');
  const files = new ProverFiles(path, 'as opened\n');
  writeFileSync(path, 'changed by someone else\n');
  t.deepEqual(files.save(path, 'mine\n', false), { ok: false, conflict: true });
  t.is(readFileSync(path, 'utf8'), 'changed by someone else\n');
  t.deepEqual(files.save(path, 'mine\n', true), { ok: true });
  t.deepEqual(files.save(path, 'mine again\n', false), { ok: true }, 'after a save, the saved text is what is expected on disk');
  const other = join(dir, 'other.proof');
  writeFileSync(other, 'already there\n');
  t.deepEqual(files.save(other, 'x\n', false), { ok: false, conflict: true }, 'save as: an existing file is not overwritten silently');
});

test('the journal keeps unsaved text next to the file; saving removes it', (t) => {
  const dir = folder(t);
  const path = join(dir, 'p.proof');
  const files = new ProverFiles(path, null);
  files.journal(path, 'unsaved\n', 'goal');
  t.true(existsSync(journalPath(path)));
  t.is(journalPath(path), join(dir, '.p.proof.leibniz-journal'));
  t.is(readJournal(path, null), 'unsaved\n');
  t.is(readJournal(path, 'unsaved\n'), null, 'a journal equal to the file is nothing to offer');
  files.save(path, 'saved\n', false);
  t.false(existsSync(journalPath(path)));
  files.journal(path, 'again\n', 'goal');
  files.journal(path, null, 'goal');
  t.false(existsSync(journalPath(path)));
});
