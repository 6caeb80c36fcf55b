import { Button, MessageBar, mergeClasses, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens, type MessageBarIntent } from "@fluentui/react-components";
import type { Severity } from "../../engine";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  // Nothing to say: the (empty) live region stays in the page but takes no room.
  empty: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
  },
  details: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
  },
  severity: {
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** One line under the notice: a message of the host's write report (WriteMessage fits). */
export interface NoticeDetail {
  severity: Severity;
  message: string;
}

export interface StatusMessagesProps {
  error: string | null;
  notice: string | null;
  /** Lines under the notice (the messages of the write's report). */
  noticeDetails?: readonly NoticeDetail[];
  onDismissError(): void;
  onDismissNotice(): void;
}

/** The bar's colour follows the worst message: a write that skipped something is not a plain success. */
function noticeIntent(details: readonly NoticeDetail[]): MessageBarIntent {
  if (details.some((d) => d.severity === "error")) return "error";
  if (details.some((d) => d.severity === "warning")) return "warning";
  return "success";
}

/** The last failure (with what to do) and the last success with its report, each dismissible. */
export function StatusMessages({ error, notice, noticeDetails = [], onDismissError, onDismissNotice }: StatusMessagesProps) {
  const styles = useStyles();
  const intent = noticeIntent(noticeDetails);
  // Each line says its severity in words too, so the meaning never rests on the colour alone.
  const labelled = noticeDetails.some((d) => d.severity !== "info");
  return (
    <div className={mergeClasses(styles.root, !error && !notice && styles.empty)}>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.errors.title}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={strings.errors.dismiss} onClick={onDismissError}>
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
      {/* Always in the page, so that a screen reader announces a success when it appears in it
          (Fluent's MessageBar announces only through an AriaLiveAnnouncer, which the pane has not). */}
      <div role="status" aria-live="polite" data-live-region="notice">
        {notice && (
          <MessageBar intent={intent} data-notice={intent}>
            <MessageBarBody>
              {intent === "error" && <MessageBarTitle>{strings.writeReport.incomplete}</MessageBarTitle>}
              {notice}
              {noticeDetails.length > 0 && (
                <ul className={styles.details} aria-label={strings.writeReport.detailsLabel}>
                  {noticeDetails.map((d, i) => (
                    <li key={i} data-severity={d.severity}>
                      {labelled && <span className={styles.severity}>{strings.severity[d.severity]}: </span>}
                      {d.message}
                    </li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" aria-label={strings.errors.dismiss} onClick={onDismissNotice}>
                  ×
                </Button>
              }
            />
          </MessageBar>
        )}
      </div>
    </div>
  );
}
