import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { strings } from "../strings";

/**
 * A workbook in which the reader found no card: nothing was checked, so "no findings" would be
 * false comfort (the CLI refuses the same file). Says what the add-in looks for.
 */
export function NoCardsMessage() {
  return (
    <MessageBar intent="warning" data-no-cards>
      <MessageBarBody>
        <MessageBarTitle>{strings.noCards.title}</MessageBarTitle>
        {strings.noCards.text}
      </MessageBarBody>
    </MessageBar>
  );
}
