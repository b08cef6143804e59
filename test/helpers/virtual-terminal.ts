/**
 * What a terminal shows after a stream of text with the escape sequences progress bars use
 * (cursor up/down/column, clear line, clear to the end of the screen), so a test can check the
 * screen a person sees rather than the bytes. Unknown sequences are dropped.
 */
export function screenOf(output: string): string[] {
  const rows: string[] = [''];
  let row = 0;
  let col = 0;
  const put = (text: string) => {
    const line = (rows[row] ?? '').padEnd(col, ' ');
    rows[row] = line.slice(0, col) + text + line.slice(col + text.length);
    col += text.length;
  };
  // eslint-disable-next-line no-control-regex
  const tokens = output.split(/(\x1B\[[0-9;?]*[A-Za-z]|\x1B[78]|\r|\n)/);
  for (const token of tokens) {
    if (token === '') continue;
    if (token === '\n') {
      row += 1;
      col = 0;
      while (rows.length <= row) rows.push('');
      continue;
    }
    if (token === '\r') {
      col = 0;
      continue;
    }
    // eslint-disable-next-line no-control-regex
    const csi = /^\x1B\[([0-9;?]*)([A-Za-z])$/.exec(token);
    if (!csi) {
      if (!token.startsWith('\x1B')) put(token);
      continue;
    }
    const n = Number.parseInt(csi[1] || '1', 10);
    const line = rows[row] ?? '';
    switch (csi[2]) {
      case 'A':
        row = Math.max(0, row - n);
        break;
      case 'B':
        row += n;
        while (rows.length <= row) rows.push('');
        break;
      case 'C':
        col += n;
        break;
      case 'D':
        col = Math.max(0, col - n);
        break;
      case 'G':
        col = n - 1;
        break;
      case 'K':
        rows[row] =
          csi[1] === '2'
            ? ''
            : csi[1] === '1'
              ? ' '.repeat(col) + line.slice(col)
              : line.slice(0, col);
        break;
      case 'J':
        rows[row] = line.slice(0, col);
        rows.splice(row + 1);
        break;
      default:
        break;
    }
  }
  return rows.map((line) => line.trimEnd());
}
