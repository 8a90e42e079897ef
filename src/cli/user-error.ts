/** A mistake in how bitforge was called: printed as one line, exit code 2, never a stack trace. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
