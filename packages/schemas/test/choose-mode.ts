// Stands for the page's first import: strict mode when the fixture page asks for it.
import { enableStrictCsp } from '../src/zod-config.js';

if (document.documentElement.dataset['jitless'] === '1') enableStrictCsp();
