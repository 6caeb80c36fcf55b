import { Button, Caption1, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useRef } from "react";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  intro: {
    margin: 0,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  // The native input stays in the page (so it can be labelled and driven by tests and
  // assistive technology) but is drawn by the Fluent button instead.
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  hint: {
    color: tokens.colorNeutralForeground2,
  },
});

export interface StandaloneBarProps {
  fileName: string | null;
  busy: boolean;
  onOpen(file: File): void;
  /** Absent until there is an analysis to write. */
  onDownload?: () => void;
}

/** The standalone page's file controls: open an .xlsx, download the annotated copy. */
export function StandaloneBar({ fileName, busy, onOpen, onDownload }: StandaloneBarProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId("xlsx-input");
  const hintId = useId("download-hint");
  return (
    <section className={styles.root} aria-label={strings.standalone.openFile}>
      {/* Once a file is open the results matter more than the welcome. */}
      {!fileName && <p className={styles.intro}>{strings.standalone.intro}</p>}
      <div className={styles.actions}>
        <input
          ref={input}
          id={inputId}
          className={styles.input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={strings.standalone.openFileInput}
          tabIndex={-1}
          data-testid="xlsx-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Reset so that choosing the same file again still fires a change.
            e.currentTarget.value = "";
            if (file) onOpen(file);
          }}
        />
        <Button appearance="primary" disabledFocusable={busy} onClick={() => input.current?.click()}>
          {strings.standalone.openFile}
        </Button>
        <Button disabled={busy || !onDownload} disabledFocusable={busy} onClick={onDownload} aria-describedby={hintId}>
          {strings.standalone.download}
        </Button>
      </div>
      {fileName && <Caption1 data-file-name={fileName}>{strings.standalone.opened(fileName)}</Caption1>}
      <Caption1 id={hintId} className={styles.hint}>
        {strings.standalone.downloadHint}
      </Caption1>
    </section>
  );
}
