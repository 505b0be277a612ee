/**
 * Bilingual vocabulary for synthetic competency statements: [English, French] pairs, so an item's
 * French text uses the translations of its English words (the grammar is not real, the words are).
 */
export type Pair = readonly [en: string, fr: string];

export const VERBS: readonly Pair[] = [
  ["plans", "planifie"], ["evaluates", "évalue"], ["develops", "élabore"], ["manages", "gère"], ["promotes", "fait la promotion de"],
  ["explains", "explique"], ["organizes", "organise"], ["negotiates", "négocie"], ["documents", "documente"], ["coordinates", "coordonne"],
  ["selects", "sélectionne"], ["monitors", "surveille"], ["applies", "applique"], ["designs", "conçoit"], ["delivers", "offre"],
  ["maintains", "maintient"], ["assesses", "apprécie"], ["communicates", "communique"], ["identifies", "repère"], ["recommends", "recommande"],
  ["supervises", "supervise"], ["trains", "forme"], ["supports", "soutient"], ["analyzes", "analyse"], ["builds", "bâtit"],
  ["prepares", "prépare"], ["reviews", "révise"], ["uses", "utilise"], ["adapts", "adapte"], ["interprets", "interprète"],
  ["facilitates", "anime"], ["welcomes", "accueille"], ["resolves", "résout"], ["protects", "protège"], ["measures", "mesure"],
  ["implements", "met en œuvre"], ["encourages", "encourage"], ["shares", "partage"], ["respects", "respecte"], ["anticipates", "anticipe"],
];

export const NOUNS: readonly Pair[] = [
  ["library", "bibliothèque"], ["collection", "collection"], ["community", "collectivité"], ["partnership", "partenariat"], ["budget", "budget"],
  ["policy", "politique"], ["staff", "personnel"], ["volunteers", "bénévoles"], ["patrons", "usagers"], ["program", "programme"],
  ["outreach", "rayonnement"], ["services", "services"], ["catalogue", "catalogue"], ["metadata", "métadonnées"], ["reference", "référence"],
  ["interview", "entrevue"], ["resources", "ressources"], ["technology", "technologie"], ["network", "réseau"], ["database", "base de données"],
  ["privacy", "vie privée"], ["copyright", "droit d'auteur"], ["licence", "licence"], ["vendor", "fournisseur"], ["contract", "contrat"],
  ["grant", "subvention"], ["funding", "financement"], ["report", "rapport"], ["statistics", "statistiques"], ["survey", "sondage"],
  ["feedback", "rétroaction"], ["complaint", "plainte"], ["conflict", "conflit"], ["meeting", "réunion"], ["board", "conseil"],
  ["trustees", "administrateurs"], ["governance", "gouvernance"], ["strategy", "stratégie"], ["goals", "objectifs"], ["priorities", "priorités"],
  ["building", "bâtiment"], ["facility", "installation"], ["safety", "sécurité"], ["emergency", "urgence"], ["accessibility", "accessibilité"],
  ["children", "enfants"], ["teens", "adolescents"], ["adults", "adultes"], ["seniors", "aînés"], ["families", "familles"],
  ["literacy", "littératie"], ["reading", "lecture"], ["storytime", "heure du conte"], ["newcomers", "nouveaux arrivants"], ["languages", "langues"],
  ["culture", "culture"], ["diversity", "diversité"], ["inclusion", "inclusion"], ["equity", "équité"], ["respect", "respect"],
  ["media", "médias"], ["social media", "médias sociaux"], ["website", "site Web"], ["newsletter", "infolettre"], ["campaign", "campagne"],
  ["marketing", "marketing"], ["branding", "image de marque"], ["advocacy", "représentation"], ["elected officials", "élus"], ["municipality", "municipalité"],
  ["stakeholders", "parties prenantes"], ["partners", "partenaires"], ["organizations", "organismes"], ["schools", "écoles"], ["museums", "musées"],
  ["archives", "archives"], ["records", "documents"], ["circulation", "prêt"], ["holds", "réservations"], ["fines", "amendes"],
  ["interlibrary loan", "prêt entre bibliothèques"], ["acquisitions", "acquisitions"], ["weeding", "élagage"], ["preservation", "préservation"], ["digitization", "numérisation"],
  ["ebooks", "livres numériques"], ["audiobooks", "livres audio"], ["periodicals", "périodiques"], ["genealogy", "généalogie"], ["local history", "histoire locale"],
  ["software", "logiciel"], ["hardware", "matériel"], ["computers", "ordinateurs"], ["printers", "imprimantes"], ["wireless", "sans-fil"],
  ["security", "sécurité informatique"], ["passwords", "mots de passe"], ["backups", "sauvegardes"], ["integrated library system", "système intégré de gestion de bibliothèque"], ["discovery layer", "outil de découverte"],
  ["training", "formation"], ["workshops", "ateliers"], ["coaching", "encadrement"], ["mentoring", "mentorat"], ["performance", "rendement"],
  ["hiring", "embauche"], ["recruitment", "recrutement"], ["scheduling", "horaires"], ["workload", "charge de travail"], ["wellness", "mieux-être"],
  ["ethics", "éthique"], ["intellectual freedom", "liberté intellectuelle"], ["censorship", "censure"], ["challenges", "contestations"], ["values", "valeurs"],
  ["change", "changement"], ["innovation", "innovation"], ["creativity", "créativité"], ["problem", "problème"], ["decision", "décision"],
  ["teamwork", "travail d'équipe"], ["colleagues", "collègues"], ["supervisors", "superviseurs"], ["managers", "gestionnaires"], ["leadership", "leadership"],
  ["communication", "communication"], ["presentation", "présentation"], ["writing", "rédaction"], ["listening", "écoute"], ["questions", "questions"],
  ["information", "information"], ["research", "recherche"], ["sources", "sources"], ["citations", "citations"], ["evaluation", "évaluation"],
  ["needs", "besoins"], ["expectations", "attentes"], ["outcomes", "résultats"], ["impact", "retombées"], ["indicators", "indicateurs"],
  ["risk", "risque"], ["insurance", "assurance"], ["procurement", "approvisionnement"], ["invoices", "factures"], ["revenue", "revenus"],
  ["events", "événements"], ["exhibits", "expositions"], ["makerspace", "laboratoire de création"], ["gaming", "jeux"], ["homework help", "aide aux devoirs"],
];

