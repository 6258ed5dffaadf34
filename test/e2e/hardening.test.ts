/**
 * Issue 12 in a real browser and server: the redirect after sign-in stays on this site however
 * redirectTo is spelled, and an oversized chunked body is refused without being read whole.
 */
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startServer, type RunningServer } from "../setup/server";

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const HOSTILE = ["/%09/evil.example/phish", "/%5Cevil.example", "//evil.example", "/%0a/evil.example", "/%09%09/evil.example"];

describe("the redirect after sign-in in Chromium", () => {
  it("stays on this site after signing in, for every hostile redirectTo", async () => {
    for (const to of HOSTILE) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/sign-in?redirectTo=${to}`);
      await page.getByLabel("Email").fill("comms@example.com");
      await page.getByLabel("Password").fill("factdesk-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      expect(new URL(page.url()).origin, to).toBe(server.url);

      // Signed in, opening the sign-in page with the same redirectTo also stays here.
      await page.goto(`${server.url}/sign-in?redirectTo=${to}`);
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      expect(new URL(page.url()).origin, to).toBe(server.url);
      await context.close();
    }
  }, 240_000);
});

describe("bounded bodies at the server", () => {
  it("answers an anonymous chunked POST to /sign-in with 413 after reading at most its limit", async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 300 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
      duplex: "half",
    } as RequestInit).catch((error: Error) => error);
    // The server answers 413 and stops reading; depending on timing the client sees the answer
    // or a reset connection, but never a full read of the 300 MB.
    if (response instanceof Response) expect(response.status).toBe(413);
    expect(sent).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses a declared Content-Length above the limit at once", async () => {
    const response = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=" + "a".repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
  });
});
