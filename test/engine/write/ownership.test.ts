import {
  decodeOwnershipRecord,
  emptyOwnershipRecord,
  encodeOwnershipRecord,
  hasOwnedSheetMarker,
  OWNED_SHEET_MARKER,
  readOwnershipRecord,
  userSnapshots,
} from "../../../src/engine/write/ownership";
import { STATE_CHUNK, STATE_SHEET, type OwnershipRecord } from "../../../src/engine/write/types";
import { grid } from "../../helpers/grid";

const record = (): OwnershipRecord => ({
  ...emptyOwnershipRecord(),
  sheets: ["Verifica", "Obiettivi (SO)", "Metodologia"],
  tables: ["SO_Verifica"],
  flags: [{ sheet: "Scheda", top: 1, left: 1, bottom: 1, right: 2, originalFills: [null, "#FFFF00"], originalNotes: [null, "mia"], fill: "#FFC7CE", note: "x" }],
  addedCells: [{ sheet: "Scheda", row: 3, col: 9, written: "Completata il" }],
  sheetKeys: { objectives: "Obiettivi (SO)", methodology: "Metodologia" },
});

describe("ownership record", () => {
  it("round-trips through JSON chunks", () => {
    const r = record();
    expect(decodeOwnershipRecord(encodeOwnershipRecord(r))).toEqual({ status: "ok", record: r });
  });

  it("splits a large record into chunks Excel can hold", () => {
    const r = record();
    r.flags = Array.from({ length: 400 }, (_, i) => ({ sheet: "Scheda", top: i, left: 0, bottom: i, right: 9, originalFills: Array(10).fill("#FFFF00"), originalNotes: Array(10).fill(null) }));
    const chunks = encodeOwnershipRecord(r);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= STATE_CHUNK)).toBe(true);
    expect(decodeOwnershipRecord(chunks).record).toEqual(r);
  });

  it("a damaged or foreign record is «unreadable», never a crash", () => {
    expect(decodeOwnershipRecord(["{not json"]).status).toBe("unreadable");
    expect(decodeOwnershipRecord(['{"version":2}']).status).toBe("unreadable");
    expect(decodeOwnershipRecord([]).status).toBe("absent");
  });

  it("is read from the SO_Stato snapshot", () => {
    const chunks = encodeOwnershipRecord(record());
    const state = grid(STATE_SHEET, "A1", chunks.map((c) => [c]));
    expect(readOwnershipRecord([grid("Scheda", "A1", [["x"]]), state]).record).toEqual(record());
    expect(readOwnershipRecord([grid("Scheda", "A1", [["x"]])]).status).toBe("absent");
  });
});

describe("userSnapshots", () => {
  const state = grid(STATE_SHEET, "A1", encodeOwnershipRecord(record()).map((c) => [c]));
  const sheets = [
    grid("Scheda", "B2", [["1. OBIETTIVO"]]),
    grid("Obiettivi", "A1", [["Dati dell'utente"]]),
    grid("Obiettivi (SO)", "A1", [[`${OWNED_SHEET_MARKER} Obiettivi`]]),
    grid("Verifica", "A1", [[`${OWNED_SHEET_MARKER} Verifica`]]),
    grid("Metodologia", "A1", [["Chiave", "Valore"]]),
    grid("Copia di Punteggi", "A1", [[`${OWNED_SHEET_MARKER} Punteggi`]]),
  ];

  it("keeps the user's sheets (one called «Obiettivi» too) and drops the add-in's, the state and Metodologia", () => {
    expect(userSnapshots([...sheets, state]).map((s) => s.name)).toEqual(["Scheda", "Obiettivi"]);
  });

  it("without a record, recognises generated sheets by their A1 marker", () => {
    expect(userSnapshots(sheets).map((s) => s.name)).toEqual(["Scheda", "Obiettivi"]);
    expect(hasOwnedSheetMarker(grid("X", "B1", [[`${OWNED_SHEET_MARKER} X`]]))).toBe(false);
  });
});
