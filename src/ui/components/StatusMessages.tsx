import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  details: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

export interface StatusMessagesProps {
  error: string | null;
  notice: string | null;
  /** Lines under the notice (the write's messages). */
  noticeDetails?: readonly string[];
  onDismissError(): void;
  onDismissNotice(): void;
}

/** The last failure (with what to do) and the last success, each dismissible. */
export function StatusMessages({ error, notice, noticeDetails = [], onDismissError, onDismissNotice }: StatusMessagesProps) {
  const styles = useStyles();
  if (!error && !notice) return null;
  return (
    <div className={styles.root}>
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
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>
            {notice}
            {noticeDetails.length > 0 && (
              <ul className={styles.details}>
                {noticeDetails.map((d, i) => (
                  <li key={i}>{d}</li>
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
  );
}
