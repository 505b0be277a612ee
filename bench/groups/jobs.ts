/**
 * Job documents: the Word document and the PDF of a 40-competency job posting, rendered in process
 * from its view model (what a download route does once the profile is read). Median of several runs
 * after two unmeasured ones (the first loads the fonts and warms the JIT), interleaved with a
 * baseline measured in the same rounds: the same view model serialised to JSON and gzipped, a
 * byte-producing job of the same input that any document route would at least do. The ratio tells
 * a slow machine from a slow renderer.
 */
import { gzipSync } from "node:zlib";
import { renderJobDocx } from "../../src/profiles/documents/docx.ts";
import { renderJobPdf } from "../../src/profiles/documents/pdf.ts";
import { sampleJobDocument } from "../../test/support/job-documents.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { median } from "../lib/stats.ts";

const REQUIREMENTS = 40;
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

export const jobsBench: BenchGroup = {
  id: "jobs",
  title: `job documents (a ${REQUIREMENTS}-competency posting, in process)`,
  figures: [
    {
      key: "job_docx_ms",
      unit: "ms",
      label: "DOCX of a 40-competency posting (median)",
      goal: { op: "<=", target: 200 },
    },
    {
      key: "job_pdf_ms",
      unit: "ms",
      label: "PDF of a 40-competency posting (median)",
      goal: { op: "<=", target: 200 },
    },
    { key: "job_docx_cpu_ms", unit: "ms", label: "DOCX: CPU time of this process (median; barely affected by load)" },
    { key: "job_pdf_cpu_ms", unit: "ms", label: "PDF: CPU time of this process (median; barely affected by load)" },
    { key: "job_docx_ratio", unit: "×", label: "DOCX ÷ JSON+gzip of the same view model (median of rounds)" },
    { key: "job_pdf_ratio", unit: "×", label: "PDF ÷ JSON+gzip of the same view model (median of rounds)" },
  ],
  async run(_context, report) {
    const docs = [
      sampleJobDocument({ lang: "en", kind: "posting", requirements: REQUIREMENTS }),
      sampleJobDocument({ lang: "fr", kind: "posting", requirements: REQUIREMENTS }),
    ];
    const baseline = (i: number) => gzipSync(JSON.stringify(docs[i % 2]));
    const samples = {
      base: [] as number[],
      docx: [] as number[],
      pdf: [] as number[],
      docxCpu: [] as number[],
      pdfCpu: [] as number[],
    };
    const ratios = { docx: [] as number[], pdf: [] as number[] };
    let sizes = { docx: 0, pdf: 0 };
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      // English and French alternate: both languages' words and glyphs are in the figure.
      const doc = docs[round % 2];
      const base = await timed(() => baseline(round));
      const docx = await timed(() => renderJobDocx(doc));
      const pdf = await timed(() => renderJobPdf(doc));
      if (round < WARM_UP) continue;
      samples.base.push(base.ms);
      samples.docx.push(docx.ms);
      samples.pdf.push(pdf.ms);
      samples.docxCpu.push(docx.cpuMs);
      samples.pdfCpu.push(pdf.cpuMs);
      ratios.docx.push(docx.ms / base.ms);
      ratios.pdf.push(pdf.ms / base.ms);
      sizes = { docx: docx.result.length, pdf: pdf.result.length };
    }
    console.log(
      `  baseline (JSON + gzip of the view model) median ${median(samples.base).toFixed(2)} ms; files ${Math.round(sizes.docx / 1024)} KB DOCX, ${Math.round(sizes.pdf / 1024)} KB PDF`,
    );
    report("job_docx_ms", median(samples.docx));
    report("job_pdf_ms", median(samples.pdf));
    report("job_docx_cpu_ms", median(samples.docxCpu));
    report("job_pdf_cpu_ms", median(samples.pdfCpu));
    report("job_docx_ratio", median(ratios.docx));
    report("job_pdf_ratio", median(ratios.pdf));
  },
};
