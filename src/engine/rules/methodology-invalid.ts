import type { MethodologyProblemCode } from "../compute/conversion";
import { defineRule } from "./define";

/**
 * Settings of the Metodologia sheet that are readable one by one but make no sense together:
 * thresholds out of order, a range table ("Scaglione" rows) that does not start at 0, has a gap
 * or an overlap between consecutive rows, an empty row, a proportional row with no end value.
 * The finding sits on the cell (or row) to correct; the engine uses the defaults of those
 * settings meanwhile.
 */
export const methodologyInvalid = defineRule({
  id: "methodology-invalid",
  severity: "error",
  description: "Impostazioni della metodologia incoerenti tra loro (soglie non in ordine, fasce di raggiungimento con buchi o sovrapposizioni).",
  messages: {
    "threshold-order":
      "Metodologia: la soglia minima ({min}%) deve essere inferiore alla soglia target ({target}%). Sono in uso le soglie predefinite; correggere i valori.",
    "threshold-max-order":
      "Metodologia: la soglia massima ({max}%) deve essere superiore alla soglia target ({target}%). Sono in uso le soglie predefinite; correggere i valori.",
    "bands-start":
      "Metodologia: le fasce di raggiungimento devono partire da 0%, la prima parte da {from}%. Sono in uso le fasce predefinite; correggere la tabella.",
    "band-empty":
      "Metodologia: la fascia di raggiungimento da {from}% a {to}% è vuota (la fine deve superare l'inizio). Sono in uso le fasce predefinite; correggere la riga.",
    "bands-gap":
      "Metodologia: tra le fasce di raggiungimento manca l'intervallo da {previousTo}% a {from}%. Sono in uso le fasce predefinite; far iniziare ogni fascia dove finisce la precedente.",
    "bands-overlap":
      "Metodologia: la fascia che inizia a {from}% si sovrappone alla precedente, che finisce a {previousTo}%. Sono in uso le fasce predefinite; far iniziare ogni fascia dove finisce la precedente.",
    "band-no-end-value":
      "Metodologia: la fascia proporzionale da {from}% a {to}% non ha il valore a fine fascia. Sono in uso le fasce predefinite; completare la riga.",
  } satisfies Record<MethodologyProblemCode, string>,
  check({ methodologyProblems, report }) {
    for (const p of methodologyProblems) report(p.code, p.at, { ...p.data, setting: p.setting });
  },
});
