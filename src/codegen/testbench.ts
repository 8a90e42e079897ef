// Self-checking Verilog-2005 testbenches with $readmemh vector files. The same files run unchanged in
// Icarus, Verilator --binary and commercial simulators. Inputs change on the falling edge; outputs
// are sampled at the rising edge, before the design's registers update (no race in any simulator).
// The timing is the same as the in-process harness's (tb/harness/core.h.hbs).

import type { PortInfo } from './design-files.js';
import { HANDSHAKE_PORTS } from './handshake.js';

/** comb: no clock; pipeline: in_valid/out_valid; stream: valid/ready both ways; cycle: every cycle. */
export type TestbenchMode = 'comb' | 'pipeline' | 'stream' | 'cycle';

export interface TestbenchSpec {
  readonly top: string;
  readonly ports: readonly PortInfo[];
  readonly mode: TestbenchMode;
  /** Packed data inputs per transaction/cycle (declared port order, first port most significant). */
  readonly inputs: readonly bigint[];
  /** Packed expected outputs; for cycle benches, null rows are not checked. Packet streams: any number. */
  readonly expected: ReadonlyArray<bigint | null>;
  /** Idle cycles before each transaction (random bubbles): pipeline and stream. */
  readonly gaps?: readonly number[];
  /** Cycles out_ready is held low while each output is valid (back-pressure): stream, one per expected output. */
  readonly stalls?: readonly number[];
  readonly timeoutCycles: number;
  /** File name stem: `tb` (tb.v, tb_in.hex, …) or `replay`; the module is always `tb`. */
  readonly stem?: string;
  /** Dump a VCD of the whole run into <stem>.vcd (used for the short replay of a failure). */
  readonly vcd?: boolean;
}

const KIND_OF = { comb: 'combinational', pipeline: 'pipeline', stream: 'stream', cycle: 'sequential' } as const;
/** The handshake's control ports: driven and read by the testbench and harness, not vector data. */
const control = (mode: TestbenchMode): ReadonlySet<string> => new Set(HANDSHAKE_PORTS[KIND_OF[mode]].map(([n]) => n));

/** The ports that carry vector data in a mode (the rest are driven by the testbench or harness). */
export function dataPorts(ports: readonly PortInfo[], mode: TestbenchMode) {
  const ctl = control(mode);
  return {
    ins: ports.filter((p) => p.direction === 'input' && !ctl.has(p.name)),
    outs: ports.filter((p) => p.direction === 'output' && !ctl.has(p.name)),
  };
}

function packedWidth(ports: readonly PortInfo[]): number {
  return Math.max(1, ports.reduce((s, p) => s + p.width, 0));
}

/** Packs port values into one word, first port most significant. */
export function pack(ports: readonly PortInfo[], values: Record<string, bigint>): bigint {
  let w = 0n;
  for (const p of ports) w = (w << BigInt(p.width)) | BigInt.asUintN(p.width, values[p.name] ?? 0n);
  return w;
}

export function unpack(ports: readonly PortInfo[], word: bigint): Record<string, bigint> {
  const vals: bigint[] = [];
  for (let i = ports.length - 1; i >= 0; i--) { // the last port is least significant
    const p = ports[i]!;
    const raw = BigInt.asUintN(p.width, word);
    vals[i] = p.signed ? BigInt.asIntN(p.width, raw) : raw;
    word >>= BigInt(p.width);
  }
  return Object.fromEntries(ports.map((p, i) => [p.name, vals[i]!])); // declared order
}

const hexLines = (ws: ReadonlyArray<bigint>) => (ws.length ? ws : [0n]).map((w) => w.toString(16)).join('\n') + '\n'; // never empty: $readmemh warns

/** The lines that compare the outputs with row `idx` of exp_mem and count the result. */
function compare(what: string, idx: string, outCat: string, ow: number): string[] {
  return [
    `      if (${outCat} === tb_exp_mem[${idx}][${ow - 1}:0]) tb_passed = tb_passed + 1;`,
    '      else begin',
    '        tb_failed = tb_failed + 1;',
    `        $display("MISMATCH ${what} %0d: got %h expected %h", ${idx}, ${outCat}, tb_exp_mem[${idx}][${ow - 1}:0]);`,
    '      end',
  ];
}

