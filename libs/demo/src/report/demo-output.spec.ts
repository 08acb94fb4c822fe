import { describe, expect, it } from '@jest/globals';
import { createOutput, type OutputStream } from './demo-output.js';

const stream = (isTTY: boolean) => {
  const writes: string[] = [];
  const target: OutputStream & { writes: string[] } = { writes, isTTY, columns: 40, write: (text: string) => writes.push(text) };
  return target;
};

describe('demo output', () => {
  it('off a terminal: plain lines, a progress line only when it changes, no escape codes', () => {
    const out = stream(false);
    const output = createOutput(out, {});
    output.progress('a', 'a step 1/8');
    output.progress('a', 'a step 1/8');
    output.progress('a', 'a step 2/8');
    output.settle('a', 'a ACTIVE');
    output.line(output.style('green', 'done'));
    expect(out.writes).toEqual(['a step 1/8\n', 'a step 2/8\n', 'a ACTIVE\n', 'done\n']);
  });

  it('on a terminal: redraws the live lines in place under the permanent ones', () => {
    const out = stream(true);
    const output = createOutput(out, { NO_COLOR: '1' });
    output.progress('a', 'a step 1/8');
    output.progress('b', 'b step 1/8');
    output.line('story');
    output.settle('a', 'a ACTIVE');
    expect(out.writes).toEqual([
      '\r\x1b[Ja step 1/8\n',
      // Up one line, clear, and draw both live lines again.
      '\x1b[1A\r\x1b[Ja step 1/8\nb step 1/8\n',
      // A permanent line goes above the live block.
      '\x1b[2A\r\x1b[Jstory\na step 1/8\nb step 1/8\n',
      '\x1b[2A\r\x1b[Ja ACTIVE\nb step 1/8\n',
    ]);
  });

  it('on a terminal: colours unless NO_COLOR is set, and cuts a live line to the width so redraws stay aligned', () => {
    const coloured = createOutput(stream(true), {});
    expect(coloured.style('green', 'ok')).not.toBe('ok');
    expect(createOutput(stream(true), { NO_COLOR: '1' }).style('green', 'ok')).toBe('ok');
    const out = stream(true);
    createOutput(out, {}).progress('a', 'x'.repeat(100));
    expect(out.writes[0]).toBe(`\r\x1b[J${'x'.repeat(38)}…\n`);
  });

  it('treats a dumb terminal as no terminal', () => {
    const out = stream(true);
    const output = createOutput(out, { TERM: 'dumb' });
    output.progress('a', 'one');
    expect(out.writes).toEqual(['one\n']);
  });
});
