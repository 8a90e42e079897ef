// A queued synthesis job carries everything a worker needs without elaborating anything: the emitted
// Verilog with its top and ports, the options, and the sweep's tool stamp (a worker with other tool
// versions refuses it rather than mix numbers). Its BullMQ job id is the result cache's key.

import type { SynthOptions, SynthSource } from '../synth/run.js';

export interface JobData {
  readonly stamp: string;
  readonly source: Omit<SynthSource, 'signalNames'> & { readonly signalNames?: { readonly signals: string[]; readonly ports: string[] } };
  readonly options: SynthOptions;
}

export function jobData(stamp: string, src: SynthSource, options: SynthOptions): JobData {
  const { signalNames, ...rest } = src;
  return { stamp, options, source: { ...rest, ...(signalNames ? { signalNames: { signals: [...signalNames.signals], ports: [...signalNames.ports] } } : {}) } };
}

export function sourceOf(d: JobData): SynthSource {
  const { signalNames, ...rest } = d.source;
  return { ...rest, ...(signalNames ? { signalNames: { signals: new Set(signalNames.signals), ports: new Set(signalNames.ports) } } : {}) };
}

/** Why a worker refuses a job, or undefined when its tools are the sweep's. */
export function stampProblem(job: string, mine: string): string | undefined {
  if (job === mine) return undefined;
  const [jr, jt] = split(job), [mr, mt] = split(mine);
  return jt !== mt ? `the sweep's tools (${jt}) differ from this worker's (${mt})` : `the sweep's report revision ${jr} differs from this worker's ${mr} (another bitforge version)`;
}
const split = (s: string) => [s.slice(0, s.indexOf('/')), s.slice(s.indexOf('/') + 1)] as const;
