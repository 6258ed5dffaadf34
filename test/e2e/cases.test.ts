import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startServer, type RunningServer } from "../setup/server";

const ARTICLE = fs.readFileSync(new URL("../../db/demo/meridian/article.md", import.meta.url), "utf8");

let server: RunningServer;
let browser: Browser;
let comms: BrowserContext;
let readerUrl: string;
let caseUrl: string;

async function signIn(context: BrowserContext, email: string, to: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("factdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}${to}`);
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  comms = await browser.newContext({ viewport: { width: 1360, height: 900 } });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe("cases in a browser", () => {
  it("opens a case, adds a pasted article and shows its claims highlighted", async () => {
    const page = await signIn(comms, "comms@example.com", "/cases/new");
    await page.getByLabel("Title").fill("Meridian outages");
    await page.getByLabel("Respond by (UTC)").fill("2030-03-13T17:00");
    await page.getByRole("button", { name: "Open case" }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await page.getByLabel("Paste the article").fill(ARTICLE);
    await page.getByLabel("Outlet").fill("The Financial Ledger");
    await page.getByRole("button", { name: "Add source and find claims" }).click();
    await page.waitForURL(/\/sources\/[0-9a-f-]{36}\?added=/);
    readerUrl = page.url().split("?")[0];
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Source added: \d+ check-worthy claims found/);
    const names = await page.locator("a.claim-mark[data-first]").evaluateAll((links) => links.map((l) => l.getAttribute("aria-label")));
    expect(names).toContain("Claim: The online store went down at least four times between 5 and 11 March (proposed)");
    await page.close();
  });

  it("moves between highlights with the arrow keys and opens one with Enter", async () => {
    const page = await comms.newPage();
    await page.goto(readerUrl);
    await page.locator("a.claim-mark[data-first]").first().focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(focused).toBe("Claim: The online store went down at least four times between 5 and 11 March (proposed)");
    await page.keyboard.press("Enter");
    await page.waitForURL(/claim=/);
    await expect.poll(() => page.locator(".claim-wording").textContent()).toBe("The online store went down at least four times between 5 and 11 March");
    await page.getByRole("button", { name: "Accept" }).click();
    await page.waitForURL(/done=accept/);
    await expect.poll(() => page.locator(".claim-panel .badge").first().textContent()).toBe("Accepted");
    await page.close();
  });

  it("adds a claim from a mouse selection, widened to whole words", async () => {
    const page = await comms.newPage();
    await page.goto(readerUrl);
    const mark = page.locator("a.claim-mark[data-first]").nth(6);
    await mark.evaluate((el) => el.scrollIntoView({ block: "center" }));
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(page.url()).not.toContain("claim=");
    await expect.poll(() => page.locator(".selection-preview").textContent()).toBe("“Meridian has pushed its engineers”");
    await page.getByRole("button", { name: "Add claim from selection" }).click();
    await page.waitForURL(/done=created/);
    await expect.poll(() => page.locator(".claim-wording").textContent()).toBe("Meridian has pushed its engineers");
    expect(await page.locator(".selection-bar").count()).toBe(0);
    await page.close();
  });

  it("never runs markup from an uploaded page", async () => {
    const page = await comms.newPage();
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(caseUrl);
    const file = path.join(os.tmpdir(), `hostile-${Date.now()}.html`);
    fs.writeFileSync(
      file,
      `<html><body><article><h1>Hostile</h1><p>The store went down for six hours on Tuesday, the company said.<script>alert(1)</script><img src=x onerror="alert(2)"></p>
       <p onmouseover="alert(3)">Engineers deployed untested code &lt;script&gt;alert(4)&lt;/script&gt;, people said.</p></article></body></html>`,
    );
    await page.getByLabel("Or upload a file").setInputFiles(file);
    await page.getByRole("button", { name: "Add source and find claims" }).click();
    await page.waitForURL(/\/sources\//);
    await page.locator(".article-body").hover();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("main script, main img, main [onerror], main [onmouseover]").count()).toBe(0);
    await expect.poll(() => page.locator(".article-body").textContent()).toContain("<script>alert(4)</script>");
    expect(dialogs).toBe(0);
    fs.rmSync(file);
    await page.close();
  });

  it("reviews claims without JavaScript: open a highlight, dismiss it, add a claim by quote", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await comms.storageState() });
    const page = await context.newPage();
    await page.goto(readerUrl);
    await page.locator("a.claim-mark[data-first]").nth(3).click();
    await page.waitForURL(/claim=/);
    await page.getByRole("button", { name: "Dismiss" }).click();
    await page.waitForURL(/done=dismiss/);
    await expect.poll(() => page.locator(".reader-aside .alert-ok").textContent()).toBe("Claim dismissed.");
    await page.getByText("Add a claim by quoting the article").click();
    await page.getByLabel("Exact quote").fill("during the evening peak");
    await page.getByRole("button", { name: "Add claim", exact: true }).click();
    await page.waitForURL(/done=created/);
    await expect.poll(() => page.locator(".claim-wording").textContent()).toBe("during the evening peak");
    await context.close();
  });

  it("lets legal read a claim but shows no editing forms", async () => {
    const context = await browser.newContext();
    const page = await signIn(context, "legal@example.com", new URL(readerUrl).pathname);
    await page.locator("a.claim-mark[data-first]").first().click();
    await page.waitForURL(/claim=/);
    await expect.poll(() => page.locator(".claim-panel").textContent()).toContain("you can read them");
    expect(await page.locator(".claim-panel form").count()).toBe(0);
    await context.close();
  });
});
