import { OWNED_SHEET_MARKER, emptyOwnershipRecord, encodeOwnershipRecord } from "../../../src/engine/write/ownership";
import { readOverrideValue, readOverrides } from "../../../src/engine/write/overrides";
import { STATE_SHEET } from "../../../src/engine/write/types";
import { grid } from "../../helpers/grid";

const punteggi = (name: string, marker = true) =>
  grid(
    name,
    "A1",
    [
      [marker ? `${OWNED_SHEET_MARKER} Punteggi` : "Punteggi dell'utente"],
      ["Data di riferimento", 45657],
      [],
      ["ID obiettivo", "Struttura", "Valutazione Nucleo", "Nota Nucleo"],
      ["polizia-locale/1", "Polizia Locale", 0.9, "Rivisto"],
      ["polizia-locale/2", "Polizia Locale", null, "Solo una nota"],
      ["polizia-locale/3", "Polizia Locale", "87,5%", null],
      ["polizia-locale/4", "Polizia Locale", "buono", null],
      [null, "Polizia Locale", 0.5, null],
      ["polizia-locale/9", "dopo la riga vuota", 0.5, null],
    ],
    { formats: { C5: "0.00%" } },
  );

describe("readOverrides", () => {
  it("reads the Nucleo's value and note from the add-in's Punteggi, up to the first row without id", () => {
    expect(readOverrides([punteggi("Punteggi")])).toEqual([
      { objectiveId: "polizia-locale/1", value: 90, note: "Rivisto" },
      { objectiveId: "polizia-locale/3", value: 87.5, note: null },
    ]);
  });

  it("finds the sheet by the record when it was renamed, and ignores a user's own «Punteggi»", () => {
    const state = grid(STATE_SHEET, "A1", encodeOwnershipRecord({ ...emptyOwnershipRecord(), sheets: ["Punteggi (SO)"], sheetKeys: { scores: "Punteggi (SO)" } }).map((c) => [c]));
    expect(readOverrides([punteggi("Punteggi", false)])).toEqual([]);
    expect(readOverrides([punteggi("Punteggi", false), { ...punteggi("Punteggi (SO)", false) }, state]).map((o) => o.value)).toEqual([90, 87.5]);
  });

  it.each<[unknown, string | null, number | null]>([
    [0.9, "0%", 90],
    [90, null, 90],
    [0.9, null, 0.9],
    ["90%", null, 90],
    ["90,5", null, 90.5],
    ["molto", null, null],
    [-1, null, null],
    [true, null, null],
  ])("%p (format %p) → %p", (value, format, expected) => {
    expect(readOverrideValue(value, format)).toBe(expected);
  });
});
