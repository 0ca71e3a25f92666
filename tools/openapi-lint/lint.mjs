#!/usr/bin/env node
// Lints OpenAPI documents with Spectral (spectral:oas, .spectral.yaml) and Redocly (recommended, redocly.yaml),
// prints every error and warning and their counts by rule, and exits 1 if either tool reports an error or a
// warning on any document (Redocly alone exits non-zero only for errors; Spectral's info and hint results are
// printed but do not fail).
//
//   node tools/openapi-lint/lint.mjs           the three services' documents, each linted beside common's
//                                              components.yaml, as they sit together under openapi/ on the
//                                              classpath (they refer to components.yaml#/components/...)
//   node tools/openapi-lint/lint.mjs FILE...   the given documents where they are (e.g. the gateway's merged
//                                              launcher/target/classes/openapi/jobdash.yaml)
//
// Needs `npm ci --prefix tools/openapi-lint` once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '..', '..');
const SHARED = 'common/src/main/resources/openapi/components.yaml';
const SERVICES = [
  'user-verticle/src/main/resources/openapi/user-service.yaml',
  'resume-verticle/src/main/resources/openapi/resume-service.yaml',
  'ai-verticle/src/main/resources/openapi/ai-service.yaml',
];

function bin(name) {
  const path = join(here, 'node_modules', '.bin', name);
  if (!existsSync(path)) {
    console.error(`${name} is not installed: run npm ci --prefix tools/openapi-lint`);
    process.exit(2);
  }
  return path;
}

/** Runs a linter; its JSON report is what counts, so a crash or an unreadable report is a failure too. */
function run(command, args, reportFile) {
  const r = spawnSync(command, args, {
    cwd: here, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  try {
    return JSON.parse(reportFile ? readFileSync(reportFile, 'utf8') : r.stdout);
  } catch (e) {
    console.error(`${basename(command)} gave no report (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
    process.exit(2);
  }
}

/**
 * Redocly's exceptions: each service keeps its own in src/lint/.redocly.lint-ignore.yaml, keyed by its document's
 * file name. Redocly reads one such file from the directory of its configuration, keyed by paths relative to that
 * directory, so the configuration and one merged ignore file go beside the staged documents. The gateway's merged
 * document keeps the services' paths, so a document that is none of theirs (jobdash.yaml) gets all their entries.
 * The file is written as JSON, which YAML reads.
 */
function stageRedocly(dir, files) {
  const parse = createRequire(import.meta.url)('@stoplight/yaml').parse;
  const entries = {};
  for (const service of SERVICES) {
    const source = join(repository, service.split('/src/')[0], 'src', 'lint', '.redocly.lint-ignore.yaml');
    if (existsSync(source)) Object.assign(entries, parse(readFileSync(source, 'utf8')) ?? {});
  }
  const ignore = {};
  const own = new Set(SERVICES.map(s => basename(s)));
  for (const file of files) {
    const key = relative(dir, file);
    if (own.has(basename(file))) {
      if (entries[basename(file)]) ignore[key] = entries[basename(file)];
    } else {
      const all = {};
      for (const rules of Object.values(entries)) {
        for (const [rule, pointers] of Object.entries(rules)) all[rule] = [...(all[rule] ?? []), ...pointers];
      }
      if (Object.keys(all).length) ignore[key] = all;
    }
  }
  copyFileSync(join(here, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  writeFileSync(join(dir, '.redocly.lint-ignore.yaml'), JSON.stringify(ignore, null, 2));
  return join(dir, 'redocly.yaml');
}

/**
 * files: the documents to lint; names: file → the name to print for it (a staged copy is shown as its source),
 * which covers a document the linted ones refer to, since both tools report findings in it under its own name.
 */
function lint(files, names, scratch) {
  // the tools name a document relative to their working directory (this one) or absolutely
  const shownOf = file => names.get(resolve(here, file)) ?? relative(repository, resolve(here, file));
  const findings = new Map(files.map(f => [shownOf(f), []]));
  const add = (file, finding) => {
    const shown = shownOf(file);
    if (!findings.has(shown)) findings.set(shown, []);
    findings.get(shown).push(finding);
  };

  const spectralReport = join(scratch, 'spectral.json');
  const severities = ['error', 'warn', 'info', 'hint'];
  for (const x of run(bin('spectral'), ['lint', '--ruleset', '.spectral.yaml', '--format', 'json',
    '--output', spectralReport, '--quiet', ...files], spectralReport)) {
    add(x.source ?? files[0], { tool: 'spectral', severity: severities[x.severity], rule: x.code,
      where: `${x.path.join('.')} (line ${x.range.start.line + 1})`, message: x.message });
  }
  // one document a run: given several, Redocly's JSON report covers only one of them
  const config = stageRedocly(dirname(files[0]), files);
  for (const file of files) {
    const redocly = run(bin('redocly'), ['lint', '--config', config, '--format', 'json',
      '--max-problems', '1000000', file]);
    for (const x of redocly.problems) {
      const at = x.location?.[0] ?? {};
      add(at.source?.ref ?? file, { tool: 'redocly', severity: x.severity, rule: x.ruleId,
        where: at.pointer ?? '', message: x.message });
    }
  }

  let failed = false;
  for (const [shown, list] of findings) {
    console.log(`== ${shown}`);
    for (const tool of ['spectral', 'redocly']) {
      const mine = list.filter(f => f.tool === tool);
      const errors = mine.filter(f => f.severity === 'error').length;
      const warnings = mine.filter(f => f.severity === 'warn').length;
      failed ||= errors + warnings > 0;
      console.log(`  ${tool}: ${errors} errors, ${warnings} warnings`);
      const byRule = new Map();
      for (const f of mine) byRule.set(`${f.severity} ${f.rule}`, (byRule.get(`${f.severity} ${f.rule}`) ?? 0) + 1);
      for (const key of [...byRule.keys()].sort()) console.log(`    ${key}: ${byRule.get(key)}`);
    }
    for (const f of list) console.log(`  ${f.tool} ${f.severity} ${f.rule} at ${f.where}: ${f.message}`);
  }
  return failed;
}

const scratch = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
try {
  const names = new Map();
  let files;
  if (process.argv.length > 2) {
    // copied into one directory, where Redocly's configuration and exceptions go beside them
    const staged = join(scratch, 'given');
    mkdirSync(staged);
    files = [];
    for (const given of process.argv.slice(2)) {
      if (!existsSync(given)) {
        console.error(`no such document: ${given}`);
        process.exit(2);
      }
      const copy = join(staged, basename(given));
      copyFileSync(given, copy);
      names.set(copy, given);
      files.push(copy);
    }
  } else {
    // the classpath's layout: every document under openapi/, components.yaml beside the services' own
    const staged = join(scratch, 'openapi');
    mkdirSync(staged);
    files = [];
    for (const source of [SHARED, ...SERVICES]) {
      const copy = join(staged, basename(source));
      if (existsSync(join(repository, source))) copyFileSync(join(repository, source), copy);
      names.set(copy, source);
      if (source !== SHARED) files.push(copy);
    }
  }
  for (const f of files) {
    if (!existsSync(f)) {
      console.error(`no such document: ${names.get(f) ?? f}`);
      process.exit(2);
    }
  }
  const failed = lint(files, names, scratch);
  console.log(failed ? 'OpenAPI lint: FAILED (errors or warnings above)' : 'OpenAPI lint: clean');
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
