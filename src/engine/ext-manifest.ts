// The manifests of the built-in extensions loaded on first use (src/engine/lazy.ts), by name. Made at
// build time: scripts/bundle.mjs puts them in place of this null in the command's bundle. Elsewhere
// (the ES modules in dist/: the library API and thread workers) every extension is loaded eagerly.

import type { ExtensionManifest } from './lazy.js';

export const EXTENSION_MANIFESTS = null as Record<string, ExtensionManifest> | null;
