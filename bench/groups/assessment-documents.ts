/**
 * An assessment's PDF: a 40-competency assessment (test/support/assessment-documents.ts: 4 areas,
 * comments on half, evidence, conversation notes) rendered in process from its view model (what the
 * download route does once the assessment is read). Median of several rounds after two unmeasured
 * ones (the first parses the fonts and warms the JIT), English and French alternating, beside the
 * same baseline as the job documents: the view model as JSON, gzipped, in the same rounds.
 */
import { gzipSync } from "node:zlib";
import { renderAssessmentPdf } from "../../src/assessments/documents/pdf.ts";
import { sampleAssessmentDocument } from "../../test/support/assessment-documents.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { median } from "../lib/stats.ts";

const COMPETENCIES = 40;
const WARM_UP = 2;
const ROUNDS = 9;

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

export const assessmentDocumentsBench: BenchGroup = {
  id: "assessment-documents",
  title: `assessment PDF (a ${COMPETENCIES}-competency assessment, in process)`,
  figures: [
    {
      key: "assessment_pdf_ms",
      unit: "ms",
      label: "PDF of a 40-competency assessment (median)",
      goal: { op: "<=", target: 200 },
    },
    { key: "assessment_pdf_cpu_ms", unit: "ms", label: "PDF: CPU time of this process (median)" },
    { key: "assessment_pdf_ratio", unit: "×", label: "PDF ÷ JSON+gzip of the same view model (median of rounds)" },
  ],
  async run(_context, report) {
    const docs = [
      sampleAssessmentDocument({ lang: "en", competencies: COMPETENCIES }),
      sampleAssessmentDocument({ lang: "fr", competencies: COMPETENCIES }),
    ];
    const samples = { base: [] as number[], pdf: [] as number[], cpu: [] as number[], ratio: [] as number[] };
    let size = 0;
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      const doc = docs[round % 2];
      const base = await timed(() => gzipSync(JSON.stringify(doc)));
      const pdf = await timed(() => renderAssessmentPdf(doc));
      if (round < WARM_UP) continue;
      samples.base.push(base.ms);
      samples.pdf.push(pdf.ms);
      samples.cpu.push(pdf.cpuMs);
      samples.ratio.push(pdf.ms / base.ms);
      size = pdf.result.length;
    }
    console.log(
      `  baseline (JSON + gzip of the view model) median ${median(samples.base).toFixed(2)} ms; PDF ${Math.round(size / 1024)} KB`,
    );
    report("assessment_pdf_ms", median(samples.pdf));
    report("assessment_pdf_cpu_ms", median(samples.cpu));
    report("assessment_pdf_ratio", median(samples.ratio));
  },
};
