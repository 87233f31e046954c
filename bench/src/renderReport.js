#!/usr/bin/env node
// Re-renders a raw result (bench/results/raw/<run>.json) as Markdown: `node bench/src/renderReport.js <raw.json> [out.md]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatReport } from './formatReport.js';

const [input, output] = process.argv.slice(2);
const { meta, workloads } = JSON.parse(readFileSync(input, 'utf8'));
meta.gatewayBuild ??= 'not recorded';
let markdown = formatReport(meta, workloads);
try {
  const prettier = await import('prettier');
  markdown = await prettier.format(markdown, { parser: 'markdown', printWidth: 110 });
} catch {
  // prettier is optional
}
if (output) writeFileSync(output, markdown);
else process.stdout.write(markdown);
