import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import type { RubricProblem } from './errors.js';
import { yamlErrorAt } from '../io/yaml-errors.js';
import { issueMessage, unknownKeys } from './issue-text.js';

export type Path = ReadonlyArray<string | number>;

/** How far aliases may expand (yaml's own default): an alias bomb goes past it at once. */
const ALIAS_LIMIT = 100;

/** A parsed YAML file that can point at any path inside it, for file:line:column messages. */
export class YamlFile {
  private constructor(
    readonly file: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
    /** The document as plain data, aliases resolved (a "__proto__" key is an own property). */
    readonly value: unknown,
  ) {}

  static parse(file: string, text: string): { file: YamlFile | null; problems: RubricProblem[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const problems: RubricProblem[] = doc.errors.map((e) => {
      const p = yamlErrorAt(doc, e, lines);
      return { file, line: p.line, column: p.column, message: `YAML syntax error: ${p.message}` };
    });
    if (problems.length > 0) return { file: null, problems };
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: ALIAS_LIMIT });
    } catch (e) {
      // An alias bomb: point at the first alias. Anything else (nesting too deep): the file.
      const bomb = /excessive alias/i.test(String((e as Error).message));
      let at = 0;
      if (bomb) visit(doc, { Alias: (_k, node) => { at = node.range?.[0] ?? 0; return visit.BREAK; } });
      const pos = lines.linePos(at);
      const why = bomb ? `YAML aliases expand too far (over ${ALIAS_LIMIT} references; an alias bomb?)` : `cannot read the YAML: ${(e as Error).message}`;
      return { file: null, problems: [{ file, line: pos.line, column: pos.col, message: why }] };
    }
    return { file: new YamlFile(file, doc, lines, value), problems };
  }

  /** Where `path` is in the file: the nearest existing node on the path, else the document start. */
  at(path: Path): { line: number; column: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = this.lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  }

  problem(path: Path, message: string): RubricProblem {
    return { file: this.file, ...this.at(path), message };
  }

  /** Validates the whole document against a schema; every issue becomes a located problem. */
  check<T>(schema: z.ZodType<T>): { value: T | null; problems: RubricProblem[] } {
    const res = schema.safeParse(this.value);
    if (res.success) return { value: res.data, problems: [] };
    const problems = res.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const where = path.length > 0 ? `${path.join('.')}: ` : '';
      const unknown = unknownKeys(issue, schema);
      return unknown ? this.problem([...path, unknown.key], `${where}${unknown.message}`) : this.problem(path, `${where}${issueMessage(issue)}`);
    });
    return { value: null, problems };
  }
}
