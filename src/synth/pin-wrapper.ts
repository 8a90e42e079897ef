// The pin-reducing wrapper: a block with more port bits than the device has pins is placed inside a
// shift-chain wrapper (synth/pin-wrapper.v.hbs) so that place and route and Fmax still work.

import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortInfo } from '../codegen/index.js';

export const WRAPPER_MODULE = 'bitforge_pin_wrapper';
export const WRAPPER_MODES = ['always', 'auto', 'never'] as const;
export type WrapperMode = (typeof WRAPPER_MODES)[number];

export interface PinWrapper {
  readonly verilog: string;
  readonly pinsNeeded: number;
  readonly inputChainBits: number;
  readonly outputChainBits: number;
}

/** Pins the bare block needs: every port bit, clock and reset included. */
export const pinsNeeded = (ports: readonly PortInfo[]) => ports.reduce((n, p) => n + p.width, 0);

export function pinWrapper(synthDir: string, top: string, ports: readonly PortInfo[], device: { name: string; ios: number }): PinWrapper {
  const has = (name: string) => ports.some((p) => p.name === name);
  const data = ports.filter((p) => p.name !== 'clk' && p.name !== 'rst');
  // A combinational block has no clock or reset port; the wrapper's registers still have both.
  const connections = ['clk', 'rst'].filter(has).map((n) => ({ port: n, net: n }));
  let inBits = 0, outBits = 0;
  for (const p of data) {
    if (p.direction === 'input') {
      connections.push({ port: p.name, net: `in_chain[${inBits + p.width - 1}:${inBits}]` });
      inBits += p.width;
    } else {
      connections.push({ port: p.name, net: `out_bits[${outBits + p.width - 1}:${outBits}]` });
      outBits += p.width;
    }
  }
  const template = Handlebars.compile(readFileSync(join(synthDir, 'pin-wrapper.v.hbs'), 'utf8'), { noEscape: true, strict: true });
  const verilog = template({
    top, wrapper: WRAPPER_MODULE, device: device.name, pinsNeeded: pinsNeeded(ports), pinsAvailable: device.ios,
    rst: has('rst'), connections,
    inBits: Math.max(inBits, 1), inMsb: Math.max(inBits, 1) - 1, outMsb: Math.max(outBits, 1) - 1,
    inShift: inBits <= 1 ? 'sin' : `{in_chain[${inBits - 2}:0], sin}`,
    outShift: outBits <= 1 ? "1'b0" : `{1'b0, out_chain[${outBits - 1}:1]}`,
  });
  return { verilog, pinsNeeded: pinsNeeded(ports), inputChainBits: inBits, outputChainBits: outBits };
}
