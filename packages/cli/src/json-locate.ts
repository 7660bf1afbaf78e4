// Finds where each value of a JSON text starts, by path, so that schema errors can point at line:column.

export type JsonPath = Array<string | number>;

/** Returns a map from a path key (`JSON.stringify(path)`) to the offset where that value starts. */
export function locateJsonValues(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r\uFEFF'.includes(text[i] as string)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: JsonPath, depth: number): void => {
    ws();
    out.set(JSON.stringify(path), i);
    if (depth > 512) throw new Error('too deep');
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const key = str();
        ws();
        i++; // ':'
        value([...path, key], depth + 1);
        ws();
        if (text[i++] === '}') return;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value([...path, n], depth + 1);
        ws();
        if (text[i++] === ']') return;
      }
    } else if (c === '"') str();
    else while (i < text.length && !',]} \t\n\r'.includes(text[i] as string)) i++;
  };
  try {
    value([], 0);
  } catch {
    // locations are a help, not a requirement
  }
  return out;
}

/** 1-based line and column (in characters) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: Array.from(text.slice(start, offset)).length + 1 };
}

/** The location of the nearest located ancestor of `path`. */
export function locatePath(text: string, index: Map<string, number>, path: JsonPath): { line: number; column: number } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const at = index.get(JSON.stringify(path.slice(0, n)));
    if (at !== undefined) return lineColumn(text, at);
  }
  return undefined;
}
