import { objectiveAt } from "../../../src/ui/logic/card-at";
import { giuntaPlan, ownedSheetName } from "../../../src/ui/logic/plans";
import { createRoleStore } from "../../../src/ui/role-store";
import { describeError } from "../../../src/ui/errors";
import { parseOverrideValue } from "../../../src/ui/components/OverrideDialog";
import { makeAnalysis } from "../fixtures";
import { shortenAtWord } from "../../../src/ui/strings";

describe("objectiveAt", () => {
  const { plan } = makeAnalysis();
  it.each([
    ["Segreteria", "C5", "segreteria/1"],
    ["Segreteria", "B43", "segreteria/2"],
    ["Polizia Locale", "O31", "polizia-locale/1"],
  ])("%s!%s is on %s", (sheet, address, id) => {
    expect(objectiveAt(plan, { sheet, address })?.id).toBe(id);
  });
  it.each([
    ["Segreteria", "C36"],
    ["Polizia Locale", "P1"],
    ["Note", "A1"],
    ["Segreteria", "not-an-address"],
  ])("%s!%s is on no card", (sheet, address) => {
    expect(objectiveAt(plan, { sheet, address })).toBeNull();
  });
  it("uses the top-left of a selected range", () => {
    expect(objectiveAt(plan, { sheet: "Segreteria", address: "B42:D60" })?.id).toBe("segreteria/2");
  });
});

describe("giuntaPlan", () => {
  it("drops the findings sheet and every flag, and recounts", () => {
    const { writePlan } = makeAnalysis();
    const clean = giuntaPlan(writePlan);
    expect(clean.sheets.map((s) => s.key)).toEqual(["objectives", "scores"]);
    expect(clean.flags).toEqual([]);
    expect(clean.stats).toEqual({ cells: 1, formulas: 1, flags: 0, tables: 0 });
    expect(ownedSheetName(clean, "findings")).toBeNull();
    expect(ownedSheetName(clean, "scores")).toBe("Punteggi");
  });
  it("follows a renamed sheet", () => {
    const { writePlan } = makeAnalysis();
    const renamed = {
      ...writePlan,
      sheets: writePlan.sheets.map((s) => (s.key === "scores" ? { ...s, name: "Punteggi (2)" } : s)),
      sheetNames: [{ key: "scores" as const, wanted: "Punteggi", used: "Punteggi (2)" }],
    };
    expect(ownedSheetName(renamed, "scores")).toBe("Punteggi (2)");
  });
});

describe("role store", () => {
  it("reads back what it wrote and ignores junk", () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const store = createRoleStore(storage);
    expect(store.read()).toBeNull();
    store.write("nucleo");
    expect(store.read()).toBe("nucleo");
    map.set("schede-obiettivo.ruolo", "admin");
    expect(store.read()).toBeNull();
  });
  it("survives a storage that throws or is missing", () => {
    const throwing = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
    };
    expect(createRoleStore(throwing).read()).toBeNull();
    expect(() => createRoleStore(throwing).write("segretario")).not.toThrow();
    expect(createRoleStore(null).read()).toBeNull();
  });
});

describe("parseOverrideValue", () => {
  it.each([
    ["80", 80],
    ["80%", 80],
    [" 80,5 % ", 80.5],
    ["0", 0],
    ["100", 100],
    ["101", null],
    ["-5", null],
    ["abc", null],
    ["", null],
  ])("%j → %j", (text, value) => expect(parseOverrideValue(text)).toBe(value));
});

describe("describeError", () => {
  it("shows the reader's Italian messages as they are and wraps anything else", () => {
    const e = new Error("La cartella di lavoro è protetta da password.");
    e.name = "WorkbookEncryptedError";
    expect(describeError(e)).toBe("La cartella di lavoro è protetta da password.");
    expect(describeError(new TypeError("boom"))).toBe("Si è verificato un errore imprevisto: boom");
    expect(describeError("strano")).toBe("Si è verificato un errore imprevisto: strano");
  });
});

describe("shortenAtWord", () => {
  it.each([
    ["Servizi demografici", 40, "Servizi demografici"],
    ["Innovazione dei servizi demografici e digitali", 30, "Innovazione dei servizi…"],
    ["Innovazione, servizi demografici", 15, "Innovazione…"],
    ["Supercalifragilistichespiralidoso", 10, "Supercali…"],
  ])("%s at %i → %s", (text, max, expected) => {
    expect(shortenAtWord(text, max)).toBe(expected);
    expect(shortenAtWord(text, max).length).toBeLessThanOrEqual(max);
  });
});
