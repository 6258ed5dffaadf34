import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, runToExit, startServer, type RunningServer } from "../setup/server";

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

describe("the app in a browser", () => {
  it("sends an anonymous visitor to sign-in, shows the demo accounts, and signs a demo user in to the shell", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/incidents`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await expect.poll(() => page.getByRole("note").textContent()).toContain("factdesk-demo");
    await page.getByLabel("Email").fill("comms@example.com");
    await page.getByLabel("Password").fill("factdesk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/incidents`);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Incidents" }).waitFor();
    // "Reviews" carries the number of items waiting on the person (My work), when there are any.
    const labels = (await nav.getByRole("link").allTextContents()).map((t) => t.replace(/\s*\d+$/, ""));
    expect(labels).toEqual(["Cases", "Incidents", "Reviews", "Snippets", "Audit"]);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/sign-in`);
    await page.close();
  });

  it("shows a wrong password as an error on the form, without JavaScript too", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Email").fill("legal@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("That email and password do not match an active account.");
    await context.close();
  });

  it("shows a 403 page, not a stack trace, when a role does not allow a page", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/sign-in?redirectTo=/admin/users`);
    await page.getByLabel("Email").fill("legal@example.com");
    await page.getByLabel("Password").fill("factdesk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "You do not have access to this" }).waitFor();
    const response = await page.goto(`${server.url}/admin/users`);
    expect(response?.status()).toBe(403);
    const text = await page.locator("main").textContent();
    expect(text).toContain("manage:users");
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
    await page.close();
  });

  it("answers /healthz", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it("refuses a second server on the same data folder with a clear message", async () => {
    const second = await runToExit(["app/server/start.mjs"], { PORT: String(server.port + 1), FACTDESK_DATA_DIR: server.dataDir, DATABASE_URL: "" });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`The data folder ${server.dataDir} is in use by process ${server.process.pid}`);
  });

  it("shuts down cleanly on SIGTERM and releases the folder", async () => {
    const code = await server.stop("SIGTERM");
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(server.dataDir, "factdesk.lock"))).toBe(false);
  });
});
