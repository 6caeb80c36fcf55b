import { resolveSheetNames } from "../../../src/engine/write/sheets";
import { emptyOwnershipRecord } from "../../../src/engine/write/ownership";

const used = (existing: string[], owned: string[] = []) => {
  const record = owned.length > 0 ? { ...emptyOwnershipRecord(), sheets: owned } : null;
  return resolveSheetNames(existing, record);
};
const namesOf = (r: ReturnType<typeof used>) => Object.fromEntries(r.names.map((n) => [n.key, n.used]));

describe("resolveSheetNames", () => {
  it("uses the default names in a workbook that has none of them", () => {
    expect(namesOf(used(["Servizio Amministrativo"]))).toEqual({
      findings: "Verifica",
      scores: "Punteggi",
      summary: "Riepilogo",
      report: "Relazione",
      objectives: "Obiettivi",
      phases: "Fasi",
      indicators: "Indicatori",
      schedule: "Cronoprogramma",
      staff: "Personale",
      methodology: "Metodologia",
    });
    expect(used(["Servizio Amministrativo"]).messages).toEqual([]);
  });

  it("a user sheet with the name (any case) pushes the add-in's to «(SO)», then «(SO 2)», and says so", () => {
    const r = used(["obiettivi", "Punteggi", "Punteggi (SO)"]);
    expect(namesOf(r)).toMatchObject({ objectives: "Obiettivi (SO)", scores: "Punteggi (SO 2)", phases: "Fasi" });
    expect(r.messages.map((m) => [m.code, m.sheet])).toEqual([
      ["sheet-renamed", "Punteggi (SO 2)"],
      ["sheet-renamed", "Obiettivi (SO)"],
    ]);
    expect(r.messages[1]?.message).toBe(
      "La cartella contiene già un foglio «Obiettivi» dell'utente, che non viene toccato: il componente scrive le sue tabelle nel foglio «Obiettivi (SO)».",
    );
  });

  it("the add-in's own sheets (in the record) do not count as taken", () => {
    expect(namesOf(used(["Obiettivi", "Punteggi"], ["Obiettivi", "Punteggi"]))).toMatchObject({ objectives: "Obiettivi", scores: "Punteggi" });
  });

  it("is deterministic: the same workbook gives the same names", () => {
    const sheets = ["Verifica", "Fasi", "Fasi (SO)"];
    expect(used(sheets)).toEqual(used(sheets));
    expect(namesOf(used(sheets))).toMatchObject({ findings: "Verifica (SO)", phases: "Fasi (SO 2)" });
  });

  it("Metodologia is never renamed: a user's sheet with that name is the methodology", () => {
    expect(namesOf(used(["METODOLOGIA"])).methodology).toBe("METODOLOGIA");
  });

  it("never takes the state sheet's name", () => {
    expect(namesOf(used(["SO_Stato"])).findings).toBe("Verifica");
  });
});
