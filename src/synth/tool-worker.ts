// Runs WebAssembly tools (Yosys or nextpnr-ice40 from @yowasp) in a child process, one job at a time,
// so that a timeout can kill it and a pool can run several at once. Files in, files and log out, over
// IPC. A process and not a worker thread: terminating a thread that is inside WebAssembly can bring
// the whole Node process down (nodejs/node#47748); killing a process is always clean. The process
// serves job after job: each tool's WebAssembly module is compiled once (about 2.5 s for Yosys), and
// every run gets a fresh instance.

export interface ToolJob {
  readonly tool: 'yosys' | 'nextpnr-ice40';
  readonly args: string[];
  readonly files: Record<string, string>;
}

export interface ToolOutcome {
  readonly ok: boolean;
  readonly code: number;
  readonly log: string;
  readonly files: Record<string, string>;
  readonly version: string;
}

type Tree = { [name: string]: Tree | string | Uint8Array };

function flatten(tree: Tree, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else if (v instanceof Uint8Array) out[prefix + k] = new TextDecoder().decode(v);
    else flatten(v, `${prefix}${k}/`, out);
  }
  return out;
}

async function run(job: ToolJob): Promise<ToolOutcome> {
  let log = '';
  const sink = (b: Uint8Array | null) => { if (b) log += new TextDecoder().decode(b); };
  const mod = job.tool === 'yosys' ? await import('@yowasp/yosys') : await import('@yowasp/nextpnr-ice40');
  const runTool = job.tool === 'yosys' ? (mod as typeof import('@yowasp/yosys')).runYosys : (mod as typeof import('@yowasp/nextpnr-ice40')).runNextpnrIce40;
  try {
    const files = (await runTool(job.args, job.files, { stdout: sink, stderr: sink })) as Tree;
    return { ok: true, code: 0, log, files: flatten(files), version: `@yowasp/${job.tool} ${mod.version}` };
  } catch (e) {
    const err = e as { code?: number; files?: Tree; message: string };
    return { ok: false, code: err.code ?? -1, log: log + (err.code === undefined ? err.message : ''), files: err.files ? flatten(err.files) : {}, version: `@yowasp/${job.tool} ${mod.version}` };
  }
}

if (process.send) {
  process.on('message', (job: ToolJob) => {
    const reply = (r: ToolOutcome) => process.send!(r);
    run(job).then(reply, (e: Error) => reply({ ok: false, code: -1, log: e.message, files: {}, version: '' }));
  });
  process.on('disconnect', () => process.exit(0)); // the parent is gone or done with us
}
