// Ukrainian to Latin by the official table (Cabinet of Ministers resolution No. 55 of
// 27.01.2010), for suggesting a community's slug and English name from its Ukrainian one.

const TABLE: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "y",
  і: "i", ї: "i", й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s",
  т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "", ю: "iu",
  я: "ia", "'": "", "’": "", ʼ: "",
};
// At the start of a word: є, ї, й, ю, я are written ye, yi, y, yu, ya.
const INITIAL: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

export function transliterate(text: string): string {
  let out = "";
  let start = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    const lower = ch.toLowerCase();
    // "зг" is written "zgh" to tell it from "ж".
    if (lower === "г" && text[i - 1]?.toLowerCase() === "з") {
      out += ch === lower ? "gh" : "Gh";
      start = false;
      continue;
    }
    const latin = (start ? INITIAL[lower] : undefined) ?? TABLE[lower];
    if (latin === undefined) {
      out += ch;
      start = !/[\p{L}'’ʼ]/u.test(ch);
      continue;
    }
    out += ch !== lower && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
    start = false;
  }
  return out;
}

/** A slug from a community's name: "Петриківська" → "petrykivska". */
export function slugOf(name: string): string {
  return transliterate(name.replace(/\s+(селищна|сільська|міська)?\s*(територіальна)?\s*громада$/iu, ""))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
