import { readPlan } from "../../../src/engine/read";
import { parseStructureLine } from "../../../src/engine/read/layout-b";
import { allObjectives } from "../../../src/engine/model/plan";
import { grid } from "../../helpers/grid";
import { at, objective, structure } from "./helpers";

const HEADER = ["N°", "Descrizione Obiettivi Operativi", "Peso %", "Indicatori di Misurazione", "Valori Attesi", "Data Fine Attesa"];

describe("layout B: the tabular plan", () => {
  const rows: (string | number | null)[][] = [
    ["STRUTTURA: SERVIZI DEMOGRAFICI – DIRIGENTE/RESPONSABILE: Dott. Mario Rossi"],
    [],
    ["Linea Strategica", "Una città vicina ai cittadini"],
    [],
    ["Obiettivo Strategico", "Servizi efficienti"],
    ["Missione", "Servizi istituzionali, generali e di gestione"],
    ["Obiettivo Operativo", "Ridurre i tempi di attesa"],
    // The add-in's review columns sit right of "Data Fine Attesa".
    [...HEADER, "Completata il", "Note verifica", "Valore raggiunto"],
    ["1", "Digitalizzazione dell'anagrafe\nCertificati e carte d'identità online", "60%", "Certificati online", "≥ 80%", "31.12.2024"],
    ["1.1.", "Fase: attivazione del portale", "(50%)", "Portale attivo", "SI", "30.06.2024", "28/06/2024", "in anticipo", "SI"],
    ["1.2 ", "Fase: formazione", "(cinquanta)", null, null, "31.10.2024"],
    [],
    [2, "Obiettivo di mantenimento: sportello al pubblico", 0.4, "Ore di apertura", 30, "31.12.2024"],
    ["2.1", "Fase: apertura pomeridiana", "(100%)", null, null, "31.12.2024"],
    [],
    ["Dipendenti coinvolti sugli obiettivi:"],
    [],
    ["N.", "Dipendenti", "Obiettivo", "Peso %"],
    [1, "Rossi Mario", "1", "50%"],
    [null, null, null, null],
    [2, "Bianchi Anna", "1, 2", 30],
    [3, "Verdi Carlo", "7", 20],
    [null, null, null, null],
  ];
  const plan = readPlan([grid("Demografici", "C3", rows, { formats: { E15: "0%" } })]);
  const s = structure(plan, "SERVIZI DEMOGRAFICI");
  const o1 = objective(plan, "servizi-demografici/1");
  const o2 = objective(plan, "servizi-demografici/2");

  it("reads the structure line and the strategy rows (label cell + value cell to its right)", () => {
    expect(s.owner).toBe("Dott. Mario Rossi");
    expect(s.strategy).toMatchObject({
      strategicLine: "Una città vicina ai cittadini",
      strategicObjective: "Servizi efficienti",
      mission: "Servizi istituzionali, generali e di gestione",
      operationalObjective: "Ridurre i tempi di attesa",
    });
    expect(at(s.strategy?.source.mission)).toBe("Demografici!D8");
    // Every objective carries the structure's links.
    expect(o1.strategy?.mission).toBe("Servizi istituzionali, generali e di gestione");
    expect(o2.strategy?.strategicLine).toBe("Una città vicina ai cittadini");
  });

  it("reads objective rows: title as typed (one string over several lines), weight, deadline, kind", () => {
    expect(o1).toMatchObject({
      number: "1",
      title: "Digitalizzazione dell'anagrafe\nCertificati e carte d'identità online",
      weight: { value: 60, unit: "percent" },
      deadline: "2024-12-31",
      owner: "Dott. Mario Rossi",
      layout: "B",
      year: 2024,
    });
    expect(o2).toMatchObject({ kind: "mantenimento", weight: { value: 40, unit: "percent" } });
  });

  it("reads phase rows '1.1.', '1.2 ' with '(50%)' weights, deadlines and the add-in's columns", () => {
    expect(o1.phases.map((p) => [p.number, p.label, p.weight, p.deadline, p.completedOn, p.reviewNote])).toEqual([
      ["1.1", "attivazione del portale", 50, "2024-06-30", "2024-06-28", "in anticipo"],
      ["1.2", "formazione", null, "2024-10-31", null, null],
    ]);
    expect(o2.phases.map((p) => [p.number, p.weight])).toEqual([["2.1", 100]]);
  });

  it("gives one indicator per row with a filled 'Indicatori di Misurazione' cell", () => {
    // Objective row → no group; phase row → "Fase 1.1". Phase 1.2 has neither cell: no indicator.
    expect(o1.indicators.map((i) => [i.group, i.description, i.target?.type, i.actual?.type ?? null])).toEqual([
      [null, "Certificati online", "number", null],
      ["Fase 1.1", "Portale attivo", "boolean", "boolean"],
    ]);
    expect(o1.indicators[0]?.target).toMatchObject({ value: 80, unit: "percent", comparator: ">=" });
    expect(o2.indicators.map((i) => [i.description, i.target?.type === "number" ? i.target.value : null])).toEqual([["Ore di apertura", 30]]);
  });

  it("gives staff to the objectives their row names, skipping blank rows", () => {
    expect(o1.staff.map((m) => [m.name, m.participation])).toEqual([
      ["Rossi Mario", 50],
      ["Bianchi Anna", 30],
    ]);
    expect(o2.staff.map((m) => m.name)).toEqual(["Bianchi Anna"]);
  });

  it("reports the unreadable cells: a phase weight in words, a staff row naming no objective", () => {
    expect(plan.unreadable.map((u) => [at(u.at), u.expected, u.text, u.field, u.objectiveId])).toEqual([
      ["Demografici!E13", "percent", "(cinquanta)", "phase.weight", "servizi-demografici/1"],
      ["Demografici!E24", "number", "7", "staff.objective", null],
    ]);
  });

  it("keeps where every field came from", () => {
    expect(at(s.source.header)).toBe("Demografici!C3");
    expect(at(o1.source.title)).toBe("Demografici!D11");
    expect(at(o1.source.weight)).toBe("Demografici!E11");
    expect(at(o1.source.deadline)).toBe("Demografici!H11");
    expect(at(o1.phases[0]?.source.weight)).toBe("Demografici!E12");
    expect(at(o1.phases[0]?.source.completedOn)).toBe("Demografici!I12");
    expect(at(o1.indicators[1]?.source.actual)).toBe("Demografici!K12");
    expect(at(o1.staff[0]?.source.participation)).toBe("Demografici!F21");
    expect(at(o1.source.card)).toBe("Demografici!C11:K13");
    expect(plan.sheets).toEqual([{ name: "Demografici", cards: 2, layouts: ["B"] }]);
  });
});

