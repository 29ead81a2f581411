// A configured limit was breached by what a connection sent: the room closes
// that connection with the limit's close code (and logs it once).
export class LimitError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}
