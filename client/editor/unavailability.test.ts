import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/ApiError.js';
import { unavailabilityOf } from './unavailability.js';

describe('unavailabilityOf', () => {
  it('reads the final close codes of the socket', () => {
    expect(unavailabilityOf(undefined, 4403)).toBe('forbidden');
    expect(unavailabilityOf(undefined, 4404)).toBe('notFound');
  });
  it('reads the status of the metadata request', () => {
    expect(unavailabilityOf(new ApiError(403, 'forbidden', 'no'), null)).toBe('forbidden');
    expect(unavailabilityOf(new ApiError(404, 'not_found', 'gone'), null)).toBe('notFound');
  });
  it('leaves other failures to a retry', () => {
    expect(unavailabilityOf(new ApiError(0, 'network_error', 'down'), 1006)).toBeNull();
    expect(unavailabilityOf(undefined, 4429)).toBeNull();
  });
});
