import { describe, expect, it } from 'vitest';
import { consoleCalls, consolePushes } from '../../common/contract.js';
import { CONSOLE_CALL_NAMES, CONSOLE_PUSH_NAMES } from '../../common/contract-names.js';

describe('the contract', () => {
  it('gives the preload exactly the contract’s call and push names', () => {
    expect([...CONSOLE_CALL_NAMES].sort()).toEqual(Object.keys(consoleCalls).sort());
    expect([...CONSOLE_PUSH_NAMES].sort()).toEqual(Object.keys(consolePushes).sort());
  });

  it('never carries a hub token to the renderer', () => {
    for (const [name, call] of Object.entries(consoleCalls)) {
      // Binary answers (map.events: z.instanceof(Uint8Array)) have no JSON Schema; they carry no fields either.
      const shape = JSON.stringify(call.response.toJSONSchema?.({ unrepresentable: 'any' }) ?? {});
      expect(shape, name).not.toMatch(/"token"/);
    }
  });
});
