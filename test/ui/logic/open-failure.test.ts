import { encryptedBytes, notAWorkbookBytes, odsBytes } from "../../fixtures/builders/broken";
import { describeOpenFailure } from "../../../src/ui/logic/open-failure";
import { strings } from "../../../src/ui/strings";

const named = (name: string, bytes: Uint8Array) => Object.assign(new Blob([new Uint8Array(bytes)]), { name });
const unreadable = Object.assign(new Error("Il file non è una cartella di lavoro Excel (.xlsx) leggibile."), { name: "WorkbookUnreadableError" });

describe("describeOpenFailure", () => {
  it.each([
    ["an .ods package, whatever its name", named("piano.xlsx", odsBytes()), strings.openFailure.ods("piano.xlsx")],
    ["an empty file", named("vuoto.xlsx", new Uint8Array()), strings.openFailure.emptyFile("vuoto.xlsx")],
    ["a text file renamed .xlsx", named("testo.xlsx", notAWorkbookBytes()), strings.openFailure.notXlsx("testo.xlsx")],
  ])("tells %s apart", async (_, file, expected) => {
    expect(await describeOpenFailure(file, unreadable)).toBe(expected);
  });

  it("names the file before the reader's own message otherwise", async () => {
    const encrypted = Object.assign(new Error("La cartella di lavoro è protetta da password."), { name: "WorkbookEncryptedError" });
    expect(await describeOpenFailure(named("segreto.xlsx", encryptedBytes()), encrypted)).toBe("«segreto.xlsx»: La cartella di lavoro è protetta da password.");
  });

  it("shows the size refusal of a zip bomb as the reader words it", async () => {
    const tooLarge = Object.assign(new Error("Il file contiene una parte troppo grande per essere letta."), { name: "WorkbookTooLargeError" });
    expect(await describeOpenFailure(named("bomba.xlsx", encryptedBytes()), tooLarge)).toBe("«bomba.xlsx»: Il file contiene una parte troppo grande per essere letta.");
  });
});
