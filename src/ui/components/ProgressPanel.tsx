import { Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../../engine";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
});

export interface ProgressPanelProps {
  progress: Progress;
}

/** The progress of a long operation, with its Italian phase label read out politely. */
export function ProgressPanel({ progress }: ProgressPanelProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Field label={strings.progress.label} validationMessage={progress.label} validationState="none">
        <ProgressBar value={Math.min(1, Math.max(0, progress.fraction))} max={1} thickness="large" />
      </Field>
    </div>
  );
}
