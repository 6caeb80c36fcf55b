import { type ObjectiveHeading, readObjectiveHeading, slugify } from "../../../src/engine/values";

const h = (number: string | null, kind: string | null, year: number | null, intersectoral = false): ObjectiveHeading => ({
  number,
  kind,
  year,
  intersectoral,
});

describe("readObjectiveHeading", () => {
  it.each<[string, ObjectiveHeading]>([
    ["1. OBIETTIVO DI MIGLIORAMENTO 2024", h("1", "miglioramento", 2024)],
    ["1.OBIETTIVO DI MIGLIORAMENTO 2024", h("1", "miglioramento", 2024)],
    ["4. OBIETTIVO DI GESTIONE 2024", h("4", "gestione", 2024)],
    ["OBIETTIVO DI GESTIONE 2024", h(null, "gestione", 2024)],
    ["6. OBIETTIVO DI GESTIONE 2024 INTERSETTORIALE", h("6", "gestione", 2024, true)],
    ["2. OBBIETTIVO INNOVATIVO 2024", h("2", "innovativo", 2024)],
    ["3. OBIETTIVO INTERSETTORIALE 2024", h("3", "intersettoriale", 2024, true)],
    ["5. Obiettivo di mantenimento 2023", h("5", "mantenimento", 2023)],
    ["7. OBIETTIVO DI SVILUPPO", h("7", "sviluppo", null)],
    ["1. Obiettivo strategico", h("1", "strategico", null)],
    ["2) OBIETTIVO OPERATIVO 2024:", h("2", "operativo", 2024)],
    ["OBIETTIVO 2024", h(null, null, 2024)],
    ["  1.  obiettivo  di  miglioramento  2024  ", h("1", "miglioramento", 2024)],
  ])("%j", (text, expected) => {
    expect(readObjectiveHeading(text)).toEqual(expected);
  });

  it.each([
    "Obiettivo: Descrizione Sintetica",
    "Obiettivo Strategico",
    "Obiettivo Operativo",
    "DEFINIZIONE OBIETTIVO",
    "PERSONALE COINVOLTO NELL' OBIETTIVO",
    "COSTO COMPLESSIVO DELL' OBIETTIVO",
    "Obiettivo di sviluppo specifico dell'area:",
    "Descrizione Obiettivi Gestionali",
    "",
    "1. Coordinamento",
  ])("%j is not a heading", (text) => {
    expect(readObjectiveHeading(text)).toBeNull();
  });
});

describe("slugify", () => {
  it.each([
    ["Servizio Amministrativo", "servizio-amministrativo"],
    ["POLIZIA LOCALE", "polizia-locale"],
    ["Attività è Più  -- Bella!", "attivita-e-piu-bella"],
    ["  Area Tecnica, LL.PP.  ", "area-tecnica-ll-pp"],
    ["", ""],
    ["€€€", ""],
  ])("%j → %j", (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });
});
