import { CloseCode } from '../../shared/collab.js';

/** Why the server ended the connection for good, when it is something the user can act on (not a lost access). */
export type ConnectionProblem = 'messageTooLarge' | 'documentTooLarge' | 'rateLimited' | 'tooManyConnections' | 'rejected';

export function connectionProblemOf(code: number | null): ConnectionProblem | null {
  switch (code) {
    case null:
    case CloseCode.unauthorized:
    case CloseCode.forbidden:
    case CloseCode.documentNotFound:
      return null;
    case CloseCode.messageTooLarge:
      return 'messageTooLarge';
    case CloseCode.documentTooLarge:
      return 'documentTooLarge';
    case CloseCode.rateLimited:
      return 'rateLimited';
    case CloseCode.tooManyConnections:
      return 'tooManyConnections';
    default:
      return 'rejected';
  }
}

/** Problems that pass by themselves: the client tries again after a pause. */
export function retriesByItself(problem: ConnectionProblem): boolean {
  return problem === 'rateLimited';
}
