import { Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useSyncExternalStore } from "react";
import type { Progress } from "../../engine";
import { progressNow, subscribeProgress } from "../logic/live-progress";
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

/**
 * The progress of a long operation, with its Italian phase label read out politely. A live
 * progress (logic/live-progress) re-renders this panel only, step by step.
 */
export function ProgressPanel({ progress: live }: ProgressPanelProps) {
  const styles = useStyles();
  const subscribe = useCallback((listener: () => void) => subscribeProgress(live, listener), [live]);
  const progress = useSyncExternalStore(subscribe, () => progressNow(live));
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Field label={strings.progress.label} validationMessage={progress.label} validationState="none">
        <ProgressBar value={Math.min(1, Math.max(0, progress.fraction))} max={1} thickness="large" />
      </Field>
    </div>
  );
}