/** Handshake benches end when every output was seen, at the first mismatch, or at the timeout. */
function endOfHandshakeRun(timeout: number): string[] {
  return [
    `    if (tb_seen == tb_NO || tb_failed > 0 || tb_cycles > ${timeout}) begin`,
    '      if (tb_seen < tb_NO && tb_failed == 0) $display("TIMEOUT after %0d cycles: %0d of %0d outputs seen", tb_cycles, tb_seen, tb_NO);',
    ...finish('(tb_failed > 0) ? tb_failed : tb_NO - tb_passed'),
    '    end',
  ];
}

/** The result lines, then $fatal on any failure: a CI job running the bench sees a non-zero exit. */
function finish(failedExpr: string): string[] {
  return ['      $display("CYCLES %0d", tb_cycles);', `      $display("%0d passed, %0d failed", tb_passed, ${failedExpr});`,
    `      if ((${failedExpr}) != 0) $fatal(1, "testbench: %0d failed", ${failedExpr});`, '      $finish;'];
}

/** The testbench and its vector files, as (path, content) pairs. */
export function testbenchFiles(spec: TestbenchSpec): Array<{ path: string; content: string }> {
  const { ins, outs } = dataPorts(spec.ports, spec.mode);
  const iw = packedWidth(ins), ow = packedWidth(outs);
  const n = spec.inputs.length, no = spec.expected.length;
  const clocked = spec.mode !== 'comb';
  const handshake = spec.mode === 'pipeline' || spec.mode === 'stream';
  const decl = (kind: string, p: PortInfo) => `  ${kind} ${p.width > 1 ? `[${p.width - 1}:0] ` : ''}${p.name};`;
  const conns = spec.ports.map((p) => `.${p.name}(${p.name})`).join(', ');
  const inCat = ins.length ? `{${ins.map((p) => p.name).join(', ')}}` : '';
  const outCat = outs.length ? `{${outs.map((p) => p.name).join(', ')}}` : "1'b0";
  const setInputs = inCat ? `${inCat} = tb_in_mem[tb_sent]; ` : '';
  const stem = spec.stem ?? 'tb';
  const timeout = spec.timeoutCycles;
  const lines = [
    `// Self-checking testbench generated by bitforge (${spec.mode}). Vectors: ${stem}_in.hex, ${stem}_expected.hex.`,
    '`timescale 1ns / 1ps',
    'module tb;',
    `  localparam tb_N = ${n}; // inputs`,
    `  localparam tb_NO = ${no}; // expected outputs (N but for packet streams)`,
    `  reg [${iw - 1}:0] tb_in_mem [0:${Math.max(n, 1) - 1}];`,
    `  reg [${ow}:0] tb_exp_mem [0:${Math.max(no, 1) - 1}]; // MSB: check this row`,
    handshake ? `  reg [7:0] tb_gap_mem [0:${Math.max(n, 1) - 1}];` : '',
    spec.mode === 'stream' ? `  reg [7:0] tb_stall_mem [0:${Math.max(no, 1) - 1}];` : '',
    clocked ? "  reg clk = 1'b0;\n  always #5 clk = ~clk;" : '',
    ...ins.map((p) => decl('reg', p)),
    ...outs.map((p) => decl('wire', p)),
    handshake ? "  reg rst = 1'b1;\n  reg in_valid = 1'b0;\n  wire out_valid;" : '',
    spec.mode === 'stream' ? "  wire in_ready;\n  reg out_ready = 1'b0;" : '',
    `  ${spec.top} tb_dut (${conns});`,
    '  integer tb_sent, tb_g, tb_seen, tb_passed, tb_failed, tb_cycles, tb_gap, tb_stall;',
    '  initial begin',
    `    $readmemh("${stem}_in.hex", tb_in_mem);`,
    `    $readmemh("${stem}_expected.hex", tb_exp_mem);`,
    handshake ? `    $readmemh("${stem}_gaps.hex", tb_gap_mem);` : '',
    spec.mode === 'stream' ? `    $readmemh("${stem}_stalls.hex", tb_stall_mem);` : '',
    spec.vcd ? `    $dumpfile("${stem}.vcd"); $dumpvars(0, tb);` : '',
    '    tb_sent = 0; tb_seen = 0; tb_passed = 0; tb_failed = 0; tb_cycles = 0;',
  ];
  if (spec.mode === 'pipeline') {
    lines.push(
      '    repeat (2) @(negedge clk);',
      "    rst = 1'b0;",
      '    for (tb_sent = 0; tb_sent < tb_N; tb_sent = tb_sent + 1) begin',
      "      for (tb_g = 0; tb_g < {24'd0, tb_gap_mem[tb_sent]}; tb_g = tb_g + 1) begin @(negedge clk); in_valid = 1'b0; end",
      `      @(negedge clk); ${setInputs}in_valid = 1'b1;`,
      '    end',
      "    @(negedge clk); in_valid = 1'b0;",
      '  end',
      '  always @(posedge clk) begin',
      '    tb_cycles = tb_cycles + 1;',
      '    if (!rst && out_valid && tb_seen < tb_NO) begin',
      ...compare('transaction', 'tb_seen', outCat, ow),
      '      tb_seen = tb_seen + 1;',
      '    end',
      ...endOfHandshakeRun(timeout),
      '  end',
    );
  } else if (spec.mode === 'stream') {
    // State (sent, gap, seen, stall) advances at the rising edge from the values just before it;
    // the next cycle's offer and out_ready are driven at the falling edge.
    lines.push(
      '    tb_gap = {24\'d0, tb_gap_mem[0]}; tb_stall = {24\'d0, tb_stall_mem[0]};',
      '    repeat (2) @(negedge clk);',
      "    rst = 1'b0;",
      '    forever begin',
      `      if (tb_sent < tb_N && tb_gap == 0) begin ${setInputs}in_valid = 1'b1; end else in_valid = 1'b0;`,
      '      out_ready = (tb_stall == 0);',
      '      @(negedge clk);',
      '    end',
      '  end',
      '  always @(posedge clk) begin',
      '    tb_cycles = tb_cycles + 1;',
      '    if (!rst) begin',
      '      if (out_valid && tb_seen < tb_NO) begin',
      '        if (tb_stall == 0) begin',
      ...compare('transaction', 'tb_seen', outCat, ow).map((l) => `  ${l}`),
      '          tb_seen = tb_seen + 1;',
      '          tb_stall = (tb_seen < tb_NO) ? {24\'d0, tb_stall_mem[tb_seen]} : 0;',
      '        end else tb_stall = tb_stall - 1;',
      '      end',
      '      if (in_valid && in_ready) begin tb_sent = tb_sent + 1; tb_gap = (tb_sent < tb_N) ? {24\'d0, tb_gap_mem[tb_sent]} : 0; end',
      '      else if (!in_valid && tb_gap > 0) tb_gap = tb_gap - 1;',
      '    end',
      ...endOfHandshakeRun(timeout),
      '  end',
    );
  } else if (spec.mode === 'cycle') {
    lines.push(
      '    for (tb_sent = 0; tb_sent < tb_N; tb_sent = tb_sent + 1) begin',
      '      tb_cycles = tb_cycles + 1;',
      `      @(negedge clk); ${setInputs}`,
      '      @(posedge clk);',
      `      if (tb_exp_mem[tb_sent][${ow}]) begin`,
      ...compare('cycle', 'tb_sent', outCat, ow),
      '      end',
      '      if (tb_failed > 0) tb_sent = tb_N;',
      '    end',
      ...finish('tb_failed').map((l) => l.slice(2)),
      '  end',
    );
  } else {
    lines.push(
      '    for (tb_sent = 0; tb_sent < tb_N && tb_failed == 0; tb_sent = tb_sent + 1) begin',
      `      ${setInputs}#1;`,
      ...compare('transaction', 'tb_sent', outCat, ow),
      '    end',
      '    tb_cycles = tb_N;',
      ...finish('tb_failed').map((l) => l.slice(2)),
      '  end',
    );
  }
  lines.push('endmodule', '');
  const checkBit = 1n << BigInt(ow);
  const files = [
    { path: `${stem}.v`, content: lines.filter((l) => l !== '').join('\n') + '\n' },
    { path: `${stem}_in.hex`, content: hexLines(spec.inputs.length ? spec.inputs : [0n]) },
    { path: `${stem}_expected.hex`, content: hexLines(spec.expected.length ? spec.expected.map((e) => (e === null ? 0n : e | checkBit)) : [0n]) },
  ];
  const zeros = spec.inputs.map(() => 0);
  if (handshake) files.push({ path: `${stem}_gaps.hex`, content: hexLines((spec.gaps ?? zeros).map(BigInt)) });
  if (spec.mode === 'stream') files.push({ path: `${stem}_stalls.hex`, content: hexLines((spec.stalls ?? spec.expected.map(() => 0)).map(BigInt)) });
  return files;
}
