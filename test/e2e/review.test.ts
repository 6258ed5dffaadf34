/**
 * Review pages in a browser against the real demo server: an unknown statement is a 404 page
 * without sign-in, each demo person's Reviews page is their inbox with a count in the
 * navigation, and the Audit page reads as sentences and filters without JavaScript.
 */
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
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

async function signIn(email: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/sign-in?redirectTo=/reviews`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("factdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/reviews`);
  return page;
}

describe("review pages in a browser", () => {
  it("shows a 404 page for an unknown statement, without sign-in", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/statements/no-such-statement`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await page.close();
  });

  it("gives comms an inbox of claims needing a verdict, and legal an empty legal review", async () => {
    const comms = await signIn("comms@example.com");
    await expect.poll(() => comms.getByRole("heading", { level: 1 }).textContent()).toBe("My work");
    await comms.getByRole("heading", { name: /Claims that need a verdict/ }).waitFor();
    await comms.close();
    const legal = await signIn("legal@example.com");
    await expect.poll(() => legal.getByText("No draft is waiting for legal review.").count()).toBe(1);
    await legal.close();
  });

  it("reads the audit trail as sentences and filters by action with a plain form", async () => {
    const page = await signIn("legal@example.com");
    await page.goto(`${server.url}/audit`);
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/The hash chain is intact/);
    await page.getByLabel("Action").selectOption("case.created");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=case.created/);
    await expect.poll(() => page.locator(".activity-list li").first().textContent()).toMatch(/opened the case “/);
    await page.close();
  });
});
