import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import type { Override } from "../../engine";
import { formatNumber, strings } from "../strings";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  computed: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
});

export interface OverrideDialogProps {
  /** The objective being corrected; null closes the dialog. */
  target: { objectiveId: string; title: string; computed: number | null; current: Override | null } | null;
  onSave(override: Override): void;
  onRemove(objectiveId: string): void;
  onClose(): void;
}

/** "80", "80%", "80,5" → 80.5; null when not a number in 0–100. */
export function parseOverrideValue(text: string): number | null {
  const t = text.trim().replace(/%$/, "").trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n : null;
}

/** The Nucleo's own achievement % for an objective, with the reason; the computed value stays beside it. */
export function OverrideDialog({ target, onSave, onRemove, onClose }: OverrideDialogProps) {
  const styles = useStyles();
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => {
    setValue(target?.current ? formatNumber(target.current.value, 2) : "");
    setNote(target?.current?.note ?? "");
    setSubmitted(false);
  }, [target]);

  const parsed = parseOverrideValue(value);
  const valueError = submitted && parsed === null ? strings.nucleo.overrideInvalid : undefined;
  const noteError = submitted && note.trim() === "" ? strings.nucleo.overrideNoteRequired : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!target || parsed === null || note.trim() === "") return;
    onSave({ objectiveId: target.objectiveId, value: parsed, note: note.trim() });
  };

  return (
    <Dialog open={target !== null} onOpenChange={(_, data) => !data.open && onClose()} modalType="modal">
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{strings.nucleo.overrideTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              {target && (
                <p className={styles.computed}>
                  {target.title} — {strings.nucleo.computedBeside(target.computed === null ? "—" : formatNumber(target.computed))}
                </p>
              )}
              <Field label={strings.nucleo.overrideValue} required validationMessage={valueError}>
                <Input value={value} inputMode="decimal" onChange={(_, d) => setValue(d.value)} />
              </Field>
              <Field label={strings.nucleo.overrideNote} hint={strings.nucleo.overrideNoteHint} required validationMessage={noteError}>
                <Textarea value={note} resize="vertical" onChange={(_, d) => setNote(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {strings.nucleo.overrideSave}
              </Button>
              {target?.current && (
                <Button type="button" onClick={() => onRemove(target.objectiveId)}>
                  {strings.nucleo.overrideRemove}
                </Button>
              )}
              <Button type="button" onClick={onClose}>
                {strings.nucleo.overrideCancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