describe("layout B: structure lines", () => {
  it.each([
    ["STRUTTURA: SEGRETERIA - SEGRETARIO GENERALE: ______________ ", "SEGRETERIA", null],
    [
      "STRUTTURA: AREA AMMINISTRATIVA, AFFARI GENERALI, SERVIZI DEMOGRAFICI E SERVIZI ALLA PERSONA – DIRIGENTE/RESPONSABILE: ________",
      "AREA AMMINISTRATIVA, AFFARI GENERALI, SERVIZI DEMOGRAFICI E SERVIZI ALLA PERSONA",
      null,
    ],
    ["STRUTTURA: POLIZIA LOCALE E PROTEZIONE CIVILE - DIRIGENTE/RESPONSABILE: Dott. Neri", "POLIZIA LOCALE E PROTEZIONE CIVILE", "Dott. Neri"],
    ["STRUTTURA: AREA TECNICA", "AREA TECNICA", null],
  ])("%s", (text, name, owner) => {
    expect(parseStructureLine(text)).toEqual({ name, owner });
  });

  it("reads two structures on one sheet, each with its own table", () => {
    const table = (n: string): (string | null)[][] => [
      [`STRUTTURA: ${n} - DIRIGENTE/RESPONSABILE: ____`],
      HEADER,
      ["1", `Obiettivo di ${n}`, "100%", "Indicatore", "SI", "31.12.2022"],
      ["1.1", "Fase: unica", "(100%)", null, null, "31.12.2022"],
      [],
    ];
    const plan = readPlan([grid("Piano", "A1", [...table("SEGRETERIA"), ...table("AREA TECNICA")])]);
    expect(allObjectives(plan).map((o) => [o.id, o.phases.length, o.weight?.value])).toEqual([
      ["segreteria/1", 1, 100],
      ["area-tecnica/1", 1, 100],
    ]);
    expect(plan.year).toBe(2022);
  });
});
