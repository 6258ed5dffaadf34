import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startServer, type RunningServer } from "../setup/server";

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  // The status page is served from this machine, which the web form refuses unless configured to allow it.
  server = await startServer({ env: { FACTDESK_ALLOW_PRIVATE_PULL: "1" } });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe("importing in a browser", () => {
  it("works without JavaScript: skipping invalid records with their history, mapping a CSV by name, loading a status page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?redirectTo=/incidents/import`);
    await page.getByLabel("Email").fill("engineer@example.com");
    await page.getByLabel("Password").fill("factdesk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/incidents/import`);

    const records = [
      { id: "E2E-1", title: "First", startedAt: "2026-03-09T09:00:00.000+0000" },
      { id: "E2E-2", title: "Backfilled", startedAt: "2026-03-09T09:00:00Z", resolvedAt: "2026-03-09T08:00:00Z" },
      { id: "E2E-3", title: "Third", startedAt: "2026-03-09T10:00:00Z" },
    ];
    await page.getByLabel("Incident file").setInputFiles({ name: "back=fill;ed.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(records)) });
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByRole("alert").filter({ hasText: "cannot be imported" }).waitFor();
    await page.getByRole("button", { name: "Import the valid 2 and skip these 1" }).click();
    await page.waitForURL(/\/incidents\?imported=/);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Imported: 2 new");
    await page.getByText("1 invalid record was skipped, as chosen").click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("record 2 (E2E-2)");

    // Another tool's CSV: map its columns once, by name, then import.
    await page.goto(`${server.url}/incidents/import`);
    const csv = "Key,Summary,Created,Assignee\nE2E-CSV-1,Mapped in a browser,2026-03-09T09:02:00.000+0000,dana\n";
    await page.getByLabel("Incident file").setInputFiles({ name: "jira.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByRole("heading", { name: "Map this CSV's columns" }).waitFor();
    await page.getByLabel("Key").selectOption("id");
    await page.getByLabel("Summary").selectOption("title");
    await page.getByLabel("Created").selectOption("startedAt");
    await page.getByLabel("Save the mapping as").fill("Jira CSV");
    await page.getByRole("button", { name: "Save mapping and check the file" }).click();
    await page.getByRole("heading", { name: "Ready to import jira.csv" }).waitFor();
    await expect.poll(() => page.locator(".preview-counts").textContent()).toContain("columns mapped by “Jira CSV”");
    await page.getByRole("button", { name: "Confirm import of 1 record" }).click();
    await page.waitForURL(/\/incidents\?imported=/);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Imported: 1 new");
    await page.goto(`${server.url}/incidents/import`);
    await expect(page.getByLabel("CSV column mapping").locator("option").allTextContents()).resolves.toContain("Jira CSV");

    // A public status page, served by a local stand-in: its history is read and previewed first.
    const pages = path.resolve(__dirname, "../fixtures/statuspage-site");
    const site = http.createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (url.pathname !== "/api/v2/incidents.json") return void response.writeHead(404).end();
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(fs.readFileSync(path.join(pages, `incidents-page-${url.searchParams.get("page") ?? "1"}.json`)));
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    try {
      await page.getByLabel("Status page address").fill(`http://127.0.0.1:${(site.address() as AddressInfo).port}`);
      await page.getByRole("button", { name: "Load and check" }).click();
      await page.getByRole("heading", { name: /Ready to import http:\/\/127\.0\.0\.1:\d+\/api\/v2\/incidents\.json/ }).waitFor();
      await expect.poll(() => page.locator(".import-preview").textContent()).toContain("60 new");
      await expect.poll(() => page.locator(".import-preview").textContent()).toContain("1 entry is not an incident");
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
    await context.close();
  }, 120_000);
});
