// An external tool failed (missing, compile error, hang, crash): the simulators, the C++ compiler,
// Yosys, nextpnr. The CLI reports it as one line, exit 1; a user mistake is a UserError instead.

export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}
