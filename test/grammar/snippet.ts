/**
 * Expands VS Code snippet text the way the editor does when the user accepts every default:
 * tab stops and placeholders give their default, choices their first option, variables the
 * values given. Malformed snippet syntax throws, so a template that VS Code would insert
 * verbatim (with stray `${`) fails the tests instead.
 */
export function expandSnippet(body: string, variables: Record<string, string>): string {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos} in snippet: ${JSON.stringify(body.slice(Math.max(0, pos - 20), pos + 20))}`);
  };

  /** Reads text up to (not including) an unescaped character in `stops`. */
  function sequence(stops: string): string {
    let out = '';
    while (pos < body.length && !stops.includes(body[pos])) {
      const c = body[pos];
      if (c === '\\' && pos + 1 < body.length && '$}\\,|'.includes(body[pos + 1])) {
        out += body[pos + 1];
        pos += 2;
      } else if (c === '$') out += dollar();
      else {
        out += c;
        pos++;
      }
    }
    return out;
  }

  function dollar(): string {
    pos++; // $
    const simple = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
    if (simple) {
      pos += simple[0].length;
      return value(simple[0]);
    }
    if (body[pos] !== '{') return '$';
    pos++;
    const name = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos))?.[0] ?? fail('expected a tab stop number or variable name');
    pos += name.length;
    let result = value(name);
    if (body[pos] === ':') {
      pos++;
      const fallback = sequence('}');
      result = /^\d+$/.test(name) || result === '' ? fallback : result;
    } else if (body[pos] === '|') {
      pos++;
      const options = sequence('|').split(',');
      pos++;
      result = options[0];
    }
    if (body[pos] !== '}') fail('expected }');
    pos++;
    return result;
  }

  function value(name: string): string {
    if (/^\d+$/.test(name)) return '';
    if (!(name in variables)) fail(`unknown variable ${name}`);
    return variables[name];
  }

  const text = sequence('');
  return text;
}

/** Values for the snippet variables the templates use. */
export const FIXED_TIME: Record<string, string> = {
  CURRENT_YEAR: '2024',
  CURRENT_MONTH: '03',
  CURRENT_DATE: '14',
  CURRENT_HOUR: '09',
  CURRENT_MINUTE: '41',
};
