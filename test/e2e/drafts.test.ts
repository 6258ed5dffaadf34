/**
 * The draft editor in Chromium: a holding statement holding every payload of the XSS corpus is
 * saved, previewed live (through the server's one sanitizer policy) and exported, and nothing
 * runs: no dialog, no console message, no unsafe element or attribute in the page.
 */
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import payloads from "../fixtures/xss/payloads.json";
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

/** Unsafe parts of the preview, read from the live DOM. */
function unsafeInPreview(page: Page, selector: string) {
  return page.locator(selector).evaluate((root) => {
    const bad: string[] = [];
    const forbidden = ["SCRIPT", "IFRAME", "FORM", "STYLE", "svg", "math", "OBJECT", "EMBED", "IMG", "INPUT", "BUTTON", "BASE", "META", "LINK", "TEMPLATE", "VIDEO", "AUDIO"];
    for (const el of Array.from(root.querySelectorAll("*"))) {
      if (forbidden.includes(el.tagName) || forbidden.includes(el.tagName.toUpperCase())) bad.push(el.tagName);
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.startsWith("on") || attr.name === "style") bad.push(`${el.tagName}[${attr.name}]`);
        if (attr.name === "href" && !/^(https?:|mailto:|#)/i.test(attr.value.trim())) bad.push(`${el.tagName}[href=${attr.value}]`);
      }
    }
    return bad;
  });
}

describe("the draft editor in a browser", () => {
  it("renders the XSS corpus with no dialog, no console message and nothing unsafe", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const messages: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));

    await page.goto(`${server.url}/sign-in?redirectTo=${encodeURIComponent("/cases")}`);
    await page.getByLabel("Email").fill("comms@example.com");
    await page.getByLabel("Password").fill("factdesk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/cases`);
    await page.locator("a[href^='/cases/']").filter({ hasText: "Meridian" }).first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    await page.getByRole("link", { name: /^Drafts/ }).click();
    await page.waitForURL(/\/drafts$/);
    await page.getByRole("button", { name: "New holding statement" }).click();
    await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);

    const before = await page.locator("#draft-preview").innerHTML();
    await page.getByLabel(/^Text \(Markdown/).fill(payloads.join("\n\n"));
    // Live preview: the server renders it through the one policy and the page swaps it in.
    await expect.poll(() => page.locator("#draft-preview").innerHTML(), { timeout: 15_000 }).not.toBe(before);
    expect(await unsafeInPreview(page, "#draft-preview")).toEqual([]);

    await page.getByRole("button", { name: "Save new version" }).click();
    await expect.poll(() => page.getByText(/^Version 2, saved by/).count(), { timeout: 15_000 }).toBe(1);
    expect(await unsafeInPreview(page, "#draft-preview")).toEqual([]);

    // Each payload on its own (a payload that opens a raw-text element hides the ones after it
    // in the joined text): the server's preview, put into the page the way the editor does.
    const rendered = await page.evaluate(async (list) => {
      const target = document.getElementById("draft-preview")!;
      const out: string[] = [];
      for (const payload of list) {
        const res = await fetch("/drafts/preview", { method: "POST", body: new URLSearchParams({ body: payload }) });
        const { html } = (await res.json()) as { html: string };
        target.innerHTML = html;
        await new Promise((r) => setTimeout(r, 20));
        for (const el of Array.from(target.querySelectorAll("*"))) {
          if (/^(script|iframe|form|style|svg|math|object|embed|img|input|button|base|meta|link|template|video|audio)$/i.test(el.tagName)) out.push(`${payload} → <${el.tagName}>`);
          for (const attr of Array.from(el.attributes)) {
            if (attr.name.startsWith("on") || attr.name === "style") out.push(`${payload} → [${attr.name}]`);
            if (attr.name === "href" && !/^(https?:|mailto:|#)/i.test(attr.value.trim())) out.push(`${payload} → href=${attr.value}`);
          }
        }
      }
      return out;
    }, payloads);
    expect(rendered).toEqual([]);
    expect(await unsafeInPreview(page, "#draft-preview")).toEqual([]);

    const exportHref = await page.getByRole("link", { name: "HTML for print" }).getAttribute("href");
    const editorUrl = page.url();

    await page.getByRole("button", { name: "Show redline" }).click();
    await page.waitForURL(/\/diff\?from=1&to=2$/);
    await expect.poll(() => page.getByRole("heading", { name: "Version 1 → version 2" }).count()).toBe(1);
    expect(await page.locator("pre.redline ins").count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/snippets`);
    await expect.poll(() => page.getByRole("heading", { name: "Statement template" }).count()).toBe(1);
    await page.goto(editorUrl);

    await page.goto(`${server.url}${exportHref}`);
    expect(await unsafeInPreview(page, "body")).toEqual([]);
    await page.waitForTimeout(300);

    expect(dialogs).toEqual([]);
    expect(messages).toEqual([]);
    await context.close();
  }, 120_000);
});
