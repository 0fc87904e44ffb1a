import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Which files of a folder are left out: `--ignore GLOB` and the lines of a `.coachignore` file in
// the folder scored, with gitignore's rules (as eslint's and vale's ignore files use them):
//   # comment          a line starting with # is a comment; blank lines are skipped
//   drafts/            a trailing / matches folders only
//   /notes.md          a leading / (or any / inside) anchors the pattern to the folder scored
//   *.bak              otherwise the pattern matches a name at any depth
//   **/old/**          ** matches any number of folders; * and ? never cross a /
//   !keep.md           a leading ! takes a file back in (the last matching line wins)

interface Rule {
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

function globToRegExp(glob: string, anchored: boolean): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}$`);
}

function parseRule(line: string): Rule | null {
  let l = line.replace(/\s+$/, '');
  if (l === '' || l.startsWith('#')) return null;
  const negate = l.startsWith('!');
  if (negate) l = l.slice(1);
  if (l.startsWith('\\')) l = l.slice(1);
  const dirOnly = l.endsWith('/');
  if (dirOnly) l = l.replace(/\/+$/, '');
  if (l === '') return null;
  const anchored = l.includes('/');
  return { re: globToRegExp(l.replace(/^\//, ''), anchored), negate, dirOnly };
}

export class IgnoreRules {
  private readonly rules: Rule[];

  constructor(lines: readonly string[]) {
    this.rules = lines.map(parseRule).filter((r): r is Rule => r !== null);
  }

  /** The --ignore globs, then the folder's .coachignore lines, if it has one. */
  static forFolder(dir: string, globs: readonly string[] = []): IgnoreRules {
    let file: string[] = [];
    try {
      file = readFileSync(join(dir, '.coachignore'), 'utf8').split(/\r?\n/);
    } catch {
      // no .coachignore: only the globs
    }
    return new IgnoreRules([...globs, ...file]);
  }

  /** Whether a path relative to the folder scored (with / between names) is left out. */
  ignores(relative: string, isDir: boolean): boolean {
    const path = relative.replace(/\\/g, '/');
    let out = false;
    // The folder walk never goes into a folder left out, so a folder rule needs to match only it.
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.re.test(path)) out = !r.negate;
    }
    return out;
  }
}

/**
 * Files a folder scan leaves out unless named on the command line: project files that are not
 * answers. (.txt and .md files are answers in a folder only when they carry their question;
 * see read-answers.ts.)
 */
const NOT_ANSWERS = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|tsconfig(?:\.[\w-]+)?\.json|jsconfig\.json|composer(?:\.lock)?|\.?eslintrc\.(?:json|ya?ml)|\.?prettierrc\.(?:json|ya?ml)|docker-compose\.ya?ml|mkdocs\.ya?ml|\.?travis\.ya?ml|(?:readme|license|licence|changelog|contributing|code_of_conduct|security|notice|authors)(?:\.[\w-]+)*)$/i;

export function isProjectFile(name: string): boolean {
  return NOT_ANSWERS.test(name);
}
