import { visit, type Document, type LineCounter, type YAMLError } from 'yaml';

/**
 * A YAML syntax error, located where a person would look. yaml puts "Missing closing quote" at
 * the end of the file, where it gave up; the quoted text that never closes starts earlier.
 */
export function yamlErrorAt(doc: Document, e: YAMLError, lines: LineCounter): { line: number; column: number; message: string } {
  let offset = e.pos[0];
  let message = e.message.split('\n')[0]!;
  if (e.code === 'MISSING_CHAR' && /quote/i.test(message)) {
    let start = -1;
    let quote = '"';
    visit(doc, {
      Scalar: (_k, node) => {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] === offset) {
          start = node.range[0];
          quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
        }
      },
    });
    if (start >= 0) {
      offset = start;
      message = `the quoted text that starts here never ends (a missing closing ${quote})`;
    }
  }
  if (/maximum call stack/i.test(message)) message = 'nested too deeply to read';
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col, message };
}
