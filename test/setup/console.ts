/** A console.error nobody expected fails the test (as in the Epic Stack). Tests that expect one spy on it. */
import { afterEach, beforeEach, vi } from "vitest";

let spy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called unexpectedly: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  spy?.mockRestore();
});
