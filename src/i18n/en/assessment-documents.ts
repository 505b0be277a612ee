// an assessment's printable page and PDF (src/assessments/documents)

export const assessmentDocuments = {};
