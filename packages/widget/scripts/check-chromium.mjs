// Browser tests need a real Chromium; say how to get one instead of passing without it.
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `No Chromium at ${path}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
      'or point CHROME_PATH at a Chromium/Chrome binary. The widget tests need a real browser.',
  );
  process.exit(1);
}
