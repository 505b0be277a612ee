// evidence (src/assessments/evidence): links and files that support an assessment

export const evidence = {};