export const ADJECTIVES: readonly Pair[] = [
  ["public", "public"], ["local", "local"], ["digital", "numérique"], ["print", "imprimé"], ["accessible", "accessible"],
  ["inclusive", "inclusif"], ["effective", "efficace"], ["clear", "clair"], ["annual", "annuel"], ["strategic", "stratégique"],
  ["financial", "financier"], ["legal", "juridique"], ["ethical", "éthique"], ["professional", "professionnel"], ["current", "actuel"],
  ["diverse", "diversifié"], ["multilingual", "multilingue"], ["Indigenous", "autochtones"], ["francophone", "francophones"], ["rural", "rural"],
  ["urban", "urbain"], ["new", "nouveau"], ["emerging", "émergent"], ["reliable", "fiable"], ["secure", "sécuritaire"],
  ["respectful", "respectueux"], ["welcoming", "accueillant"], ["collaborative", "collaboratif"], ["measurable", "mesurable"], ["sustainable", "durable"],
  ["confidential", "confidentiel"], ["appropriate", "approprié"], ["relevant", "pertinent"], ["special", "spécial"], ["seasonal", "saisonnier"],
  ["regional", "régional"], ["provincial", "provincial"], ["federal", "fédéral"], ["online", "en ligne"], ["in-person", "en personne"],
];

export const CONNECTORS: readonly Pair[] = [
  ["for", "pour"], ["with", "avec"], ["across", "dans l'ensemble de"], ["within", "au sein de"], ["about", "au sujet de"], ["through", "au moyen de"],
];
