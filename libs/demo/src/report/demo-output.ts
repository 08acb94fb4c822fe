import { stripVTControlCharacters, styleText } from 'node:util';

type Style = 'bold' | 'dim' | 'green' | 'red' | 'yellow' | 'cyan';

/**
 * Where the demo writes what a person watches. Permanent lines scroll; a progress line is the
 * present of one request: redrawn in place on a terminal, printed when it changes otherwise
 * (CI logs), so the same run reads well in both.
 */
export interface DemoOutput {
  line(text?: string): void;
  progress(key: string, text: string): void;
  /** The request's last progress line, kept as a permanent one. */
  settle(key: string, text: string): void;
  style(style: Style, text: string): string;
}

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Colours and redraws only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function createOutput(stream: OutputStream, env: { NO_COLOR?: string; TERM?: string }): DemoOutput {
  const live = stream.isTTY === true && env.TERM !== 'dumb';
  const coloured = live && (env.NO_COLOR ?? '') === '';
  return live ? new TerminalOutput(stream, coloured) : new PlainOutput(stream);
}

class PlainOutput implements DemoOutput {
  private readonly last = new Map<string, string>();

  constructor(private readonly stream: OutputStream) {}

  line(text = ''): void {
    this.stream.write(`${text}\n`);
  }

  progress(key: string, text: string): void {
    if (this.last.get(key) === text) return;
    this.last.set(key, text);
    this.line(text);
  }

  settle(key: string, text: string): void {
    this.last.delete(key);
    this.line(text);
  }

  style(_style: Style, text: string): string {
    return text;
  }
}

const CLEAR_TO_END = '\x1b[J';
const up = (lines: number): string => (lines > 0 ? `\x1b[${lines}A\r` : '\r');

class TerminalOutput implements DemoOutput {
  /** The live block under the permanent lines, one line per request in progress. */
  private readonly liveLines = new Map<string, string>();
  private drawn = 0;

  constructor(
    private readonly stream: OutputStream,
    private readonly coloured: boolean,
  ) {}

  line(text = ''): void {
    this.redraw(`${text}\n`);
  }

  progress(key: string, text: string): void {
    if (this.liveLines.get(key) === text) return;
    this.liveLines.set(key, text);
    this.redraw('');
  }

  settle(key: string, text: string): void {
    this.liveLines.delete(key);
    this.redraw(`${text}\n`);
  }

  style(style: Style, text: string): string {
    return this.coloured ? styleText(style, text, { validateStream: false }) : text;
  }

  private redraw(permanent: string): void {
    const width = Math.max(20, (this.stream.columns || 100) - 1);
    // A live line longer than the terminal would wrap and break the count of lines to go back up.
    const block = [...this.liveLines.values()].map((text) => fitTo(text, width));
    this.stream.write(`${up(this.drawn)}${CLEAR_TO_END}${permanent}${block.map((text) => `${text}\n`).join('')}`);
    this.drawn = block.length;
  }
}

function fitTo(text: string, width: number): string {
  const visible = stripVTControlCharacters(text);
  if (visible.length <= width) return text;
  return `${visible.slice(0, width - 1)}…`;
}
