// The run loops of tb/harness/core.h.hbs over the TypeScript simulator: the same modes, gaps,
// stalls and cycle counting, so the in-process engine drives either simulator the same way.

import { compileDesign } from '../sim/index.js';
import type { Netlist } from '../ir/netlist.js';
import { MODE_NUMBER, type RunResult, type SimHarness } from './harness-api.js';
import type { RowLayout } from './rows.js';

export function createTsHarness(design: Netlist, ins: RowLayout, outs: RowLayout, resetOnCreate: boolean): SimHarness {
  const d = compileDesign(design);
  const slot = (name: string, dir: 'in' | 'out') => {
    const s = (dir === 'in' ? d.flat.inputs : d.flat.outputs).get(name);
    if (s === undefined) throw new Error(`internal: the design has no ${dir}put '${name}'`);
    return s;
  };
  const inSlots = ins.ports.map((p) => [slot(p.name, 'in'), p.offset] as const);
  const outSlots = outs.ports.map((p) => [slot(p.name, 'out'), p.offset] as const);
  const inValid = d.flat.inputs.get('in_valid'), outReady = d.flat.inputs.get('out_ready');
  const outValid = d.flat.outputs.get('out_valid'), inReady = d.flat.outputs.get('in_ready');
  const rst = d.flat.inputs.get('rst');
  let cycles = 0;
  const edge = () => { d.clock(); cycles++; };
  if (resetOnCreate && rst !== undefined) {
    d.write(rst, 1n); d.settle(); edge(); d.settle(); edge(); d.write(rst, 0n);
  }
  d.settle();
  const put = (rows: Uint32Array, i: number) => { for (const [s, o] of inSlots) d.writeWords(s, rows, i * ins.words + o); };
  const get = (rows: Uint32Array, i: number) => { for (const [s, o] of outSlots) d.readWords(s, rows, i * outs.words + o); };
  const flag = (s: number | undefined) => (s === undefined ? 0n : d.read(s));
  const drive = (s: number | undefined, v: boolean) => { if (s !== undefined) d.write(s, v ? 1n : 0n); };

  return {
    async run(mode, inRows, n, gaps, stalls, out, nOut, maxCycles): Promise<RunResult> {
      const before = cycles, limit = cycles + maxCycles;
      let sent = 0, seen = 0;
      if (mode === MODE_NUMBER.comb || mode === MODE_NUMBER.cycle) {
        for (; sent < n; sent++) {
          put(inRows, sent); d.settle(); get(out, sent);
          if (mode === MODE_NUMBER.cycle) edge();
        }
        return { seen: n, cycles: cycles - before };
      }
      if (mode === MODE_NUMBER.pipeline) {
        let gap = n ? gaps[0]! : 0;
        while (seen < n && cycles < limit) {
          if (sent < n && gap === 0) {
            put(inRows, sent); drive(inValid, true); sent++;
            gap = sent < n ? gaps[sent]! : 0;
          } else {
            drive(inValid, false);
            if (gap) gap--;
          }
          d.settle();
          if (flag(outValid)) get(out, seen++);
          edge();
        }
        drive(inValid, false);
        return { seen, cycles: cycles - before };
      }
      let gap = n ? gaps[0]! : 0, stall = nOut ? stalls[0]! : 0;
      while (seen < nOut && cycles < limit) {
        const offer = sent < n && gap === 0;
        if (offer) put(inRows, sent);
        drive(inValid, offer);
        drive(outReady, stall === 0);
        d.settle();
        if (flag(outValid)) {
          if (stall === 0) { get(out, seen++); stall = seen < nOut ? stalls[seen]! : 0; } else stall--;
        }
        if (offer && flag(inReady)) { sent++; gap = sent < n ? gaps[sent]! : 0; } else if (!offer && gap) gap--;
        edge();
      }
      drive(inValid, false);
      return { seen, cycles: cycles - before };
    },
  };
}

