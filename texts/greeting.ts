/**
 * How a letter opens and closes (issue 16.6): "Sehr geehrte Frau Dr. Lehmann-Görtz," /
 * "Sehr geehrter Herr Heinen," where the roster gives a salutation (column `anrede`), else
 * "Guten Tag Hans Heinen,"; in English "Dear Ms …" / "Hello …".
 */
export type Salutation = "ms" | "mr";

const TITLES = /^(dr|prof|dipl|mag|ing)\b\.?/i;
const PARTICLES = new Set(["von", "van", "de", "der", "den", "zu", "zur", "vom", "ten", "ter", "di", "da", "del", "le", "la"]);

/** "Dr. Ursula Lehmann-Görtz" → "Dr. Lehmann-Görtz"; "Maria von der Heide" → "von der Heide". */
export function formalName(name: string): string {
  const words = name.trim().split(/\s+/);
  const titles = words.filter((w) => TITLES.test(w));
  const rest = words.filter((w) => !TITLES.test(w));
  const particle = rest.findIndex((w, i) => i > 0 && PARTICLES.has(w.toLowerCase()));
  const surname = particle > 0 ? rest.slice(particle) : rest.slice(-1);
  return [...titles, ...surname].join(" ");
}

export function salutation(name: string, s: Salutation | null, lang: "de" | "en" = "de"): string {
  if (lang === "en") return s ? `Dear ${s === "ms" ? "Ms" : "Mr"} ${formalName(name)},` : `Hello ${name},`;
  if (s === "ms") return `Sehr geehrte Frau ${formalName(name)},`;
  if (s === "mr") return `Sehr geehrter Herr ${formalName(name)},`;
  return `Guten Tag ${name},`;
}

export function closing(sender: string, lang: "de" | "en" = "de"): string {
  return `${lang === "de" ? "Mit freundlichen Grüßen" : "Kind regards"}\n${sender}`;
}
