// The new-framework form proposes the web address from the title as it is typed (progressive
// enhancement: left empty, the server makes it from the title). Same rules as src/editor/slug.ts.
(() => {
  const LIGATURES = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l", ı: "i" };
  const MAX = 60;
  const slugFromTitle = (title) => {
    const words = title
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[œæßøđłı]/g, (letter) => LIGATURES[letter] ?? letter)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    let slug = "";
    for (const word of words) {
      const next = slug ? `${slug}-${word}` : word;
      if (next.length > MAX) {
        if (!slug) slug = word.slice(0, MAX);
        break;
      }
      slug = next;
    }
    return slug;
  };
  for (const form of document.querySelectorAll("form[data-slug-from]")) {
    const slug = form.elements.namedItem("slug");
    const proposed = form.elements.namedItem("slug_proposed");
    const titles = form.dataset.slugFrom
      .split(" ")
      .map((id) => document.getElementById(id))
      .filter(Boolean);
    if (!slug || !proposed) continue;
    // Once the person types an address of their own, the title no longer changes it.
    let own = slug.value !== "";
    slug.addEventListener("input", () => {
      own = slug.value !== "" && slug.value !== proposed.value;
    });
    const propose = () => {
      if (own) return;
      const title = titles.map((field) => field.value.trim()).find(Boolean) ?? "";
      const value = slugFromTitle(title);
      slug.value = value;
      proposed.value = value;
    };
    for (const field of titles) field.addEventListener("input", propose);
  }
})();
