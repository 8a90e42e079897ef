// Verilog identifiers: what a user's name may be, and how we make one unique and legal.

const KEYWORDS = new Set((
  'always and assign automatic begin buf bufif0 bufif1 case casex casez cell cmos config deassign default ' +
  'defparam design disable edge else end endcase endconfig endfunction endgenerate endmodule endprimitive ' +
  'endspecify endtable endtask event for force forever fork function generate genvar highz0 highz1 if ' +
  'ifnone incdir include initial inout input instance integer join large liblist library localparam ' +
  'macromodule medium module nand negedge nmos nor noshowcancelled not notif0 notif1 or output parameter ' +
  'pmos posedge primitive pull0 pull1 pulldown pullup pulsestyle_onevent pulsestyle_ondetect rcmos real ' +
  'realtime reg release repeat rnmos rpmos rtran rtranif0 rtranif1 scalared showcancelled signed small ' +
  'specify specparam strong0 strong1 supply0 supply1 table task time tran tranif0 tranif1 tri tri0 tri1 ' +
  'triand trior trireg unsigned use uwire vectored wait wand weak0 weak1 while wire wor xnor xor ' +
  // SystemVerilog keywords that Verilator rejects as identifiers even in Verilog mode
  'bit byte logic int shortint longint struct union typedef enum class interface package import export ' +
  'string void break continue return do final priority unique const static local'
).split(' '));

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isLegalName(s: string): boolean {
  return IDENT.test(s) && !KEYWORDS.has(s) && !s.startsWith('\\');
}

/** Maps any string to a legal identifier stem (not yet unique). */
export function sanitize(s: string): string {
  let t = s.replace(/[^A-Za-z0-9_]/g, '_');
  if (t === '' || /^[0-9]/.test(t)) t = `_${t}`;
  if (KEYWORDS.has(t)) t = `${t}_`;
  return t;
}

/** A set of taken names that hands out `stem`, `stem_1`, `stem_2`, … deterministically. */
export class Namespace {
  private taken = new Set<string>();
  private next = new Map<string, number>();

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** Takes exactly `name`; false if it is already taken. */
  take(name: string): boolean {
    if (this.taken.has(name)) return false;
    this.taken.add(name);
    return true;
  }

  /** A namespace that has taken every name in `names` (a back end's fresh names avoid them all). */
  static of(names: Iterable<string>): Namespace {
    const ns = new Namespace();
    for (const n of names) ns.taken.add(n);
    return ns;
  }

  /** Every name taken so far, in the order taken. */
  names(): string[] {
    return [...this.taken];
  }

  unique(stem: string): string {
    const s = sanitize(stem);
    if (this.take(s)) return s;
    let i = this.next.get(s) ?? 1;
    while (this.taken.has(`${s}_${i}`)) i++;
    this.next.set(s, i + 1);
    const n = `${s}_${i}`;
    this.taken.add(n);
    return n;
  }
}
