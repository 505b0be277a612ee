// recherche (src/search) : la page de recherche, ses résultats et les messages d'erreur de l'API de recherche.

import type { Translation } from "../dictionary.ts";
import type { search as enSearch } from "../en/search.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);

export const search: Translation<typeof enSearch> = {
  searchTitle: "Recherche",
  searchTitleFor: (query) => `Recherche : ${query}`,
  searchHeading: "Rechercher dans le référentiel",
  searchIntro:
    "Trouvez des catégories, des domaines, des compétences et leurs connaissances, habiletés et aptitudes, en français ou en anglais. Les accents et les majuscules ne comptent pas, et le début d'un mot suffit.",
  searchResultCount: (n, query) =>
    n <= 1 ? `${n} résultat pour « ${query} »` : `${number(n)} résultats pour « ${query} »`,
  searchNoResults: (query) => `Aucun résultat pour « ${query} »`,
  searchShowingBest: (shown) => `Affichage des ${number(shown)} meilleurs résultats.`,
  searchShortened: (max) => `Votre recherche a été réduite à ses ${number(max)} premiers caractères.`,
  searchTermsIgnored: (max, ignored) =>
    ignored <= 1
      ? `Seuls les ${number(max)} premiers mots ont servi à la recherche ; un autre a été ignoré.`
      : `Seuls les ${number(max)} premiers mots ont servi à la recherche ; ${number(ignored)} autres ont été ignorés.`,
  searchSuggestionsHeading: "Suggestions",
  searchSuggestSpelling: "Vérifiez l'orthographe, ou tapez seulement le début d'un mot.",
  searchSuggestFewerWords: "Utilisez moins de mots, ou des mots plus généraux.",
  searchSuggestOtherLanguage: "Essayez le mot en anglais : la recherche porte sur les deux langues.",
  searchSuggestBrowse: "Parcourir les catégories et les domaines",
  searchEmpty: "Tapez un mot ou le début d'un mot. Par exemple :",
  searchExamples: "partenariat|budget|social media",
  searchOtherLanguageMatch: "En anglais :",
  apiSearchBadLang: "La langue (lang) doit être en ou fr.",
  apiSearchBadLimit: (max) => `La limite doit être un nombre entier de 1 à ${number(max)}.`,
};
