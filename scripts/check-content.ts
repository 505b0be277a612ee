// Validates content/starter and prints a summary; exits 1 listing every problem.
import { ContentError, loadStarterContent } from "../src/content/starter.ts";

try {
  const { categories } = loadStarterContent();
  let areas = 0,
    competencies = 0,
    ksas = 0;
  for (const c of categories)
    for (const a of c.children ?? []) {
      areas++;
      for (const comp of a.children ?? []) {
        competencies++;
        ksas += comp.children?.length ?? 0;
      }
    }
  console.log(
    `starter content valid: ${categories.length} categories, ${areas} areas, ${competencies} competencies, ${ksas} KSAs`,
  );
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
