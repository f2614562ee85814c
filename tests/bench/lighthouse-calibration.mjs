// Gather once, audit at several CPU multipliers: the helpers of tests/bench/lighthouse.mjs.
//
// With simulated throttling (Lighthouse's default), Chromium loads the page unthrottled and the
// CPU multiplier is only applied when the audits simulate the load (Lantern): task durations
// observed in the trace are multiplied by `settings.throttling.cpuSlowdownMultiplier`. So one
// gather (Lighthouse's `gatherMode`, which saves the artifacts to a directory) can be audited
// (`auditMode`) at 4x and at a multiplier calibrated to the machine's speed during that gather.
//
// Lighthouse refuses to audit with settings other than the gather's ("Cannot change settings
// between gathering and auditing"), so the saved artifacts' settings are rewritten to the
// multiplier of the audit. The one use of the multiplier while gathering is the
// requestIdleCallback shim's deadline (40 ms / multiplier); the app never reads
// `deadline.timeRemaining()` (src/app/lazy-routes.ts only schedules a download), so it does not
// change what is gathered. A normal 4x run and gather + audit at 4x give identical scores
// (docs/decisions/066-calibrated-lighthouse-gate.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';

/** Lighthouse's default CPU slowdown for the mobile preset. */
export const DEFAULT_MULTIPLIER = 4;

/**
 * Lighthouse's CPU throttling calculator (linked from Lighthouse's docs/throttling.md,
 * patrickhulce/lighthouse-cpu-throttling-calculator): the multiplier that makes a host of this
 * benchmarkIndex emulate Lighthouse's reference mobile device. Undefined below 150 ("too slow to
 * emulate the target device").
 */
export function calculatorMultiplier(benchmarkIndex) {
  const bi = benchmarkIndex;
  if (!Number.isFinite(bi) || bi < 150) return undefined;
  if (bi >= 1300) return 3 + (bi - 1300) / 233;
  if (bi >= 800) return 2 + (bi - 800) / 500;
  return 1 + (bi - 150) / 650;
}

/**
 * The same-run reference: 4x on a machine as fast as `referenceIndex` (its benchmarkIndex when
 * nothing else runs), proportionally less when this gather measured the machine slower, so the
 * emulated device stays the same (`referenceIndex` / 4).
 */
export function proportionalMultiplier(benchmarkIndex, referenceIndex) {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) return undefined;
  return (DEFAULT_MULTIPLIER * benchmarkIndex) / referenceIndex;
}

/** Multipliers are rounded to two decimals so that reports and logs name the one used. */
export const round2 = (x) => Math.round(x * 100) / 100;

/**
 * Gather only: loads `url` in the Chromium at `port` and saves the artifacts (trace, devtools log,
 * artifacts.json with BenchmarkIndex) to `dir`. Returns the artifacts.
 */
export async function gather(url, dir, flags) {
  const result = await lighthouse(url, { ...flags, gatherMode: dir });
  // In gather mode lighthouse() returns the artifacts' runner result without an lhr.
  return result?.artifacts ?? JSON.parse(readFileSync(join(dir, 'artifacts.json'), 'utf8'));
}

/** The benchmarkIndex (and every one if several were measured) saved with a gather. */
export function savedBenchmarkIndexes(dir) {
  const artifacts = JSON.parse(readFileSync(join(dir, 'artifacts.json'), 'utf8'));
  const list = Array.isArray(artifacts.BenchmarkIndexes) && artifacts.BenchmarkIndexes.length ? artifacts.BenchmarkIndexes : [artifacts.BenchmarkIndex];
  return list.filter((x) => Number.isFinite(x));
}

/**
 * Audits the gather saved in `dir` at CPU `multiplier`: rewrites the saved settings to that
 * multiplier and passes the same throttling settings, so Lighthouse's settings check holds.
 */
export async function auditAt(url, dir, multiplier, flags) {
  const path = join(dir, 'artifacts.json');
  const artifacts = JSON.parse(readFileSync(path, 'utf8'));
  const throttling = { ...artifacts.settings.throttling, cpuSlowdownMultiplier: multiplier };
  if (artifacts.settings.throttling.cpuSlowdownMultiplier !== multiplier) {
    artifacts.settings.throttling = throttling;
    writeFileSync(path, JSON.stringify(artifacts));
  }
  const result = await lighthouse(url, { ...flags, auditMode: dir, throttling });
  if (!result?.lhr) throw new Error(`Lighthouse audit of ${dir} returned nothing`);
  return result;
}

/** PROVISIONAL (being measured): the rule the gate enforces. */
export const REFERENCE_INDEX = 2400;
export const CALIBRATION = `4x × benchmarkIndex / ${REFERENCE_INDEX}`;
export function calibratedMultiplier(benchmarkIndex) {
  return round2(Math.max(1, proportionalMultiplier(benchmarkIndex, REFERENCE_INDEX)));
}
