/**
 * Speed of normalise + extract, in MB of UTF-8 text per second on one core, and the ratio
 * against one plain `/\d+(\.\d+)?/g` pass over the same text, measured in the same run.
 * Both are given by the wall clock and by the process's CPU time: on a shared machine the
 * wall clock also counts the time other processes held the core, the CPU time does not.
 *   node --import tsx bench/extract.bench.ts [--json]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFromNormalised } from '../src/figures/extract.ts';
import { normalise } from '../src/text/normalise.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');

// Prose between the figures: real reports carry about three figures per kilobyte.
const PROSE = [
  '坚持实体经济为本，推进新型工业化，加快构建现代化产业体系，推动传统产业转型升级，加快数字化改造和绿色低碳发展。',
  '聚焦重点产业链，强化链主企业带动作用，完善上下游配套，优化营商环境，提升为企服务质效，形成齐抓共管的工作格局。',
  '围绕项目立项、用地保障、开工建设、竣工投产全过程开展帮办代办服务，定期召开银企座谈会，帮助企业破解资金难题。',
  '依托高校和科研院所集聚优势，推动科技成果在本地转化落地，培育壮大一批创新型中小企业，加快发展新质生产力。',
];

/** Report-like text with made-up figures, furniture, wrapped lines and full-width forms. */
function syntheticReport(i: number): string {
  const city = ['临江市', '青川市', '云海市', '北山市'][i % 4];
  const y = 2020 + (i % 5);
  return [
    `欢迎访问本站 发布日期：${y}-0${(i % 9) + 1}-1${i % 9}`,
    `${city}工业经济稳中有进`,
    `${y}年1—${(i % 9) + 2}月，${city}规模以上工业增加值同比增长${(i % 13) + 1}.${i % 10}％，高于全省${i % 3}.${i % 10}个百分点，居全省第${(i % 5) + 1}位。`,
    `全市完成工业投资${100 + i}亿元，同比增长${i % 20}.5%，占全市固定资产投资比重${20 + (i % 30)}.1%。`,
    `新增国家级专精特新“小巨人”企业${i % 40}家，累计达到${100 + i}家；新培育省级智能工厂${i % 20}个、全省第${(i % 4) + 1}。`,
    `高技术制造业增加值、装备制造业增加值分别增长${i % 15}.2%、${i % 11}.4%。`,
    `今年前三季度，技术合同成交\n\n额${i}.8亿元，同比下降${i % 7}.1%。力争全年工业投资增长10%以上。`,
    `全市企业上云超万户，建成5G基站${1000 + i}座，工业设备连接数超过 ${i % 90} 万台（套）。`,
    ...PROSE,
    ...PROSE.slice(0, 2 + (i % 3)),
    '【打印】【关闭】',
    '',
  ].join('\n');
}

function corpus(): string[] {
  const docs: string[] = [];
  for (let i = 0; i < 400; i++) docs.push(syntheticReport(i));
  const seeds = path.resolve(repoRoot, '../shared/corpus/seeds');
  if (existsSync(seeds)) for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt'))) docs.push(readFileSync(path.join(seeds, f), 'utf8'));
  return docs;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time(fn: () => number, minMs = 1500): { ms: number; cpuMs: number; rounds: number; sink: number } {
  let rounds = 0;
  let sink = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  let ms = 0;
  do {
    sink += fn();
    rounds++;
    ms = performance.now() - t0;
  } while (ms < minMs);
  return { ms: ms / rounds, cpuMs: (cpuMs() - c0) / rounds, rounds, sink };
}

const docs = corpus();
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0);
const mb = bytes / 1e6;

// Warm up the lookup tables, the JIT and the regex compiler before timing: the first
// rounds run several times slower than the steady state a long-running worker sees. The
// extractor's main loop is one large function, which V8 re-optimises a few times (each a
// second of compiling) as new shapes of figures reach it: it settles after about ten seconds.
const warmStart = performance.now();
let warmRounds = 0;
let firstRoundMs = 0;
do {
  const t = performance.now();
  for (const d of docs) extractFromNormalised(normalise(d));
  if (!warmRounds) firstRoundMs = performance.now() - t;
  warmRounds++;
} while (warmRounds < 5 || performance.now() - warmStart < 10_000);
for (let i = 0; i < 20; i++) for (const d of docs) d.match(/\d+(\.\d+)?/g);

const extract = time(() => {
  let n = 0;
  for (const d of docs) n += extractFromNormalised(normalise(d)).length;
  return n;
}, 3000);
const baseline = time(() => {
  let n = 0;
  const re = /\d+(\.\d+)?/g;
  for (const d of docs) n += d.match(re)?.length ?? 0;
  return n;
});

const rate = (ms: number) => Math.round((mb / (ms / 1000)) * 100) / 100;
const result = {
  loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  cores: os.availableParallelism(),
  documents: docs.length,
  megabytes: Math.round(mb * 1000) / 1000,
  mbPerSecond: Math.round((mb / (extract.ms / 1000)) * 100) / 100,
  regexMbPerSecond: Math.round((mb / (baseline.ms / 1000)) * 100) / 100,
  ratio: Math.round((extract.ms / baseline.ms) * 10) / 10,
  cpuMbPerSecond: rate(extract.cpuMs),
  cpuRegexMbPerSecond: rate(baseline.cpuMs),
  cpuRatio: Math.round((extract.cpuMs / baseline.cpuMs) * 10) / 10,
  figuresPerRound: extract.sink / extract.rounds,
  firstRoundMbPerSecond: rate(firstRoundMs),
};

if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
else
  process.stdout.write(
    `normalise+extract: ${result.mbPerSecond} MB/s per core on ${result.megabytes} MB (${result.documents} documents, ${result.figuresPerRound} figures); ` +
      `one /\\d+(\\.\\d+)?/g pass: ${result.regexMbPerSecond} MB/s; extraction is ${result.ratio}× the regex pass\n` +
      `by CPU time: ${result.cpuMbPerSecond} MB/s, regex pass ${result.cpuRegexMbPerSecond} MB/s, ${result.cpuRatio}× ` +
      `(first, cold round: ${result.firstRoundMbPerSecond} MB/s; load average ${result.loadAverage} on ${result.cores} cores)\n`,
  );
