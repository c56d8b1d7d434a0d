/**
 * A real headless Chromium for the browser tests, with no download: @sparticuz/chromium ships the browser inside
 * its npm package (brotli-compressed) and unpacks it to the temp folder on first use (about 2 s, then reused).
 * Measured on the project's Debian machines: the binary needs only libc, libexpat and libgcc, which every
 * machine has; Debian's /usr/bin/chromium would need an apt install in .ci/run. If it cannot start, the tests
 * fail saying why: there is no silent skip.
 */
import chromiumPack from "@sparticuz/chromium";
import { type Browser, chromium } from "playwright-core";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  // No WebGL needed: skip unpacking the software GL stack.
  chromiumPack.setGraphicsMode = false;
  const executablePath = await chromiumPack.executablePath();
  try {
    // Playwright gives each launch a fresh temporary profile (user data dir).
    return await chromium.launch({ executablePath, headless: true, args: FLAGS, timeout: 20_000 });
  } catch (error) {
    throw new Error(
      `Chromium from @sparticuz/chromium (${executablePath}) did not start; a stale or partial copy there can be deleted and is unpacked again: ${String(error)}`,
    );
  }
}
